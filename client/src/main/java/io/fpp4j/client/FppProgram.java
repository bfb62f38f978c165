package io.fpp4j.client;

import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.fpvm.InvalidClaimException;
import io.fpp4j.fpvm.ProgramEntry;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.boot.BootInfo;
import io.fpp4j.proof.boot.BootInfoLoader;
import io.fpp4j.proof.boot.ChainRegistry;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * fpp4j's fault-proof program, the role of kona-client and the op-program client: boot from the local keys, derive
 * and execute from the agreed output to the claimed block, and hold the claim valid iff the output roots match.
 *
 * <p>Both local-key maps are understood. Without {@code --dialect} (or {@value #DIALECT_ENV}), the program reads
 * local key 5: op-program's custom-chain marker {@code 0xFFFFFFFFFFFFFFFF} means op-program's map (rollup config
 * on key 7), anything else Kona's (rollup config on key 6).
 *
 * <p>A chain id on key 5 that the bundled superchain registry knows ({@link ChainRegistry}) takes its rollup config
 * from the registry, not from a local key, as kona-client (its registry) and op-program's client (any chain id but
 * the custom marker) do. The registry has no L1 chain configs: under Kona's map the L1 config still comes from key
 * 7; under op-program's map a known chain fails at boot for want of one.
 *
 * <p>Exec mode: {@code java -cp ... io.fpp4j.client.FppProgram [--dialect kona|op-program]}. Native mode: the host
 * constructs it with its no-argument constructor.
 */
public final class FppProgram implements FaultProofProgram {
  /** Names the local-key map when the host's cannot be told from key 5. */
  public static final String DIALECT_ENV = "FPP4J_DIALECT";

  private final Optional<Dialect> dialect;
  private final PrintStream out;

  /** For native mode: the dialect from {@value #DIALECT_ENV} or key 5, the log on standard output. */
  public FppProgram() {
    this(dialectFromEnv(), System.out);
  }

  public FppProgram(Optional<Dialect> dialect, PrintStream out) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public boolean run(OracleClient oracle) throws InvalidClaimException {
    Dialect d = dialect.orElseGet(() -> detect(oracle));
    BootInfo boot = new BootInfoLoader(d, ChainRegistry.bundledConfigRegistry()).load(oracle);
    // Concatenation, not printf, on this path: java.util.Formatter's first use loads its regex and the locale's
    // number data, about 8 ms of a one-block proof's cold start.
    out.println("fpp4j program (" + d.label() + " local keys): L1 head " + boot.l1Head() + ", agreed output "
        + boot.agreedL2OutputRoot() + ", claim " + boot.claimedL2OutputRoot() + " at L2 block " + boot.claimedL2BlockNumber());
    ProofDriver.Outcome outcome = new ProofDriver(boot, oracle, d, out, m -> out.println("derivation: " + m)).run();
    if (!outcome.claimHolds()) {
      out.println("verdict: invalid claim");
      throw new InvalidClaimException("the output root of L2 block " + outcome.blockNumber() + " is " + outcome.outputRoot()
          + ", not the claimed " + boot.claimedL2OutputRoot());
    }
    out.println("verdict: valid claim (output root " + outcome.outputRoot() + ")");
    return true;
  }

  /**
   * Kona's map or op-program's, from local key 5. Keys 1 to 5 are read in the peers' order so a host that logs
   * requests sees the same sequence; the loader then reads them from the program's cache.
   */
  static Dialect detect(OracleClient oracle) {
    byte[] chainId = null;
    for (long k = 1; k <= 5; k++) chainId = oracle.get(PreimageKey.local(k));
    byte[] custom = new byte[8];
    Arrays.fill(custom, (byte) 0xff);
    return Arrays.equals(chainId, custom) ? Dialect.OP_PROGRAM : Dialect.KONA;
  }

  static Optional<Dialect> dialectFromEnv() {
    String v = System.getenv(DIALECT_ENV);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(parseDialect(v, DIALECT_ENV));
  }

  static Dialect parseDialect(String value, String where) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "kona" -> Dialect.KONA;
      case "op-program" -> Dialect.OP_PROGRAM;
      default -> throw new IllegalArgumentException("invalid " + where + " '" + value + "': use kona or op-program");
    };
  }

  /** Exec mode: runs on descriptors 3 to 6 and exits 0, 1 or 2. */
  public static void main(String[] args) {
    Optional<Dialect> d;
    try {
      d = dialectFromArgs(args);
    } catch (IllegalArgumentException e) {
      System.err.println("fpp4j program: " + e.getMessage());
      System.exit(io.fpp4j.fpvm.ExitCode.FAILURE);
      return;
    }
    ProgramEntry.main(new FppProgram(d, System.out));
  }

  static Optional<Dialect> dialectFromArgs(String[] args) {
    if (args.length == 0) return dialectFromEnv();
    if (args.length == 2 && args[0].equals("--dialect")) return Optional.of(parseDialect(args[1], "--dialect"));
    if (args.length == 1 && args[0].startsWith("--dialect=")) {
      return Optional.of(parseDialect(args[0].substring("--dialect=".length()), "--dialect"));
    }
    throw new IllegalArgumentException("unexpected arguments " + Arrays.toString(args) + ": the only option is --dialect kona|op-program");
  }
}
