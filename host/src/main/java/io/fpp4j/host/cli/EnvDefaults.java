package io.fpp4j.host.cli;

import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies an option's value from its environment variable when it is not on the command line, as clap's
 * {@code env} (kona-host) and urfave's {@code EnvVars} (op-program) do. An empty variable counts as unset.
 */
final class EnvDefaults implements IDefaultValueProvider {
  private final Function<String, String> env;
  private final Map<String, String> variables;

  /** @param variables environment variable by the option's longest name */
  EnvDefaults(Function<String, String> env, Map<String, String> variables) {
    this.env = env;
    this.variables = variables;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) return null;
    String var = variables.get(option.longestName());
    if (var == null) return null;
    String value = env.apply(var);
    return value == null || value.isEmpty() ? null : value;
  }

  String variable(String option) {
    return variables.get(option);
  }
}
