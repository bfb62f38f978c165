package io.fpp4j.host;

import io.fpp4j.fpvm.KernelInterface;
import io.fpp4j.fpvm.NativeKernel;
import io.fpp4j.host.mode.ExecMode;
import io.fpp4j.host.mode.NativeMode;
import io.fpp4j.host.metrics.HostMetrics;
import io.fpp4j.host.mode.ServerMode;
import io.fpp4j.host.serve.FetchStats;
import io.fpp4j.host.serve.HostBackend;
import io.fpp4j.host.serve.OfflineBackend;
import io.fpp4j.host.serve.OnlineBackend;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.preimage.PreimageLimits;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link HostPlan}: opens the store, builds the offline or online backend, runs the mode and returns
 * the {@link RunOutcome}. Never throws for a failure of the run; the outcome carries it.
 */
public final class HostLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(HostLauncher.class);

  private final StoreOpener stores;
  private final KernelInterface programStdio;
  private final ProcessBuilder.Redirect childStdout;
  private final ProcessBuilder.Redirect childStderr;
  private final HostMetrics metrics;

  /**
   * @param programStdio where an in-process program's standard output and error go
   * @param childStdout where an exec-mode child's standard output goes
   * @param childStderr where an exec-mode child's standard error goes
   */
  public HostLauncher(StoreOpener stores, KernelInterface programStdio, ProcessBuilder.Redirect childStdout,
                      ProcessBuilder.Redirect childStderr) {
    this(stores, programStdio, childStdout, childStderr, HostMetrics.NONE);
  }

  /** @param metrics told what is served, hinted, looked up and retried as the run goes */
  public HostLauncher(StoreOpener stores, KernelInterface programStdio, ProcessBuilder.Redirect childStdout,
                      ProcessBuilder.Redirect childStderr, HostMetrics metrics) {
    this.stores = stores;
    this.programStdio = programStdio;
    this.childStdout = childStdout;
    this.childStderr = childStderr;
    this.metrics = metrics;
  }

  public RunOutcome launch(HostPlan plan) {
    long start = System.nanoTime();
    PreimageStore store;
    try {
      store = plan.dataDir() == null ? stores.openMemory() : stores.open(plan.dataDir(), plan.dataFormat());
    } catch (RuntimeException e) {
      String where = plan.dataDir() == null ? "the in-memory store" : "the store in " + plan.dataDir();
      return RunOutcome.failedBeforeStart(plan.mode(), plan.claim(),
          new IllegalStateException("cannot open " + where + ": " + e.getMessage(), e), since(start));
    }
    try (store) {
      HostBackend backend = plan.online()
          ? OnlineBackend.builder(store, plan.handlers()).retryPolicy(plan.retry()).listener(plan.listener())
              .progressInterval(plan.progressInterval()).metrics(metrics).build()
          : new OfflineBackend(store, metrics);
      LOG.info("host: {} mode, {}, local keys {}", plan.mode().label(), backend.describe(), plan.locals().describeIndices());
      ServeMeter meter = new ServeMeter(metrics, new ProgressLine(plan.progressInterval(), System::nanoTime, backend::stats));
      HostServer server = new HostServer(plan.locals(), backend, PreimageLimits.DEFAULT, meter);
      ModeResult result = switch (plan.mode()) {
        case NATIVE -> NativeMode.run(plan.nativeProgram(), server, plan.transport(), programStdio);
        case EXEC -> ExecMode.run(plan.execCommand(), server, plan.openTimeout(), childStdout, childStderr);
        case SERVER -> ServerMode.run(server, NativeKernel.INSTANCE);
      };
      FetchStats fetch = backend.stats();
      return RunOutcome.of(plan.mode(), plan.claim(), result, fetch, since(start));
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
