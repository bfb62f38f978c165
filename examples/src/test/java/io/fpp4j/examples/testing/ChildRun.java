package io.fpp4j.examples.testing;

import io.fpp4j.fpvm.PipedProcess;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Runs an example program as a child process on descriptors 3 to 6, served from a map by a Java host. */
public final class ChildRun {
  public record Result(int exitCode, String stdout, String stderr, List<String> events, RuntimeException hostFailure) {
    public List<String> hints() {
      return events.stream().filter(e -> e.startsWith("hint ")).map(e -> e.substring(5)).toList();
    }
  }

  private ChildRun() {}

  public static Result run(Path tmp, Class<?> main, Map<PreimageKey, byte[]> store, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "stdout", ".txt"), err = Files.createTempFile(tmp, "stderr", ".txt");
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    try (PipedProcess child = PipedProcess.start(pb, Duration.ofSeconds(60))) {
      PreimageServer server = PreimageServer.builder(child.hintChannel(), child.preimageChannel(), key -> {
        events.add("get " + key);
        byte[] v = store.get(key);
        if (v == null) throw new KeyNotFoundException("no preimage for key " + key);
        return v;
      }).router(h -> events.add("hint " + h)).build();
      RuntimeException failure = null;
      try {
        server.run();
      } catch (RuntimeException e) {
        failure = e;
      }
      int code = child.waitFor();
      return new Result(code, Files.readString(out), Files.readString(err), List.copyOf(events), failure);
    }
  }
}
