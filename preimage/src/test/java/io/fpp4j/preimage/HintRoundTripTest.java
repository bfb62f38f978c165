package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** op-preimage's TestHints and kona-preimage's hint tests, rewritten. */
@Timeout(20)
class HintRoundTripTest {
  static Stream<Arguments> cases() {
    Random rnd = new Random(7);
    String randomText = rnd.ints(1000, 0x20, 0x3000).mapToObj(Character::toString).collect(Collectors.joining());
    List<Named<List<String>>> cases = List.of(
        Named.of("empty hint", List.of("")),
        Named.of("hello world", List.of("hello world")),
        Named.of("single NUL", List.of("\0")),
        Named.of("1000 NULs", List.of("\0".repeat(1000))),
        Named.of("1000 random characters", List.of(randomText)),
        Named.of("sequence", List.of("give me header a", "also header b", "foo bar")),
        Named.of("kona test-hint", List.of("test-hint 0xfacade")),
        Named.of("500 hints", Collections.nCopies(500, "l1-block-header 0x" + "ab".repeat(32))));
    List<Arguments> args = new ArrayList<>();
    for (Named<Supplier<ChannelPair>> kind : ChannelKinds.all()) {
      for (Named<List<String>> c : cases) args.add(Arguments.of(kind, c));
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void everyHintArrivesInOrderAndIsAcked(Supplier<ChannelPair> kind, List<String> hints) throws Exception {
    try (ChannelPair pair = kind.get()) {
      List<String> seen = Collections.synchronizedList(new ArrayList<>());
      HintReader reader = new HintReader(pair.host());
      CompletableFuture<Void> host = CompletableFuture.runAsync(() -> {
        while (reader.nextHint(seen::add)) {
          // until the client closes
        }
      });
      HintWriter writer = new HintWriter(pair.client());
      for (String h : hints) writer.hint(h);
      pair.client().close();
      host.get();
      assertThat(seen).containsExactlyElementsOf(hints);
      assertThat(reader.hints()).isEqualTo(hints.size());
    }
  }

  @Test
  void hintThatIsNotUtf8IsStillAckedThenReported() throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      HintReader reader = new HintReader(pair.host());
      CompletableFuture<Throwable> host = CompletableFuture.supplyAsync(() -> {
        try {
          reader.nextHint(h -> {
            throw new AssertionError("router must not see undecodable bytes");
          });
          return null;
        } catch (HintRoutingException e) {
          return e;
        }
      });
      new HintWriter(pair.client()).hint(new byte[] {(byte) 0xf0, (byte) 0x90, 0x28, (byte) 0xbc});
      assertThat(host.get()).isInstanceOf(HintRoutingException.class)
          .hasMessageContaining("not valid UTF-8").hasMessageContaining("0xf09028bc");
    }
  }

  @Test
  void routerErrorIsAckedAndTheNextHintStillArrives() throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      HintReader reader = new HintReader(pair.host());
      List<String> seen = new ArrayList<>();
      List<Throwable> failures = new ArrayList<>();
      CompletableFuture<Void> host = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 2; i++) {
          try {
            reader.nextHint(h -> {
              if (h.equals("one")) throw new IllegalStateException("key not found");
              seen.add(h);
            });
          } catch (HintRoutingException e) {
            failures.add(e);
          }
        }
      });
      HintWriter writer = new HintWriter(pair.client());
      writer.hint("one"); // returns only because the failing hint was acked
      writer.hint("two");
      host.get();
      assertThat(seen).containsExactly("two");
      assertThat(failures).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
          .hasMessageContaining("failed to handle hint 'one': key not found");
    }
  }

  @Test
  void droppedFirstByteIsAnUnexpectedEndOfStream() throws Exception {
    byte[] frame = {0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'};
    try (ChannelPair pair = Channels.osPipePair()) {
      pair.client().write(frame, 1, frame.length - 1);
      pair.client().close();
      assertThatThrownBy(() -> new HintReader(pair.host()).nextHint(h -> {}))
          .isInstanceOf(ChannelClosedException.class)
          .hasMessageContaining("end of stream after 4 of 1384 bytes");
    }
  }

  @Test
  void hintSentAsStringIsUtf8() throws Exception {
    try (ChannelPair pair = Channels.inMemoryPair()) {
      List<String> seen = new ArrayList<>();
      CompletableFuture<Boolean> host = CompletableFuture.supplyAsync(() -> new HintReader(pair.host()).nextHint(seen::add));
      new HintWriter(pair.client()).hint("gr\u00fc\u00df 0x00");
      assertThat(host.get()).isTrue();
      assertThat(seen).containsExactly("gr\u00fc\u00df 0x00");
      assertThat(new HintReader(pair.host()).hintBytes()).isZero();
      assertThat("gr\u00fc\u00df 0x00".getBytes(StandardCharsets.UTF_8)).hasSize(11);
    }
  }
}
