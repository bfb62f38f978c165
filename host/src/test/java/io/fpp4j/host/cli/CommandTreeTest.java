package io.fpp4j.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.host.HostExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A run builds only the branch of the command tree its arguments name ({@link Main#commandLineFor}); that branch
 * must be the whole tree's, option for option and line for line of help, or an operator would see another tool
 * depending on how it was started.
 */
class CommandTreeTest {
  static final HostWiring W = HostWiring.defaults();

  /** Every leaf command's path, read from the whole tree, so a command added later is covered too. */
  static Stream<List<String>> leaves() {
    List<List<String>> out = new ArrayList<>();
    collect(Main.commandLine(W), new ArrayList<>(), out);
    return out.stream();
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    if (cl.getSubcommands().isEmpty()) {
      out.add(List.copyOf(path));
      return;
    }
    cl.getSubcommands().forEach((name, sub) -> {
      path.add(name);
      collect(sub, path, out);
      path.remove(path.size() - 1);
    });
  }

  private static CommandLine walk(CommandLine cl, List<String> path) {
    for (String name : path) cl = cl.getSubcommands().get(name);
    return cl;
  }

  @ParameterizedTest
  @MethodSource("leaves")
  void theBranchARunBuildsIsTheWholeTreesBranch(List<String> path) {
    assertThat(path).isNotEmpty();
    CommandLine whole = walk(Main.commandLine(W), path);
    CommandLine pruned = Main.commandLineFor(path.toArray(String[]::new), W);
    assertThat(pruned.getSubcommands()).as("top-level commands built for " + path).containsOnlyKeys(path.get(0));
    CommandLine leaf = walk(pruned, path);
    assertThat(leaf.getUsageMessage(Ansi.OFF)).isEqualTo(whole.getUsageMessage(Ansi.OFF));
    assertThat(names(leaf.getCommandSpec().options())).isEqualTo(names(whole.getCommandSpec().options()));
    assertThat(leaf.getCommandSpec().qualifiedName()).isEqualTo(whole.getCommandSpec().qualifiedName());
  }

  @Test
  void aHostRunBuildsOnlyItsDialect() {
    CommandLine pruned = Main.commandLineFor(new String[] {"host", "op-program", "--server"}, W);
    assertThat(pruned.getSubcommands().get("host").getSubcommands()).containsOnlyKeys("op-program");
  }

  @Test
  void helpAndOptionsBeforeTheCommandNameGetTheWholeTree() {
    assertThat(Main.commandLineFor(new String[] {"--help"}, W).getSubcommands())
        .containsKeys("host", "store", "chain", "execute", "devnet");
    assertThat(Main.commandLineFor(new String[] {"host", "--help"}, W).getSubcommands().get("host").getSubcommands())
        .containsOnlyKeys("single", "super", "op-program", "serve");
    // kona-host's global flags may come before 'single': the host group is then built whole.
    assertThat(Main.commandLineFor(new String[] {"host", "-v", "single"}, W).getSubcommands().get("host").getSubcommands())
        .containsOnlyKeys("single", "super", "op-program", "serve");
  }

  @Test
  void aMisspelledCommandIsStillNamedWithTheChoices() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"host", "op-progam"}, W, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(HostExitCode.USAGE);
    assertThat(err.toString()).contains("op-progam").contains("Run 'fpp4j host --help' for usage.");
  }

  private static List<String> names(List<OptionSpec> options) {
    return options.stream().map(o -> String.join(",", o.names())).sorted().toList();
  }
}
