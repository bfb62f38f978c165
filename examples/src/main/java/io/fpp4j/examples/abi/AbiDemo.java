package io.fpp4j.examples.abi;

import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.fpvm.PipedProcess;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.preimage.PreimageServer;
import io.fpp4j.preimage.VerifyingPreimageFetcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The ABI demo: this process is the host. It starts {@link AbiDemoClient} in a second JVM with OS pipes
 * on its descriptors 3 to 6, serves hints and preimages of every key type, and prints a summary. It runs
 * twice: once with a valid claim (exit 0) and once with a wrong one (exit 1).
 */
public final class AbiDemo {
  public static void main(String[] args) throws Exception {
    int valid = run(true);
    int invalid = run(false);
    boolean ok = valid == ExitCode.VALID && invalid == ExitCode.INVALID;
    System.out.println(ok ? "demo OK: the valid claim exited 0 and the wrong claim exited 1"
        : "demo FAILED: exit codes " + valid + " and " + invalid);
    System.exit(ok ? 0 : 1);
  }

  static int run(boolean validClaim) throws Exception {
    Map<PreimageKey, byte[]> store = DemoData.preimages(validClaim);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        AbiDemoClient.class.getName()).inheritIO();
    System.out.println((validClaim ? "Valid" : "Wrong") + " claim: starting the client in a child process"
        + " on descriptors 3-6 (OS pipes)");
    long start = System.nanoTime();
    try (PipedProcess child = PipedProcess.start(pb, Duration.ofSeconds(30))) {
      PreimageServer server = PreimageServer.builder(child.hintChannel(), child.preimageChannel(),
          new VerifyingPreimageFetcher(key -> {
            byte[] v = store.get(key);
            if (v == null) throw new KeyNotFoundException("no preimage for key " + key);
            return v;
          })).build();
      try {
        PreimageServer.Stats stats = server.run();
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("  host: %d preimage requests, %,d bytes served, %d hints (%,d bytes) in %.1f ms%n",
            stats.preimageRequests(), stats.preimageBytes(), stats.hints(), stats.hintBytes(), ms);
      } catch (PreimageOracleException e) {
        System.out.println("  host: server stopped: " + e.getMessage());
      }
      int code = child.waitFor();
      System.out.printf("  client exit code %d (%s)%n%n", code, ExitCode.describe(code));
      return code;
    }
  }

  private AbiDemo() {}

}
