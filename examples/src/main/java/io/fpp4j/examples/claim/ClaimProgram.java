package io.fpp4j.examples.claim;

import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.fpvm.NativeKernel;
import io.fpp4j.fpvm.ProgramEntry;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.boot.BootInputs;
import java.io.PrintStream;
import java.nio.ByteBuffer;

/**
 * Cannon's {@code claim} example in Java, byte for byte on the wire and on stdout/stderr
 * (op-program-spec 10.2). It reads a pre-state hash, a diff hash and a claimed value from local keys 0, 1
 * and 2, hints and reads the pre-state {@code s} and the diff's two parts {@code a} and {@code b}, computes
 * {@code s * a + b} (unsigned 64-bit, wrapping) and compares it with the claim: exit 0 if equal, 1 if not.
 * A missing or malformed preimage is a program failure, exit 2.
 *
 * <p>Its hints ({@code fetch-state <hex>}, {@code fetch-diff <hex>}, without {@code 0x}) are not part of any
 * peer's catalogue: only a host made for this example (such as Cannon's test oracle) serves it.
 */
public final class ClaimProgram implements FaultProofProgram {
  /** For a host running the program in its own JVM ({@code fpp4j host serve --native --program}). */
  public ClaimProgram() {}

  /** The same check in-process: Cannon's texts on this JVM's stdout/stderr, its exit code as the verdict. */
  @Override
  public boolean run(OracleClient oracle) {
    int code = run(oracle, System.out, System.err);
    if (code == ExitCode.FAILURE) throw new IllegalStateException("the claim example could not read its inputs (its panic is above)");
    return code == ExitCode.VALID;
  }

  public static void main(String[] args) {
    NativeKernel kernel = NativeKernel.INSTANCE;
    int code = run(ProgramEntry.clientOf(kernel), System.out, System.err);
    kernel.exit(code);
  }

  /** Runs the example against {@code oracle}, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(OracleClient oracle, PrintStream out, PrintStream err) {
    err.print("started!");
    err.flush();
    try {
      BootInputs boot = BootInputs.of(oracle).named(0, "pre-state hash").named(1, "diff hash").named(2, "claim");
      Bytes32 preHash = boot.bytes32(0);
      Bytes32 diffHash = boot.bytes32(1);
      long sClaim = boot.u64(2);

      oracle.hint("fetch-state " + Hex.encode(preHash.toArray()));
      byte[] pre = oracle.get(PreimageKey.keccak256(preHash));

      oracle.hint("fetch-diff " + Hex.encode(diffHash.toArray()));
      byte[] diff = oracle.get(PreimageKey.keccak256(diffHash));
      if (diff.length != 64) throw new IllegalStateException("diff must be 64 bytes, got " + diff.length);
      byte[] partA = oracle.get(PreimageKey.keccak256(Bytes32.wrap(diff, 0)));
      byte[] partB = oracle.get(PreimageKey.keccak256(Bytes32.wrap(diff, 32)));

      long s = u64(pre, "pre-state");
      long a = u64(partA, "diff part A");
      long b = u64(partB, "diff part B");
      out.printf("computing %s * %s + %s%n", unsigned(s), unsigned(a), unsigned(b));
      long sOut = s * a + b;
      // The Go source passes (computed, claimed) to "claim %d is bad! Correct result is %d".
      if (sOut != sClaim) {
        out.printf("claim %s is bad! Correct result is %s%n", unsigned(sOut), unsigned(sClaim));
        out.flush();
        return ExitCode.INVALID;
      }
      out.printf("claim %s is good!%n", unsigned(sOut));
      out.flush();
      return ExitCode.VALID;
    } catch (RuntimeException e) {
      out.flush();
      err.print("\npanic: " + e + "\n");
      err.flush();
      return ExitCode.FAILURE;
    }
  }

  /** The first 8 bytes as a big-endian u64, as Go's {@code binary.BigEndian.Uint64} reads them. */
  private static long u64(byte[] v, String what) {
    if (v.length < 8) throw new IllegalStateException(what + " must be at least 8 bytes, got " + v.length);
    return ByteBuffer.wrap(v, 0, 8).getLong();
  }

  private static String unsigned(long v) {
    return Long.toUnsignedString(v);
  }

}
