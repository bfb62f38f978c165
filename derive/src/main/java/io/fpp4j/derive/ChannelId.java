package io.fpp4j.derive;

import io.fpp4j.primitives.Bytes;
import java.util.Objects;

/** The 16 random bytes that name a channel. */
public record ChannelId(Bytes bytes) {
  public ChannelId {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length() != 16) throw new IllegalArgumentException("a channel id is 16 bytes, got " + bytes.length());
  }

  // equals and hashCode spelled out: a record's generated ones bootstrap java.lang.runtime.ObjectMethods on first use,
  // spinning tens of method-handle classes, which the program (channels are map keys) paid for at every start.
  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelId other && bytes.equals(other.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  @Override
  public String toString() {
    return bytes.toHex();
  }
}
