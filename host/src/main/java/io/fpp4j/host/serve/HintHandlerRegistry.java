package io.fpp4j.host.serve;

import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.hint.Hint;
import io.fpp4j.proof.hint.HintType;
import io.fpp4j.proof.hint.Hints;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The handlers an online host knows, by hint type, with when each one runs, for the clients of one
 * {@link Dialect}: the dialect decides how {@link io.fpp4j.proof.hint.Hints} reads the hints whose layout
 * the peers disagree on. Immutable.
 */
public final class HintHandlerRegistry {
  /**
   * One registered handler.
   *
   * @param valueType the catalogue record that {@code type} parses to in the registry's dialect
   */
  public record Entry<H extends Hint>(HintType type, Class<H> valueType, HintKind kind, HintHandler<? super H> handler) {
    public Entry {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(valueType, "valueType");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(handler, "handler");
    }

    /** Runs the handler on {@code hint}, a value of this entry's type (checked when the registry was built). */
    public void handle(Hint hint, PreimageStore store) throws Exception {
      handler.handle(valueType.cast(hint), store);
    }
  }

  private final Dialect dialect;
  private final Map<HintType, Entry<?>> entries;

  private HintHandlerRegistry(Dialect dialect, Map<HintType, Entry<?>> entries) {
    this.dialect = dialect;
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  public static Builder builder(Dialect dialect) {
    return new Builder(dialect);
  }

  /** The dialect whose clients this host serves, which decides how hint data is read. */
  public Dialect dialect() {
    return dialect;
  }

  /** The entry for {@code type}, if one is registered. */
  public Optional<Entry<?>> entry(HintType type) {
    return Optional.ofNullable(entries.get(type));
  }

  /** The registered hint types, in registration order. */
  public Set<HintType> types() {
    return entries.keySet();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Builds a registry. Registering a type twice, one the dialect's clients never send, or a handler of another
   * record than the dialect's hints of that type parse to, is an error.
   */
  public static final class Builder {
    private final Dialect dialect;
    private final Map<HintType, Entry<?>> entries = new LinkedHashMap<>();

    private Builder(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    public <H extends Hint> Builder register(HintType type, Class<H> valueType, HintHandler<? super H> handler) {
      return register(type, valueType, HintKind.ORDINARY, handler);
    }

    public <H extends Hint> Builder register(HintType type, Class<H> valueType, HintKind kind, HintHandler<? super H> handler) {
      Entry<H> entry = new Entry<>(type, valueType, kind, handler);
      if (!type.isIn(dialect)) throw new IllegalArgumentException(dialect + " clients never send " + type + " hints");
      Class<? extends Hint> parsed = Hints.valueType(type, dialect);
      if (!valueType.isAssignableFrom(parsed)) {
        throw new IllegalArgumentException("the handler of " + type + " takes " + valueType.getSimpleName() + ", but " + dialect
            + " hints of that type are " + parsed.getSimpleName());
      }
      if (entries.putIfAbsent(type, entry) != null) {
        throw new IllegalArgumentException("hint type '" + type + "' is registered twice");
      }
      return this;
    }

    public HintHandlerRegistry build() {
      return new HintHandlerRegistry(dialect, entries);
    }
  }
}
