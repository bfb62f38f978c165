package io.fpp4j.interop;

import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.preimage.HintWriter;
import io.fpp4j.preimage.PreimageOracle;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Runs a scenario's client steps through the fpp4j client API ({@link HintWriter}, {@link PreimageOracle}) and
 * prints one line per step, in the format every peer prints (FORMAT.md), so outputs compare byte for byte.
 */
public final class ScenarioClient {
  /** Exit status when every step completed. */
  public static final int OK = ExitCode.VALID;
  /** Exit status when the oracle failed (end of stream, broken pipe): the FPVM "failure" status. */
  public static final int ORACLE_FAILURE = ExitCode.FAILURE;

  private final HintWriter hints;
  private final PreimageOracle oracle;

  public ScenarioClient(HintWriter hints, PreimageOracle oracle) {
    this.hints = hints;
    this.oracle = oracle;
  }

  /** Runs every step; returns {@link #OK} or {@link #ORACLE_FAILURE} (after printing why to {@code err}). */
  public int run(Scenario scenario, PrintStream out, PrintStream err) {
    int index = 0;
    for (Scenario.Step step : scenario.steps()) {
      index++;
      String line;
      try {
        line = perform(step);
      } catch (PreimageOracleException e) {
        out.flush();
        err.println("fpp4j-java-peer client: step " + index + " failed: " + e.getMessage());
        return ORACLE_FAILURE;
      }
      out.println(line);
    }
    out.println("done");
    out.flush();
    return OK;
  }

  private String perform(Scenario.Step step) {
    if (step instanceof Scenario.Hint hint) {
      hints.hint(hint.bytes());
      return "hint-acked " + hint.bytes().length;
    }
    Scenario.Get get = (Scenario.Get) step;
    byte[] data = oracle.get(get.key());
    return "get " + get.key().hex() + " " + data.length + " " + Hex.encode(Hashing.sha256(data));
  }

  /**
   * Times {@code n} round trips of the scenario's first hint and first get (after {@code n/10} warm-up trips)
   * and prints the medians as {@code bench hint n=<n> median_ns=<ns>} and {@code bench get ...}.
   */
  public int bench(Scenario scenario, int n, PrintStream out, PrintStream err) {
    try {
      for (Scenario.Step step : scenario.steps()) {
        if (step instanceof Scenario.Hint hint) {
          out.println("bench hint n=" + n + " median_ns=" + median(n, () -> hints.hint(hint.bytes())));
          break;
        }
      }
      for (Scenario.Step step : scenario.steps()) {
        if (step instanceof Scenario.Get get) {
          out.println("bench get n=" + n + " median_ns=" + median(n, () -> oracle.get(get.key())));
          break;
        }
      }
    } catch (PreimageOracleException e) {
      err.println("fpp4j-java-peer bench: " + e.getMessage());
      return ORACLE_FAILURE;
    }
    out.flush();
    return OK;
  }

  private static long median(int n, Runnable trip) {
    for (int i = 0; i < n / 10; i++) trip.run();
    long[] samples = new long[n];
    LongSupplier clock = System::nanoTime;
    for (int i = 0; i < n; i++) {
      long start = clock.getAsLong();
      trip.run();
      samples[i] = clock.getAsLong() - start;
    }
    java.util.Arrays.sort(samples);
    return samples[n / 2];
  }
}
