package io.fpp4j.proof.testing;

import java.nio.file.Path;

/** Where the shared OP Sepolia fixtures live (system property {@code fpp4j.shared}, set by surefire). */
public final class Fixtures {
  private Fixtures() {}

  public static Path shared() {
    String p = System.getProperty("fpp4j.shared");
    if (p == null) throw new IllegalStateException("system property fpp4j.shared is not set (run the tests through Maven)");
    return Path.of(p);
  }

  public static Path executorTar(long block) {
    return shared().resolve("fixtures/op-sepolia-executor/block-" + block + ".tar");
  }
}
