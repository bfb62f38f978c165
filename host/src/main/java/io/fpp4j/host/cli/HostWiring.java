package io.fpp4j.host.cli;

import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.host.HintHandlerFactory;
import io.fpp4j.host.RunOutcome;
import io.fpp4j.host.StoreOpener;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the CLI plugs in from outside its own package: the store implementations, the online hint handlers,
 * the Java programs {@code --native} runs without {@code --program}, the environment and the standard streams.
 * Tests substitute each part.
 *
 * @param stores opens the global store
 * @param handlers builds the online hint handlers
 * @param nativePrograms default in-process programs by dialect ({@code single}, {@code op-program})
 * @param env the environment variables
 * @param out standard output of an in-process program
 * @param err standard error of an in-process program
 * @param childStdout standard output of an exec-mode child
 * @param childStderr standard error of an exec-mode child
 * @param outcomes told the outcome of every run, after the summary is logged (tests, embedding tools)
 */
public record HostWiring(StoreOpener stores, HintHandlerFactory handlers,
                         Map<String, Supplier<FaultProofProgram>> nativePrograms, Function<String, String> env,
                         PrintStream out, PrintStream err, ProcessBuilder.Redirect childStdout,
                         ProcessBuilder.Redirect childStderr, Consumer<RunOutcome> outcomes) {

  /** The process's environment and streams and the real stores; no online handlers or default programs yet. */
  public static HostWiring defaults() {
    return new HostWiring(DefaultStores.INSTANCE, UNWIRED_HANDLERS, Map.of(), System::getenv, System.out, System.err,
        ProcessBuilder.Redirect.INHERIT, ProcessBuilder.Redirect.INHERIT, outcome -> {});
  }

  public HostWiring withStores(StoreOpener stores) {
    return new HostWiring(stores, handlers, nativePrograms, env, out, err, childStdout, childStderr, outcomes);
  }

  public HostWiring withHandlers(HintHandlerFactory handlers) {
    return new HostWiring(stores, handlers, nativePrograms, env, out, err, childStdout, childStderr, outcomes);
  }

  public HostWiring withEnv(Function<String, String> env) {
    return new HostWiring(stores, handlers, nativePrograms, env, out, err, childStdout, childStderr, outcomes);
  }

  public HostWiring withNativePrograms(Map<String, Supplier<FaultProofProgram>> nativePrograms) {
    return new HostWiring(stores, handlers, nativePrograms, env, out, err, childStdout, childStderr, outcomes);
  }

  public HostWiring withStreams(PrintStream out, PrintStream err, ProcessBuilder.Redirect childStdout,
                                ProcessBuilder.Redirect childStderr) {
    return new HostWiring(stores, handlers, nativePrograms, env, out, err, childStdout, childStderr, outcomes);
  }

  public HostWiring withOutcomes(Consumer<RunOutcome> outcomes) {
    return new HostWiring(stores, handlers, nativePrograms, env, out, err, childStdout, childStderr, outcomes);
  }

  Optional<FaultProofProgram> nativeProgram(String dialect) {
    Supplier<FaultProofProgram> s = nativePrograms.get(dialect);
    return s == null ? Optional.empty() : Optional.of(s.get());
  }

  /** Until the L1/L2/beacon handlers are wired in, asking for online mode is a usage error saying so. */
  static final HintHandlerFactory UNWIRED_HANDLERS = (inputs, endpoints) -> {
    throw new IllegalArgumentException("online fetching is not available in this build: no hint handlers are wired in; "
        + "serve from a data directory instead (omit the L1/L2/beacon endpoints)");
  };
}
