package io.fpp4j.evm.statetest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.evm.SpecId;
import io.fpp4j.precompiles.PrecompileFork;
import io.fpp4j.precompiles.PrecompileSet;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code StateTestMain [--fork F] [--bench] [--warmup N] FILE...}: runs every case of the given state test files
 * for the forks this EVM knows (Berlin on) and prints one JSON line per case, as geth's {@code evm statetest}
 * reports them: {@code {"name","pass","stateRoot","fork","error"}}. Without FILE arguments, file names are read
 * from standard input, one per line (geth's batch mode).
 *
 * <ul>
 *   <li>{@code --fork F}: only that fork (geth's {@code --statetest.fork});
 *   <li>{@code --bench}: adds {@code "benchStats": {"time": ns, "gasUsed": n}} like geth's {@code --bench}: the
 *       average over repeated runs of one case (pre-state, execution, state root) after one untimed run;
 *   <li>{@code --warmup N}: first runs every case N times untimed, to warm the JIT up; the time spent is
 *       reported on standard error, separately.
 * </ul>
 * Exits 1 if any case fails, 2 on bad input.
 */
public final class StateTestMain {
  /** Timed repetitions of one case stop after this long or {@link #BENCH_MAX_RUNS} runs. */
  private static final long BENCH_BUDGET_NANOS = 50_000_000L;
  private static final int BENCH_MAX_RUNS = 1000;

  private StateTestMain() {}

  private record Case(StateTest test, StateTest.Post post) {}

  public static void main(String[] args) {
    String fork = null;
    boolean bench = false;
    int warmup = 0;
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--fork" -> fork = args[++i];
        case "--bench" -> bench = true;
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> files.add(args[i]);
      }
    }
    if (fork != null && SpecId.fromTestName(fork) == null) {
      System.err.println("unknown or unsupported fork " + fork + " (Berlin, London, Paris, Shanghai, Cancun)");
      System.exit(2);
    }
    try {
      if (files.isEmpty()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) if (!line.isBlank()) files.add(line.strip());
      }
      System.exit(run(files, fork, bench, warmup, System.out) ? 0 : 1);
    } catch (IOException | RuntimeException e) {
      System.err.println(e);
      System.exit(2);
    }
  }

  static boolean run(List<String> files, String fork, boolean bench, int warmup, PrintStream out)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    StateTestRunner runner = new StateTestRunner(StateTestMain::precompilesFor);
    List<Case> cases = new ArrayList<>();
    for (String path : files) {
      try {
        for (StateTest t : StateTest.fromJson(json.readTree(new File(path)))) {
          for (StateTest.Post p : t.posts()) {
            if (SpecId.fromTestName(p.fork()) == null || (fork != null && !fork.equals(p.fork()))) continue;
            cases.add(new Case(t, p));
          }
        }
      } catch (IOException | RuntimeException e) {
        throw new IOException(path + ": " + e.getMessage(), e);
      }
    }
    if (warmup > 0) {
      long t0 = System.nanoTime();
      for (int i = 0; i < warmup; i++) for (Case c : cases) runner.run(c.test(), c.post());
      System.err.printf("{\"warmup\": {\"passes\": %d, \"cases\": %d, \"millis\": %d}}%n", warmup, cases.size(),
          (System.nanoTime() - t0) / 1_000_000);
    }
    boolean allPass = true;
    for (Case c : cases) {
      StateTestRunner.Result r = runner.run(c.test(), c.post());
      allPass &= r.pass();
      ObjectNode line = json.createObjectNode();
      line.put("name", r.name());
      line.put("pass", r.pass());
      line.put("stateRoot", r.stateRoot().toHex());
      line.put("fork", r.fork());
      line.put("error", r.error());
      if (bench) {
        ObjectNode stats = line.putObject("benchStats");
        stats.put("time", timeNanos(runner, c));
        stats.put("gasUsed", r.gasUsed());
      }
      out.println(line);
    }
    out.flush();
    return allPass;
  }

  /** The average time of one run of {@code c}, on the runner's deep-stack thread, timed there. */
  private static long timeNanos(StateTestRunner runner, Case c) {
    Callable<Long> timed = () -> {
      runner.runHere(c.test(), c.post()); // untimed
      int runs = 0;
      long t0 = System.nanoTime();
      long elapsed;
      do {
        runner.runHere(c.test(), c.post());
        runs++;
        elapsed = System.nanoTime() - t0;
      } while (elapsed < BENCH_BUDGET_NANOS && runs < BENCH_MAX_RUNS);
      return elapsed / runs;
    };
    try {
      return BENCH.submit(timed).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("timing " + c.test().name() + " failed", e.getCause());
    }
  }

  private static final ExecutorService BENCH = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(null, r, "evm-bench", 512L << 20);
    t.setDaemon(true);
    return t;
  });

  /** The Ethereum precompile table for each fork. */
  public static PrecompileSet precompilesFor(SpecId spec) {
    return PrecompileSet.forFork(spec.atLeast(SpecId.PRAGUE) ? PrecompileFork.PRAGUE
        : spec.atLeast(SpecId.CANCUN) ? PrecompileFork.CANCUN : PrecompileFork.BERLIN);
  }
}
