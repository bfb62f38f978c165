package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key constructions against the vectors of op-program-spec.md 10.2/10.3 and both peers' unit tests. */
class PreimageKeyTest {
  private static final byte[] HELLO = "hello world".getBytes(StandardCharsets.US_ASCII);

  @Test
  void localKeys() {
    assertThat(PreimageKey.local(0).hex()).isEqualTo("0x01" + "00".repeat(31));
    assertThat(PreimageKey.local(1).hex()).isEqualTo("0x01" + "00".repeat(30) + "01");
    assertThat(PreimageKey.local(9).hex()).isEqualTo("0x01" + "00".repeat(30) + "09");
    // op-preimage TestPreimageKeyTypes: LocalIndexKey(0xFFFFFFFF)
    assertThat(PreimageKey.local(0xFFFFFFFFL).hex()).isEqualTo("0x01" + "00".repeat(27) + "ffffffff");
    // Kona: new_local(0xFF).key_value() == 0xFF
    assertThat(PreimageKey.local(0xFF).localIndex()).isEqualTo(0xFF);
    assertThat(PreimageKey.local(-1L).hex()).isEqualTo("0x01" + "00".repeat(23) + "ff".repeat(8));
    assertThat(PreimageKey.local(-1L).localIndex()).isEqualTo(-1L);
    assertThat(PreimageKey.local(3).type()).isEqualTo(PreimageKeyType.LOCAL);
  }

  @Test
  void helloWorldKeccakAndSha256Keys() {
    assertThat(PreimageKey.keccak256Of(HELLO).hex())
        .isEqualTo("0x02173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad");
    assertThat(PreimageKey.sha256Of(HELLO).hex())
        .isEqualTo("0x044d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
  }

  @Test
  void emptyPreimageKeysFromTheDataAndFromTheDigestAreTheSameWireBytes() {
    // keccak256("") = c5d24601…a470 and sha256("") = e3b0c442…b855: byte 0 becomes the type.
    String keccakKey = "0x02d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";
    String shaKey = "0x04b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    assertThat(PreimageKey.keccak256Of(new byte[0]).hex()).isEqualTo(keccakKey);
    assertThat(PreimageKey.keccak256(Bytes32.fromHex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")).hex())
        .isEqualTo(keccakKey);
    assertThat(PreimageKey.sha256Of(new byte[0]).hex()).isEqualTo(shaKey);
    assertThat(PreimageKey.sha256(Bytes32.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")).hex())
        .isEqualTo(shaKey);
  }

  @Test
  void theDigestFactoryDoesNotHashItsArgument() {
    Bytes32 digest = Bytes32.fromHex("47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad"); // keccak("hello world")
    assertThat(PreimageKey.keccak256(digest)).isEqualTo(PreimageKey.keccak256Of(HELLO));
    assertThat(PreimageKey.keccak256(digest)).isNotEqualTo(PreimageKey.keccak256Of(digest.toArray()));
  }

  @Test
  void cannonClaimExampleKeys() {
    byte[] s = Hex.decode("00ffffff00001000");
    byte[] diff = Hex.decode("d4c69e49e83a6047f46e42b2d053a1f0c6e70ea42862e5ef4ad66b3666c5e2af"
        + "d2ed8d75f801ae8a206c07ff9b104f0e005238dcd1cbaf844fd9f40d63174c56");
    assertThat(Hex.encode(Hashing.keccak256(s)))
        .isEqualTo("7f7fa7f8fea0d8d22fb5225f32264f463eee3bd2513cbee93da6560338e0615e");
    assertThat(PreimageKey.keccak256Of(s).hex())
        .isEqualTo("0x027fa7f8fea0d8d22fb5225f32264f463eee3bd2513cbee93da6560338e0615e");
    assertThat(PreimageKey.keccak256Of(diff).hex())
        .isEqualTo("0x02decc5be5a9ccc776fa2738bc15b7abd3c33cc7a5bca6fe62202f43b0bd1769");
    assertThat(PreimageKey.keccak256Of(Hex.decode("0000000000000003")).hex())
        .isEqualTo("0x02c69e49e83a6047f46e42b2d053a1f0c6e70ea42862e5ef4ad66b3666c5e2af");
    assertThat(PreimageKey.keccak256Of(Hex.decode("0000000000000004")).hex())
        .isEqualTo("0x02ed8d75f801ae8a206c07ff9b104f0e005238dcd1cbaf844fd9f40d63174c56");
    // The program keys its keccak requests from the hashes it was given in local keys 0 and 1.
    assertThat(PreimageKey.fromDigest(PreimageKeyType.KECCAK256,
            Hex.decode("24decc5be5a9ccc776fa2738bc15b7abd3c33cc7a5bca6fe62202f43b0bd1769")))
        .isEqualTo(PreimageKey.keccak256Of(diff));
  }

  @Test
  void zeroBlobFieldElementKeys() {
    byte[] commitment = new byte[48];
    commitment[0] = (byte) 0xc0;
    byte[] versionedHash = Hashing.sha256(commitment);
    versionedHash[0] = 1;
    assertThat(Hex.encode(versionedHash)).isEqualTo("010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014");
    assertThat(PreimageKey.fromDigest(PreimageKeyType.SHA256, versionedHash).hex())
        .isEqualTo("0x040657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014");
    assertThat(PreimageKey.fromDigest(PreimageKeyType.SHA256, versionedHash)).isEqualTo(PreimageKey.sha256Of(commitment));

    byte[] z0 = Hex.decode("00".repeat(31) + "01");
    byte[] z1 = Hex.decode("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000");
    byte[] z4095 = Hex.decode("391b2856c609b4784ae25ffab9dc59865046d17864183203961a252dd8543362");
    assertThat(PreimageKey.blob(commitment, z0).hex())
        .isEqualTo("0x05d0386f1692642e9b46449e7ee5a7aaa85d92ab248930e0ff388ed56c79977e");
    assertThat(PreimageKey.blob(commitment, z1).hex())
        .isEqualTo("0x0548a8b457e7d906d8d22e959da25e1162d6f70cfaf8fc55338f898581217adb");
    assertThat(PreimageKey.blob(commitment, z4095).hex())
        .isEqualTo("0x0522a2380f0e3f2a088df8b98b7b54e659c11a3399dd2156bd23edd3f182f89c");
    // The companion keccak preimage a host stores for op-challenger has the same body with type 02.
    assertThat(PreimageKey.keccak256Of(PreimageKey.blobKeyPreimage(commitment, z0)).hex())
        .isEqualTo("0x02d0386f1692642e9b46449e7ee5a7aaa85d92ab248930e0ff388ed56c79977e");
  }

  @Test
  void kzgPrecompileKey() {
    byte[] address = Hex.decode("000000000000000000000000000000000000000a");
    byte[] input = Hex.decode(
        "01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b"
            + "564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306"
            + "24d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a1"
            + "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7"
            + "873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a");
    byte[] keyData = PreimageKey.precompileKeyPreimage(address, 50_000, input);
    assertThat(keyData).hasSize(220);
    assertThat(Hex.encode(keyData, 0, 28)).isEqualTo("000000000000000000000000000000000000000a000000000000c350");
    assertThat(Hex.encode(Hashing.keccak256(keyData)))
        .isEqualTo("3efd5c3c1c5552980c63aee54570c276cbff7532796b4d753132d51a6bedf0c6");
    assertThat(PreimageKey.precompile(address, 50_000, input).hex())
        .isEqualTo("0x06fd5c3c1c5552980c63aee54570c276cbff7532796b4d753132d51a6bedf0c6");
    assertThat(PreimageKey.keccak256Of(keyData).hex())
        .isEqualTo("0x02fd5c3c1c5552980c63aee54570c276cbff7532796b4d753132d51a6bedf0c6");
    // The legacy (gas-less) form hashes another preimage.
    assertThat(PreimageKey.legacyPrecompile(address, input).bodyMatches(Hashing.keccak256(address, input))).isTrue();
    assertThat(PreimageKey.legacyPrecompile(address, input)).isNotEqualTo(PreimageKey.precompile(address, 50_000, input));
  }

  @Test
  void everyTypeRendersAsTypeThenBody() {
    // Kona key.rs: every type renders as [type, 0xFF x 31]; op-preimage: byte 0 = type, byte 31 kept.
    byte[] ff = new byte[32];
    Arrays.fill(ff, (byte) 0xff);
    for (PreimageKeyType t : PreimageKeyType.values()) {
      PreimageKey k = PreimageKey.fromDigest(t, ff);
      assertThat(k.hex()).isEqualTo(String.format("0x%02x", t.code()) + "ff".repeat(31));
      assertThat(PreimageKey.of(k.bytes())).isEqualTo(k);
    }
    assertThat(PreimageKeyType.fromByte(1)).isEqualTo(PreimageKeyType.LOCAL);
    assertThat(PreimageKeyType.fromByte(6)).isEqualTo(PreimageKeyType.PRECOMPILE);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, 8, 0x80, 0xfe, 0xff})
  void parsingRejectsUnknownTypeBytesAndNamesThem(int typeByte) {
    byte[] raw = new byte[32];
    raw[0] = (byte) typeByte;
    assertThatThrownBy(() -> PreimageKey.of(raw))
        .isInstanceOf(InvalidPreimageKeyException.class)
        .hasMessageContaining(String.format("0x%02x", typeByte));
  }

  @Test
  void parsingRejectsWrongLengthsAndBadArguments() {
    assertThatThrownBy(() -> PreimageKey.of(new byte[31])).hasMessageContaining("32 bytes, got 31");
    assertThatThrownBy(() -> PreimageKey.fromHex("0x0102")).hasMessageContaining("must be 32 bytes, got 2");
    assertThatThrownBy(() -> PreimageKey.blob(new byte[47], new byte[32])).hasMessageContaining("KZG commitment must be 48 bytes, got 47");
    assertThatThrownBy(() -> PreimageKey.blob(new byte[48], new byte[31])).hasMessageContaining("evaluation point z must be 32 bytes");
    assertThatThrownBy(() -> PreimageKey.precompile(new byte[19], 1, new byte[0])).hasMessageContaining("precompile address must be 20 bytes");
    assertThatThrownBy(() -> PreimageKey.keccak256Of(HELLO).localIndex()).hasMessageContaining("not a local key");
  }
}
