package io.fpp4j.host;

import io.fpp4j.host.metrics.HostMetrics;
import io.fpp4j.preimage.HintRouter;
import io.fpp4j.preimage.PreimageFetcher;
import io.fpp4j.proof.hint.HintType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts a session as it is served, for the metrics endpoint and the progress line: wraps the host's fetcher
 * (every answer, after the hash checks) and its hint router (every hint, before it is acted on). The end
 * summary keeps using the server's own counts; in a session that ends cleanly the two agree.
 */
final class ServeMeter {
  private final HostMetrics metrics;
  private final ProgressLine progress;
  private final AtomicLong preimages = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong hints = new AtomicLong();

  ServeMeter(HostMetrics metrics, ProgressLine progress) {
    this.metrics = metrics;
    this.progress = progress;
  }

  PreimageFetcher fetcher(PreimageFetcher inner) {
    return key -> {
      byte[] data = inner.getPreimage(key);
      if (data != null) {
        metrics.preimageServed(data.length);
        long n = preimages.incrementAndGet();
        long b = bytes.addAndGet(data.length);
        progress.maybeReport(n, b, hints.get());
      }
      return data;
    };
  }

  HintRouter router(HintRouter inner) {
    return text -> {
      metrics.hintReceived(typeLabel(text));
      long h = hints.incrementAndGet();
      progress.maybeReport(preimages.get(), bytes.get(), h);
      inner.routeHint(text);
    };
  }

  /** The hint's type if it names one fpp4j knows, else {@code unknown}: a label value never comes from the client as is. */
  static String typeLabel(String hint) {
    int space = hint.indexOf(' ');
    String name = space < 0 ? hint : hint.substring(0, space);
    return HintType.fromWireName(name).map(HintType::wireName).orElse("unknown");
  }
}
