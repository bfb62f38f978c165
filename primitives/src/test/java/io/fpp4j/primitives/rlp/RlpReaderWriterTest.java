package io.fpp4j.primitives.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RlpReaderWriterTest {
  static RlpReader reader(String hex) {
    return RlpReader.of(Hex.decode(hex));
  }

  @Test
  void integersAreMinimalBigEndian() {
    assertThat(Hex.encode(new RlpWriter().writeLong(0).toByteArray())).isEqualTo("80");
    assertThat(Hex.encode(new RlpWriter().writeLong(0x7f).toByteArray())).isEqualTo("7f");
    assertThat(Hex.encode(new RlpWriter().writeLong(0x80).toByteArray())).isEqualTo("8180");
    assertThat(Hex.encode(new RlpWriter().writeLong(0x0400).toByteArray())).isEqualTo("820400");
    assertThat(Hex.encode(new RlpWriter().writeLong(-1L).toByteArray())).isEqualTo("88ffffffffffffffff");
    assertThat(reader("88ffffffffffffffff").readLong("u64")).isEqualTo(-1L);
    assertThat(Hex.encode(new RlpWriter().writeBigInteger(BigInteger.TWO.pow(255)).toByteArray()))
        .isEqualTo("a08000000000000000000000000000000000000000000000000000000000000000");
  }

  @Test
  void integerWithLeadingZeroIsRejectedWithOffsetAndName() {
    RlpReader r = RlpReader.of(Hex.decode("c3820001"));
    RlpReader l = r.readList("list");
    assertThatThrownBy(() -> l.readLong("gasLimit"))
        .isInstanceOf(RlpException.class)
        .hasMessage("RLP error at byte offset 1: gasLimit has a leading zero byte (integers must be minimal; zero is 0x80)");
    assertThatThrownBy(() -> reader("00").readLong("nonce")).hasMessageContaining("nonce has a leading zero byte");
  }

  @Test
  void integerTooWideIsRejected() {
    assertThatThrownBy(() -> reader("89010000000000000000").readLong("number"))
        .hasMessageContaining("number is 9 bytes long, more than the 8 allowed");
    assertThatThrownBy(() -> reader("a1" + "01" + "00".repeat(32)).readBigInteger(32, "value"))
        .hasMessageContaining("value is 33 bytes long");
  }

  @Test
  void itemOverrunningItsListIsRejected() {
    // c3: a list of 3 payload bytes, holding a string header that claims 3 bytes (needs 4).
    RlpReader l = reader("c383616263").readList("outer");
    assertThatThrownBy(() -> l.readBytes("inner"))
        .hasMessage("RLP error at byte offset 1: string for inner declares 3 payload byte(s) but only 2 remain");
  }

  @Test
  void trailingBytesAreRejected() {
    RlpReader r = reader("8261620000");
    r.readBytes("s");
    assertThatThrownBy(() -> r.finish("the item"))
        .hasMessage("RLP error at byte offset 3: 2 unexpected trailing byte(s) after the item");
    assertThatThrownBy(() -> RlpItem.decode(Hex.decode("c0c0")))
        .hasMessageContaining("byte offset 1: 1 unexpected trailing byte(s)");
  }

  @Test
  void wrongKindsAndBooleans() {
    assertThatThrownBy(() -> reader("c0").readBytes("extraData"))
        .hasMessageContaining("expected a string for extraData, found a list");
    assertThatThrownBy(() -> reader("80").readList("logs")).hasMessageContaining("expected a list for logs, found a string");
    assertThat(reader("80").readBoolean("flag")).isFalse();
    assertThat(reader("01").readBoolean("flag")).isTrue();
    assertThatThrownBy(() -> reader("02").readBoolean("isSystemTx")).hasMessageContaining("isSystemTx must be 0 or 1, got 2");
    assertThatThrownBy(() -> reader("820102").readFixed(32, "stateRoot")).hasMessageContaining("stateRoot must be 32 bytes, got 2");
  }

  @Test
  void longFormsAtTheBoundary() {
    byte[] s55 = new byte[55];
    byte[] s56 = new byte[56];
    assertThat(new RlpWriter().writeBytes(s55).toByteArray()[0] & 0xff).isEqualTo(0xb7);
    byte[] enc56 = new RlpWriter().writeBytes(s56).toByteArray();
    assertThat(Hex.encode(enc56, 0, 2)).isEqualTo("b838");
    assertThat(RlpReader.of(enc56).readBytes("s")).hasSize(56);
    byte[] bigList = new RlpWriter().startList().writeBytes(new byte[70000]).endList().toByteArray();
    // 70000 = 0x011170 needs three length bytes; the list holds 4 + 70000 = 0x011174 bytes.
    assertThat(Hex.encode(bigList, 0, 8)).isEqualTo("fa011174ba011170");
    RlpReader lr = RlpReader.of(bigList).readList("l");
    assertThat(lr.readBytes("big")).hasSize(70000);
  }

  @Test
  void writerRejectsUnbalancedLists() {
    RlpWriter w = new RlpWriter().startList();
    assertThatThrownBy(w::toByteArray).hasMessageContaining("1 list(s) still open");
    assertThatThrownBy(() -> new RlpWriter().endList()).hasMessageContaining("without a matching startList");
  }
}
