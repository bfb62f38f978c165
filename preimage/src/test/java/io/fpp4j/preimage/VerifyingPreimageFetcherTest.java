package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Hashing;
import org.junit.jupiter.api.Test;

/** op-preimage's TestWithVerification and Kona's verifier tests, rewritten. */
class VerifyingPreimageFetcherTest {
  private static final byte[] DATA = {1, 2, 3, 4, 5, 6};

  private static byte[] fetch(PreimageKey key, byte[] served) throws Exception {
    return new VerifyingPreimageFetcher(k -> served).getPreimage(key);
  }

  @Test
  void keysThatCannotBeCheckedPassThrough() throws Exception {
    assertThat(fetch(PreimageKey.local(1), DATA)).isEqualTo(DATA);
    assertThat(fetch(PreimageKey.fromDigest(PreimageKeyType.BLOB, Hashing.keccak256(DATA)), DATA)).isEqualTo(DATA);
    assertThat(fetch(PreimageKey.fromDigest(PreimageKeyType.PRECOMPILE, Hashing.keccak256(DATA)), DATA)).isEqualTo(DATA);
    assertThat(fetch(PreimageKey.fromDigest(PreimageKeyType.GLOBAL_GENERIC, Hashing.keccak256(DATA)), DATA)).isEqualTo(DATA);
  }

  @Test
  void matchingKeccakAndSha256PreimagesAreServed() throws Exception {
    assertThat(fetch(PreimageKey.keccak256Of(DATA), DATA)).isEqualTo(DATA);
    assertThat(fetch(PreimageKey.sha256Of(DATA), DATA)).isEqualTo(DATA);
  }

  @Test
  void wrongOrEmptyDataIsRefused() {
    byte[] wrong = {6, 7, 8};
    assertThatThrownBy(() -> fetch(PreimageKey.keccak256Of(DATA), wrong))
        .isInstanceOf(IncorrectPreimageDataException.class).hasMessageContaining("does not hash to its key");
    assertThatThrownBy(() -> fetch(PreimageKey.sha256Of(DATA), wrong)).isInstanceOf(IncorrectPreimageDataException.class);
    assertThatThrownBy(() -> fetch(PreimageKey.keccak256Of(DATA), new byte[0]))
        .isInstanceOf(IncorrectPreimageDataException.class).hasMessageContaining("of the 0-byte value");
    assertThatThrownBy(() -> fetch(PreimageKey.sha256Of(DATA), new byte[0])).isInstanceOf(IncorrectPreimageDataException.class);
  }

  @Test
  void emptyPreimageOfTheEmptyStringIsServedAsBothPeersDo() throws Exception {
    // op-preimage WithVerification and kona verify_preimage compare hashes only.
    assertThat(fetch(PreimageKey.keccak256Of(new byte[0]), new byte[0])).isEmpty();
    assertThat(fetch(PreimageKey.sha256Of(new byte[0]), new byte[0])).isEmpty();
  }

  @Test
  void innerErrorsPropagate() {
    assertThatThrownBy(() -> new VerifyingPreimageFetcher(k -> {
      throw new KeyNotFoundException("not found: " + k);
    }).getPreimage(PreimageKey.keccak256Of(DATA))).isInstanceOf(KeyNotFoundException.class);
  }
}
