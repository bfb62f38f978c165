package io.fpp4j.host.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.host.TestStores;
import io.fpp4j.preimage.HintRoutingException;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageProtocolException;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.hint.BlockDataHint;
import io.fpp4j.proof.hint.ChainHashHint;
import io.fpp4j.proof.hint.HashHint;
import io.fpp4j.proof.hint.Hint;
import io.fpp4j.proof.hint.HintType;
import io.fpp4j.proof.hint.OpProgramAccountProofHint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OnlineBackendTest {
  static final byte[] VALUE = "the preimage".getBytes(StandardCharsets.UTF_8);
  static final PreimageKey KEY = PreimageKey.keccak256Of(VALUE);
  static final String HINT = "l1-block-header " + KEY.hex();
  static final String WITNESS = "l2-account-proof 0x" + "11".repeat(60);
  static final String BLOCK_DATA = "l2-block-data 0x" + "01".repeat(72);
  static final Backoff NO_JITTER = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ZERO);

  final TestStores.Memory store = new TestStores.Memory("memory");
  final FakeTime time = new FakeTime();
  final List<String> events = new ArrayList<>();

  OnlineBackend.Builder backend(HintHandlerRegistry registry, RetryPolicy policy) {
    return OnlineBackend.builder(store, registry).retryPolicy(policy).sleeper(time).nanoClock(time::now)
        .random(new SplittableRandom(7)).listener(new FetchListener() {
          @Override
          public void retrying(PreimageKey key, int nextAttempt, Duration delay, String reason) {
            events.add("retry " + nextAttempt + " in " + delay.toMillis() + "ms: " + reason);
          }
        });
  }

  /** The handler of {@code l1-block-header} hints. */
  static HintHandlerRegistry registry(HintHandler<? super HashHint> h) {
    return HintHandlerRegistry.builder(Dialect.OP_PROGRAM).register(HintType.L1_BLOCK_HEADER, HashHint.class, h).build();
  }

  static String stateNode(int b) {
    return "l2-state-node 0x" + String.format("%02x", b).repeat(32);
  }

  /** A handler that fails {@code failures} times, then stores the value. */
  static HintHandler<Hint> succeedsOnCall(int call, AtomicInteger calls) {
    return (hint, s) -> {
      if (calls.incrementAndGet() < call) throw new IllegalStateException("node unreachable (call " + calls.get() + ")");
      s.put(KEY, VALUE);
    };
  }

  @Test
  void servesFromTheStoreWithoutAnyHint() {
    store.put(KEY, VALUE);
    OnlineBackend b = backend(HintHandlerRegistry.builder(Dialect.KONA).build(), RetryPolicy.forever()).build();
    assertThat(b.getPreimage(KEY)).isEqualTo(VALUE);
    assertThat(b.stats().fetches()).isZero();
  }

  @Test
  void aMissWithNoHintFailsAtOnceNamingTheKey() {
    AtomicInteger calls = new AtomicInteger();
    OnlineBackend b = backend(registry(succeedsOnCall(1, calls)), RetryPolicy.forever()).build();
    assertThatThrownBy(() -> b.getPreimage(KEY)).isInstanceOf(KeyNotFoundException.class)
        .hasMessage("preimage " + KEY.hex() + " is not in memory and no hint is pending to fetch it with");
    assertThat(calls).hasValue(0);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void foreverKeepsTryingUntilTheHandlerSucceedsOnItsThirdCall() {
    AtomicInteger calls = new AtomicInteger();
    OnlineBackend b = backend(registry(succeedsOnCall(3, calls)), new RetryPolicy.Forever(NO_JITTER)).build();
    b.routeHint(HINT);
    assertThat(calls).hasValue(0); // ordinary hints are lazy
    assertThat(b.getPreimage(KEY)).isEqualTo(VALUE);
    assertThat(calls).hasValue(3);
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(events).containsExactly(
        "retry 2 in 100ms: hint '" + HINT + "' failed: java.lang.IllegalStateException: node unreachable (call 1)",
        "retry 3 in 200ms: hint '" + HINT + "' failed: java.lang.IllegalStateException: node unreachable (call 2)");
    assertThat(b.stats()).isEqualTo(new FetchStats(3, 2, 2, 1, VALUE.length));
  }

  @Test
  void aHandlerThatSucceedsWithoutTheKeyIsRetriedAfterAWaitNotAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    HintHandler<Hint> storesSomethingElseTwice = (hint, s) -> {
      if (calls.incrementAndGet() <= 2) {
        s.put(PreimageKey.keccak256Of(new byte[] {(byte) calls.get()}), new byte[] {(byte) calls.get()});
      } else {
        s.put(KEY, VALUE);
      }
    };
    OnlineBackend b = backend(registry(storesSomethingElseTwice), new RetryPolicy.Forever(NO_JITTER)).build();
    b.routeHint(HINT);
    assertThat(b.getPreimage(KEY)).isEqualTo(VALUE);
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(events.get(0)).isEqualTo("retry 2 in 100ms: hint '" + HINT + "' was handled but did not provide the key");
  }

  @Test
  void boundedGivesUpAfterNAttemptsNamingTheKeyAndTheLastHint() {
    AtomicInteger calls = new AtomicInteger();
    OnlineBackend b = backend(registry(succeedsOnCall(100, calls)), new RetryPolicy.Bounded(3, NO_JITTER)).build();
    b.routeHint(HINT);
    assertThatThrownBy(() -> b.getPreimage(KEY)).isInstanceOf(PreimageUnavailableException.class)
        .hasMessage("gave up on preimage " + KEY.hex() + " after 3 attempts in 300ms (retry policy bounded (3 attempts, "
            + "backoff 100ms..10s)); last hint: '" + HINT + "'; hint '" + HINT + "' failed: "
            + "java.lang.IllegalStateException: node unreachable (call 3)")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(calls).hasValue(3);
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void foreverNeverSpinsHot() {
    // A handler that never provides the key: count attempts over 60 s of fake time.
    AtomicInteger calls = new AtomicInteger();
    FakeTime limited = new FakeTime(Duration.ofSeconds(60));
    OnlineBackend b = OnlineBackend.builder(store, registry((h, s) -> calls.incrementAndGet()))
        .retryPolicy(new RetryPolicy.Forever(NO_JITTER)).sleeper(limited).nanoClock(limited::now)
        .listener(FetchListener.NONE).build();
    b.routeHint(HINT);
    assertThatThrownBy(() -> b.getPreimage(KEY)).isInstanceOf(FakeTime.Stop.class);
    // 0.1+0.2+0.4+0.8+1.6+3.2+6.4 = 12.7 s, then 10 s waits: the 12th wait ends at 62.7 s, past 60 s.
    assertThat(limited.sleeps).hasSize(12).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMillis(100)));
    assertThat(limited.sleeps.subList(7, 12)).containsOnly(Duration.ofSeconds(10));
    assertThat(calls).hasValue(12);
  }

  @Test
  void aHintThatCanNeverSucceedFailsAtOnceEvenUnderForever() {
    OnlineBackend b = backend(registry((h, s) -> {
      throw new InvalidHintException("block " + h.hash() + " is not on this chain");
    }), RetryPolicy.forever()).build();
    b.routeHint(HINT);
    assertThatThrownBy(() -> b.getPreimage(KEY)).isInstanceOf(PreimageUnavailableException.class)
        .hasMessage("cannot fetch preimage " + KEY.hex() + ": hint '" + HINT + "' can never succeed: "
            + "block " + KEY.hex() + " is not on this chain");
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void aHintWhoseDataDoesNotFitItsTypeIsAcknowledgedAndFailsTheNextMiss() {
    AtomicInteger calls = new AtomicInteger();
    OnlineBackend b = backend(registry(succeedsOnCall(1, calls)), RetryPolicy.forever()).build();
    b.routeHint("l1-block-header 0x0102");
    assertThat(b.lastHint()).isEqualTo("l1-block-header 0x0102");
    assertThatThrownBy(() -> b.getPreimage(KEY)).isInstanceOf(PreimageUnavailableException.class)
        .hasCauseInstanceOf(InvalidHintException.class)
        .hasMessage("cannot fetch preimage " + KEY.hex() + ": hint 'l1-block-header 0x0102' can never succeed: "
            + "hint 'l1-block-header 0x0102': l1-block-header hint data must be 32, got 2 bytes: 0x0102");
    assertThat(calls).hasValue(0);
    assertThat(time.sleeps).isEmpty();
    assertThat(b.stats()).isEqualTo(new FetchStats(1, 1, 0, 0, 0));
    // A later well-formed hint replaces it, as any ordinary hint does.
    b.routeHint(HINT);
    assertThat(b.getPreimage(KEY)).isEqualTo(VALUE);
  }

  @Test
  void anEagerHintWhoseDataDoesNotFitFailsBeforeTheAck() {
    AtomicInteger calls = new AtomicInteger();
    OnlineBackend b = backend(HintHandlerRegistry.builder(Dialect.OP_PROGRAM)
        .register(HintType.L2_BLOCK_DATA, BlockDataHint.class, HintKind.EAGER, succeedsOnCall(1, calls)).build(),
        RetryPolicy.forever()).build();
    assertThatThrownBy(() -> b.routeHint("l2-block-data 0x" + "01".repeat(64))).isInstanceOf(InvalidHintException.class)
        .hasMessage("hint 'l2-block-data 0x" + "01".repeat(64) + "': l2-block-data hint data must be 72 (agreed block hash ‖ "
            + "block hash ‖ chain id), got 64 bytes: 0x" + "01".repeat(64));
    assertThat(calls).hasValue(0);
  }

  @Test
  void unknownAndMalformedHintsFailRouting() {
    OnlineBackend b = backend(HintHandlerRegistry.builder(Dialect.OP_PROGRAM)
        .register(HintType.L1_BLOCK_HEADER, HashHint.class, (h, s) -> {})
        .register(HintType.L2_CODE, ChainHashHint.class, (h, s) -> {}).build(), RetryPolicy.forever()).build();
    assertThatThrownBy(() -> b.routeHint("l1-receipts 0x01")).isInstanceOf(InvalidHintException.class)
        .hasMessage("no handler for hint type 'l1-receipts' (hint 'l1-receipts 0x01'); this host handles: l1-block-header, l2-code");
    assertThatThrownBy(() -> b.routeHint("fetch-it 0x01")).isInstanceOf(InvalidHintException.class)
        .hasMessageStartingWith("no handler for hint type 'fetch-it' (hint 'fetch-it 0x01')");
    assertThatThrownBy(() -> b.routeHint("garbage")).isInstanceOf(InvalidHintException.class)
        .hasMessage("hint has no space between its type and its data: 'garbage'");
    // The client's hint is wrong: a protocol violation, told apart from a hint the host failed to handle.
    assertThatThrownBy(() -> b.routeHint("garbage")).isInstanceOf(PreimageProtocolException.class)
        .isNotInstanceOf(HintRoutingException.class);
    assertThat(b.lastHint()).isEqualTo("garbage");
    assertThatThrownBy(() -> b.routeHint("l1-block-header 0xzz")).isInstanceOf(InvalidHintException.class)
        .hasMessageStartingWith("data of hint 'l1-block-header' is not hex");
    // Bulk hints can be megabytes of hex: messages quote the start and give the length.
    String witness = "l2-payload-witness 0x" + "ab".repeat(1000);
    assertThatThrownBy(() -> b.routeHint(witness)).isInstanceOf(InvalidHintException.class)
        .hasMessage("no handler for hint type 'l2-payload-witness' (hint '" + witness.substring(0, 157) + "... (2021 chars)'); "
            + "this host handles: l1-block-header, l2-code");
  }

  @Test
  void registeringATypeTheDialectNeverSendsTheWrongRecordOrOneTypeTwiceFails() {
    assertThatThrownBy(() -> HintHandlerRegistry.builder(Dialect.KONA).register(HintType.L2_OUTPUT, ChainHashHint.class, (h, s) -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("kona clients never send l2-output hints");
    assertThatThrownBy(() -> HintHandlerRegistry.builder(Dialect.KONA)
        .register(HintType.L2_ACCOUNT_PROOF, OpProgramAccountProofHint.class, (h, s) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the handler of l2-account-proof takes OpProgramAccountProofHint, but kona hints of that type are KonaAccountProofHint");
    HintHandlerRegistry.Builder b = HintHandlerRegistry.builder(Dialect.KONA)
        .register(HintType.L1_BLOCK_HEADER, HashHint.class, (h, s) -> {})
        .register(HintType.L1_RECEIPTS, Hint.class, (h, s) -> {});
    assertThatThrownBy(() -> b.register(HintType.L1_BLOCK_HEADER, HashHint.class, (h, s) -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("hint type 'l1-block-header' is registered twice");
  }

  @Test
  void aBulkHintIsTriedFirstAndForgottenOnceItRan() {
    List<String> ran = new ArrayList<>();
    HintHandlerRegistry r = HintHandlerRegistry.builder(Dialect.OP_PROGRAM)
        .register(HintType.L2_ACCOUNT_PROOF, OpProgramAccountProofHint.class, HintKind.BULK, (h, s) -> ran.add("witness"))
        .register(HintType.L2_STATE_NODE, ChainHashHint.class, (h, s) -> {
          ran.add("node");
          s.put(KEY, VALUE);
        }).build();
    OnlineBackend b = backend(r, new RetryPolicy.Forever(NO_JITTER)).build();
    b.routeHint(WITNESS);
    b.routeHint(stateNode(2));
    assertThat(b.getPreimage(KEY)).isEqualTo(VALUE);
    assertThat(ran).containsExactly("witness", "node");

    // The bulk hint ran without error, so it is forgotten: a later miss runs only the ordinary hint.
    ran.clear();
    PreimageKey third = PreimageKey.keccak256Of(new byte[] {3});
    OnlineBackend bounded = backend(r, new RetryPolicy.Bounded(1, NO_JITTER)).build();
    bounded.routeHint(WITNESS);
    bounded.routeHint(stateNode(3));
    assertThatThrownBy(() -> bounded.getPreimage(third)).hasMessageContaining("after 1 attempt in");
    assertThat(ran).containsExactly("witness", "node");
    ran.clear();
    assertThatThrownBy(() -> bounded.getPreimage(third)).hasMessageContaining("after 1 attempt in");
    assertThat(ran).containsExactly("node");
  }

  @Test
  void aBulkHintThatRanLeavesNothingToRetryWithoutAnOrdinaryHint() {
    List<String> ran = new ArrayList<>();
    OnlineBackend b = backend(HintHandlerRegistry.builder(Dialect.OP_PROGRAM)
        .register(HintType.L2_ACCOUNT_PROOF, OpProgramAccountProofHint.class, HintKind.BULK, (h, s) -> ran.add("witness")).build(),
        new RetryPolicy.Forever(NO_JITTER)).build();
    b.routeHint(WITNESS);
    assertThatThrownBy(() -> b.getPreimage(KEY)).isInstanceOf(PreimageUnavailableException.class)
        .hasMessage("preimage " + KEY.hex() + " is not in memory and no hint is left to fetch it with "
            + "(hint '" + WITNESS + "' was handled but did not provide the key)");
    assertThat(ran).containsExactly("witness");
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void anEagerHintRunsBeforeTheAckAndIsRetriedPerThePolicy() {
    AtomicInteger calls = new AtomicInteger();
    HintHandlerRegistry r = HintHandlerRegistry.builder(Dialect.OP_PROGRAM)
        .register(HintType.L2_BLOCK_DATA, BlockDataHint.class, HintKind.EAGER, succeedsOnCall(2, calls)).build();
    OnlineBackend b = backend(r, new RetryPolicy.Forever(NO_JITTER)).build();
    b.routeHint(BLOCK_DATA);
    assertThat(calls).hasValue(2);
    assertThat(store.get(KEY)).isPresent();
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100));

    AtomicInteger calls2 = new AtomicInteger();
    OnlineBackend bounded = backend(HintHandlerRegistry.builder(Dialect.OP_PROGRAM).register(HintType.L2_BLOCK_DATA,
        BlockDataHint.class, HintKind.EAGER, succeedsOnCall(10, calls2)).build(), new RetryPolicy.Bounded(2, NO_JITTER)).build();
    assertThatThrownBy(() -> bounded.routeHint(BLOCK_DATA)).isInstanceOf(HintRoutingException.class)
        .hasMessage("gave up on hint '" + BLOCK_DATA + "' after 2 attempts (retry policy bounded (2 attempts, backoff 100ms..10s)): "
            + "java.lang.IllegalStateException: node unreachable (call 2)");
  }

  @Test
  void cancellingEndsAWaitWithTheKeyNamed() {
    Pause pause = new Pause();
    AtomicInteger calls = new AtomicInteger();
    OnlineBackend[] holder = new OnlineBackend[1];
    OnlineBackend b = OnlineBackend.builder(store, registry((h, s) -> calls.incrementAndGet()))
        .retryPolicy(new RetryPolicy.Forever(new Backoff(Duration.ofHours(1), Duration.ofHours(1), Duration.ZERO)))
        .sleeper(pause)
        .listener(new FetchListener() {
          @Override
          public void retrying(PreimageKey key, int nextAttempt, Duration delay, String reason) {
            holder[0].cancel("the program exited");
          }
        }).build();
    holder[0] = b;
    b.routeHint(HINT);
    assertThatThrownBy(() -> b.getPreimage(KEY)).isInstanceOf(FetchCancelledException.class)
        .hasMessage("stopped fetching preimage " + KEY.hex() + ": the program exited");
    assertThat(calls).hasValue(1);
    assertThatThrownBy(() -> b.getPreimage(KEY)).isInstanceOf(FetchCancelledException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void longFetchesReportProgressFromTheHandlersThread() {
    List<String> progress = new ArrayList<>();
    HintHandler<Hint> slow = (h, s) -> {
      for (int i = 0; i < 4; i++) {
        time.advance(Duration.ofSeconds(3));
        s.put(PreimageKey.keccak256Of(new byte[] {(byte) i}), new byte[] {(byte) i});
      }
      s.put(KEY, VALUE);
    };
    OnlineBackend b = OnlineBackend.builder(store, registry(slow)).sleeper(time).nanoClock(time::now)
        .progressInterval(Duration.ofSeconds(5)).listener(new FetchListener() {
          @Override
          public void fetchProgress(String hint, long preimages, long bytes, Duration elapsed) {
            progress.add(preimages + " preimages, " + bytes + " bytes, " + elapsed.toSeconds() + "s");
          }

          @Override
          public void fetchFinished(String hint, long preimages, long bytes, Duration elapsed, Throwable error) {
            assertThat(hint).isEqualTo("'" + HINT + "'");
            progress.add("done: " + preimages + " in " + elapsed.toSeconds() + "s");
          }
        }).build();
    b.routeHint(HINT);
    assertThat(b.getPreimage(KEY)).isEqualTo(VALUE);
    assertThat(progress).containsExactly("2 preimages, 2 bytes, 6s", "4 preimages, 4 bytes, 12s", "done: 5 in 12s");
  }
}
