package io.fpp4j.host.cli;

import ch.qos.logback.classic.Level;
import java.util.Optional;

/**
 * What kona-host's two dialects, {@code single} and {@code super}, share beyond {@link HostRunCommand}: Kona's log
 * flags (also before the subcommand, see {@link KonaGlobalOptions}) and Kona's metrics port.
 *
 * <p>Each subclass keeps its own {@code @Mixin KonaOptions} field and hands it over through {@link #kona()}: a mixin
 * declared here would move Kona's options ahead of the dialect's own in {@code --help}.
 */
abstract class KonaRunCommand extends HostRunCommand {
  KonaRunCommand(HostWiring wiring) {
    super(wiring);
  }

  /** The dialect's Kona options mixin. */
  abstract KonaOptions kona();

  @Override
  final Optional<Level> dialectLogLevel() {
    return kona().logLevel(wiring, hostGroup == null ? null : hostGroup.kona);
  }

  @Override
  final boolean takesKonaGlobals() {
    return true;
  }

  @Override
  final int defaultMetricsPort() {
    return KonaOptions.METRICS_PORT;
  }
}
