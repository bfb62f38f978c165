package io.fpp4j.host.store.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code fpp4j store}: convert, verify, inspect and read preimage stores.
 *
 * <p>Exit codes: {@link #OK} 0; {@link #FAILED} 1 when the command ran but found a problem (verify found bad
 * entries, get found no value, a converted entry did not read back equal); {@link #STORE_ERROR} 3 when a store
 * could not be opened or read; {@link #USAGE} 4 for bad arguments (the host's usage code, so that 2 keeps
 * meaning a program failure everywhere in the CLI).
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = "Convert, verify, inspect and read preimage stores (directory, file, rocksdb, pebble).",
    subcommands = {ConvertCommand.class, VerifyCommand.class, StatsCommand.class, GetCommand.class})
public final class StoreCommand implements Callable<Integer> {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 4;
  public static final int STORE_ERROR = 3;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }

  /** Parses {@code args} ({@code convert ...}, {@code verify ...}) and runs the subcommand. */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    return commandLine(out, err).execute(args);
  }

  /** The command tree with every subcommand writing to {@code out} and {@code err}. */
  public static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new StoreCommand(), new StreamsFactory(out, err));
    setExitCodes(cl);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl;
  }

  private static void setExitCodes(CommandLine cl) {
    cl.getCommandSpec().exitCodeOnInvalidInput(USAGE);
    cl.getCommandSpec().exitCodeOnExecutionException(STORE_ERROR);
    cl.getSubcommands().values().forEach(StoreCommand::setExitCodes);
  }

  /** Builds subcommands with the given streams; everything else the default way. */
  private record StreamsFactory(PrintStream out, PrintStream err) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (StoreSubcommand.class.isAssignableFrom(cls)) {
        Constructor<K> c = cls.getDeclaredConstructor(PrintStream.class, PrintStream.class);
        return c.newInstance(out, err);
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
