package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobDataTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 27, 28, 31, 32, 126, 127, 128, 1000, BlobData.MAX_DATA_BYTES})
  void decodeInvertsEncode(int length) {
    byte[] data = new byte[length];
    new Random(length).nextBytes(data);
    byte[] blob = BlobData.encode(data);
    assertThat(blob).hasSize(BlobData.BLOB_BYTES);
    for (int fe = 0; fe < BlobData.FIELD_ELEMENTS; fe++) assertThat(blob[fe * 32] & 0xc0).isZero();
    assertThat(BlobData.decode(blob)).isEqualTo(data);
  }

  @Test
  void headerSitsInTheFirstFieldElementAfterItsSixBitByte() {
    byte[] blob = BlobData.encode(new byte[] {(byte) 0xab, (byte) 0xcd});
    assertThat(blob[1]).isZero(); // version
    assertThat(new byte[] {blob[2], blob[3], blob[4]}).containsExactly(0, 0, 2); // length
    assertThat(blob[5] & 0xff).isEqualTo(0xab);
    assertThat(blob[6] & 0xff).isEqualTo(0xcd);
  }

  @Test
  void refusesAnUnknownVersion() {
    byte[] blob = BlobData.encode(new byte[] {1});
    blob[1] = 1;
    assertThatThrownBy(() -> BlobData.decode(blob)).isInstanceOf(DerivationException.class).hasMessageContaining("version 1");
  }

  @Test
  void refusesALengthAboveTheMaximum() {
    byte[] blob = BlobData.encode(new byte[0]);
    blob[2] = (byte) 0x01;
    blob[3] = (byte) 0xfb;
    blob[4] = (byte) 0xfd; // 130045
    assertThatThrownBy(() -> BlobData.decode(blob)).isInstanceOf(DerivationException.class).hasMessageContaining("130045");
  }

  @Test
  void refusesDataPastTheLength() {
    byte[] blob = BlobData.encode(new byte[] {1, 2, 3});
    blob[4000] = 1;
    assertThatThrownBy(() -> BlobData.decode(blob)).isInstanceOf(DerivationException.class).hasMessageContaining("non-zero");
  }

  @Test
  void refusesAFieldElementWithHighBitsSet() {
    byte[] blob = BlobData.encode(new byte[] {1, 2, 3});
    blob[32 * 7] = (byte) 0x40;
    assertThatThrownBy(() -> BlobData.decode(blob)).isInstanceOf(DerivationException.class).hasMessageContaining("field element 7");
  }

  @Test
  void refusesAWrongSize() {
    assertThatThrownBy(() -> BlobData.decode(new byte[100])).isInstanceOf(DerivationException.class).hasMessageContaining("100");
    assertThatThrownBy(() -> BlobData.encode(new byte[BlobData.MAX_DATA_BYTES + 1])).isInstanceOf(IllegalArgumentException.class);
  }
}
