package io.fpp4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.InvalidPreimageKeyException;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key vectors of the peers' own unit tests (kona-preimage 0.3.0 {@code key.rs}, op-preimage
 * {@code iface_test.go TestPreimageKeyTypes}), rebuilt through the fpp4j API. The same keys also travel the
 * wire in every direction in scenario {@code peer-vectors}.
 */
class PeerKeyVectorsTest {

  // ---- kona-preimage key.rs

  @Test
  void konaTypeBytesOneToSixMapAndZeroAndSevenAreRejected() {
    PreimageKeyType[] expected = {PreimageKeyType.LOCAL, PreimageKeyType.KECCAK256, PreimageKeyType.GLOBAL_GENERIC,
        PreimageKeyType.SHA256, PreimageKeyType.BLOB, PreimageKeyType.PRECOMPILE};
    for (int b = 1; b <= 6; b++) {
      assertThat(PreimageKeyType.fromByte(b)).isEqualTo(expected[b - 1]);
      assertThat(PreimageKeyType.fromByte(b).code()).isEqualTo((byte) b);
    }
    assertThatThrownBy(() -> PreimageKeyType.fromByte(0)).isInstanceOf(InvalidPreimageKeyException.class)
        .hasMessageContaining("0x00");
    assertThatThrownBy(() -> PreimageKeyType.fromByte(7)).isInstanceOf(InvalidPreimageKeyException.class)
        .hasMessageContaining("0x07");
  }

  @Test
  void konaNewLocal0xffHasKeyValue0xff() {
    PreimageKey key = PreimageKey.local(0xFF);
    assertThat(bodyValue(key)).isEqualTo(BigInteger.valueOf(0xFF));
    assertThat(key.localIndex()).isEqualTo(0xFF);
    assertThat(key.hex()).isEqualTo("0x01" + "00".repeat(30) + "ff");
  }

  @Test
  void konaKeyValueOfAllOnesLocalKeyIsTwoTo248MinusOne() {
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) 0xFF);
    PreimageKey key = PreimageKey.fromDigest(PreimageKeyType.LOCAL, raw);
    assertThat(bodyValue(key)).isEqualTo(BigInteger.TWO.pow(248).subtract(BigInteger.ONE));
  }

  @Test
  void konaDisplayOfAllOnesLocalKey() {
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) 0xFF);
    assertThat(PreimageKey.fromDigest(PreimageKeyType.LOCAL, raw).toString()).isEqualTo("0x01" + "ff".repeat(31));
  }

  @ParameterizedTest
  @EnumSource(PreimageKeyType.class)
  void konaEveryTypeRendersAsTypeThenThirtyOneOnes(PreimageKeyType type) {
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) 0xFF);
    byte[] expected = raw.clone();
    expected[0] = type.code();
    PreimageKey key = PreimageKey.fromDigest(type, raw);
    assertThat(key.bytes()).isEqualTo(expected);
    assertThat(key.type()).isEqualTo(type);
    // B256 round trip: the 32 bytes parse back to the same key.
    assertThat(PreimageKey.of(key.bytes())).isEqualTo(key);
    assertThat(PreimageKey.fromHex(key.hex())).isEqualTo(key);
  }

  // ---- op-preimage iface_test.go TestPreimageKeyTypes

  @Test
  void opPreimageLocalIndexKeyFfffffff() {
    assertThat(Hex.encode(PreimageKey.local(0xFFFFFFFFL).bytes())).isEqualTo("01" + "00".repeat(27) + "ffffffff");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4, 5, 6})
  void opPreimageHashKeyTypesOverwriteOnlyByteZero(int typeByte) {
    byte[] fauxHash = new byte[32];
    fauxHash[31] = (byte) 0xFF;
    PreimageKey key = PreimageKey.fromDigest(PreimageKeyType.fromByte(typeByte), fauxHash);
    byte[] expected = new byte[32];
    expected[0] = (byte) typeByte;
    expected[31] = (byte) 0xFF;
    assertThat(key.bytes()).isEqualTo(expected);
  }

  private static BigInteger bodyValue(PreimageKey key) {
    return new BigInteger(1, Arrays.copyOfRange(key.bytes(), 1, 32));
  }
}
