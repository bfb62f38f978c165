package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The direct oracle keeps the wire's semantics: what a program and a host's summary see is what a server gives. */
@Timeout(20)
class DirectOracleTest {
  private static final byte[] HELLO = "hello world".getBytes(StandardCharsets.US_ASCII);
  private static final PreimageKey HELLO_KEY = PreimageKey.keccak256Of(HELLO);
  private static final PreimageKey MISSING = PreimageKey.keccak256Of("absent".getBytes(StandardCharsets.US_ASCII));

  /** A fetcher over a map that throws, naming the key, for anything else (as a host's store does). */
  private static PreimageFetcher store(Map<PreimageKey, byte[]> entries) {
    return key -> {
      byte[] v = entries.get(key);
      if (v == null) throw new KeyNotFoundException("no preimage for key " + key + " in the test store");
      return v;
    };
  }

  @Test
  void servesKeysRoutesHintsAndCountsAsTheServerDoes() {
    List<String> routed = new ArrayList<>();
    DirectOracle oracle = DirectOracle.builder(store(Map.of(HELLO_KEY, HELLO, PreimageKey.local(1), new byte[32])))
        .router(routed::add).build();

    oracle.hint("fetch hello");
    assertThat(oracle.get(HELLO_KEY)).isEqualTo(HELLO);
    byte[] exact = new byte[32];
    exact[0] = 7;
    oracle.getExact(PreimageKey.local(1), exact);
    assertThat(exact).isEqualTo(new byte[32]);

    assertThat(routed).containsExactly("fetch hello");
    // The same figures as PreimageServerTest's session: 2 requests, 11 + 32 bytes, one 11-byte hint.
    assertThat(oracle.outcome()).isEqualTo(new PreimageServer.Outcome(new PreimageServer.Stats(2, 43, 1, 11), null));
    assertThat(oracle.outcome().clean()).isTrue();
  }

  @Test
  void answersAreCopiesTheProgramMayKeepOrChange() {
    byte[] stored = HELLO.clone();
    DirectOracle oracle = DirectOracle.builder(store(Map.of(HELLO_KEY, stored))).build();
    byte[] first = oracle.get(HELLO_KEY);
    first[0] = 'j';
    assertThat(stored).isEqualTo(HELLO);
    assertThat(oracle.get(HELLO_KEY)).isEqualTo(HELLO);
  }

  @Test
  void aMissingKeyEndsTheSessionNamingTheKey() {
    DirectOracle oracle = DirectOracle.builder(store(Map.of(HELLO_KEY, HELLO))).build();
    assertThat(oracle.get(HELLO_KEY)).isEqualTo(HELLO);

    // The program sees a closed channel, as on the wire; the host's failure is its cause and the session's.
    assertThatThrownBy(() -> oracle.get(MISSING))
        .isInstanceOf(ChannelClosedException.class)
        .hasMessageContaining(MISSING.hex())
        .hasCauseInstanceOf(KeyNotFoundException.class);
    assertThat(oracle.failure()).isInstanceOf(KeyNotFoundException.class).hasMessageContaining(MISSING.hex());
    assertThat(oracle.outcome().clean()).isFalse();
    assertThat(oracle.stats().preimageRequests()).isEqualTo(1);

    // Every later call finds the session ended, even for a key the store has, and the first failure stays.
    assertThatThrownBy(() -> oracle.get(HELLO_KEY)).isInstanceOf(ChannelClosedException.class)
        .hasMessageContaining(MISSING.hex());
    assertThatThrownBy(() -> oracle.hint("after the end")).isInstanceOf(ChannelClosedException.class);
    assertThat(oracle.stats()).isEqualTo(new PreimageServer.Stats(1, HELLO.length, 0, 0));
  }

  @Test
  void aFetcherThatReturnsNullOrThrowsSomethingElseIsAFailureNamingTheKey() {
    DirectOracle nulls = DirectOracle.builder(key -> null).build();
    assertThatThrownBy(() -> nulls.get(MISSING)).isInstanceOf(ChannelClosedException.class);
    assertThat(nulls.failure()).isInstanceOf(KeyNotFoundException.class)
        .hasMessage("no preimage for key " + MISSING + " (the fetcher returned null)");

    DirectOracle broken = DirectOracle.builder(key -> {
      throw new java.io.IOException("disk gone");
    }).build();
    assertThatThrownBy(() -> broken.get(MISSING)).isInstanceOf(ChannelClosedException.class);
    assertThat(broken.failure()).isExactlyInstanceOf(PreimageOracleException.class)
        .hasMessage("failed to serve preimage " + MISSING + ": disk gone");
  }

  @Test
  void aHintErrorIsAcknowledgedThenEndsTheSession() {
    DirectOracle oracle = DirectOracle.builder(store(Map.of(HELLO_KEY, HELLO))).router(hint -> {
      throw new IllegalArgumentException("unknown hint type");
    }).build();

    oracle.hint("bogus 0x01"); // acknowledged: the call returns
    assertThat(oracle.failure()).isInstanceOf(HintRoutingException.class)
        .hasMessage("failed to handle hint 'bogus 0x01': unknown hint type");
    assertThat(oracle.stats().hints()).isEqualTo(1);
    assertThatThrownBy(() -> oracle.get(HELLO_KEY)).isInstanceOf(ChannelClosedException.class)
        .hasCauseInstanceOf(HintRoutingException.class);
  }

  @Test
  void aHintErrorLeavesTheSessionServingWhenAskedTo() {
    DirectOracle oracle = DirectOracle.builder(store(Map.of(HELLO_KEY, HELLO))).continueOnHintError(true)
        .router(hint -> {
          throw new IllegalArgumentException("unknown hint type");
        }).build();

    oracle.hint("bogus 0x01");
    oracle.hint("bogus 0x02");
    assertThat(oracle.get(HELLO_KEY)).isEqualTo(HELLO);
    assertThat(oracle.outcome()).isEqualTo(new PreimageServer.Outcome(new PreimageServer.Stats(1, 11, 2, 20), null));
  }

  @Test
  void aHintOverTheLimitEndsTheSessionUnrouted() {
    List<String> routed = new ArrayList<>();
    DirectOracle oracle = DirectOracle.builder(store(Map.of(HELLO_KEY, HELLO))).router(routed::add)
        .limits(new PreimageLimits(8, 1024)).build();

    oracle.hint("12345678"); // exactly at the limit
    assertThatThrownBy(() -> oracle.hint("123456789")).isInstanceOf(ChannelClosedException.class)
        .hasCauseInstanceOf(FrameTooLargeException.class);
    assertThat(oracle.failure()).isInstanceOf(FrameTooLargeException.class)
        .hasMessage("client announced a hint of 9 bytes, over the limit of 8 bytes");
    assertThat(routed).containsExactly("12345678");
    assertThat(oracle.stats()).isEqualTo(new PreimageServer.Stats(0, 0, 1, 8));
  }

  @Test
  void aPreimageOverTheLimitIsRefusedByTheClientSideAndTheSessionGoesOn() {
    byte[] big = new byte[12];
    PreimageKey bigKey = PreimageKey.local(2);
    DirectOracle oracle = DirectOracle.builder(store(Map.of(HELLO_KEY, HELLO, bigKey, big)))
        .limits(new PreimageLimits(1024, 11)).build();

    assertThatThrownBy(() -> oracle.get(bigKey)).isInstanceOf(FrameTooLargeException.class)
        .hasMessage("host announced a preimage of 12 bytes for " + bigKey + ", over the limit of 11 bytes");
    assertThatThrownBy(() -> oracle.getExact(bigKey, new byte[12])).isInstanceOf(FrameTooLargeException.class);
    // As over a channel, the server sent both answers and is still serving; only the client refused them.
    assertThat(oracle.failure()).isNull();
    assertThat(oracle.get(HELLO_KEY)).isEqualTo(HELLO); // 11 bytes, at the limit
    assertThat(oracle.stats().preimageRequests()).isEqualTo(3);
  }

  @Test
  void getExactWithTheWrongLengthThrowsAndLeavesTheBufferAndSessionAlone() {
    DirectOracle oracle = DirectOracle.builder(store(Map.of(HELLO_KEY, HELLO))).build();
    byte[] tooLong = new byte[HELLO.length + 1];
    assertThatThrownBy(() -> oracle.getExact(HELLO_KEY, tooLong)).isInstanceOf(BufferLengthMismatchException.class)
        .hasMessage("preimage " + HELLO_KEY + " is 11 bytes, but the caller's buffer is 12");
    assertThat(tooLong).isEqualTo(new byte[HELLO.length + 1]);
    assertThat(oracle.failure()).isNull();

    byte[] right = new byte[HELLO.length];
    oracle.getExact(HELLO_KEY, right);
    assertThat(right).isEqualTo(HELLO);
    assertThat(oracle.stats().preimageRequests()).isEqualTo(2);
  }

  @Test
  void aHintIsRoutedAsTheHostWouldDecodeItFromTheWire() {
    List<String> routed = new ArrayList<>();
    DirectOracle oracle = DirectOracle.builder(store(Map.of())).router(routed::add).build();
    oracle.hint("blob \u00e9"); // two-byte UTF-8: counted in bytes, routed unchanged
    oracle.hint("lone \ud800"); // an unpaired surrogate is '?' once encoded, as the host would read it
    assertThat(routed).containsExactly("blob \u00e9", "lone ?");
    assertThat(oracle.stats().hintBytes()).isEqualTo(7 + 6);
  }

  @Test
  void refusesMissingParts() {
    assertThatThrownBy(() -> DirectOracle.builder(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fetcher");
    assertThatThrownBy(() -> DirectOracle.builder(key -> null).router(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("router");
  }
}
