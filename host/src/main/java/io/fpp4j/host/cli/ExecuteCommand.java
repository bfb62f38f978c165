package io.fpp4j.host.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.executor.BlockExecutor;
import io.fpp4j.executor.ChainSource;
import io.fpp4j.executor.ExecutionResult;
import io.fpp4j.executor.PayloadAttributesJson;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.store.KeyValueStore;
import io.fpp4j.host.store.PreimageStores;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.HeaderJson;
import io.fpp4j.proof.boot.RollupConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fpp4j execute --fixture FILE --data-dir DIR [--repeat K] [--warmup-seconds S]}: executes the one L2 block a Kona-style
 * executor fixture describes ({@code rollup_config}, {@code parent_header}, {@code executing_payload}),
 * statelessly from the keccak preimages in DIR, and prints the header's fields and the block hash as one
 * JSON object. DIR may be any store format, with typed ({@code 02 ‖ h[1:]}) or untyped ({@code h}) keccak
 * keys; every value is hash-checked as it is loaded, once, so the executor reads them as a verified source
 * and does not hash them again.
 *
 * <p>Timing follows the kona-executor peer's definition (interop/README.md): the store is read into memory,
 * the fixture parsed and the parent header sealed before the clock starts; each execution builds a fresh
 * executor and state, so nothing decoded carries over. With {@code --repeat K} the output also has the first
 * execution's time ({@code coldMicros}), the median of the executions after the first {@code floor(K/2)}, which
 * are warm-up ({@code warmMedianMicros}; for an even count the mean of the middle two, as the peer's
 * compare script takes it), the
 * preimages one execution reads and the peak heap.
 *
 * <p>With {@code --warmup-seconds S} the warm-up is by time instead (interop/README.md, the same rule as the
 * kona-executor peer's option): the block is executed untimed until S seconds have passed (at least once; the
 * first is {@code coldMicros}), then K executions are timed and {@code warmMedianMicros} is the median of all
 * K. A count of executions is not a warm-up for a JIT: on a small block, C2 has not compiled the interpreter
 * loop after hundreds of them when it shares the CPU. By default the rule is time alone, as on the peer's side;
 * {@code jitMillisDuringTimed} (the JIT's compile time, from {@link CompilationMXBean}, spent while the K ran)
 * shows whether S was long enough. {@code --jit-quiet-seconds Q} lengthens the warm-up, after the S seconds,
 * until the JIT's total compile time has not grown for Q seconds (checked between executions), but to no more
 * than {@value #JIT_QUIET_CAP}·S in all; {@code jitQuiet} says whether it fell quiet, {@code warmupMillis} how
 * long the warm-up took. For a compiled-ahead peer that condition always holds, so the rule is still the same
 * for both. Exit codes: 0 executed and the hash is the expected one
 * (or the fixture names none), 1 executed with another hash, 3 execution failed, 4 bad command line.
 */
@Command(name = "execute", mixinStandardHelpOptions = true,
    description = "Execute one L2 block from an executor fixture and a preimage directory; print its header and hash.")
final class ExecuteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--fixture", required = true, paramLabel = "FILE", description = "fixture.json (rollup_config, parent_header, executing_payload).")
  Path fixture;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "Preimage store with the block's trie nodes, code and headers.")
  Path dataDir;

  @Option(names = "--repeat", paramLabel = "K", defaultValue = "1", description = "Executions to time (default 1).")
  int repeat;

  @Option(names = "--warmup-seconds", paramLabel = "S",
      description = "Execute untimed for at least S seconds first (> 0, at most 86400), then time the K executions.")
  String warmupSecondsText;

  /** The parsed {@code --warmup-seconds}, or null for the count-based rule. */
  private Double warmupSeconds;

  @Option(names = "--jit-quiet-seconds", paramLabel = "Q",
      description = "With --warmup-seconds: go on warming up until the JIT has compiled nothing for Q seconds (at most "
          + JIT_QUIET_CAP + "x S in all).")
  String jitQuietSecondsText;

  private Double jitQuietSeconds;

  /** The longest a warm-up waiting for the JIT may take, in multiples of {@code --warmup-seconds}. */
  static final int JIT_QUIET_CAP = 10;

  /** The largest warm-up accepted: a day, far beyond any use, so a slip such as a missing unit is caught. */
  static final double MAX_WARMUP_SECONDS = 86_400;

  private final PrintStream out;

  ExecuteCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    if (repeat < 1) throw new ParameterException(spec.commandLine(), "--repeat must be at least 1, got " + repeat);
    if (warmupSecondsText != null) warmupSeconds = parseSeconds("--warmup-seconds", warmupSecondsText);
    if (jitQuietSecondsText != null) {
      jitQuietSeconds = parseSeconds("--jit-quiet-seconds", jitQuietSecondsText);
      if (warmupSeconds == null) {
        throw new ParameterException(spec.commandLine(), "--jit-quiet-seconds needs --warmup-seconds (it lengthens that warm-up)");
      }
    }
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(Files.readString(fixture));
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read fixture " + fixture + ": " + e.getMessage());
    }
    for (String f : new String[] {"rollup_config", "parent_header", "executing_payload"}) {
      if (!json.hasNonNull(f)) throw new ParameterException(spec.commandLine(), "fixture " + fixture + " has no " + f);
    }
    RollupConfig config = RollupConfig.fromJson(json.get("rollup_config"));
    Header parent = HeaderJson.parse(json.get("parent_header"));
    PayloadAttributes attributes = PayloadAttributesJson.parse(json.get("executing_payload"));
    Map<Bytes32, byte[]> preimages = loadKeccakPreimages(dataDir);
    parent.hash(); // sealed before the clock starts, as the peer does

    Runner runner = new Runner(config, parent, attributes, preimages);
    long coldMicros = -1;
    int warmupExecutions = 0;
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
    if (jitQuietSeconds != null && !jitTimed) {
      throw new ParameterException(spec.commandLine(), "--jit-quiet-seconds: this JVM does not report its JIT's compile time");
    }
    boolean jitQuiet = false;
    long warmupStart = System.nanoTime();
    if (warmupSeconds != null) {
      long end = warmupStart + (long) (warmupSeconds * 1e9);
      long cap = warmupStart + (long) (warmupSeconds * JIT_QUIET_CAP * 1e9);
      long quietNanos = jitQuietSeconds == null ? 0 : (long) (jitQuietSeconds * 1e9);
      long lastJit = jitTimed ? jit.getTotalCompilationTime() : 0;
      long lastJitChange = warmupStart;
      while (true) {
        long m = runner.executeOnce();
        if (warmupExecutions++ == 0) coldMicros = m;
        long now = System.nanoTime();
        if (jitQuietSeconds != null) {
          long total = jit.getTotalCompilationTime();
          if (total != lastJit) {
            lastJit = total;
            lastJitChange = now;
          }
          jitQuiet = now - lastJitChange >= quietNanos;
        }
        if (now - end < 0) continue; // the S seconds are not over
        if (jitQuietSeconds == null || jitQuiet || now - cap >= 0) break;
      }
    }
    long warmupMillis = (System.nanoTime() - warmupStart) / 1_000_000;
    long jitBefore = jitTimed ? jit.getTotalCompilationTime() : 0;
    long[] micros = new long[repeat];
    for (int i = 0; i < repeat; i++) micros[i] = runner.executeOnce();
    long jitDuring = jitTimed ? jit.getTotalCompilationTime() - jitBefore : -1;
    ExecutionResult result = runner.first;
    int reads = runner.firstReads;
    ObjectNode o = HeaderJson.toJson(result.header());
    Bytes32 hash = result.header().hash();
    o.put("blockHash", hash.toString());
    String expected = json.path("expected_block_hash").asText(null);
    if (expected != null) o.put("expectedHash", expected);
    o.put("transactions", attributes.transactions().size());
    o.put("preimagesRead", reads);
    o.put("preimagesAvailable", preimages.size());
    if (warmupSeconds != null) {
      o.put("coldMicros", coldMicros);
      o.put("warmupExecutions", warmupExecutions);
      o.put("warmupMillis", warmupMillis);
      if (jitQuietSeconds != null) o.put("jitQuiet", jitQuiet);
      o.put("warmMedianMicros", median(micros));
      if (jitTimed) o.put("jitMillisDuringTimed", jitDuring);
      o.put("peakHeapMiB", peakHeapBytes() / (1024 * 1024));
    } else if (repeat > 1) {
      o.put("coldMicros", micros[0]);
      o.put("warmMedianMicros", warmMedian(micros));
      o.put("peakHeapMiB", peakHeapBytes() / (1024 * 1024));
    }
    out.println(o);
    out.flush();
    return expected == null || Bytes32.fromHex(expected).equals(hash) ? HostExitCode.VALID : HostExitCode.INVALID;
  }

  /** Parsed here rather than by picocli so that every refusal names the option and the text as given. */
  private double parseSeconds(String option, String text) {
    double s;
    try {
      s = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      s = Double.NaN;
    }
    if (!(s > 0 && s <= MAX_WARMUP_SECONDS)) { // also refuses NaN and the infinities
      throw new ParameterException(spec.commandLine(), option + " wants a number of seconds above 0 and at most "
          + (long) MAX_WARMUP_SECONDS + ", not '" + text + "'");
    }
    return s;
  }

  /**
   * The median of the executions after the first {@code floor(K/2)} (those are warm-up), as the peer's
   * compare script computes it: for an even count, the mean of the two middle times (rounded to the
   * nearest microsecond), not the upper one.
   */
  static long warmMedian(long[] micros) {
    return median(Arrays.copyOfRange(micros, micros.length / 2, micros.length));
  }

  /** The median of all the times: for an even count the mean of the middle two, rounded. */
  static long median(long[] micros) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2.0);
  }

  /**
   * Executes the block again and again, each time with a fresh executor and state over the loaded preimages,
   * and checks every execution against the first: the same hash after the same number of preimage reads.
   */
  private static final class Runner {
    private final RollupConfig config;
    private final Header parent;
    private final PayloadAttributes attributes;
    private final Map<Bytes32, byte[]> preimages;
    private int executions;
    ExecutionResult first;
    int firstReads;

    Runner(RollupConfig config, Header parent, PayloadAttributes attributes, Map<Bytes32, byte[]> preimages) {
      this.config = config;
      this.parent = parent;
      this.attributes = attributes;
      this.preimages = preimages;
    }

    /** One timed execution; returns its time in microseconds. */
    long executeOnce() {
      int[] counter = {0};
      // Every value was hash-checked against its key when the store was loaded, so the executor need not
      // hash nodes, code and headers again on every read (as Kona, which trusts its oracle).
      ChainSource source = ChainSource.ofPreimages(TrieProvider.verified(h -> {
        counter[0]++;
        return preimages.get(h);
      }));
      long t0 = System.nanoTime();
      ExecutionResult r = new BlockExecutor(config, source, TrieHinter.NOOP).execute(parent, attributes);
      Bytes32 sealed = r.header().hash(); // sealing is part of the timed work, as in the peer
      long micros = (System.nanoTime() - t0) / 1000;
      executions++;
      if (first == null) {
        first = r;
        firstReads = counter[0];
      } else if (!first.header().hash().equals(sealed) || firstReads != counter[0]) {
        throw new IllegalStateException("execution " + executions + " gave " + sealed + " after " + counter[0]
            + " preimage reads, the first " + first.header().hash() + " after " + firstReads);
      }
      return micros;
    }
  }

  /** Every keccak preimage in the store, by its hash, whether the store's keys are typed or untyped. */
  private Map<Bytes32, byte[]> loadKeccakPreimages(Path dir) {
    Map<Bytes32, byte[]> map = new HashMap<>();
    try (KeyValueStore store = PreimageStores.openReadOnly(dir, Optional.empty())) {
      store.forEach((key, value) -> {
        byte[] h = Hashing.keccak256(value);
        byte[] k = key.toArray();
        boolean untyped = Arrays.equals(h, k);
        boolean typed = k[0] == 2 && Arrays.equals(h, 1, 32, k, 1, 32);
        if (untyped || typed) map.put(Bytes32.wrap(h), value);
      });
    }
    if (map.isEmpty()) throw new ParameterException(spec.commandLine(), "no keccak preimages in " + dir);
    return map;
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
    }
    return sum;
  }
}
