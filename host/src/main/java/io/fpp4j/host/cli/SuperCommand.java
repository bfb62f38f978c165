package io.fpp4j.host.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.HostPlan;
import io.fpp4j.host.Mode;
import io.fpp4j.host.OnlineEndpoints;
import io.fpp4j.host.local.KonaInteropInputs;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.LoggingFetchListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fpp4j host super}: kona-host's interop command with its flags and aliases, serving Kona's interop
 * local-key map (see {@link KonaInteropInputs}). Environment variables follow clap's rule for kona-host's
 * flags (the long name in upper case, dashes as underscores); {@code --l1-config-path} has none, as in Kona.
 * Adds {@code --exec}, as {@code single} does.
 */
@Command(name = "super", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run as kona-host's interop (super) host: serve Kona's interop local keys and the preimage store to a "
        + "client run in this process (--native), as a child process (--exec) or by an FPVM (--server).",
        "Offline unless all of --l1-node-address, --l2-node-addresses and --l1-beacon-address are given."},
    footer = {"", HostExitCode.HELP})
final class SuperCommand extends KonaRunCommand {
  static final Map<String, String> ENV = withLogging(Map.ofEntries(
      Map.entry("--l1-head", "L1_HEAD"),
      Map.entry("--agreed-l2-pre-state", "AGREED_L2_PRE_STATE"),
      Map.entry("--claimed-l2-post-state", "CLAIMED_L2_POST_STATE"),
      Map.entry("--claimed-l2-timestamp", "CLAIMED_L2_TIMESTAMP"),
      Map.entry("--l2-node-addresses", "L2_NODE_ADDRESSES"),
      Map.entry("--l1-node-address", "L1_NODE_ADDRESS"),
      Map.entry("--l1-beacon-address", "L1_BEACON_ADDRESS"),
      Map.entry("--data-dir", "DATA_DIR"),
      Map.entry("--data-format", "DATA_FORMAT"),
      Map.entry("--rollup-config-paths", "ROLLUP_CONFIG_PATHS"),
      Map.entry("--depset-cfg", "DEPSET_CFG"),
      Map.entry("--dependency-set-path", "DEPENDENCY_SET_PATH"),
      Map.entry("--enable-experimental-witness-endpoint", "ENABLE_EXPERIMENTAL_WITNESS_ENDPOINT")));

  @Option(names = "--l1-head", paramLabel = "HASH", description = "Hash of the L1 head block; local key 1. Env L1_HEAD.")
  String l1Head;

  @Option(names = {"--agreed-l2-pre-state", "--l2-pre-state"}, paramLabel = "HEX",
      description = "The agreed pre-state (super root or transition state); local key 2 is its keccak-256. Env AGREED_L2_PRE_STATE.")
  String agreedPreState;

  @Option(names = {"--claimed-l2-post-state", "--l2-claim"}, paramLabel = "HASH",
      description = "The claimed post-state; local key 3. Env CLAIMED_L2_POST_STATE.")
  String claimedPostState;

  @Option(names = {"--claimed-l2-timestamp", "--l2-timestamp"}, paramLabel = "SECONDS",
      description = "Timestamp of the claim; local key 4 (u64 big-endian). Env CLAIMED_L2_TIMESTAMP.")
  String claimedTimestamp;

  @Option(names = {"--l2-node-addresses", "--l2s"}, paramLabel = "URL", split = ",",
      description = "L2 JSON-RPC endpoints, one per chain (chain ids from eth_chainId). Env L2_NODE_ADDRESSES.")
  List<String> l2NodeAddresses;

  @Option(names = {"--rollup-config-paths", "--rollup-cfgs"}, paramLabel = "FILE", split = ",",
      description = "Rollup config JSON files, served together as local key 6. Env ROLLUP_CONFIG_PATHS.")
  List<Path> rollupConfigPaths;

  @Option(names = "--depset-cfg", paramLabel = "FILE", description = "Dependency set JSON; local key 8. Env DEPSET_CFG.")
  Path depsetCfg;

  @Option(names = "--dependency-set-path", paramLabel = "FILE",
      description = "kona-host 1.0.2's name for --depset-cfg. Without either, key 8 is a dependency set of the rollup "
          + "configs' chains; a rollup config that schedules Lagoon (lagoon_time) needs one given. Env DEPENDENCY_SET_PATH.")
  Path dependencySetPath;

  @Mixin KonaOptions kona = new KonaOptions();

  SuperCommand(HostWiring wiring) {
    super(wiring);
  }

  @Override
  String dialect() {
    return "super";
  }

  @Override
  Map<String, String> envVariables() {
    return ENV;
  }

  @Override
  KonaOptions kona() {
    return kona;
  }

  List<String> l2s() {
    return l2NodeAddresses == null ? List.of() : l2NodeAddresses.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
  }

  boolean online() {
    return kona.l1NodeAddress != null && !l2s().isEmpty() && kona.l1BeaconAddress != null;
  }

  /** kona-host's {@code InteropHost} rules; parses the pre-state and reads the rollup configs. */
  KonaInteropInputs validate() {
    require(l1Head, "--l1-head");
    require(agreedPreState, "--agreed-l2-pre-state");
    require(claimedPostState, "--claimed-l2-post-state");
    require(claimedTimestamp, "--claimed-l2-timestamp");
    requireOneKonaMode(kona.nativeMode, kona.serverMode, kona.exec);
    requireKonaEndpoints(new String[][] {{"--l1-node-address", kona.l1NodeAddress},
        {"--l2-node-addresses", l2s().isEmpty() ? null : String.join(",", l2s())}, {"--l1-beacon-address", kona.l1BeaconAddress}}, kona.dataDir);
    requireKonaDataFormat(kona.dataFormat);
    noProgramArgsUnlessExec(kona.exec != null);
    Path depset = dependencySet();
    KonaInteropInputs inputs = new KonaInteropInputs(hash(l1Head, "--l1-head"), agreedPrestate(agreedPreState, "--agreed-l2-pre-state"),
        hash(claimedPostState, "--claimed-l2-post-state"), u64(claimedTimestamp, "--claimed-l2-timestamp"),
        rollupConfigPaths == null ? List.of() : rollupConfigPaths, kona.l1ConfigPath, depset);
    // every rollup config must parse before anything is served
    inputs.rollupsByChain().forEach((chainId, config) -> {
      JsonNode lagoon = config.json().get("lagoon_time");
      if (depset == null && lagoon != null && !lagoon.isNull()) {
        throw new IllegalArgumentException("the rollup config of chain " + Long.toUnsignedString(chainId) + " schedules Lagoon (lagoon_time "
            + lagoon.asText() + "), which needs a dependency set: give " + missing("--dependency-set-path").replace("missing required flag ", ""));
      }
    });
    return inputs;
  }

  /** {@code --dependency-set-path} or {@code --depset-cfg}: two names of one input, which must agree if both are given. */
  private Path dependencySet() {
    if (depsetCfg != null && dependencySetPath != null && !depsetCfg.equals(dependencySetPath)) {
      throw new IllegalArgumentException(where("--dependency-set-path") + " " + dependencySetPath + " and " + where("--depset-cfg") + " "
          + depsetCfg + " name different dependency sets: give one");
    }
    return dependencySetPath != null ? dependencySetPath : depsetCfg;
  }

  @Override
  HostPlan plan() {
    KonaInteropInputs inputs = validate();
    Mode mode = kona.nativeMode ? Mode.NATIVE : kona.serverMode ? Mode.SERVER : Mode.EXEC;
    HintHandlerRegistry handlers = online()
        ? wiring.handlers().create(inputs, new OnlineEndpoints(kona.l1NodeAddress, l2s().get(0), kona.l1BeaconAddress,
            Map.of("enable-experimental-witness-endpoint", Boolean.toString(kona.experimentalWitness), "l2", String.join(",", l2s()))), metrics)
        : null;
    return new HostPlan(mode, mode == Mode.EXEC ? execCommand(kona.exec, "--exec") : List.of(),
        mode == Mode.NATIVE ? nativeProgram("--native") : null, transport(), kona.dataDir,
        kona.format(), inputs.localInputs(), handlers, retryPolicy(),
        new LoggingFetchListener(), inputs.claimSummary(), openTimeout(), progressInterval());
  }
}
