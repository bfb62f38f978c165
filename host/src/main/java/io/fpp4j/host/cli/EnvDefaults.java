package io.fpp4j.host.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies an option's value from its environment variable when it is not on the command line, as clap's
 * {@code env} (kona-host) and urfave's {@code EnvVars} (op-program) do. An empty variable counts as unset.
 * A boolean flag's variable is read in the peer's own forms ({@link BoolForms}), which are wider than picocli's
 * {@code true}/{@code false}: op-challenger deployments set {@code OP_PROGRAM_SERVER=1} and the like.
 */
final class EnvDefaults implements IDefaultValueProvider {
  /** How a peer reads a boolean environment variable. */
  enum BoolForms {
    /** clap's boolish parser (kona-host): y, yes, t, true, on, 1 and n, no, f, false, off, 0, any case. */
    CLAP(Set.of("y", "yes", "t", "true", "on", "1"), Set.of("n", "no", "f", "false", "off", "0"), false),
    /** Go's {@code strconv.ParseBool} (op-program): 1, t, T, TRUE, true, True and their false forms. */
    GO(Set.of("1", "t", "T", "TRUE", "true", "True"), Set.of("0", "f", "F", "FALSE", "false", "False"), true);

    private final Set<String> truthy;
    private final Set<String> falsy;
    private final boolean caseSensitive;

    BoolForms(Set<String> truthy, Set<String> falsy, boolean caseSensitive) {
      this.truthy = truthy;
      this.falsy = falsy;
      this.caseSensitive = caseSensitive;
    }

    /** "true" or "false", or the value unchanged so that picocli reports it as not a boolean. */
    String normalize(String value) {
      String v = caseSensitive ? value.trim() : value.trim().toLowerCase(Locale.ROOT);
      if (truthy.contains(v)) return "true";
      if (falsy.contains(v)) return "false";
      return value;
    }
  }

  private final Function<String, String> env;
  private final Map<String, String> variables;
  private final BoolForms boolForms;

  /** @param variables environment variable by the option's longest name */
  EnvDefaults(Function<String, String> env, Map<String, String> variables, BoolForms boolForms) {
    this.env = env;
    this.variables = variables;
    this.boolForms = boolForms;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) return null;
    String var = variables.get(option.longestName());
    if (var == null) return null;
    String value = env.apply(var);
    if (value == null || value.isEmpty()) return null;
    Class<?> type = option.type();
    return type == boolean.class || type == Boolean.class ? boolForms.normalize(value) : value;
  }

  String variable(String option) {
    return variables.get(option);
  }
}
