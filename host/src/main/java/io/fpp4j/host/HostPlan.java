package io.fpp4j.host;

import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.host.local.LocalInputs;
import io.fpp4j.host.mode.NativeMode;
import io.fpp4j.host.serve.FetchListener;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything one host run needs, validated: what the CLI dialects produce.
 *
 * @param mode how to run
 * @param execCommand exec mode: the program's path and arguments
 * @param nativeProgram native mode: the program
 * @param transport native mode: the channels
 * @param dataDir the store directory, or null for an in-memory store
 * @param dataFormat the format to open or create {@code dataDir} with
 * @param locals the local keys
 * @param handlers the hint handlers of an online host, or null for an offline host that ignores hints
 * @param retry what an online host does on a miss
 * @param listener fetch progress hooks of an online host
 * @param claim one line naming the claim for the summary, or null
 * @param openTimeout exec mode: how long the child may take to open its descriptors
 * @param progressInterval how often a long run logs its progress line, and a long fetch its own
 */
public record HostPlan(Mode mode, List<String> execCommand, FaultProofProgram nativeProgram,
                       NativeMode.Transport transport, Path dataDir, String dataFormat, LocalInputs locals,
                       HintHandlerRegistry handlers, RetryPolicy retry, FetchListener listener, String claim,
                       Duration openTimeout, Duration progressInterval) {
  /** The default interval of the progress lines. */
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(5);

  public HostPlan {
    if (progressInterval == null) progressInterval = DEFAULT_PROGRESS_INTERVAL;
    if (progressInterval.isNegative() || progressInterval.isZero()) {
      throw new IllegalArgumentException("the progress interval must be positive, got " + progressInterval);
    }
    execCommand = execCommand == null ? List.of() : List.copyOf(execCommand);
    if (mode == Mode.EXEC && execCommand.isEmpty()) throw new IllegalArgumentException("exec mode needs a program to run");
    if (mode == Mode.NATIVE && nativeProgram == null) throw new IllegalArgumentException("native mode needs a program");
  }

  /** A plan with the default progress interval. */
  public HostPlan(Mode mode, List<String> execCommand, FaultProofProgram nativeProgram, NativeMode.Transport transport,
                  Path dataDir, String dataFormat, LocalInputs locals, HintHandlerRegistry handlers, RetryPolicy retry,
                  FetchListener listener, String claim, Duration openTimeout) {
    this(mode, execCommand, nativeProgram, transport, dataDir, dataFormat, locals, handlers, retry, listener, claim,
        openTimeout, DEFAULT_PROGRESS_INTERVAL);
  }

  public boolean online() {
    return handlers != null;
  }
}
