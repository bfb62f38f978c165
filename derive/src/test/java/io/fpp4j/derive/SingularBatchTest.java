package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import java.util.List;
import org.junit.jupiter.api.Test;

class SingularBatchTest {
  static SingularBatch sample() {
    return new SingularBatch(Bytes32.fromHex("0x" + "aa".repeat(32)), 12, Bytes32.fromHex("0x" + "bb".repeat(32)), 1024,
        List.of(Bytes.fromHex("0x02f8"), Bytes.fromHex("0xc0")));
  }

  @Test
  void decodesWhatItEncodes() {
    byte[] enc = sample().encode();
    assertThat(enc[0]).isEqualTo((byte) Batch.SINGULAR_TYPE);
    assertThat(Batch.decode(enc, 901)).isEqualTo(sample());
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] enc = sample().encode();
    byte[] longer = java.util.Arrays.copyOf(enc, enc.length + 1);
    assertThatThrownBy(() -> Batch.decode(longer, 901)).isInstanceOf(DerivationException.class).hasMessageContaining("does not decode");
  }

  @Test
  void aWrongShapeIsRefused() {
    assertThatThrownBy(() -> Batch.decode(new byte[] {0, (byte) 0xc1, (byte) 0x80}, 901)).isInstanceOf(DerivationException.class);
    assertThatThrownBy(() -> Batch.decode(new byte[] {0}, 901)).isInstanceOf(DerivationException.class);
  }

  @Test
  void unknownTypesAndEmptyBatchesAreRefused() {
    assertThatThrownBy(() -> Batch.decode(new byte[] {2, 0}, 901)).isInstanceOf(DerivationException.class).hasMessageContaining("type 2");
    assertThatThrownBy(() -> Batch.decode(new byte[0], 901)).isInstanceOf(DerivationException.class).hasMessageContaining("empty");
  }
}
