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
 * {@code StateTestMain [--fork F] [--bench] [--warmup N] [--warmup-seconds S] FILE...}: runs every case of the given state test files
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
 *   <li>{@code --warmup-seconds S} (with {@code --bench}): then, just before timing a case, runs that case untimed
 *       for at least S seconds. A few passes leave a case that takes microseconds with its own paths (and the
 *       pre-state and state-root code, which every case runs only a few times per pass) still in the
 *       interpreter or C1 when its timing starts, so its figure would include the JIT's warm-up; geth's Go code
 *       has none. The time spent is reported on standard error, separately. 0 (the default): one untimed run.
 * </ul>
 * Exits 1 if any case fails, 2 on bad input (an unknown option or a bad number, named).
 */
public final class StateTestMain {
  /** Timed repetitions of one case stop after this long or {@link #BENCH_MAX_RUNS} runs. */
  private static final long BENCH_BUDGET_NANOS = 50_000_000L;
  private static final int BENCH_MAX_RUNS = 1000;

  private StateTestMain() {}

  private record Case(StateTest test, StateTest.Post post) {}

  /** The command line, parsed. */
  record Options(String fork, boolean bench, int warmup, double warmupSeconds, List<String> files) {}

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException naming the option or value that is wrong
   */
  static Options parse(String[] args) {
    String fork = null;
    boolean bench = false;
    int warmup = 0;
    double warmupSeconds = 0;
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--fork" -> fork = value(args, ++i, "--fork");
        case "--bench" -> bench = true;
        case "--warmup" -> warmup = count(value(args, ++i, "--warmup"));
        case "--warmup-seconds" -> warmupSeconds = seconds(value(args, ++i, "--warmup-seconds"));
        default -> {
          if (args[i].startsWith("--")) throw new IllegalArgumentException("unknown option '" + args[i] + "'");
          files.add(args[i]);
        }
      }
    }
    return new Options(fork, bench, warmup, warmupSeconds, files);
  }

  public static void main(String[] args) {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("StateTestMain: " + e.getMessage());
      System.exit(2);
      return;
    }
    String fork = o.fork();
    List<String> files = new ArrayList<>(o.files());
    if (fork != null && SpecId.fromTestName(fork) == null) {
      System.err.println("unknown or unsupported fork " + fork + " (Berlin, London, Paris, Shanghai, Cancun)");
      System.exit(2);
    }
    try {
      if (files.isEmpty()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) if (!line.isBlank()) files.add(line.strip());
      }
      System.exit(run(files, fork, o.bench(), o.warmup(), o.warmupSeconds(), System.out) ? 0 : 1);
    } catch (IOException | RuntimeException e) {
      System.err.println(e);
      System.exit(2);
    }
  }

  static boolean run(List<String> files, String fork, boolean bench, int warmup, double warmupSeconds,
      PrintStream out) throws IOException {
    long caseWarmupNanos = (long) (warmupSeconds * 1e9);
    long caseWarmupSpent = 0;
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
        Timing timing = time(runner, c, caseWarmupNanos);
        caseWarmupSpent += timing.warmNanos();
        stats.put("time", timing.nanosPerRun());
        stats.put("gasUsed", r.gasUsed());
      }
      out.println(line);
    }
    out.flush();
    if (bench && caseWarmupNanos > 0) {
      System.err.println("{\"caseWarmup\": {\"seconds\": " + warmupSeconds + ", \"cases\": " + cases.size()
          + ", \"millis\": " + caseWarmupSpent / 1_000_000 + "}}");
    }
    return allPass;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
    return args[i];
  }

  private static int count(String v) {
    try {
      int n = Integer.parseInt(v);
      if (n >= 0) return n;
    } catch (NumberFormatException ignored) {
      // named below
    }
    throw new IllegalArgumentException("--warmup needs a whole number of passes, not '" + v + "'");
  }

  private static double seconds(String v) {
    try {
      double s = Double.parseDouble(v);
      if (s >= 0 && s <= 3600) return s; // NaN fails both
    } catch (NumberFormatException ignored) {
      // named below
    }
    throw new IllegalArgumentException("--warmup-seconds needs a number of seconds from 0 to 3600, not '" + v + "'");
  }

  /** One case's timing: the untimed runs it had first, then the average of its timed runs. */
  private record Timing(long warmNanos, long nanosPerRun) {}

  /**
   * Times {@code c} on the runner's deep-stack thread: untimed runs for at least {@code warmNanos} (at least one),
   * then timed runs until {@link #BENCH_BUDGET_NANOS} or {@link #BENCH_MAX_RUNS}, averaged.
   */
  private static Timing time(StateTestRunner runner, Case c, long warmNanos) {
    Callable<Timing> timed = () -> {
      long w0 = System.nanoTime();
      do {
        runner.runHere(c.test(), c.post()); // untimed
      } while (System.nanoTime() - w0 < warmNanos);
      long warmed = System.nanoTime() - w0;
      int runs = 0;
      long t0 = System.nanoTime();
      long elapsed;
      do {
        runner.runHere(c.test(), c.post());
        runs++;
        elapsed = System.nanoTime() - t0;
      } while (elapsed < BENCH_BUDGET_NANOS && runs < BENCH_MAX_RUNS);
      return new Timing(warmed, elapsed / runs);
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
