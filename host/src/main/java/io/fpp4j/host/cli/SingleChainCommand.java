package io.fpp4j.host.cli;

import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.HostPlan;
import io.fpp4j.host.Mode;
import io.fpp4j.host.OnlineEndpoints;
import io.fpp4j.host.local.KonaSingleChainInputs;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.LoggingFetchListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fpp4j host single}: kona-host's {@code single} command with its flags, aliases, environment
 * variables and checks, serving Kona's local-key map (1..5, 6 = rollup config, 7 = L1 config). Adds
 * {@code --exec} (run a client binary as a child), which kona-host does not have.
 */
@Command(name = "single", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run as kona-host's single-chain host: serve Kona's local keys and the preimage store to a client "
        + "run in this process (--native), as a child process (--exec) or by an FPVM (--server).",
        "Offline (serve only the data directory) unless all of --l1-node-address, --l2-node-address and "
            + "--l1-beacon-address are given."},
    footer = {"", HostExitCode.HELP})
final class SingleChainCommand extends KonaRunCommand {
  static final Map<String, String> ENV = withLogging(Map.ofEntries(
      Map.entry("--l1-head", "L1_HEAD"),
      Map.entry("--agreed-l2-head-hash", "AGREED_L2_HEAD_HASH"),
      Map.entry("--agreed-l2-output-root", "AGREED_L2_OUTPUT_ROOT"),
      Map.entry("--claimed-l2-output-root", "CLAIMED_L2_OUTPUT_ROOT"),
      Map.entry("--claimed-l2-block-number", "CLAIMED_L2_BLOCK_NUMBER"),
      Map.entry("--l2-node-address", "L2_NODE_ADDRESS"),
      Map.entry("--l1-node-address", "L1_NODE_ADDRESS"),
      Map.entry("--l1-beacon-address", "L1_BEACON_ADDRESS"),
      Map.entry("--data-dir", "DATA_DIR"),
      Map.entry("--data-format", "DATA_FORMAT"),
      Map.entry("--l2-chain-id", "L2_CHAIN_ID"),
      Map.entry("--rollup-config-path", "ROLLUP_CONFIG_PATH"),
      Map.entry("--l1-config-path", "L1_CONFIG_PATH"),
      Map.entry("--enable-experimental-witness-endpoint", "ENABLE_EXPERIMENTAL_WITNESS_ENDPOINT")));

  @Option(names = "--l1-head", paramLabel = "HASH", description = "Hash of the L1 head block; local key 1. Env L1_HEAD.")
  String l1Head;

  @Option(names = {"--agreed-l2-head-hash", "--l2-head"}, paramLabel = "HASH",
      description = "Hash of the agreed L2 block committed to by the agreed output root. Env AGREED_L2_HEAD_HASH.")
  String agreedL2HeadHash;

  @Option(names = {"--agreed-l2-output-root", "--l2-output-root"}, paramLabel = "HASH",
      description = "Agreed L2 output root to start derivation from; local key 2. Env AGREED_L2_OUTPUT_ROOT.")
  String agreedL2OutputRoot;

  @Option(names = {"--claimed-l2-output-root", "--l2-claim"}, paramLabel = "HASH",
      description = "Claimed L2 output root to validate; local key 3. Env CLAIMED_L2_OUTPUT_ROOT.")
  String claimedL2OutputRoot;

  @Option(names = {"--claimed-l2-block-number", "--l2-block-number"}, paramLabel = "N",
      description = "L2 block number of the claim; local key 4 (u64 big-endian). Env CLAIMED_L2_BLOCK_NUMBER.")
  String claimedL2BlockNumber;

  @Option(names = {"--l2-node-address", "--l2"}, paramLabel = "URL",
      description = "L2 JSON-RPC endpoint (eth and debug namespaces); needs --l1-node-address and --l1-beacon-address. Env L2_NODE_ADDRESS.")
  String l2NodeAddress;

  @Option(names = "--l2-chain-id", paramLabel = "ID",
      description = "L2 chain id of a chain the client knows; local key 5. Conflicts with --rollup-config-path. Env L2_CHAIN_ID.")
  String l2ChainId;

  @Option(names = {"--rollup-config-path", "--rollup-cfg"}, paramLabel = "FILE",
      description = "Rollup config JSON, served as local key 6 (local key 5 is then 0). Env ROLLUP_CONFIG_PATH.")
  Path rollupConfigPath;

  @Mixin KonaOptions kona = new KonaOptions();

  SingleChainCommand(HostWiring wiring) {
    super(wiring);
  }

  @Override
  String dialect() {
    return "single";
  }

  @Override
  Map<String, String> envVariables() {
    return ENV;
  }

  @Override
  KonaOptions kona() {
    return kona;
  }

  /** The flag-combination rules of kona-host's {@code SingleChainHost}, without reading any file. */
  void validate() {
    require(l1Head, "--l1-head");
    require(agreedL2HeadHash, "--agreed-l2-head-hash");
    require(agreedL2OutputRoot, "--agreed-l2-output-root");
    require(claimedL2OutputRoot, "--claimed-l2-output-root");
    require(claimedL2BlockNumber, "--claimed-l2-block-number");

    requireOneKonaMode(kona.nativeMode, kona.serverMode, kona.exec);

    if (l2ChainId != null && rollupConfigPath != null) {
      throw new IllegalArgumentException(where("--l2-chain-id") + " cannot be used with " + where("--rollup-config-path"));
    }
    if (l2ChainId == null && rollupConfigPath == null) {
      throw new IllegalArgumentException("one of --l2-chain-id or --rollup-config-path is required");
    }

    requireKonaEndpoints(new String[][] {{"--l1-node-address", kona.l1NodeAddress}, {"--l2-node-address", l2NodeAddress},
        {"--l1-beacon-address", kona.l1BeaconAddress}}, kona.dataDir);
    requireKonaDataFormat(kona.dataFormat);
    noProgramArgsUnlessExec(kona.exec != null);
  }

  /** The checked flags as Kona's inputs (parses hashes and numbers; reads no file). */
  KonaSingleChainInputs inputs() {
    return new KonaSingleChainInputs(hash(l1Head, "--l1-head"), hash(agreedL2HeadHash, "--agreed-l2-head-hash"),
        hash(agreedL2OutputRoot, "--agreed-l2-output-root"), hash(claimedL2OutputRoot, "--claimed-l2-output-root"),
        u64(claimedL2BlockNumber, "--claimed-l2-block-number"),
        l2ChainId == null ? null : u64(l2ChainId, "--l2-chain-id"), rollupConfigPath, kona.l1ConfigPath);
  }

  boolean online() {
    return kona.l1NodeAddress != null && l2NodeAddress != null && kona.l1BeaconAddress != null;
  }

  @Override
  HostPlan plan() {
    validate();
    KonaSingleChainInputs inputs = inputs();
    Mode mode = kona.nativeMode ? Mode.NATIVE : kona.serverMode ? Mode.SERVER : Mode.EXEC;
    HintHandlerRegistry handlers = online()
        ? wiring.handlers().create(inputs, new OnlineEndpoints(kona.l1NodeAddress, l2NodeAddress, kona.l1BeaconAddress,
            Map.of("enable-experimental-witness-endpoint", Boolean.toString(kona.experimentalWitness))), metrics)
        : null;
    return new HostPlan(mode, mode == Mode.EXEC ? execCommand(kona.exec, "--exec") : List.of(),
        mode == Mode.NATIVE ? nativeProgram("--native") : null, transport(), kona.dataDir,
        kona.format(), inputs.localInputs(), handlers, retryPolicy(),
        new LoggingFetchListener(), inputs.claimSummary(), openTimeout(), progressInterval());
  }
}
