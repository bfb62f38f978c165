package io.fpp4j.host.online;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real geth in {@code --dev} mode on loopback, built by {@code host/scripts/setup-geth.sh} from the Go
 * module proxy. The hash state scheme keeps trie nodes addressable by hash, as {@code debug_dbGet} needs.
 */
final class GethDev implements AutoCloseable {
  private static final Duration BUILD_LIMIT = Duration.ofMinutes(25);
  private static final Duration START_LIMIT = Duration.ofSeconds(60);

  final Process process;
  final Path log;
  final String url;
  final JsonRpcClient rpc;

  private GethDev(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
    this.rpc = new JsonRpcClient(url, "geth --dev", Duration.ofSeconds(20));
  }

  /**
   * The geth binary, built if needed. Aborts (skips) the calling test only when the script reports that a
   * module could not be downloaded (exit 10); any other failure fails the test.
   */
  static Path binary() throws IOException, InterruptedException {
    Path script = Path.of(System.getProperty("user.dir")).resolve("scripts/setup-geth.sh");
    if (!Files.isRegularFile(script)) script = Path.of(System.getProperty("user.dir")).resolve("host/scripts/setup-geth.sh");
    Path out = Files.createTempFile("setup-geth", ".out");
    Path err = Files.createTempFile("setup-geth", ".err");
    try {
      Process p = new ProcessBuilder("bash", script.toString()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(BUILD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(script + " did not finish within " + BUILD_LIMIT);
      }
      String stderr = Files.readString(err);
      if (p.exitValue() == 10) {
        Assumptions.abort("geth could not be built for lack of network (setup-geth.sh exit 10): " + stderr);
      }
      if (p.exitValue() != 0) throw new AssertionError(script + " failed with exit " + p.exitValue() + ":\n" + stderr);
      List<String> lines = Files.readAllLines(out);
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      if (!last.startsWith("geth=")) throw new AssertionError(script + " printed no geth=<path> line:\n" + Files.readString(out));
      return Path.of(last.substring("geth=".length()));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Starts geth with a fresh data directory under {@code dir}; tries other ports if one was taken meanwhile. */
  static GethDev start(Path binary, Path dir) throws Exception {
    AssertionError last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      Path datadir = dir.resolve("geth-" + attempt);
      Path log = dir.resolve("geth-" + attempt + ".log");
      int httpPort = freePort();
      int authPort = freePort();
      List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--dev", "--dev.period", "0", "--datadir", datadir.toString(),
          "--state.scheme", "hash", "--gcmode", "archive",
          "--http", "--http.addr", "127.0.0.1", "--http.port", String.valueOf(httpPort), "--http.api", "eth,debug,net,web3",
          "--authrpc.addr", "127.0.0.1", "--authrpc.port", String.valueOf(authPort),
          "--ipcdisable", "--nodiscover", "--maxpeers", "0", "--port", "0", "--verbosity", "3"));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().putAll(Map.of("HOME", dir.toString()));
      GethDev g = new GethDev(pb.start(), log, "http://127.0.0.1:" + httpPort);
      try {
        g.awaitReady();
        return g;
      } catch (AssertionError e) {
        g.close();
        last = e;
      }
    }
    throw last;
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new AssertionError("geth exited with " + process.exitValue() + ":\n" + tail());
      try {
        rpc.call("eth_chainId");
        return;
      } catch (RpcException notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("geth did not answer eth_chainId within " + START_LIMIT + ":\n" + tail());
  }

  /** The unlocked dev account. */
  String devAccount() throws RpcException {
    return rpc.call("eth_accounts").get(0).asText();
  }

  /** Waits (bounded) for the receipt of {@code txHash}. */
  JsonNode receipt(String txHash) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode r = rpc.call("eth_getTransactionReceipt", txHash);
      if (!r.isNull()) return r;
      Thread.sleep(100);
    }
    throw new AssertionError("no receipt for " + txHash + " within 60 s:\n" + tail());
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
