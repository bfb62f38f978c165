package io.fpp4j.precompiles.kzg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.primitives.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Precompile 0x0a (EIP-4844 point evaluation) through c-kzg and the bundled trusted setup. */
class KzgPointEvaluationTest {
  /** u256(FIELD_ELEMENTS_PER_BLOB = 4096) ‖ u256(BLS_MODULUS), EIP-4844's fixed return value. */
  static final String SUCCESS = "0000000000000000000000000000000000000000000000000000000000001000"
      + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

  final KzgPointEvaluation p = new KzgPointEvaluation();
  final byte[] input = TestBlobs.pointEvaluationInput(TestBlobs.blob("precompile"), "z");

  @Test
  void aValidProofReturnsTheBlobSizeAndModulus() throws Exception {
    assertThat(Hex.encode(p.run(input))).isEqualTo(SUCCESS);
  }

  @Test
  void aWrongValueFails() {
    byte[] wrongY = input.clone();
    wrongY[95] ^= 1;
    assertThatThrownBy(() -> p.run(wrongY)).isInstanceOf(PrecompileFailure.class).hasMessage("the KZG proof does not verify");
  }

  @Test
  void badInputsFail() {
    byte[] wrongHash = input.clone();
    wrongHash[5] ^= 1;
    byte[] nonCanonicalZ = input.clone();
    Arrays.fill(nonCanonicalZ, 32, 64, (byte) 0xff);
    byte[] badPoint = input.clone();
    Arrays.fill(badPoint, 144, 192, (byte) 0x11);
    assertThatThrownBy(() -> p.run(Arrays.copyOf(input, 191))).isInstanceOf(PrecompileFailure.class)
        .hasMessage("point evaluation input is 191 bytes, expected 192");
    assertThatThrownBy(() -> p.run(wrongHash)).hasMessage("the versioned hash is not the commitment's");
    assertThatThrownBy(() -> p.run(nonCanonicalZ)).isInstanceOf(PrecompileFailure.class)
        .hasMessageStartingWith("c-kzg rejected the input");
    assertThatThrownBy(() -> p.run(badPoint)).isInstanceOf(PrecompileFailure.class);
  }

  @Test
  void costs50000GasWhateverTheInput() {
    for (int length : new int[] {0, 191, 192, 193}) {
      assertThat(p.gas(new byte[length])).as("%d bytes", length).isEqualTo(50_000);
    }
  }
}
