package io.fpp4j.host.online;

import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.fpvm.ProgramEntry;
import io.fpp4j.host.local.AgreedPrestate;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A client of an interop host, doing what op-program's interop client does first: read the agreed pre-state
 * by its root (local key 2, hint {@code agreed-pre-state}), then every chain's output root it lists (hint
 * {@code l2-output root ‖ chainId}, or Kona's {@code l2-output-root}, named by the first argument), checking each against its hash. The claim (local key 3) holds iff it is
 * keccak-256 of the pre-state followed by every output's 128 bytes, in the pre-state's order.
 */
public class InteropOutputsProgram implements FaultProofProgram {
  private final String outputHint;

  /** @param outputHint {@code l2-output} (op-program) or {@code l2-output-root} (Kona) */
  public InteropOutputsProgram(String outputHint) {
    this.outputHint = outputHint;
  }

  @Override
  public boolean run(OracleClient oracle) {
    byte[] root = oracle.get(PreimageKey.local(2));
    oracle.hint("agreed-pre-state " + Hex.prefixed(root));
    byte[] prestate = oracle.get(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, root));
    requireHash(prestate, root, "pre-state");
    ByteArrayOutputStream digest = new ByteArrayOutputStream();
    digest.writeBytes(prestate);
    for (AgreedPrestate.ChainOutput o : AgreedPrestate.parse(prestate, "the pre-state").superRoot().outputs()) {
      byte[] chain = new byte[8];
      long id = o.chainId().longValueExact();
      for (int i = 0; i < 8; i++) chain[i] = (byte) (id >>> (56 - 8 * i));
      oracle.hint(outputHint + " " + Hex.prefixed(o.outputRoot().toArray()) + Hex.encode(chain));
      byte[] output = oracle.get(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, o.outputRoot().toArray()));
      requireHash(output, o.outputRoot().toArray(), "output of chain " + id);
      if (output.length != 128) throw new IllegalStateException("output of chain " + id + " is " + output.length + " bytes, not 128");
      digest.writeBytes(output);
    }
    return Arrays.equals(oracle.get(PreimageKey.local(3)), Hashing.keccak256(digest.toByteArray()));
  }

  private static void requireHash(byte[] value, byte[] hash, String what) {
    if (!Arrays.equals(Hashing.keccak256(value), hash)) throw new IllegalStateException(what + " does not hash to " + Hex.prefixed(hash));
  }

  public static void main(String[] args) {
    ProgramEntry.main(new InteropOutputsProgram(args.length > 0 ? args[0] : "l2-output"));
  }
}
