package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the preimages, hints and read granularity, both channels deliver exactly what was sent. */
class FramingPropertiesTest {
  @Property(tries = 200)
  void preimagesSurviveAnyReadGranularity(
      @ForAll @Size(max = 12) List<@Size(max = 3000) byte[]> preimages, @ForAll @IntRange(min = 1, max = 64) int chunk)
      throws Exception {
    Map<PreimageKey, byte[]> store = new HashMap<>();
    for (byte[] p : preimages) store.put(PreimageKey.keccak256Of(p), p);
    try (ChannelPair raw = Channels.inMemoryPair()) {
      ChannelPair pair = new ChannelPair(Channels.limitReads(raw.client(), chunk), Channels.limitReads(raw.host(), chunk));
      OracleServer server = new OracleServer(pair.host());
      CompletableFuture<Void> host = CompletableFuture.runAsync(() -> {
        while (server.nextPreimageRequest(store::get)) {
          // serve
        }
      });
      OracleReader reader = new OracleReader(pair.client());
      for (byte[] p : preimages) assertThat(reader.get(PreimageKey.keccak256Of(p))).isEqualTo(p);
      raw.client().close();
      host.get();
    }
  }

  @Property(tries = 200)
  void hintsSurviveAnyReadGranularity(
      @ForAll @Size(max = 20) List<@Size(max = 500) String> hints, @ForAll @IntRange(min = 1, max = 16) int chunk)
      throws Exception {
    try (ChannelPair raw = Channels.inMemoryPair()) {
      ChannelPair pair = new ChannelPair(Channels.limitReads(raw.client(), chunk), Channels.limitReads(raw.host(), chunk));
      List<String> seen = new ArrayList<>();
      HintReader reader = new HintReader(pair.host());
      CompletableFuture<Void> host = CompletableFuture.runAsync(() -> {
        while (reader.nextHint(seen::add)) {
          // until the client closes
        }
      });
      HintWriter writer = new HintWriter(pair.client());
      for (String h : hints) writer.hint(h);
      raw.client().close();
      host.get();
      // The writer encodes UTF-8, which replaces a lone surrogate with '?': compare with that round trip.
      List<String> expected = new ArrayList<>();
      for (String h : hints) {
        expected.add(new String(h.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8));
      }
      assertThat(seen).isEqualTo(expected);
    }
  }
}
