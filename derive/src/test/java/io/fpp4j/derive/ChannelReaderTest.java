package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.rlp.RlpWriter;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class ChannelReaderTest {
  static byte[] rlpStrings(List<byte[]> items) {
    RlpWriter w = new RlpWriter();
    for (byte[] i : items) w.writeBytes(i);
    return w.toByteArray();
  }

  static byte[] zlib(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
      z.write(data);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  /**
   * A brotli stream (RFC 7932) of one uncompressed meta-block, hand-built because org.brotli:dec has no encoder:
   * WBITS 16 (bit 0), ISLAST 0, MNIBBLES 4 (bits 00), MLEN-1 in 16 bits, ISUNCOMPRESSED 1, padding to a byte, the bytes;
   * then an empty last meta-block (ISLAST 1, ISLASTEMPTY 1).
   */
  static byte[] brotliStored(byte[] data) {
    if (data.length == 0 || data.length > 65536) throw new IllegalArgumentException("1 to 65536 bytes");
    long bits = (long) (data.length - 1) << 4 | 1L << 20; // bits 0-3 zero: WBITS, ISLAST, MNIBBLES
    byte[] out = new byte[3 + data.length + 1];
    out[0] = (byte) bits;
    out[1] = (byte) (bits >>> 8);
    out[2] = (byte) (bits >>> 16);
    System.arraycopy(data, 0, out, 3, data.length);
    out[out.length - 1] = 0x03;
    return out;
  }

  static byte[] withVersion(int version, byte[] body) {
    byte[] out = new byte[body.length + 1];
    out[0] = (byte) version;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  private final List<byte[]> batches = List.of(new byte[] {0, 1, 2}, new byte[300], "batch three".getBytes());

  @Test
  void zlibChannelsGiveTheirBatches() {
    assertThat(ChannelReader.read(TestConfigs.preCanyon(), zlib(rlpStrings(batches)), 100)).containsExactlyElementsOf(batches);
  }

  @Test
  void brotliChannelsGiveTheirBatchesFromFjord() {
    byte[] channel = withVersion(ChannelReader.BROTLI_VERSION, brotliStored(rlpStrings(batches)));
    assertThat(ChannelReader.read(TestConfigs.fjord(), channel, 100)).containsExactlyElementsOf(batches);
  }

  @Test
  void brotliIsRefusedBeforeFjord() {
    byte[] channel = withVersion(ChannelReader.BROTLI_VERSION, brotliStored(rlpStrings(batches)));
    assertThatThrownBy(() -> ChannelReader.read(TestConfigs.preCanyon(), channel, 100))
        .isInstanceOf(DerivationException.class).hasMessageContaining("zlib only before Fjord");
  }

  @Test
  void anUnknownCompressionIsRefused() {
    assertThatThrownBy(() -> ChannelReader.read(TestConfigs.fjord(), new byte[] {0x02, 1, 2}, 100))
        .isInstanceOf(DerivationException.class).hasMessageContaining("0x02");
    assertThatThrownBy(() -> ChannelReader.read(TestConfigs.fjord(), new byte[0], 100)).isInstanceOf(DerivationException.class);
  }

  @Test
  void onlyTheBatchesWithinTheRlpLimitAreRead() {
    byte[] rlp = rlpStrings(batches);
    int firstTwo = rlpStrings(batches.subList(0, 2)).length;
    byte[] cut = ChannelReader.decompress(zlib(rlp), false, firstTwo + 5);
    assertThat(cut).hasSize(firstTwo + 5);
    assertThat(ChannelReader.batchesOf(cut)).containsExactlyElementsOf(batches.subList(0, 2));
  }

  @Test
  void theLimitIsTenfoldFromFjord() {
    assertThat(ChannelReader.maxRlpBytesPerChannel(TestConfigs.preCanyon(), 100)).isEqualTo(10_000_000L);
    assertThat(ChannelReader.maxRlpBytesPerChannel(TestConfigs.fjord(), 100)).isEqualTo(100_000_000L);
  }

  @Test
  void aCorruptStreamKeepsTheBatchesBeforeTheFault() {
    byte[] big = new byte[200_000];
    new java.util.Random(1).nextBytes(big);
    byte[] rlp = rlpStrings(List.of(new byte[] {7, 7}, big));
    byte[] z = zlib(rlp);
    byte[] truncated = Arrays.copyOf(z, z.length / 2);
    assertThat(ChannelReader.read(TestConfigs.preCanyon(), truncated, 100)).containsExactly(new byte[] {7, 7});
  }

  @Test
  void aListItemEndsTheChannel() {
    RlpWriter w = new RlpWriter();
    w.writeBytes(new byte[] {1}).startList().endList().writeBytes(new byte[] {2});
    assertThat(ChannelReader.batchesOf(w.toByteArray())).containsExactly(new byte[] {1});
  }
}
