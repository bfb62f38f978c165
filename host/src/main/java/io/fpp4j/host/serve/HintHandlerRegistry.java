package io.fpp4j.host.serve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The handlers an online host knows, by hint type, with when each one runs. Immutable. */
public final class HintHandlerRegistry {
  /** One registered handler. */
  public record Entry(String type, HintKind kind, HintHandler handler) {}

  private final Map<String, Entry> entries;

  private HintHandlerRegistry(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The entry for {@code type}, if one is registered. */
  public Optional<Entry> entry(String type) {
    return Optional.ofNullable(entries.get(type));
  }

  /** The registered hint types, in registration order. */
  public Set<String> types() {
    return entries.keySet();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Builds a registry; registering a type twice is an error. */
  public static final class Builder {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private Builder() {}

    public Builder register(String type, HintHandler handler) {
      return register(type, HintKind.ORDINARY, handler);
    }

    public Builder register(String type, HintKind kind, HintHandler handler) {
      if (type == null || type.isEmpty() || type.indexOf(' ') >= 0) {
        throw new IllegalArgumentException("a hint type is a non-empty word without spaces, got '" + type + "'");
      }
      if (entries.putIfAbsent(type, new Entry(type, kind, handler)) != null) {
        throw new IllegalArgumentException("hint type '" + type + "' is registered twice");
      }
      return this;
    }

    public HintHandlerRegistry build() {
      return new HintHandlerRegistry(entries);
    }
  }
}
