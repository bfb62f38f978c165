package io.fpp4j.host.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.host.serve.FetchListener;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.HintKind;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.serve.OnlineBackend;
import io.fpp4j.host.serve.PreimageUnavailableException;
import io.fpp4j.host.serve.RetryPolicy;
import io.fpp4j.host.store.MemoryPreimageStore;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.proof.hint.HintType;
import io.fpp4j.proof.hint.Hints;
import io.fpp4j.proof.hint.RawHint;
import java.util.List;

/** Feeding hints to registered handlers the way the host does: parsed once, in the registry's dialect. */
final class Routing {
  /** A key no handler stores, to make the backend run the pending hint. */
  static final PreimageKey MISSING = PreimageKey.keccak256Of(new byte[] {'n', 'o', 'n', 'e'});

  private Routing() {}

  /** A registered handler that takes hint text as name and bytes. */
  @FunctionalInterface
  interface Fed {
    void handle(RawHint hint, PreimageStore store) throws Exception;
  }

  static Fed handler(HintHandlerRegistry registry, String type) {
    HintHandlerRegistry.Entry<?> entry = registry.entry(HintType.fromWireName(type).orElseThrow()).orElseThrow();
    return (hint, store) -> entry.handle(Hints.interpret(hint, registry.dialect()), store);
  }

  /** Runs the handler registered for the type that {@code text} names on the value it parses to. */
  static void handle(HintHandlerRegistry registry, String text, PreimageStore store) throws Exception {
    RawHint raw = RawHint.parse(text);
    handler(registry, raw.name()).handle(raw, store);
  }

  static HintKind kind(HintHandlerRegistry registry, String type) {
    return registry.entry(HintType.fromWireName(type).orElseThrow()).orElseThrow().kind();
  }

  /** The registered types' wire names, in registration order. */
  static List<String> names(HintHandlerRegistry registry) {
    return registry.types().stream().map(HintType::wireName).toList();
  }

  static RawHint hint(String type, byte[]... parts) {
    return new RawHint(type, ChainData.concat(parts));
  }

  /**
   * The error the host reports for a hint whose data does not fit its type: the hint is acknowledged like any
   * other, and the next miss fails at once, without a retry, with an {@link InvalidHintException}.
   */
  static InvalidHintException invalid(HintHandlerRegistry registry, RawHint hint) {
    OnlineBackend backend = OnlineBackend.builder(new MemoryPreimageStore(), registry).retryPolicy(RetryPolicy.forever())
        .listener(FetchListener.NONE).build();
    backend.routeHint(hint.encode());
    try {
      backend.getPreimage(MISSING);
    } catch (PreimageUnavailableException e) {
      assertThat(e).hasMessageContaining("can never succeed").hasCauseInstanceOf(InvalidHintException.class);
      assertThat(backend.stats().retries()).isZero();
      return (InvalidHintException) e.getCause();
    }
    throw new AssertionError("the miss after " + hint + " did not fail");
  }
}
