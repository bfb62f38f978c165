package io.fpp4j.proof.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Hex;
import org.junit.jupiter.api.Test;

/**
 * Every index of every peer's map against the number the peer puts on the wire (kona-proof {@code boot.rs},
 * proof-interop {@code boot.rs}, op-preimage {@code local_keys.go}, op-program's interop host), so a slip in
 * the shared definition shows up as the key that moved.
 */
class LocalKeysTest {
  @Test
  void konaSingleChain() {
    assertThat(new long[] {LocalKeys.Kona.L1_HEAD, LocalKeys.Kona.L2_OUTPUT_ROOT, LocalKeys.Kona.L2_CLAIM,
        LocalKeys.Kona.L2_CLAIM_BLOCK_NUMBER, LocalKeys.Kona.L2_CHAIN_ID, LocalKeys.Kona.ROLLUP_CONFIG,
        LocalKeys.Kona.L1_CONFIG}).containsExactly(1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void konaInterop() {
    assertThat(new long[] {LocalKeys.KonaInterop.L1_HEAD, LocalKeys.KonaInterop.AGREED_PRESTATE,
        LocalKeys.KonaInterop.CLAIMED_POST_STATE, LocalKeys.KonaInterop.CLAIMED_TIMESTAMP,
        LocalKeys.KonaInterop.ROLLUP_CONFIGS, LocalKeys.KonaInterop.L1_CONFIG, LocalKeys.KonaInterop.DEPENDENCY_SET})
        .containsExactly(1, 2, 3, 4, 6, 7, 8);
  }

  @Test
  void opProgramSingleChain() {
    assertThat(new long[] {LocalKeys.OpProgram.L1_HEAD, LocalKeys.OpProgram.L2_OUTPUT_ROOT, LocalKeys.OpProgram.L2_CLAIM,
        LocalKeys.OpProgram.L2_CLAIM_BLOCK_NUMBER, LocalKeys.OpProgram.L2_CHAIN_ID, LocalKeys.OpProgram.L2_CHAIN_CONFIG,
        LocalKeys.OpProgram.ROLLUP_CONFIG, LocalKeys.OpProgram.L1_CHAIN_CONFIG}).containsExactly(1, 2, 3, 4, 5, 6, 7, 9);
  }

  @Test
  void opProgramInterop() {
    assertThat(new long[] {LocalKeys.OpProgramInterop.L1_HEAD, LocalKeys.OpProgramInterop.AGREED_PRESTATE,
        LocalKeys.OpProgramInterop.CLAIMED_POST_STATE, LocalKeys.OpProgramInterop.CLAIMED_TIMESTAMP,
        LocalKeys.OpProgramInterop.L2_CHAIN_ID, LocalKeys.OpProgramInterop.L2_CHAIN_CONFIGS,
        LocalKeys.OpProgramInterop.ROLLUP_CONFIGS, LocalKeys.OpProgramInterop.DEPENDENCY_SET,
        LocalKeys.OpProgramInterop.L1_CHAIN_CONFIG}).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void theCustomChainIdIsMaxUint64AndAKeyIsTypeOneWithTheIndexInItsLastBytes() {
    assertThat(Long.toUnsignedString(LocalKeys.CUSTOM_CHAIN_ID)).isEqualTo("18446744073709551615");
    assertThat(Hex.prefixed(LocalKeys.key(LocalKeys.OpProgram.L1_CHAIN_CONFIG).bytes()))
        .isEqualTo("0x0100000000000000000000000000000000000000000000000000000000000009");
  }
}
