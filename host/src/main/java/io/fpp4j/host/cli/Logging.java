package io.fpp4j.host.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Sets the log level of the whole process from {@code --log-level}, op-program's {@code --log.level} or Kona's {@code -v}. */
final class Logging {
  private Logging() {}

  /** Parses a level name: error, warn, info, debug, trace (also op-program's crit and warning). */
  static Level parse(String name, String flag) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "crit", "error" -> Level.ERROR;
      case "warn", "warning" -> Level.WARN;
      case "info" -> Level.INFO;
      case "debug" -> Level.DEBUG;
      case "trace" -> Level.TRACE;
      default -> throw new IllegalArgumentException("invalid " + flag + " '" + name + "': use error, warn, info, debug or trace");
    };
  }

  /** Kona's verbosity count: 1 error, 2 warn, 3 info (its default), 4 debug, 5 or more trace. */
  static Level fromVerbosity(int count, String flag) {
    if (count < 1) throw new IllegalArgumentException("invalid " + flag + " " + count + ": use 1 (error) to 5 (trace)");
    return switch (count) {
      case 1 -> Level.ERROR;
      case 2 -> Level.WARN;
      case 3 -> Level.INFO;
      case 4 -> Level.DEBUG;
      default -> Level.TRACE;
    };
  }

  static void apply(Level level) {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
      ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(level);
    }
  }
}
