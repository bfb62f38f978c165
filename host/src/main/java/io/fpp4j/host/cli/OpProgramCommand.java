package io.fpp4j.host.cli;

import ch.qos.logback.classic.Level;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.HostPlan;
import io.fpp4j.host.Mode;
import io.fpp4j.host.OnlineEndpoints;
import io.fpp4j.host.local.AgreedPrestate;
import io.fpp4j.host.local.ChainInputs;
import io.fpp4j.host.local.OpProgramInputs;
import io.fpp4j.host.local.OpProgramInteropInputs;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.LoggingFetchListener;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.boot.ChainRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fpp4j host op-program}: the op-program host's flags, {@code OP_PROGRAM_*} environment variables and
 * config checks (a single chain, or an interop run with {@code --l2.agreed-prestate}), serving op-program's local-key map (5 = chain id or MaxUint64 for a
 * custom chain; 6 = L2 chain config, 7 = rollup config, 9 = L1 chain config). Runs the client in this process
 * (default), as a child ({@code --exec}) or only serves ({@code --server}).
 */
@Command(name = "op-program", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run as the op-program host: serve op-program's local keys and the preimage store to a client run in "
        + "this process (default, see --program), as a child process (--exec PATH) or by an FPVM (--server).",
        "Fetches only when --l1, --l2 and --l1.beacon are all given; otherwise serves the data directory."},
    footer = {"", HostExitCode.HELP})
final class OpProgramCommand extends HostRunCommand {
  private static final Logger LOG = LoggerFactory.getLogger(OpProgramCommand.class);

  static final Map<String, String> ENV = Map.ofEntries(
      Map.entry("--l1.head", "OP_PROGRAM_L1_HEAD"),
      Map.entry("--l2.head", "OP_PROGRAM_L2_HEAD"),
      Map.entry("--l2.outputroot", "OP_PROGRAM_L2_OUTPUT_ROOT"),
      Map.entry("--l2.agreed-prestate", "OP_PROGRAM_L2_AGREED_PRESTATE"),
      Map.entry("--depset.config", "OP_PROGRAM_DEPSET_CONFIG"),
      Map.entry("--l2.claim", "OP_PROGRAM_L2_CLAIM"),
      Map.entry("--l2.blocknumber", "OP_PROGRAM_L2_BLOCK_NUM"),
      Map.entry("--l2.custom", "OP_PROGRAM_L2_CHAINID"),
      Map.entry("--rollup.config", "OP_PROGRAM_ROLLUP_CONFIG"),
      Map.entry("--network", "OP_PROGRAM_NETWORK"),
      Map.entry("--l2.genesis", "OP_PROGRAM_L2_GENESIS"),
      Map.entry("--l1.chainconfig", "OP_PROGRAM_L1_CHAINCONFIG"),
      Map.entry("--datadir", "OP_PROGRAM_DATADIR"),
      Map.entry("--data.format", "OP_PROGRAM_DATA_FORMAT"),
      Map.entry("--l1", "OP_PROGRAM_L1_RPC"),
      Map.entry("--l1.beacon", "OP_PROGRAM_L1_BEACON_API"),
      Map.entry("--l1.trustrpc", "OP_PROGRAM_L1_TRUST_RPC"),
      Map.entry("--l1.rpckind", "OP_PROGRAM_L1_RPC_KIND"),
      Map.entry("--l2", "OP_PROGRAM_L2_RPC"),
      Map.entry("--l2.experimental", "OP_PROGRAM_L2_RPC_EXPERIMENTAL_RPC"),
      Map.entry("--exec", "OP_PROGRAM_EXEC"),
      Map.entry("--server", "OP_PROGRAM_SERVER"),
      Map.entry("--log.level", "OP_PROGRAM_LOG_LEVEL"),
      Map.entry("--l2.sequencenumber", "OP_PROGRAM_L2_SEQUENCE_NUMBER"),
      Map.entry("--log.format", "OP_PROGRAM_LOG_FORMAT"),
      Map.entry("--log.color", "OP_PROGRAM_LOG_COLOR"),
      Map.entry("--log.pid", "OP_PROGRAM_LOG_PID"),
      Map.entry("--program", "FPP4J_PROGRAM"),
      // op-service's metrics flags under op-program's prefix (opservice.PrefixEnvVar), as every op-service binary names them.
      Map.entry("--metrics.enabled", "OP_PROGRAM_METRICS_ENABLED"),
      Map.entry("--metrics.addr", "OP_PROGRAM_METRICS_ADDR"),
      Map.entry("--metrics.port", "OP_PROGRAM_METRICS_PORT"));

  /** op-service's log formats (oplog.CLIFlags). */
  private static final List<String> LOG_FORMATS = List.of("text", "terminal", "logfmt", "json", "json-pretty");

  @Option(names = "--l1.head", paramLabel = "HASH", description = "Hash of the L1 head block; local key 1; must not be zero. Env OP_PROGRAM_L1_HEAD.")
  String l1Head;

  @Option(names = "--l2.head", paramLabel = "HASH", description = "Hash of the L2 block at --l2.outputroot (not a local key); required with it. Env OP_PROGRAM_L2_HEAD.")
  String l2Head;

  @Option(names = "--l2.outputroot", paramLabel = "HASH", description = "Agreed L2 output root; local key 2. Env OP_PROGRAM_L2_OUTPUT_ROOT.")
  String l2OutputRoot;

  @Option(names = "--l2.agreed-prestate", paramLabel = "HEX", description = "Interop: the agreed pre-state (a super root or a transition state) instead of --l2.outputroot; local key 2 is its keccak-256. Env OP_PROGRAM_L2_AGREED_PRESTATE.")
  String l2AgreedPrestate;

  @Option(names = "--depset.config", paramLabel = "FILE", description = "Interop: the dependency set JSON; local key 8. Env OP_PROGRAM_DEPSET_CONFIG.")
  Path depsetConfig;

  @Option(names = "--l2.claim", paramLabel = "HASH", description = "Claimed L2 output root; local key 3 (the zero hash is allowed). Env OP_PROGRAM_L2_CLAIM.")
  String l2Claim;

  @Option(names = "--l2.blocknumber", paramLabel = "N", description = "L2 block number of the claim, above 0; local key 4. "
      + "Go's base-0 form (0x.., 0o.., 0b.., 0.. octal) as op-program. Env OP_PROGRAM_L2_BLOCK_NUM.")
  String l2BlockNumber;

  @Option(names = "--l2.sequencenumber", paramLabel = "N", description = "op-program's newer name for --l2.blocknumber "
      + "(a block number, or the timestamp of an interop run). Env OP_PROGRAM_L2_SEQUENCE_NUMBER.")
  String l2SequenceNumber;

  @Option(names = "--l2.custom", hidden = true, description = "Serve chain id MaxUint64 (implied by --rollup.config). Env OP_PROGRAM_L2_CHAINID.")
  boolean l2Custom;

  @Option(names = "--rollup.config", paramLabel = "FILE", description = "Rollup config JSON of a custom chain; local key 7. Env OP_PROGRAM_ROLLUP_CONFIG.")
  List<String> rollupConfig;

  @Option(names = "--network", paramLabel = "NAME", description = "A superchain-registry chain name (op-mainnet, base-sepolia, ...; "
      + "bundled, see host/scripts/regen-chain-registry.py) or a decimal chain id of a chain the client knows; its chain id is local key 5. Env OP_PROGRAM_NETWORK.")
  List<String> network;

  @Option(names = "--l2.genesis", paramLabel = "FILE", description = "op-geth genesis JSON of a custom chain; its config object is local key 6. Env OP_PROGRAM_L2_GENESIS.")
  List<String> l2Genesis;

  @Option(names = "--l1.chainconfig", paramLabel = "FILE", description = "fpp4j: L1 chain config (or genesis) JSON of a custom chain; local key 9. Env OP_PROGRAM_L1_CHAINCONFIG.")
  Path l1ChainConfig;

  @Option(names = "--datadir", paramLabel = "DIR", description = "Preimage store directory; required when not fetching. Env OP_PROGRAM_DATADIR.")
  Path dataDir;

  @Option(names = "--data.format", paramLabel = "FORMAT", defaultValue = "directory",
      description = "Format of a new data directory: directory (default), file or pebble (through the Go helper built by host/scripts/setup-pebble.sh); an existing kvformat marker wins. Env OP_PROGRAM_DATA_FORMAT.")
  String dataFormat;

  @Option(names = "--l1", paramLabel = "URL", description = "L1 JSON-RPC endpoint; with --l2. Env OP_PROGRAM_L1_RPC.")
  String l1;

  @Option(names = "--l1.beacon", paramLabel = "URL", description = "L1 beacon API endpoint. Env OP_PROGRAM_L1_BEACON_API.")
  String l1Beacon;

  @Option(names = "--l1.trustrpc", description = "Trust the L1 RPC's data. Env OP_PROGRAM_L1_TRUST_RPC.")
  boolean l1TrustRpc;

  @Option(names = "--l1.rpckind", paramLabel = "KIND", defaultValue = "standard", description = "L1 RPC provider kind (default standard). Env OP_PROGRAM_L1_RPC_KIND.")
  String l1RpcKind;

  @Option(names = "--l2", paramLabel = "URL", description = "L2 JSON-RPC endpoint (eth and debug namespaces); with --l1. Env OP_PROGRAM_L2_RPC.")
  List<String> l2;

  @Option(names = "--l2.experimental", paramLabel = "URL", description = "L2 endpoint with debug_executionWitness/debug_executePayload. Env OP_PROGRAM_L2_RPC_EXPERIMENTAL_RPC.")
  List<String> l2Experimental;

  @Option(names = "--exec", paramLabel = "PATH", description = "Run this client binary as a child (the whole value is the path, as in op-program; arguments after --). Env OP_PROGRAM_EXEC.")
  String exec;

  @Option(names = "--server", description = "Only serve, on descriptors 3 to 6 inherited from an FPVM. Env OP_PROGRAM_SERVER.")
  boolean serverMode;

  @Option(names = "--log.level", paramLabel = "LEVEL", description = "op-program's log level: crit, error, warn, info, debug, trace. Env OP_PROGRAM_LOG_LEVEL.")
  String opLogLevel;

  @Option(names = "--log.format", paramLabel = "FORMAT", description = "op-program's log format: text, terminal, logfmt, json or json-pretty; "
      + "checked, then fpp4j keeps its own line format on standard error. Env OP_PROGRAM_LOG_FORMAT.")
  String opLogFormat;

  @Option(names = "--log.color", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Accepted as op-program does; fpp4j's log lines are not colored. Env OP_PROGRAM_LOG_COLOR.")
  boolean opLogColor;

  @Option(names = "--log.pid", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Accepted as op-program does; fpp4j's log lines carry no process id. Env OP_PROGRAM_LOG_PID.")
  boolean opLogPid;

  OpProgramCommand(HostWiring wiring) {
    super(wiring);
  }

  @Override
  String dialect() {
    return "op-program";
  }

  @Override
  Map<String, String> envVariables() {
    return ENV;
  }

  @Override
  Optional<Level> dialectLogLevel() {
    if (opLogFormat != null && !LOG_FORMATS.contains(opLogFormat.trim().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("invalid " + where("--log.format") + " '" + opLogFormat + "': use one of " + String.join(", ", LOG_FORMATS));
    }
    return opLogLevel == null ? Optional.empty() : Optional.of(Logging.parse(opLogLevel, where("--log.level")));
  }

  /** op-service's default metrics port. */
  @Override
  int defaultMetricsPort() {
    return 7300;
  }

  /** urfave reads an int flag in Go's base 0, as it does the block number. */
  @Override
  long metricsPortNumber(String value) {
    return GoFlagValues.parseUint0(value);
  }

  boolean fetching() {
    return l1 != null && !splitCommas(l2).isEmpty() && l1Beacon != null;
  }

  /**
   * op-program's {@code CheckRequired} and {@code Config.Check}, in its order, with flag-naming messages: a single
   * chain ({@link OpProgramInputs}) with {@code --l2.outputroot}, an interop run ({@link OpProgramInteropInputs})
   * with {@code --l2.agreed-prestate}.
   */
  ChainInputs validate() {
    require(l1Head, "--l1.head");
    require(l2Claim, "--l2.claim");
    resolveSequenceNumber();
    if (l2AgreedPrestate != null) {
      if (l2OutputRoot != null) {
        throw new IllegalArgumentException("give one of --l2.outputroot (a single chain) and --l2.agreed-prestate (interop), not both");
      }
      return validateInterop();
    }
    // op-program reads a dependency set only in an interop run and accepts the flag on a single chain; so does fpp4j.
    if (depsetConfig != null) LOG.info("{} is not used: a single-chain run serves no dependency set (key 8 is interop only)", where("--depset.config"));
    List<String> networks = splitCommas(network);
    List<String> rollups = splitCommas(rollupConfig);
    List<String> geneses = splitCommas(l2Genesis);
    if (l2Custom && !networks.isEmpty()) {
      throw new IllegalArgumentException("--l2.custom cannot be used with named networks (--network)");
    }
    if (l2OutputRoot == null) {
      throw new IllegalArgumentException(missing("--l2.outputroot") + " (or --l2.agreed-prestate for an interop run)");
    }
    if (l2Head == null) throw new IllegalArgumentException("--l2.head is required when --l2.outputroot is given");

    Bytes32 l2HeadHash = nonZero(hash(l2Head, "--l2.head"), "--l2.head", "L2 head");
    Bytes32 outputRoot = nonZero(hash(l2OutputRoot, "--l2.outputroot"), "--l2.outputroot", "L2 output root");
    Bytes32 claim = claim();
    long blockNumber = u64(l2BlockNumber, "--l2.blocknumber");
    if (blockNumber == 0) throw new IllegalArgumentException("invalid " + where(sequenceFlag) + " 0: the claimed L2 block number must be above 0");
    Bytes32 l1HeadHash = nonZero(hash(l1Head, "--l1.head"), "--l1.head", "L1 head");

    if (networks.size() > 1 || rollups.size() > 1 || geneses.size() > 1) {
      throw new IllegalArgumentException("several --network/--rollup.config/--l2.genesis values configure several chains "
          + "(interop), which needs --l2.agreed-prestate instead of --l2.outputroot");
    }
    if (!networks.isEmpty() && (!rollups.isEmpty() || !geneses.isEmpty() || l1ChainConfig != null)) {
      throw new IllegalArgumentException(where("--network") + " cannot be combined with --rollup.config, --l2.genesis or --l1.chainconfig");
    }
    if (networks.isEmpty() && rollups.isEmpty()) {
      throw new IllegalArgumentException("missing rollup config: give --network CHAIN_ID, or --rollup.config FILE with --l2.genesis FILE");
    }
    if (!rollups.isEmpty() && geneses.isEmpty()) {
      throw new IllegalArgumentException("--l2.genesis is required with --rollup.config (a custom chain)");
    }
    if (rollups.isEmpty() && !geneses.isEmpty()) {
      throw new IllegalArgumentException("--l2.genesis needs --rollup.config (a custom chain)");
    }
    if (l2Custom && rollups.isEmpty()) throw new IllegalArgumentException("--l2.custom needs --rollup.config and --l2.genesis");
    Long chainId = networks.isEmpty() ? null : networkChainId(networks.get(0));

    checkSourcesModeAndFormat();
    if (splitCommas(l2).size() > 1) {
      throw new IllegalArgumentException("several --l2 endpoints serve several chains (interop), which needs --l2.agreed-prestate instead of --l2.outputroot");
    }
    noProgramArgsUnlessExec(exec != null);
    return new OpProgramInputs(l1HeadHash, l2HeadHash, outputRoot, claim, blockNumber, chainId,
        rollups.isEmpty() ? null : Path.of(rollups.get(0)), geneses.isEmpty() ? null : Path.of(geneses.get(0)), l1ChainConfig);
  }

  /** The interop checks: the pre-state parses, every chain comes as a rollup config and a genesis file. */
  private OpProgramInteropInputs validateInterop() {
    AgreedPrestate prestate = agreedPrestate(l2AgreedPrestate, "--l2.agreed-prestate");
    Bytes32 claim = claim();
    long timestamp = u64(l2BlockNumber, "--l2.blocknumber");
    if (timestamp == 0) throw new IllegalArgumentException("invalid " + where(sequenceFlag) + " 0: the game timestamp must be above 0");
    Bytes32 l1HeadHash = nonZero(hash(l1Head, "--l1.head"), "--l1.head", "L1 head");
    if (!splitCommas(network).isEmpty()) {
      splitCommas(network).forEach(this::networkChainId); // an unknown name is reported as such first
      throw new IllegalArgumentException(where("--network") + " in an interop run: fpp4j bundles the registry's chain ids, not "
          + "its genesis files, which an interop run serves; give --rollup.config and --l2.genesis for each chain");
    }
    if (l2Custom) throw new IllegalArgumentException("--l2.custom is implied in an interop run (the configs are always served)");
    List<String> rollups = splitCommas(rollupConfig);
    List<String> geneses = splitCommas(l2Genesis);
    if (rollups.isEmpty()) throw new IllegalArgumentException(missing("--rollup.config") + ": an interop run needs one per chain");
    if (rollups.size() != geneses.size()) {
      throw new IllegalArgumentException("an interop run needs one --l2.genesis per --rollup.config, in the same order: got "
          + rollups.size() + " --rollup.config and " + geneses.size() + " --l2.genesis");
    }
    checkSourcesModeAndFormat();
    if (l2Head != null) LOG.warn("--l2.head is ignored in an interop run: the agreed pre-state names every chain's output");
    noProgramArgsUnlessExec(exec != null);
    OpProgramInteropInputs inputs = new OpProgramInteropInputs(l1HeadHash, prestate, claim, timestamp,
        rollups.stream().map(Path::of).toList(), geneses.stream().map(Path::of).toList(), depsetConfig, l1ChainConfig);
    inputs.rollupsByChain(); // every rollup config must parse before anything is served
    return inputs;
  }

  /** The checks both kinds of run share, in op-program's order: endpoints, data directory, mode, data format. */
  private void checkSourcesModeAndFormat() {
    if ((l1 != null) != !splitCommas(l2).isEmpty()) {
      throw new IllegalArgumentException("--l1 and --l2 must be given together or both omitted");
    }
    if (!fetching() && dataDir == null) {
      throw new IllegalArgumentException("--datadir must be given when not fetching (fetching needs all of --l1, --l2 and --l1.beacon)");
    }
    if (serverMode && exec != null) {
      throw new IllegalArgumentException("--exec must not be set in server mode (--server)");
    }
    String fmt = dataFormat.trim().toLowerCase(Locale.ROOT);
    if (!fmt.equals("directory") && !fmt.equals("file") && !fmt.equals("pebble")) {
      throw new IllegalArgumentException("invalid " + where("--data.format") + " '" + dataFormat + "': use directory, file or pebble");
    }
  }

  /** {@code --l2.sequencenumber} or {@code --l2.blocknumber} (two names of one value) into {@link #l2BlockNumber}. */
  private void resolveSequenceNumber() {
    if (l2SequenceNumber != null && l2BlockNumber != null && !l2SequenceNumber.trim().equals(l2BlockNumber.trim())) {
      throw new IllegalArgumentException(where("--l2.sequencenumber") + " " + l2SequenceNumber + " and " + where("--l2.blocknumber")
          + " " + l2BlockNumber + " disagree: give one");
    }
    if (l2BlockNumber == null && l2SequenceNumber != null) {
      l2BlockNumber = l2SequenceNumber;
      sequenceFlag = "--l2.sequencenumber";
    }
    if (l2BlockNumber == null) {
      throw new IllegalArgumentException("missing required flag --l2.sequencenumber or --l2.blocknumber "
          + "(or env OP_PROGRAM_L2_SEQUENCE_NUMBER or OP_PROGRAM_L2_BLOCK_NUM)");
    }
  }

  private String sequenceFlag = "--l2.blocknumber";

  /** A --network value: a registry name, or a decimal chain id (op-program also takes ids of custom chains). */
  private long networkChainId(String n) {
    if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) return u64(n, "--network");
    ChainRegistry registry = ChainRegistry.bundled();
    ChainRegistry.Chain chain = registry.byName(n).orElseThrow(() -> new IllegalArgumentException("invalid " + where("--network")
        + " '" + n + "': unknown network; fpp4j's bundled superchain registry (commit " + registry.commit().substring(0, Math.min(12, registry.commit().length()))
        + ") knows " + String.join(", ", registry.names()) + "; or give a decimal chain id, or --rollup.config and --l2.genesis"));
    if (chain.removed()) LOG.warn("--network {}: the superchain registry has since removed this chain; using its last listed chain id {}", n, chain.chainId());
    return chain.chainId();
  }

  /**
   * The claim: any hash, but the zero hash only written out in full, as op-program requires, because HexToHash
   * also turns {@code 0x0} and unreadable text into zero.
   */
  private Bytes32 claim() {
    Bytes32 claim = hash(l2Claim, "--l2.claim");
    String literal = l2Claim.trim();
    if (literal.startsWith("0x") || literal.startsWith("0X")) literal = literal.substring(2);
    if (claim.equals(Bytes32.ZERO) && literal.length() != 64) {
      throw new IllegalArgumentException("invalid " + where("--l2.claim") + " '" + l2Claim + "': the zero claim must be written out in full (64 zeros)");
    }
    return claim;
  }

  /** op-program reads hashes as go-ethereum's HexToHash: {@code 0x1} is a hash, left-padded. */
  @Override
  Bytes32 hash(String value, String option) {
    require(value, option);
    try {
      return GoFlagValues.hexToHash(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + where(option) + " '" + value + "': " + e.getMessage(), e);
    }
  }

  /** op-program's uint64 flags are read in Go's base 0 ({@code 0x10} is 16). */
  @Override
  long u64(String value, String option) {
    require(value, option);
    String flag = option.equals("--l2.blocknumber") ? sequenceFlag : option;
    try {
      return GoFlagValues.parseUint0(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + where(flag) + " '" + value + "': " + e.getMessage()
          + " (expected an unsigned 64-bit number: decimal, or 0x hex, 0o or 0 octal, 0b binary)");
    }
  }

  private Bytes32 nonZero(Bytes32 v, String option, String what) {
    if (v.equals(Bytes32.ZERO)) throw new IllegalArgumentException("invalid " + where(option) + ": the zero hash is not a valid " + what);
    return v;
  }

  @Override
  HostPlan plan() {
    ChainInputs inputs = validate();
    Mode mode = serverMode ? Mode.SERVER : exec != null ? Mode.EXEC : Mode.NATIVE;
    HintHandlerRegistry handlers = null;
    if (fetching()) {
      Map<String, String> options = new HashMap<>();
      options.put("l1.trustrpc", Boolean.toString(l1TrustRpc));
      options.put("l1.rpckind", l1RpcKind);
      List<String> experimental = splitCommas(l2Experimental);
      if (!experimental.isEmpty()) options.put("l2.experimental", String.join(",", experimental));
      options.put("l2", String.join(",", splitCommas(l2))); // every L2 endpoint: an interop run has one per chain
      handlers = wiring.handlers().create(inputs, new OnlineEndpoints(l1, splitCommas(l2).get(0), l1Beacon, options), metrics);
    } else if (l1 != null || l1Beacon != null) {
      LOG.warn("not fetching: {} missing, so every preimage must already be in {}", l1Beacon == null ? "--l1.beacon is" : "--l1/--l2 are", dataDir);
    }
    return new HostPlan(mode, mode == Mode.EXEC ? execCommand(exec, "--exec") : List.of(),
        mode == Mode.NATIVE ? nativeProgram("running without --exec or --server") : null, transport(), dataDir,
        dataFormat.trim().toLowerCase(Locale.ROOT), inputs.localInputs(), handlers, retryPolicy(),
        new LoggingFetchListener(), inputs.claimSummary(), openTimeout(), progressInterval());
  }
}
