package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server takes keys that arrived together in one read and writes their answers together, but never holds an
 * answer back from a program that waits for it, and writes what it owes before a failure ends it.
 */
class OracleServerCoalescingTest {

  /** The host's end: each read returns the next chunk the program "wrote"; writes are recorded one by one. */
  private static final class HostEnd implements Channel {
    private final List<byte[]> chunks;
    private int next;
    final List<byte[]> writes = new ArrayList<>();

    HostEnd(List<byte[]> chunks) {
      this.chunks = chunks;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
      if (next == chunks.size()) return -1;
      byte[] c = chunks.get(next++);
      if (c.length > len) throw new AssertionError("test chunk larger than the read buffer");
      System.arraycopy(c, 0, buf, off, c.length);
      return c.length;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      byte[] w = new byte[len];
      System.arraycopy(buf, off, w, 0, len);
      writes.add(w);
    }

    @Override
    public void close() {}

    byte[] written() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (byte[] w : writes) all.writeBytes(w);
      return all.toByteArray();
    }
  }

  private static byte[] keys(int from, int to) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = from; i <= to; i++) b.writeBytes(PreimageKey.local(i).bytes());
    return b.toByteArray();
  }

  /** Local key i answers with i bytes of value i. */
  private static byte[] value(PreimageKey key) {
    int i = key.bytes()[31];
    byte[] v = new byte[i];
    java.util.Arrays.fill(v, (byte) i);
    return v;
  }

  private static byte[] answers(int from, int to) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = from; i <= to; i++) {
      byte[] len = new byte[8];
      Frames.putU64(len, 0, i);
      b.writeBytes(len);
      byte[] v = new byte[i];
      java.util.Arrays.fill(v, (byte) i);
      b.writeBytes(v);
    }
    return b.toByteArray();
  }

  private static int serveAll(OracleServer server, PreimageFetcher fetcher) {
    int served = 0;
    while (server.nextPreimageRequest(fetcher)) served++;
    return served;
  }

  @Test
  void keysThatArriveTogetherAreAnsweredInOneWrite() {
    HostEnd host = new HostEnd(List.of(keys(1, 10), keys(11, 12)));
    assertThat(serveAll(new OracleServer(host), OracleServerCoalescingTest::value)).isEqualTo(12);
    // One write per batch of keys that was read together, each answer in order.
    assertThat(host.writes).hasSize(2);
    assertThat(host.writes.get(0)).isEqualTo(answers(1, 10));
    assertThat(host.written()).isEqualTo(answers(1, 12));
  }

  @Test
  void aProgramSendingOneKeyAtATimeGetsEachAnswerInItsOwnWrite() {
    HostEnd host = new HostEnd(List.of(keys(1, 1), keys(2, 2), keys(3, 3)));
    assertThat(serveAll(new OracleServer(host), OracleServerCoalescingTest::value)).isEqualTo(3);
    assertThat(host.writes).containsExactly(answers(1, 1), answers(2, 2), answers(3, 3));
  }

  @Test
  void aKeySplitAcrossReadsIsNotAnsweredBeforeItIsWhole() {
    byte[] three = keys(1, 3);
    // Keys 1 and the first half of 2 arrive; then the rest.
    HostEnd host = new HostEnd(List.of(java.util.Arrays.copyOfRange(three, 0, 48), java.util.Arrays.copyOfRange(three, 48, 96)));
    assertThat(serveAll(new OracleServer(host), OracleServerCoalescingTest::value)).isEqualTo(3);
    // Key 1 is answered before the server blocks for the rest of key 2.
    assertThat(host.writes).containsExactly(answers(1, 1), answers(2, 3));
  }

  @Test
  void answersOwedBeforeAFailureAreWrittenFirst() {
    HostEnd host = new HostEnd(List.of(keys(1, 6)));
    OracleServer server = new OracleServer(host);
    PreimageFetcher failsOnFive = key -> key.bytes()[31] == 5 ? null : value(key);
    for (int i = 1; i <= 4; i++) assertThat(server.nextPreimageRequest(failsOnFive)).isTrue();
    assertThat(host.writes).as("all four answers wait while key 5 is buffered").isEmpty();
    assertThatThrownBy(() -> server.nextPreimageRequest(failsOnFive))
        .isInstanceOf(KeyNotFoundException.class).hasMessageContaining(PreimageKey.local(5).toString());
    assertThat(host.written()).isEqualTo(answers(1, 4));
    assertThat(server.requests()).isEqualTo(4);
  }

  @Test
  void anInvalidKeyAlsoFlushesWhatIsOwed() {
    byte[] chunk = keys(1, 3);
    chunk[64] = 9; // key 3's type byte
    HostEnd host = new HostEnd(List.of(chunk));
    OracleServer server = new OracleServer(host);
    assertThat(server.nextPreimageRequest(OracleServerCoalescingTest::value)).isTrue();
    assertThat(server.nextPreimageRequest(OracleServerCoalescingTest::value)).isTrue();
    assertThatThrownBy(() -> server.nextPreimageRequest(OracleServerCoalescingTest::value))
        .isInstanceOf(InvalidPreimageKeyException.class);
    assertThat(host.written()).isEqualTo(answers(1, 2));
  }
}
