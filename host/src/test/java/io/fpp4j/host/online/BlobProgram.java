package io.fpp4j.host.online;

import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.precompiles.kzg.Kzg;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.blob.RootsOfUnity;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A client program reading a blob and a precompile result as the peers' clients do: local key 1 is a blob's
 * versioned hash and local key 4 the L1 timestamp (u64); it hints {@code l1-blob} (40 bytes), reads the
 * commitment under the sha256 key and the 4096 field elements under their blob keys, then hints an
 * ecrecover {@code l1-precompile} (Kona layout) and reads the result. The claim (local key 3) must be
 * {@code keccak256(blob ‖ precompile result)}.
 */
public class BlobProgram implements FaultProofProgram {
  /** go-ethereum's ecRecover vector with required gas 3000, as address ‖ gas ‖ input. */
  static final byte[] ECRECOVER_HINT = Hex.decode("0000000000000000000000000000000000000001" + "0000000000000bb8"
      + PrecompileHandlerTest.GETH_VECTOR_INPUT);

  @Override
  public boolean run(OracleClient oracle) {
    byte[] versionedHash = oracle.get(PreimageKey.local(1));
    byte[] timestamp = oracle.get(PreimageKey.local(4));
    oracle.hint("l1-blob " + Hex.prefixed(ByteBuffer.allocate(40).put(versionedHash).put(timestamp).array()));
    byte[] commitment = oracle.get(PreimageKey.fromDigest(PreimageKeyType.SHA256, versionedHash));
    byte[] blob = new byte[Kzg.BLOB_BYTES];
    for (int i = 0; i < Kzg.FIELD_ELEMENTS; i++) {
      byte[] fe = oracle.get(PreimageKey.blob(commitment, RootsOfUnity.z(i)));
      System.arraycopy(fe, 0, blob, 32 * i, 32);
    }
    oracle.hint("l1-precompile " + Hex.prefixed(ECRECOVER_HINT));
    byte[] result = oracle.get(PreimageKey.fromDigest(PreimageKeyType.PRECOMPILE, Hashing.keccak256(ECRECOVER_HINT)));
    return Arrays.equals(oracle.get(PreimageKey.local(3)), claim(blob, result));
  }

  static byte[] claim(byte[] blob, byte[] precompileResult) {
    return Hashing.keccak256(blob, precompileResult);
  }
}
