package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the preimages, hints and read granularity, both channels deliver exactly what was sent. Each
 * case number seeds its own generator; hostile bytes on either channel are left to {@link FramingFuzzTest}.
 */
class FramingPropertiesTest {
  static LongStream cases200() {
    return LongStream.range(0, 200);
  }

  /** Up to 12 preimages of up to 3000 bytes (empty ones included: their frames are just a length). */
  static List<byte[]> preimages(Random r) {
    List<byte[]> out = new ArrayList<>();
    for (int n = r.nextInt(13); n > 0; n--) {
      byte[] p = new byte[r.nextInt(4) == 0 ? r.nextInt(3) : r.nextInt(3001)];
      r.nextBytes(p);
      out.add(p);
    }
    return out;
  }

  /** Up to 500 chars drawn from ASCII, the rest of the BMP, astral pairs and lone surrogates. */
  static String text(Random r) {
    StringBuilder b = new StringBuilder();
    for (int n = r.nextInt(r.nextBoolean() ? 20 : 501); b.length() < n; ) {
      switch (r.nextInt(4)) {
        case 0 -> b.append((char) (0x20 + r.nextInt(0x5f)));
        case 1 -> b.append((char) r.nextInt(0xd800));
        case 2 -> b.appendCodePoint(0x10000 + r.nextInt(0x100000));
        default -> b.append((char) (0xd800 + r.nextInt(0x800)));
      }
    }
    return b.length() > 500 ? b.substring(0, 500) : b.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases200")
  void preimagesSurviveAnyReadGranularity(long seed) throws Exception {
    Random r = new Random(seed);
    List<byte[]> preimages = preimages(r);
    int chunk = 1 + r.nextInt(64);
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

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases200")
  void hintsSurviveAnyReadGranularity(long seed) throws Exception {
    Random r = new Random(seed);
    List<String> hints = new ArrayList<>();
    for (int n = r.nextInt(21); n > 0; n--) hints.add(text(r));
    int chunk = 1 + r.nextInt(16);
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
