package io.fpp4j.host.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.util.TimeZone;

/**
 * The host's log line, {@value LogConfigurator#PATTERN} in logback's pattern language, written by hand. Logback's
 * {@code PatternLayout} would parse that pattern at every start and register its whole converter table, a lambda
 * class per converter: about 200 classes and a fifth of a second of a cold start, for a line that is four fields.
 * {@code LogLineTest} holds the output to {@code PatternLayout}'s for the same events.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
  private static final long DAY_MILLIS = 86_400_000L;

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder b = new StringBuilder(128);
    long t = event.getTimeStamp();
    long ofDay = Math.floorMod(t + TimeZone.getDefault().getOffset(t), DAY_MILLIS); // local time, as %d is
    two(b, ofDay / 3_600_000).append(':');
    two(b, ofDay / 60_000 % 60).append(':');
    two(b, ofDay / 1000 % 60).append('.');
    long ms = ofDay % 1000;
    if (ms < 100) b.append('0');
    if (ms < 10) b.append('0');
    b.append(ms).append(' ');
    String level = event.getLevel().toString();
    b.append(level);
    for (int i = level.length(); i < 5; i++) b.append(' ');
    String logger = event.getLoggerName();
    b.append(' ').append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(" - ");
    b.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) b.append(ThrowableProxyUtil.asString(thrown)); // ends with its own line separator
    return b.toString();
  }

  private static StringBuilder two(StringBuilder b, long v) {
    if (v < 10) b.append('0');
    return b.append(v);
  }
}
