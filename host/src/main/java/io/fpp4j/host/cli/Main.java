package io.fpp4j.host.cli;

import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.store.cli.StoreCommand;
import java.io.PrintWriter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code fpp4j} command line:
 *
 * <pre>
 * fpp4j host single     ...   kona-host's single-chain flags
 * fpp4j host super      ...   kona-host's interop flags
 * fpp4j host op-program ...   the op-program host's flags
 * fpp4j host serve      ...   any program, --local-key/--local-keys
 * fpp4j execute --fixture FILE --data-dir DIR   one L2 block, statelessly
 * fpp4j devnet prepare --out DIR                the shared fp-tests-devnet fixture, ready to serve
 * </pre>
 *
 * Exit codes: see {@link HostExitCode}. Other command groups (such as {@code store}) are added to the tree
 * {@link #commandLine} returns.
 */
public final class Main {
  static {
    // Before the first logger: bind SLF4J to logback through HostLogProvider, without scanning every jar for a
    // provider (SLF4J then reports the named provider at INFO on stderr: only warnings are wanted there).
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", HostLogProvider.class.getName());
      if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "WARN");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger("io.fpp4j.host");

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, HostWiring.defaults());
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** Parses and runs {@code args}; returns the exit code. */
  public static int run(String[] args, HostWiring wiring) {
    return commandLineFor(args, wiring).execute(args);
  }

  /** As {@link #run(String[], HostWiring)}, with picocli's help and error output going to {@code out} and {@code err}. */
  public static int run(String[] args, HostWiring wiring, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLineFor(args, wiring);
    setWriters(cl, out, err);
    return cl.execute(args);
  }

  private static void setWriters(CommandLine cl, PrintWriter out, PrintWriter err) {
    cl.setOut(out);
    cl.setErr(err);
    for (CommandLine sub : cl.getSubcommands().values()) setWriters(sub, out, err);
  }

  /** The whole command tree, configured with the host's exit codes, environment defaults and error output. */
  public static CommandLine commandLine(HostWiring wiring) {
    return tree(wiring, "", "");
  }

  /**
   * The tree a run of {@code args} needs: when they start with a command's exact name ({@code host op-program},
   * {@code store}), only that branch, else all of it (help, errors, options before the command name). picocli
   * builds a command's model by reflection when it is added, about a hundred classes and tens of milliseconds per
   * command, and a host started by op-challenger for one proof pays that at every start; the branch it runs is
   * built exactly as in the whole tree, so its parsing, help and errors are the same.
   */
  static CommandLine commandLineFor(String[] args, HostWiring wiring) {
    return tree(wiring, args.length > 0 ? args[0] : "", args.length > 1 ? args[1] : "");
  }

  private static final java.util.Set<String> TOP = java.util.Set.of("host", "store", "chain", "execute", "devnet");
  private static final java.util.Set<String> HOST = java.util.Set.of("single", "super", "op-program", "serve");

  private static CommandLine tree(HostWiring wiring, String top, String sub) {
    boolean all = !TOP.contains(top);
    boolean allHost = all || !HOST.contains(sub);
    CommandLine root = new CommandLine(new Root());
    if (all || top.equals("host")) {
      CommandLine host = new CommandLine(new HostGroup());
      if (allHost || sub.equals("single")) {
        host.addSubcommand(withEnv(new CommandLine(new SingleChainCommand(wiring)), wiring, SingleChainCommand.ENV, EnvDefaults.BoolForms.CLAP));
      }
      if (allHost || sub.equals("super")) {
        host.addSubcommand(withEnv(new CommandLine(new SuperCommand(wiring)), wiring, SuperCommand.ENV, EnvDefaults.BoolForms.CLAP));
      }
      if (allHost || sub.equals("op-program")) {
        host.addSubcommand(withEnv(new CommandLine(new OpProgramCommand(wiring)), wiring, OpProgramCommand.ENV, EnvDefaults.BoolForms.GO));
      }
      if (allHost || sub.equals("serve")) host.addSubcommand(new CommandLine(new ServeCommand(wiring)));
      root.addSubcommand(host);
    }
    if (all || top.equals("store")) root.addSubcommand(StoreCommand.commandLine(wiring.out(), wiring.err()));
    if (all || top.equals("chain")) {
      root.addSubcommand(new CommandLine(new ChainGroup()).addSubcommand(new CommandLine(new GenerateCommand(wiring.out()))));
    }
    if (all || top.equals("execute")) root.addSubcommand(new CommandLine(new ExecuteCommand(wiring.out())));
    if (all || top.equals("devnet")) {
      root.addSubcommand(new CommandLine(new DevnetGroup()).addSubcommand(new CommandLine(new DevnetPrepareCommand(wiring.out()))));
    }
    configure(root);
    return root;
  }

  private static CommandLine withEnv(CommandLine cl, HostWiring wiring, Map<String, String> env, EnvDefaults.BoolForms bools) {
    cl.setDefaultValueProvider(new EnvDefaults(wiring.env(), env, bools));
    return cl;
  }

  /** Exit codes and error handlers for a tree; call again after adding subcommands. */
  public static void configure(CommandLine cl) {
    cl.getCommandSpec().exitCodeOnInvalidInput(HostExitCode.USAGE);
    cl.getCommandSpec().exitCodeOnExecutionException(HostExitCode.HOST_FAILURE);
    cl.setParameterExceptionHandler(Main::usageError);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      // A command's own checks throw ParameterException too; those are usage errors, not host failures.
      if (e instanceof ParameterException pe) return usageError(pe, parseResult.originalArgs().toArray(String[]::new));
      LOG.error("host failure: {}", e.toString());
      LOG.debug("stack trace", e);
      return HostExitCode.HOST_FAILURE;
    });
    for (CommandLine sub : cl.getSubcommands().values()) configure(sub);
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("error: " + e.getMessage());
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return HostExitCode.USAGE;
  }

  @Command(name = "fpp4j", mixinStandardHelpOptions = true, version = "fpp4j 0.1.0-SNAPSHOT",
      description = "Java host and tools for the OP Stack fault-proof preimage oracle.")
  static final class Root implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new ParameterException(spec.commandLine(), "missing command: choose one of " + spec.subcommands().keySet());
    }
  }

  @Command(name = "host", mixinStandardHelpOptions = true,
      description = "Serve preimages to a fault-proof program: kona-host (single, super), op-program host (op-program), or any program (serve).",
      footer = {"", HostExitCode.HELP})
  static final class HostGroup implements Runnable {
    @Spec CommandSpec spec;

    /** kona-host's global flags, which may come before 'single' or 'super' as kona-host takes them. */
    @picocli.CommandLine.Mixin KonaGlobalOptions kona = new KonaGlobalOptions();

    @Override
    public void run() {
      throw new ParameterException(spec.commandLine(), "missing command: choose one of " + spec.subcommands().keySet());
    }
  }

  @Command(name = "chain", mixinStandardHelpOptions = true,
      description = "Generated chain data for offline runs and tests (generate).")
  static final class ChainGroup implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new ParameterException(spec.commandLine(), "missing command: choose one of " + spec.subcommands().keySet());
    }
  }

  @Command(name = "devnet", mixinStandardHelpOptions = true,
      description = "The shared fp-tests-devnet fixture, a real fault-proof run on an OP devnet (prepare).")
  static final class DevnetGroup implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new ParameterException(spec.commandLine(), "missing command: choose one of " + spec.subcommands().keySet());
    }
  }
}
