package io.fpp4j.host.local;

import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The local (type 1) preimages of one run: boot values from the command line, by local index (kona-host
 * {@code SingleChainLocalInputs}, op-program's {@code LocalPreimageSource}). Indices are unsigned 64-bit.
 * Immutable; values are copied in and out.
 */
public final class LocalInputs {
  private final TreeMap<Long, byte[]> values;
  private final String source;

  private LocalInputs(TreeMap<Long, byte[]> values, String source) {
    this.values = values;
    this.source = source;
  }

  /** No local inputs at all. */
  public static LocalInputs empty(String source) {
    return new LocalInputs(new TreeMap<>(Long::compareUnsigned), source);
  }

  public static Builder builder(String source) {
    return new Builder(source);
  }

  /** The value for local index {@code index}, if this run provides one. */
  public Optional<byte[]> get(long index) {
    byte[] v = values.get(index);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  /**
   * The value for a local key.
   *
   * @throws KeyNotFoundException naming the key, its index and the indices this run does provide
   */
  public byte[] require(PreimageKey key) {
    if (key.type() != PreimageKeyType.LOCAL) throw new IllegalArgumentException("not a local key: " + key);
    long index;
    try {
      index = key.localIndex();
    } catch (IllegalStateException e) {
      throw new KeyNotFoundException("local key " + key + " has a non-zero byte in 1..23, so it is no local index this "
          + "host serves (" + source + " provide " + describeIndices() + ")");
    }
    return get(index).orElseThrow(() -> new KeyNotFoundException("local key " + key + " (index "
        + Long.toUnsignedString(index) + ") is not provided: " + source + " provide " + describeIndices()));
  }

  /** The indices provided, in ascending unsigned order. */
  public Set<Long> indices() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** Where the values came from, e.g. {@code "the kona single-chain flags"}. */
  public String source() {
    return source;
  }

  /** {@code "indices 1, 2, 3"} or {@code "no local keys"}. */
  public String describeIndices() {
    if (values.isEmpty()) return "no local keys";
    return "indices " + values.keySet().stream().map(Long::toUnsignedString).collect(Collectors.joining(", "));
  }

  /** A copy of all entries (for tests and the local-keys file writer). */
  public Map<Long, byte[]> asMap() {
    TreeMap<Long, byte[]> copy = new TreeMap<>(Long::compareUnsigned);
    values.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** Collects entries; giving an index twice is an error naming it. */
  public static final class Builder {
    private final TreeMap<Long, byte[]> values = new TreeMap<>(Long::compareUnsigned);
    private final String source;

    private Builder(String source) {
      this.source = source;
    }

    public Builder put(long index, byte[] value) {
      if (values.putIfAbsent(index, value.clone()) != null) {
        throw new IllegalArgumentException("local key " + Long.toUnsignedString(index) + " is given twice in " + source);
      }
      return this;
    }

    /** Puts {@code value} if present; absent optional inputs simply leave the index unserved. */
    public Builder putIfPresent(long index, Optional<byte[]> value) {
      value.ifPresent(v -> put(index, v));
      return this;
    }

    /** Adds every entry of {@code other}, replacing entries of the same index (a later source wins). */
    public Builder overrideWith(LocalInputs other) {
      other.values.forEach((k, v) -> values.put(k, v.clone()));
      return this;
    }

    public LocalInputs build() {
      TreeMap<Long, byte[]> copy = new TreeMap<>(Long::compareUnsigned);
      copy.putAll(values);
      return new LocalInputs(copy, source);
    }
  }
}
