package io.fpp4j.host.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's binding to logback for the host, named by {@link Main} through the {@code slf4j.provider} property. It
 * does what logback's own provider does, but sets the context up with {@link LogConfigurator} directly: logback's
 * provider would first be found, and then find its configurators, by two {@code ServiceLoader} scans of every
 * jar on the class path (43 for the host), about a tenth of a second of a cold start. An operator's
 * {@code logback.xml} or {@code -Dlogback.configurationFile} still wins: the configurator steps aside and logback
 * configures itself as usual.
 */
public final class HostLogProvider implements SLF4JServiceProvider {
  private LoggerContext context;
  private IMarkerFactory markers;
  private LogbackMDCAdapter mdc;

  @Override
  public void initialize() {
    context = new LoggerContext();
    context.setName("default");
    mdc = new LogbackMDCAdapter();
    context.setMDCAdapter(mdc);
    markers = new BasicMarkerFactory();
    LogConfigurator configurator = new LogConfigurator();
    configurator.setContext(context);
    if (configurator.configure(context) != ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY) {
      try {
        new ContextInitializer(context).autoConfig();
      } catch (JoranException e) {
        new StatusPrinter2().printInCaseOfErrorsOrWarnings(context); // logback's own report of a broken logback.xml
      }
    }
    context.start();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return context;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }
}
