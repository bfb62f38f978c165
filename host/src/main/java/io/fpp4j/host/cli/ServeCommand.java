package io.fpp4j.host.cli;

import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.HostPlan;
import io.fpp4j.host.Mode;
import io.fpp4j.host.local.LocalInputs;
import io.fpp4j.host.local.LocalKeyArgs;
import io.fpp4j.host.serve.LoggingFetchListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fpp4j host serve}: an offline host for any program. Local keys come from {@code --local-key} and
 * {@code --local-keys}; every other key from the data directory. Hints are ignored.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve any fault-proof program offline: local keys from --local-key/--local-keys, every other "
        + "preimage from the data directory (or an empty store without one), hints ignored.",
        "Run the program as a child (--exec PATH [-- ARGS]), in this process (--native --program CLASS), or serve an "
            + "FPVM on descriptors 3 to 6 (--server).",
        "",
        "Local-keys file: a JSON object from decimal local index to hex value, e.g.",
        "  {\"1\": \"0x6c1e…32 bytes…\", \"4\": \"0x0000000000000008\"}",
        "--local-key wins over the file for the same index."},
    footer = {"", HostExitCode.HELP})
final class ServeCommand extends HostRunCommand {
  @Option(names = "--exec", paramLabel = "PATH", description = "Run this program as a child with pipes on descriptors 3 to 6; its arguments follow --.")
  String exec;

  @Option(names = "--server", description = "Only serve, on descriptors 3 to 6 inherited from an FPVM.")
  boolean serverMode;

  @Option(names = "--native", description = "Run a Java FaultProofProgram (--program CLASS) in this process.")
  boolean nativeMode;

  @Option(names = "--local-key", paramLabel = "N=0xHEX", description = "Serve HEX as local key N (decimal index). Repeatable.")
  List<String> localKeys = new ArrayList<>();

  @Option(names = "--local-keys", paramLabel = "FILE", description = "A JSON file of local keys (see above).")
  Path localKeysFile;

  @Option(names = {"--data-dir", "--datadir"}, paramLabel = "DIR", description = "Preimage store directory; without it only local keys are served.")
  Path dataDir;

  @Option(names = {"--data-format", "--data.format"}, paramLabel = "FORMAT", defaultValue = "directory",
      description = "Format of a new data directory (default directory); an existing kvformat marker wins.")
  String dataFormat;

  ServeCommand(HostWiring wiring) {
    super(wiring);
  }

  @Override
  String dialect() {
    return "serve";
  }

  @Override
  Map<String, String> envVariables() {
    return Map.of();
  }

  @Override
  HostPlan plan() {
    List<String> modes = new ArrayList<>();
    if (nativeMode) modes.add("--native");
    if (serverMode) modes.add("--server");
    if (exec != null) modes.add("--exec");
    if (modes.size() > 1) throw new IllegalArgumentException(String.join(" and ", modes) + " cannot be used together");
    if (modes.isEmpty()) throw new IllegalArgumentException("one of --exec, --server or --native is required");
    noProgramArgsUnlessExec(exec != null);
    LocalInputs locals = LocalKeyArgs.parse(localKeys, localKeysFile);
    Mode mode = nativeMode ? Mode.NATIVE : serverMode ? Mode.SERVER : Mode.EXEC;
    return new HostPlan(mode, mode == Mode.EXEC ? execCommand(exec, "--exec") : List.of(),
        mode == Mode.NATIVE ? nativeProgram("--native") : null, transport(), dataDir, dataFormat.trim(), locals, null,
        retryPolicy(), new LoggingFetchListener(), "local keys: " + locals.describeIndices(), openTimeout(), progressInterval());
  }
}
