package io.fpp4j.host.serve;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints the short durations the CLI uses: {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1.5s}. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private Durations() {}

  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid duration '" + text + "': use a number and a unit, such as 250ms, 2s, 1.5s, 1m or 1h");
    }
    double value = Double.parseDouble(m.group(1));
    double millis = switch (m.group(2)) {
      case "ms" -> value;
      case "s" -> value * 1_000;
      case "m" -> value * 60_000;
      default -> value * 3_600_000;
    };
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1_000) return ms + "ms";
    if (ms % 1_000 == 0) return (ms / 1_000) + "s";
    return String.format(Locale.ROOT, "%.3fs", ms / 1000.0);
  }
}
