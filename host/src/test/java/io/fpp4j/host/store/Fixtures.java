package io.fpp4j.host.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The shared OP Sepolia executor fixtures (plain tars holding an untyped keccak RocksDB under kv/). */
public final class Fixtures {
  private Fixtures() {}

  public static Path shared() {
    String p = System.getProperty("fpp4j.shared");
    if (p == null) throw new IllegalStateException("system property fpp4j.shared is not set (surefire sets it)");
    return Path.of(p);
  }

  /** Extracts {@code block-<n>.tar} into {@code into} and returns its RocksDB directory. */
  public static Path extractExecutorKv(long block, Path into) throws IOException, InterruptedException {
    Path tar = shared().resolve("fixtures/op-sepolia-executor/block-" + block + ".tar");
    if (!Files.isRegularFile(tar)) throw new IllegalStateException("missing fixture " + tar);
    Process p = new ProcessBuilder("tar", "-xf", tar.toString(), "-C", into.toString(), "--exclude=._*",
        "--warning=no-unknown-keyword")
        .redirectErrorStream(true).redirectOutput(into.resolve("tar.log").toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("tar of " + tar + " did not finish in 60 s");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("tar of " + tar + " exited " + p.exitValue() + ": " + Files.readString(into.resolve("tar.log")));
    }
    Path kv = into.resolve("block-" + block).resolve("kv");
    if (!Files.isRegularFile(kv.resolve("CURRENT"))) throw new IllegalStateException("no RocksDB in " + kv);
    return kv;
  }
}
