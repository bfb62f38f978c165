package io.fpp4j.fpvm;

import io.fpp4j.preimage.CachingOracle;
import io.fpp4j.preimage.HintWriter;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.OracleReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs a {@link FaultProofProgram} the way kona-client and the op-program client end: exit 0 when the
 * claim holds, 1 when it is invalid, 2 on any other failure, with the reason on standard error. The
 * program reads through a {@link CachingOracle} (32 MiB), as kona-client's and op-program's do, so a
 * provider that revisits a header or trie node does not ask the host again.
 *
 * <p>The cache lives in {@code preimage}, not in {@code proof}: it is a preimage-level concept (kona-preimage
 * keeps its own there too), and {@code fpvm} depends on {@code preimage} only.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   ProgramEntry.main(oracle -> checkMyClaim(oracle));
 * }
 * }</pre>
 */
public final class ProgramEntry {
  private ProgramEntry() {}

  /** Runs {@code program} against descriptors 3 to 6 of this process and exits with its verdict. */
  public static void main(FaultProofProgram program) {
    KernelInterface kernel = NativeKernel.INSTANCE;
    int code = execute(program, clientOf(kernel), kernel);
    kernel.exit(code);
  }

  /** The oracle client of a program: hints on 3/4, preimages on 5/6 of {@code kernel}. */
  public static OracleClient clientOf(KernelInterface kernel) {
    return OracleClient.of(new OracleReader(FdChannel.preimages(kernel)), new HintWriter(FdChannel.hints(kernel)));
  }

  /**
   * Runs {@code program} on a caching view of {@code oracle} and returns its exit code without exiting,
   * writing the reason for a non-zero code to {@code kernel}'s standard error.
   */
  public static int execute(FaultProofProgram program, OracleClient oracle, KernelInterface kernel) {
    try {
      if (program.run(cached(oracle))) return ExitCode.VALID;
      report(kernel, "Claim is invalid.\n");
      return ExitCode.INVALID;
    } catch (InvalidClaimException e) {
      report(kernel, "Claim is invalid: " + e.getMessage() + "\n");
      return ExitCode.INVALID;
    } catch (Throwable t) {
      // A panic in Kona's and Go's terms: the message first, the trace after it for whoever debugs.
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      report(kernel, "Program failed: " + t + "\n" + trace);
      return ExitCode.FAILURE;
    }
  }

  /** {@code oracle} behind a cache, unless it already is one (a second layer would only copy bytes). */
  static OracleClient cached(OracleClient oracle) {
    return oracle instanceof CachingOracle ? oracle : new CachingOracle(oracle);
  }

  private static void report(KernelInterface kernel, String message) {
    byte[] b = message.getBytes(StandardCharsets.UTF_8);
    try {
      kernel.write(FileDescriptor.STDERR, b, 0, b.length);
    } catch (IOException ignored) {
      // stderr gone: the exit code still tells the verdict
    }
  }
}
