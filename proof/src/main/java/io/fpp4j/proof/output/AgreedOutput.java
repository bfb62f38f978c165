package io.fpp4j.proof.output;

import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.block.OutputRoot;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.ProviderException;
import io.fpp4j.proof.hint.ChainHashHint;
import io.fpp4j.proof.hint.HashHint;
import io.fpp4j.proof.hint.Hint;
import io.fpp4j.proof.hint.HintType;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Reads the agreed L2 output (the 128-byte version-0 output root preimage) to find the safe head a program
 * starts from (kona-proof {@code fetch_safe_head_hash}, op-program {@code OutputByRoot}). Kona hints
 * {@code starting-l2-output <root>}; op-program hints {@code l2-output <root>} (with the chain id in
 * interop). Both then read the keccak preimage of the root.
 */
public final class AgreedOutput {
  private AgreedOutput() {}

  /**
   * The decoded agreed output.
   *
   * @param chainId appended to op-program's hint when present; ignored for Kona
   * @throws UnknownOutputVersionException if the version word is not zero
   * @throws ProviderException if the preimage does not hash to {@code agreedRoot}
   */
  public static OutputRoot read(OracleClient oracle, Bytes32 agreedRoot, Dialect dialect, OptionalLong chainId) {
    Hint hint = dialect == Dialect.KONA
        ? HashHint.startingL2Output(agreedRoot)
        : new ChainHashHint(HintType.L2_OUTPUT, agreedRoot, chainId);
    hint.sendTo(oracle);
    byte[] preimage = new byte[128];
    oracle.getExact(PreimageKey.keccak256(agreedRoot), preimage);
    byte[] digest = Hashing.keccak256(preimage);
    if (!Arrays.equals(digest, agreedRoot.toArray())) {
      throw new ProviderException("preimage of output root " + agreedRoot + " hashes to " + Bytes32.wrap(digest));
    }
    for (int i = 0; i < 32; i++) {
      if (preimage[i] != 0) {
        throw new UnknownOutputVersionException("output root " + agreedRoot + " has version "
            + Bytes.of(preimage, 0, 32).toHex() + "; only version 0 is defined");
      }
    }
    return OutputRoot.decode(preimage);
  }

  /** The hash of the L2 block the agreed output commits to: bytes 96..128 of the preimage. */
  public static Bytes32 safeHeadHash(OracleClient oracle, Bytes32 agreedRoot, Dialect dialect) {
    return read(oracle, agreedRoot, dialect, OptionalLong.empty()).blockHash();
  }
}
