package io.fpp4j.preimage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Named;

/** Every channel flavour the round-trip tests run over, including FPVM-like short reads of 1 to 8 bytes. */
final class ChannelKinds {
  private ChannelKinds() {}

  static List<Named<Supplier<ChannelPair>>> all() {
    List<Named<Supplier<ChannelPair>>> kinds = new ArrayList<>();
    kinds.add(Named.of("in-memory", Channels::inMemoryPair));
    kinds.add(Named.of("os-pipe", Channels::osPipePair));
    for (int n = 1; n <= 8; n++) {
      int max = n;
      kinds.add(Named.of("os-pipe, reads of at most " + n + " bytes", () -> {
        ChannelPair p = Channels.osPipePair();
        return new ChannelPair(Channels.limitReads(p.client(), max), Channels.limitReads(p.host(), max));
      }));
    }
    return kinds;
  }
}
