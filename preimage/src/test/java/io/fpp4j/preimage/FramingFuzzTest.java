package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Both ends of both channels fed arbitrary bytes by a hostile peer: the host's preimage and hint
 * servers reading a program's frames, and the program's reader reading a host's answers. Inputs live
 * under {@code src/test/resources/io/fpp4j/preimage/FramingFuzzTestInputs/<method>/}.
 *
 * <p>Beyond "no crash": every failure is a {@link PreimageOracleException} with a message, what was
 * delivered is exactly what the bytes said, and no reader allocates more than its announced limit
 * (measured with the JVM's per-thread allocation counter) however large a length prefix claims to be.
 */
class FramingFuzzTest {
  /** Small limits, so that lengths near them are cheap to reach and the allocation bound is tight. */
  static final PreimageLimits LIMITS = new PreimageLimits(1 << 12, 1 << 16);

  /** Fixed allocations of a run (buffers, exception messages, stack traces) sit well under this. */
  static final long SLACK = 1 << 20;

  /**
   * A peer whose bytes are the fuzz input, handed over in reads of at most {@code chunk} bytes (the
   * first input byte), as a pipe or an FPVM would; everything written to it is kept.
   */
  static final class ScriptedChannel implements Channel {
    final byte[] script;
    final int chunk;
    int at;
    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    ScriptedChannel(byte[] data) {
      this.chunk = data.length == 0 ? 1 : 1 + (data[0] & 0x3f);
      this.script = data.length == 0 ? data : Arrays.copyOfRange(data, 1, data.length);
    }

    @Override
    public int read(byte[] buf, int off, int len) {
      if (len == 0) return 0;
      if (at >= script.length) return -1;
      int n = Math.min(Math.min(len, chunk), script.length - at);
      System.arraycopy(script, at, buf, off, n);
      at += n;
      return n;
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      written.write(buf, off, len);
    }

    @Override
    public void close() {}
  }

  static long allocatedByThisThread() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  static void isOwnFailure(RuntimeException e) {
    if (!(e instanceof PreimageOracleException)) throw e; // any other type is a finding: rethrow it whole
    assertThat(e.getMessage()).isNotBlank();
  }

  /** What the test's fetcher serves: a keccak key is absent, any other key gets a body derived from it. */
  static byte[] answerFor(PreimageKey key) {
    if (key.type() == PreimageKeyType.KECCAK256) return null;
    byte[] k = key.bytes();
    return Arrays.copyOf(k, (k[31] & 0xff) * 3); // 0 to 765 bytes, some over the single-write size
  }

  @FuzzTest(maxDuration = "10m")
  void preimageServer(byte[] data) {
    ScriptedChannel ch = new ScriptedChannel(data);
    OracleServer server = new OracleServer(ch);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    List<PreimageKey> asked = new ArrayList<>();
    try {
      while (server.nextPreimageRequest(key -> {
        asked.add(key);
        return answerFor(key);
      })) {
        byte[] body = answerFor(asked.get(asked.size() - 1));
        byte[] header = new byte[8];
        Frames.putU64(header, 0, body.length);
        expected.writeBytes(header);
        expected.writeBytes(body);
      }
      assertThat(ch.script.length % PreimageKey.LENGTH).isZero();
    } catch (RuntimeException e) {
      isOwnFailure(e);
    }
    assertThat(ch.written.toByteArray()).isEqualTo(expected.toByteArray());
    for (int i = 0; i < asked.size(); i++) {
      assertThat(asked.get(i).bytes()).isEqualTo(Arrays.copyOfRange(ch.script, i * 32, i * 32 + 32));
    }
  }

  /**
   * Runs {@code run} and checks what it allocated; an input over the bound is run a second time, so that
   * the first use of a class (loading, and Jazzer's instrumentation of it) is not counted against it.
   */
  static <T> T withinAllocationBound(java.util.function.Supplier<T> run, long bound, String what) {
    for (int attempt = 0; ; attempt++) {
      long before = allocatedByThisThread();
      T result = run.get();
      long allocated = allocatedByThisThread() - before;
      if (allocated <= bound) return result;
      if (attempt == 1) throw new AssertionError(what + " allocated " + allocated + " bytes, over the bound of " + bound);
    }
  }

  record HintRun(ScriptedChannel ch, HintReader reader, List<String> routed) {}

  static HintRun readHints(byte[] data) {
    ScriptedChannel ch = new ScriptedChannel(data);
    HintReader reader = new HintReader(ch, LIMITS);
    List<String> routed = new ArrayList<>();
    try {
      while (reader.nextHint(h -> {
        if (h.startsWith("fail")) throw new IllegalStateException("router refuses " + h);
        routed.add(h);
      })) {
        // until the client closes
      }
    } catch (HintRoutingException e) {
      isOwnFailure(e); // the hint was read and acknowledged; a host logs this and goes on
    } catch (RuntimeException e) {
      isOwnFailure(e);
    }
    return new HintRun(ch, reader, routed);
  }

  @FuzzTest(maxDuration = "10m")
  void hintServer(byte[] data) {
    HintRun run = withinAllocationBound(() -> readHints(data), LIMITS.maxHintBytes() * 4L + 4L * data.length + SLACK,
        "reading " + data.length + " bytes of hints");
    ScriptedChannel ch = run.ch();
    HintReader reader = run.reader();
    List<String> routed = run.routed();
    // Every hint that was read was acknowledged with one zero byte, and none more.
    assertThat(ch.written.size()).isEqualTo((int) reader.hints());
    // Valid UTF-8 decodes and re-encodes to the same bytes: the routed hints are the frames' payloads.
    ByteArrayOutputStream reframed = new ByteArrayOutputStream();
    for (String h : routed) {
      byte[] b = h.getBytes(StandardCharsets.UTF_8);
      byte[] len = new byte[4];
      Frames.putU32(len, 0, b.length);
      reframed.writeBytes(len);
      reframed.writeBytes(b);
    }
    if (routed.size() == reader.hints()) {
      assertThat(Arrays.copyOf(ch.script, reframed.size())).isEqualTo(reframed.toByteArray());
    }
  }

  /**
   * The program's reader against a host that sends arbitrary bytes: whatever the announced lengths, it
   * returns exactly the announced bytes, or fails with its own exception before allocating past the
   * limit. Every third request asks for an exact size, as the client SDK does for fixed-size values.
   */
  @FuzzTest(maxDuration = "10m")
  void preimageReader(byte[] data) {
    withinAllocationBound(() -> readAnswers(data), 2L * LIMITS.maxPreimageBytes() + 4L * data.length + SLACK,
        "reading " + data.length + " bytes of answers");
  }

  static Void readAnswers(byte[] data) {
    ScriptedChannel ch = new ScriptedChannel(data);
    OracleReader reader = new OracleReader(ch, LIMITS);
    int consumed = 0;
    int requests = 0;
    try {
      for (int i = 0; ; i++) {
        PreimageKey key = PreimageKey.local(i);
        requests++;
        if (i % 3 == 2) {
          byte[] buf = new byte[32];
          reader.getExact(key, buf);
          assertThat(buf).isEqualTo(Arrays.copyOfRange(ch.script, consumed + 8, consumed + 8 + 32));
          consumed += 8 + 32;
        } else {
          byte[] got = reader.get(key);
          assertThat(got).isEqualTo(Arrays.copyOfRange(ch.script, consumed + 8, consumed + 8 + got.length));
          consumed += 8 + got.length;
        }
      }
    } catch (RuntimeException e) {
      isOwnFailure(e);
    }
    // One key went out per request, and nothing else.
    assertThat(ch.written.size()).isEqualTo(requests * PreimageKey.LENGTH);
    return null;
  }
}
