package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link OracleReader#getAll} sends keys ahead of their answers. It must return what one {@code get} per key
 * returns, put on the wire exactly the keys in order, keep at most {@link OracleReader#PIPELINE_DEPTH} in flight
 * (so that it cannot deadlock a host that stops reading while it writes), and name the key a failing host stopped
 * at.
 */
@Timeout(30)
class OracleReaderPipelineTest {

  static List<Named<Supplier<ChannelPair>>> kinds() {
    return ChannelKinds.all();
  }

  /** Keys 1..n as local keys, each with a value of its own length (0 to 299 bytes). */
  private static Map<PreimageKey, byte[]> store(int n) {
    Map<PreimageKey, byte[]> store = new HashMap<>();
    for (int i = 1; i <= n; i++) {
      byte[] v = new byte[(i * 37) % 300];
      for (int j = 0; j < v.length; j++) v[j] = (byte) (i + j);
      store.put(PreimageKey.local(i), v);
    }
    return store;
  }

  private static List<PreimageKey> keys(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(PreimageKey::local).toList();
  }

  private static CompletableFuture<Long> serve(ChannelPair pair, PreimageFetcher fetcher) {
    OracleServer server = new OracleServer(pair.host());
    return CompletableFuture.supplyAsync(() -> {
      try {
        while (server.nextPreimageRequest(fetcher)) {
          // until the client closes
        }
        return server.requests();
      } finally {
        // A host that fails closes its side, as fpp4j's, op-program's and Kona's do when they exit.
        try {
          pair.host().close();
        } catch (Exception ignored) {
          // already closed
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void returnsWhatOneGetPerKeyReturnsAndLeavesTheStreamInStep(Supplier<ChannelPair> kind) throws Exception {
    int n = 1000;
    Map<PreimageKey, byte[]> store = store(n);
    try (ChannelPair pair = kind.get()) {
      CompletableFuture<Long> served = serve(pair, store::get);
      OracleReader reader = new OracleReader(pair.client());
      List<byte[]> all = reader.getAll(keys(n));
      assertThat(all).hasSize(n);
      for (int i = 0; i < n; i++) assertThat(all.get(i)).as("answer %d", i).isEqualTo(store.get(keys(n).get(i)));
      assertThat(reader.getAll(List.of())).isEmpty();
      // Every answer was read, none left in the pipe: the next single request gets its own answer.
      assertThat(reader.get(PreimageKey.local(7))).isEqualTo(store.get(PreimageKey.local(7)));
      pair.client().close();
      assertThat(served.get()).isEqualTo(n + 1L);
    }
  }

  /**
   * A scripted host: records the bytes written, answers only keys already written, and tracks how many keys
   * were in flight (written, answer not yet delivered) at each write.
   */
  private static final class ScriptedHost implements Channel {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    final List<Integer> inFlightAfterWrite = new ArrayList<>();
    private final List<byte[]> answers = new ArrayList<>();
    private int keysWritten;
    private int answersDelivered;
    private int pos;

    @Override
    public int read(byte[] buf, int off, int len) {
      if (answersDelivered == keysWritten) throw new AssertionError("read with no key in flight");
      byte[] frame = answers.get(answersDelivered);
      int n = Math.min(len, frame.length - pos);
      System.arraycopy(frame, pos, buf, off, n);
      pos += n;
      if (pos == frame.length) {
        answersDelivered++;
        pos = 0;
      }
      return n;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      assertThat(len % 32).as("whole keys per write").isZero();
      written.write(buf, off, len);
      for (int k = 0; k < len / 32; k++) {
        byte[] answer = new byte[8 + 1];
        Frames.putU64(answer, 0, 1);
        answer[8] = buf[off + k * 32 + 31];
        answers.add(answer);
      }
      keysWritten += len / 32;
      inFlightAfterWrite.add(keysWritten - answersDelivered);
    }

    @Override
    public void close() {}
  }

  @Test
  void putsExactlyTheKeysOnTheWireInOrderWithABoundedWindow() {
    int n = 1000;
    ScriptedHost host = new ScriptedHost();
    List<byte[]> all = new OracleReader(host).getAll(keys(n));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (PreimageKey k : keys(n)) expected.writeBytes(k.bytes());
    assertThat(host.written.toByteArray()).isEqualTo(expected.toByteArray());
    for (int i = 0; i < n; i++) assertThat(all.get(i)).containsExactly((byte) (i + 1));
    assertThat(host.inFlightAfterWrite).allSatisfy(k -> assertThat(k).isBetween(1, OracleReader.PIPELINE_DEPTH));
    assertThat(host.inFlightAfterWrite).contains(OracleReader.PIPELINE_DEPTH);
    // Half a window per write: 1,000 keys take 16 writes, not 1,000.
    assertThat(host.inFlightAfterWrite).hasSize((n + OracleReader.PIPELINE_DEPTH / 2 - 1) / (OracleReader.PIPELINE_DEPTH / 2));
  }

  @Test
  void largeAnswersOverAnOsPipeDoNotDeadlock() throws Exception {
    // 300 answers of 200 KiB each: the host blocks writing every one of them until the program reads it, while
    // the program has a window of keys written; the window fits the key pipe, so both sides always progress.
    byte[] big = new byte[200 * 1024];
    big[12345] = 7;
    try (ChannelPair pair = Channels.osPipePair()) {
      CompletableFuture<Long> served = serve(pair, key -> big);
      List<byte[]> all = new OracleReader(pair.client()).getAll(keys(300));
      assertThat(all).hasSize(300).allSatisfy(v -> assertThat(v).isEqualTo(big));
      pair.client().close();
      assertThat(served.get()).isEqualTo(300L);
    }
  }

  @Test
  void aHostThatStopsServingIsNamedByTheFirstUnansweredKey() throws Exception {
    Map<PreimageKey, byte[]> store = store(500);
    PreimageKey missing = PreimageKey.local(200);
    store.remove(missing);
    try (ChannelPair pair = Channels.osPipePair()) {
      CompletableFuture<Long> served = serve(pair, store::get);
      OracleReader reader = new OracleReader(pair.client());
      assertThatThrownBy(() -> reader.getAll(keys(500)))
          .isInstanceOf(ChannelClosedException.class)
          .hasMessageContaining(missing.toString());
      assertThatThrownBy(served::get).hasRootCauseInstanceOf(KeyNotFoundException.class)
          .hasMessageContaining("no preimage for key " + missing);
    }
  }

  @Test
  void anAnswerOverTheLimitIsRefusedByName() {
    ScriptedHost host = new ScriptedHost();
    PreimageLimits tiny = new PreimageLimits(1024, 0);
    assertThatThrownBy(() -> new OracleReader(host, tiny).getAll(keys(3)))
        .isInstanceOf(FrameTooLargeException.class)
        .hasMessageContaining("preimage of 1 bytes for " + PreimageKey.local(1));
  }

  @Test
  void theCacheAsksTheOracleOnlyForMissesInOneBatchAndKeepsTheOrder() {
    Map<PreimageKey, byte[]> store = store(20);
    List<List<PreimageKey>> batches = new ArrayList<>();
    PreimageOracle inner = new PreimageOracle() {
      @Override
      public byte[] get(PreimageKey key) {
        throw new AssertionError("the cache must batch misses, not get " + key);
      }

      @Override
      public void getExact(PreimageKey key, byte[] buf) {
        throw new AssertionError("the cache must batch misses, not getExact " + key);
      }

      @Override
      public List<byte[]> getAll(List<PreimageKey> keys) {
        batches.add(keys);
        return keys.stream().map(store::get).toList();
      }
    };
    CachingOracle cache = new CachingOracle(OracleClient.of(inner, hint -> {}));
    List<PreimageKey> first = keys(10);
    assertThat(cache.getAll(first)).containsExactlyElementsOf(first.stream().map(store::get).toList());
    List<PreimageKey> second = keys(20).subList(5, 15);
    assertThat(cache.getAll(second)).containsExactlyElementsOf(second.stream().map(store::get).toList());
    assertThat(batches).containsExactly(first, keys(20).subList(10, 15));
    assertThat(cache.hits()).isEqualTo(5);
  }
}
