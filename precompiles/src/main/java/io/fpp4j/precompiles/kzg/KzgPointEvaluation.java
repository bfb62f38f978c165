package io.fpp4j.precompiles.kzg;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.primitives.Bytes32;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Precompile 0x0a (EIP-4844 point evaluation). Input is {@code versionedHash[32] ‖ z[32] ‖ y[32] ‖
 * commitment[48] ‖ proof[48]}; the call succeeds, returning {@code u256(4096) ‖ u256(BLS modulus)}, iff
 * the versioned hash is the commitment's and the proof shows p(z) = y.
 */
public final class KzgPointEvaluation implements Precompile {
  /** EIP-4844's {@code POINT_EVALUATION_PRECOMPILE_GAS}. */
  static final long GAS = 50_000;
  static final int INPUT_LENGTH = 192;
  private static final byte[] RESULT = result();

  @Override
  public String name() {
    return "KZG point evaluation";
  }

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    if (input.length != INPUT_LENGTH) {
      throw new PrecompileFailure("point evaluation input is " + input.length + " bytes, expected " + INPUT_LENGTH);
    }
    byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
    byte[] z = Arrays.copyOfRange(input, 32, 64);
    byte[] y = Arrays.copyOfRange(input, 64, 96);
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    byte[] proof = Arrays.copyOfRange(input, 144, 192);
    if (!Kzg.sameVersionedHash(commitment, versionedHash)) {
      throw new PrecompileFailure("the versioned hash is not the commitment's");
    }
    boolean valid;
    try {
      valid = Kzg.verifyProof(commitment, z, y, proof);
    } catch (RuntimeException e) {
      // c-kzg rejects non-canonical field elements and points not on the curve or subgroup.
      throw new PrecompileFailure("c-kzg rejected the input: " + e.getMessage(), e);
    }
    if (!valid) throw new PrecompileFailure("the KZG proof does not verify");
    return RESULT.clone();
  }

  private static byte[] result() {
    byte[] out = new byte[64];
    Bytes32.fromBigInteger(BigInteger.valueOf(Kzg.FIELD_ELEMENTS)).copyTo(out, 0);
    Bytes32.fromBigInteger(Kzg.BLS_MODULUS).copyTo(out, 32);
    return out;
  }
}
