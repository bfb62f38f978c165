package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** op-preimage's TestOracle and kona-preimage's oracle tests, rewritten, over every channel kind. */
@Timeout(20)
class OracleRoundTripTest {
  static Stream<Arguments> cases() {
    Random rnd = new Random(42);
    byte[] random = new byte[1000];
    rnd.nextBytes(random);
    List<Named<List<byte[]>>> cases = List.of(
        Named.of("empty", List.of(new byte[0])),
        Named.of("nil-like (zero-length array from another source)", List.of(new byte[] {}.clone())),
        Named.of("single zero", List.of(new byte[] {0})),
        Named.of("multiple", List.of(utf8("tx from alice"), new byte[] {0x13, 0x37}, utf8("tx from bob"))),
        Named.of("1000 zeros", List.of(new byte[1000])),
        Named.of("1000 random", List.of(random)),
        Named.of("kona map server", List.of(utf8("1234567890"), utf8("FACADE"))),
        Named.of("empty between others", List.of(utf8("a"), new byte[0], new byte[0], utf8("b"))),
        Named.of("200 KiB", List.of(new byte[200 * 1024])));
    List<Arguments> args = new ArrayList<>();
    for (Named<Supplier<ChannelPair>> kind : ChannelKinds.all()) {
      for (Named<List<byte[]>> c : cases) args.add(Arguments.of(kind, c));
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void getReturnsExactlyWhatTheServerHolds(Supplier<ChannelPair> kind, List<byte[]> preimages) throws Exception {
    Map<PreimageKey, byte[]> store = new HashMap<>();
    for (byte[] p : preimages) store.put(PreimageKey.keccak256Of(p), p);
    try (ChannelPair pair = kind.get()) {
      OracleServer server = new OracleServer(pair.host());
      CompletableFuture<Long> served = CompletableFuture.supplyAsync(() -> {
        while (server.nextPreimageRequest(store::get)) {
          // until the client closes
        }
        return server.requests();
      });
      OracleReader reader = new OracleReader(pair.client());
      for (byte[] p : preimages) {
        assertThat(reader.get(PreimageKey.keccak256Of(p))).isEqualTo(p);
        byte[] exact = new byte[p.length];
        reader.getExact(PreimageKey.keccak256Of(p), exact);
        assertThat(exact).isEqualTo(p);
      }
      pair.client().close();
      assertThat(served.get()).isEqualTo(2L * preimages.size());
    }
  }

  @Test
  void getExactWithTheWrongBufferFailsClearlyAndLeavesTheReaderUsable() throws Exception {
    byte[] value = utf8("FACADE");
    try (ChannelPair pair = Channels.osPipePair()) {
      OracleServer server = new OracleServer(pair.host());
      CompletableFuture.runAsync(() -> {
        while (server.nextPreimageRequest(k -> value)) {
          // serve
        }
      });
      OracleReader reader = new OracleReader(pair.client());
      PreimageKey key = PreimageKey.keccak256Of(value);
      assertThatThrownBy(() -> reader.getExact(key, new byte[5]))
          .isInstanceOf(BufferLengthMismatchException.class)
          .hasMessageContaining("is 6 bytes, but the caller's buffer is 5")
          .hasMessageContaining(key.hex());
      assertThat(reader.get(key)).isEqualTo(value);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
