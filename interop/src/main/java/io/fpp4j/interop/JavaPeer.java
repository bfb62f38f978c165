package io.fpp4j.interop;

import io.fpp4j.fpvm.FdChannel;
import io.fpp4j.fpvm.FileDescriptor;
import io.fpp4j.fpvm.NativeKernel;
import io.fpp4j.preimage.Channel;
import io.fpp4j.preimage.HintWriter;
import io.fpp4j.preimage.OracleReader;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Java peer of the interop matrix: the same command line and output as the Rust and Go peers
 * ({@code interop/scenarios/FORMAT.md}), on the fpp4j preimage API and the inherited descriptors 3 to 6.
 *
 * <pre>
 *   client &lt;scenario&gt;                 fault-proof program side (3 acks in, 4 hints out, 5 data in, 6 keys out)
 *   server &lt;scenario&gt; [record file]   host side, Cannon layout (3 hints in, 4 acks out, 5 keys in, 6 data out)
 *   bench &lt;scenario&gt; &lt;n&gt;             client side, median round trip of the first hint and get
 *   keys &lt;scenario&gt;                   keys built by fpp4j from every origin line (no descriptors)
 * </pre>
 */
public final class JavaPeer {
  static final int USAGE = 3;

  private JavaPeer() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
    int code;
    try {
      code = run(args, out, System.err);
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      System.err.println("fpp4j-java-peer: " + e.getMessage());
      code = USAGE;
    }
    out.flush();
    // Like exit_group: threads blocked in a descriptor read must not keep the process alive.
    NativeKernel.INSTANCE.exit(code);
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (args.length < 2) throw new IllegalArgumentException(usage());
    boolean argsFit = switch (args[0]) {
      case "client", "keys" -> args.length == 2;
      case "bench" -> args.length == 3;
      case "server" -> args.length <= 3;
      default -> false;
    };
    if (!argsFit) throw new IllegalArgumentException(usage());
    int benchCount = args[0].equals("bench") ? parseCount(args[2]) : 0;
    Scenario scenario = Scenario.load(Path.of(args[1]));
    if (!args[0].equals("keys")) openDescriptors();
    switch (args[0]) {
      case "client" -> {
        return client(FdChannel.hints(NativeKernel.INSTANCE), FdChannel.preimages(NativeKernel.INSTANCE))
            .run(scenario, out, err);
      }
      case "bench" -> {
        return client(FdChannel.hints(NativeKernel.INSTANCE), FdChannel.preimages(NativeKernel.INSTANCE))
            .bench(scenario, benchCount, out, err);
      }
      case "server" -> {
        Path record = args.length == 3 ? Path.of(args[2]) : null;
        return server(scenario, record, err);
      }
      case "keys" -> {
        for (Scenario.Origin origin : scenario.origins()) {
          out.println("origin " + origin.key().hex() + " " + OriginKeys.derive(origin).hex());
        }
        return 0;
      }
      default -> throw new IllegalArgumentException(usage());
    }
  }

  /**
   * Opens descriptors 3 to 6 before the first request. {@link NativeKernel} makes each open safe against a
   * peer that has already gone (see its notes on FIFOs); opening them all up front also makes a wiring
   * problem show before any scenario step.
   */
  private static void openDescriptors() throws IOException {
    NativeKernel kernel = NativeKernel.INSTANCE;
    kernel.input(FileDescriptor.HINT_READ);
    kernel.output(FileDescriptor.HINT_WRITE);
    kernel.input(FileDescriptor.PREIMAGE_READ);
    kernel.output(FileDescriptor.PREIMAGE_WRITE);
  }

  private static ScenarioClient client(Channel hints, Channel preimages) {
    return new ScenarioClient(new HintWriter(hints), new OracleReader(preimages));
  }

  private static int server(Scenario scenario, Path recordPath, PrintStream err) {
    Channel hints = FdChannel.hints(NativeKernel.INSTANCE);
    Channel preimages = FdChannel.preimages(NativeKernel.INSTANCE);
    ScenarioHost[] host = new ScenarioHost[1];
    host[0] = new ScenarioHost(scenario, error -> {
      // FdChannel.close() leaves the inherited descriptors 5 and 6 open; only ending the process closes
      // them, which is what lets the client see end of stream (the same end a failed kona-host or
      // op-program server gives its client).
      err.println("fpp4j-java-peer server: " + error);
      writeRecord(recordPath, host[0].record(), err);
      NativeKernel.INSTANCE.exit(1);
    });
    ScenarioHost.Result result = host[0].serve(hints, preimages);
    if (result.error() != null) err.println("fpp4j-java-peer server: " + result.error());
    return writeRecord(recordPath, result.record(), err) ? result.exitCode() : 1;
  }

  private static boolean writeRecord(Path path, List<String> lines, PrintStream err) {
    if (path == null) return true;
    StringBuilder text = new StringBuilder();
    for (String line : lines) text.append(line).append('\n');
    try {
      Files.writeString(path, text, StandardCharsets.UTF_8);
      return true;
    } catch (IOException e) {
      err.println("fpp4j-java-peer server: cannot write record " + path + ": " + e.getMessage());
      return false;
    }
  }

  private static int parseCount(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n > 0) return n;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("bench count '" + text + "' is not a positive integer");
  }

  private static String usage() {
    return "usage: JavaPeer client|server|bench|keys <scenario> [record file|count]";
  }

  /** Keys built with fpp4j's own constructors, for the three-way key cross-check. */
  static final class OriginKeys {
    private OriginKeys() {}

    static PreimageKey derive(Scenario.Origin origin) {
      String[] args = origin.args().split(" ", -1);
      return switch (origin.kind()) {
        case "local" -> PreimageKey.local(Long.parseUnsignedLong(origin.args()));
        case "keccak256" -> PreimageKey.keccak256Of(Scenario.parseData(origin.args()));
        case "sha256" -> PreimageKey.sha256Of(Scenario.parseData(origin.args()));
        case "blob" -> {
          requireArgs(origin, args, 2);
          yield PreimageKey.blob(Hex.decode(args[0]), Hex.decode(args[1]));
        }
        case "precompile" -> {
          requireArgs(origin, args, 3);
          yield PreimageKey.precompile(Hex.decode(args[0]), Long.parseUnsignedLong(args[1]), Hex.decode(args[2]));
        }
        // Type 3 has no constructor in fpp4j or either peer; the key round-trips as raw bytes.
        case "global-generic" -> PreimageKey.of(origin.key().bytes());
        default -> throw new IllegalArgumentException("unknown origin kind '" + origin.kind() + "' for " + origin.key());
      };
    }

    private static void requireArgs(Scenario.Origin origin, String[] args, int n) {
      if (args.length != n) {
        throw new IllegalArgumentException(origin.kind() + " origin of " + origin.key() + " needs " + n + " arguments");
      }
    }
  }
}
