package io.fpp4j.preimage;

import java.io.IOException;

/**
 * The two ends of one bidirectional channel: what {@code client} writes, {@code host} reads, and back.
 * Closing the pair closes both ends.
 */
public record ChannelPair(Channel client, Channel host) implements AutoCloseable {
  @Override
  public void close() throws IOException {
    try (Channel c = client; Channel h = host) {
      // closes both, keeping the first failure
    }
  }
}
