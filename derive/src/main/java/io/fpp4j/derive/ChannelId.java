package io.fpp4j.derive;

import io.fpp4j.primitives.Bytes;
import java.util.Objects;

/** The 16 random bytes that name a channel. */
public record ChannelId(Bytes bytes) {
  public ChannelId {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length() != 16) throw new IllegalArgumentException("a channel id is 16 bytes, got " + bytes.length());
  }

  @Override
  public String toString() {
    return bytes.toHex();
  }
}
