package io.fpp4j.host.serve;

import io.fpp4j.host.metrics.HostMetrics;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageKey;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves only what the store holds and ignores hints, remembering the last one for the error message: the
 * host with no RPC endpoints (kona-host {@code OfflineHostBackend}, op-program's offline mode). A miss fails
 * at once, since nothing could ever add the key.
 */
public final class OfflineBackend implements HostBackend {
  private static final Logger LOG = LoggerFactory.getLogger(OfflineBackend.class);

  private final PreimageStore store;
  private final HostMetrics metrics;
  private final AtomicReference<String> lastHint = new AtomicReference<>();

  public OfflineBackend(PreimageStore store) {
    this(store, HostMetrics.NONE);
  }

  /** @param metrics told whether each key was in the store */
  public OfflineBackend(PreimageStore store, HostMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  @Override
  public void routeHint(String hint) {
    lastHint.set(hint);
    if (LOG.isTraceEnabled()) LOG.trace("offline: ignoring hint {}", HintText.quoted(hint));
  }

  @Override
  public byte[] getPreimage(PreimageKey key) {
    Optional<byte[]> value = store.get(key);
    metrics.storeLookup(value.isPresent());
    return value.orElseThrow(() -> new KeyNotFoundException("preimage " + key + " is not in "
        + store.describe() + ", and this host is offline (no RPC endpoints), so it cannot fetch it; last hint: "
        + quoteLast()));
  }

  private String quoteLast() {
    String h = lastHint.get();
    return h == null ? "none received" : HintText.quoted(h);
  }

  @Override
  public String lastHint() {
    return lastHint.get();
  }

  @Override
  public FetchStats stats() {
    return FetchStats.NONE;
  }

  @Override
  public String describe() {
    return "offline, " + store.describe();
  }
}
