package io.fpp4j.host.serve;

import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.proof.hint.Hint;

/**
 * Fetches what one hint asks for and stores every preimage a later request needs (kona-host
 * {@code HintHandler::fetch_hint}, op-program's {@code prefetch} for one hint type). The hint arrives as the
 * catalogue's value, parsed once by the host, so a handler never sees data of the wrong length.
 *
 * <p>Throw {@link InvalidHintException} for a hint that can never succeed (a chain no node serves, say): it
 * is reported at once. Any other exception counts as a failed attempt and is retried under the host's
 * {@link RetryPolicy}.
 *
 * @param <H> the catalogue record the handler's hint type parses to
 */
@FunctionalInterface
public interface HintHandler<H extends Hint> {
  void handle(H hint, PreimageStore store) throws Exception;
}
