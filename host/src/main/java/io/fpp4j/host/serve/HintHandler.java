package io.fpp4j.host.serve;

import io.fpp4j.host.store.PreimageStore;

/**
 * Fetches what one hint asks for and stores every preimage a later request needs (kona-host
 * {@code HintHandler::fetch_hint}, op-program's {@code prefetch} for one hint type).
 *
 * <p>Throw {@link InvalidHintException} for a hint that can never succeed (wrong data length, say): it is
 * reported at once. Any other exception counts as a failed attempt and is retried under the host's
 * {@link RetryPolicy}.
 */
@FunctionalInterface
public interface HintHandler {
  void handle(Hint hint, PreimageStore store) throws Exception;
}
