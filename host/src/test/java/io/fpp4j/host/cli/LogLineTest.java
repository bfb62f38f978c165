package io.fpp4j.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** {@link LogLine} must write exactly what logback's PatternLayout writes for {@link LogConfigurator#PATTERN}. */
class LogLineTest {
  @Test
  void sameLinesAsLogbacksPatternLayout() {
    LoggerContext context = new LoggerContext();
    TimeZone saved = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        // PatternLayout takes the zone when it starts; the host's zone does not change during a run.
        PatternLayout reference = layout(context);
        LogLine line = new LogLine();
        line.setContext(context);
        line.start();
        // Midnight, a time with one- and two-digit fields, the last millisecond of a day, before 1970.
        for (long t : new long[] {0L, 1_796_656_391_007L, 1_796_687_999_999L, -1L, 86_399_999L, 1_700_000_000_050L}) {
          for (Level level : new Level[] {Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE}) {
            for (String logger : new String[] {"io.fpp4j.host", "host", "io.fpp4j.host.store.PebblePreimageStore", "a."}) {
              LoggingEvent e = event(context, logger, level, "exit {} (valid claim)", null, t);
              assertThat(line.doLayout(e)).as(zone + " " + t + " " + level + " " + logger).isEqualTo(reference.doLayout(e));
            }
          }
        }
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void aThrowableIsWrittenAfterTheLineAsLogbackWritesIt() {
    LoggerContext context = new LoggerContext();
    LogLine line = new LogLine();
    line.setContext(context);
    line.start();
    IOException cause = new IOException("disk on fire");
    LoggingEvent e = event(context, "io.fpp4j.host", Level.DEBUG, "stack trace", new IllegalStateException("host failure", cause), 5L);
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      String out = line.doLayout(e);
      assertThat(out).startsWith("00:00:00.005 DEBUG host - stack trace" + System.lineSeparator()
          + "java.lang.IllegalStateException: host failure").contains("Caused by: java.io.IOException: disk on fire");
      assertThat(out).isEqualTo(layout(context).doLayout(e));
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  private static PatternLayout layout(LoggerContext context) {
    PatternLayout reference = new PatternLayout();
    reference.setContext(context);
    reference.setPattern(LogConfigurator.PATTERN);
    reference.start();
    return reference;
  }

  private static LoggingEvent event(LoggerContext context, String logger, Level level, String msg, Throwable t, long time) {
    LoggingEvent e = new LoggingEvent(LogLineTest.class.getName(), context.getLogger(logger), level, msg, t, new Object[] {0});
    e.setTimeStamp(time);
    return e;
  }
}
