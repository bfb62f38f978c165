package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * op-program's Pebble data directory ({@code --data.format pebble}): keys the raw 32-byte preimage keys,
 * values the raw bytes, {@code <dir>/kvformat} says {@code pebble}. Pebble has no Java reader, so every call
 * goes to a child process, {@code fpp4j-pebble serve} (host/pebble, found by {@link PebbleHelper}), which
 * holds the database open and answers framed requests on its stdin/stdout (the frames are described in
 * host/pebble/protocol.go).
 *
 * <p>Every put is one synced Pebble batch before it returns. A read-only open changes no file in the
 * directory: the helper refuses every write call to the file system. Calls are serialized on this object;
 * a listing streams from the helper, so the store cannot be used from inside its own {@link #forEach}.
 */
public final class PebblePreimageStore implements KeyValueStore {
  private static final Logger LOG = LoggerFactory.getLogger(PebblePreimageStore.class);
  private static final String GREETING = "fpp4j-pebble protocol 1";
  /**
   * How long the helper may take to open the database and greet. Opening replays Pebble's write-ahead log,
   * seconds at most for a preimage store; a helper silent for this long is stuck, and waiting longer would
   * hang the host instead of failing it.
   */
  static final Duration OPEN_LIMIT = Duration.ofSeconds(120);
  /**
   * How long one request may go without an answer (a listing: without its next record). A get or a synced
   * batch takes milliseconds; Pebble may stall writes while it compacts, but not for a minute. A helper that
   * stops answering mid-run (deadlocked, stopped by a signal, its disk hung) is killed, so the host fails with
   * a message instead of waiting forever while its program waits on it.
   */
  static final Duration REQUEST_LIMIT = Duration.ofSeconds(60);
  /** Bounds a length read from the helper, so a broken stream fails instead of allocating gigabytes. */
  private static final int MAX_FRAME = 1 << 30;
  private static final int STDERR_KEPT = 8 << 10;

  private final Path dir;
  private final boolean readOnly;
  private final Process process;
  private final DataOutputStream requests;
  private final DataInputStream responses;
  private final StderrTail stderr;
  private final Watchdog watchdog;
  private boolean listing;
  private boolean closed;

  private PebblePreimageStore(Path dir, boolean readOnly, Process process, StderrTail stderr, Watchdog watchdog) {
    this.dir = dir;
    this.readOnly = readOnly;
    this.process = process;
    this.stderr = stderr;
    this.watchdog = watchdog;
    this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    this.responses = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
  }

  /** Opens or creates a Pebble database at {@code dir} with the helper {@link PebbleHelper#locate()} finds. */
  public static PebblePreimageStore open(Path dir) {
    return open(dir, PebbleHelper.locate());
  }

  /** As {@link #open(Path)}, with the given helper binary. */
  public static PebblePreimageStore open(Path dir, Path helper) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create Pebble directory " + dir + ": " + e, e);
    }
    FormatMarker.claim(dir, StoreFormat.PEBBLE);
    return start(dir, helper, false, OPEN_LIMIT, REQUEST_LIMIT);
  }

  /** Opens an existing database for reading only; nothing in {@code dir} is created, changed or removed. */
  public static PebblePreimageStore openReadOnly(Path dir) {
    return openReadOnly(dir, PebbleHelper.locate());
  }

  /** As {@link #openReadOnly(Path)}, with the given helper binary. */
  public static PebblePreimageStore openReadOnly(Path dir, Path helper) {
    if (!Files.isDirectory(dir)) throw new StoreException("no Pebble store at " + dir + ": not a directory");
    FormatMarker.check(dir, StoreFormat.PEBBLE);
    return start(dir, helper, true, OPEN_LIMIT, REQUEST_LIMIT);
  }

  static PebblePreimageStore start(Path dir, Path helper, boolean readOnly, Duration openLimit, Duration requestLimit) {
    List<String> command = new ArrayList<>(List.of(helper.toString(), "serve"));
    if (readOnly) command.add("-read-only");
    command.add(dir.toAbsolutePath().toString());
    Process p;
    try {
      p = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new StoreException("cannot start the Pebble helper " + helper + " for " + dir + ": " + e.getMessage()
          + "; rebuild it with " + PebbleHelper.SETUP_SCRIPT, e);
    }
    StderrTail stderr = StderrTail.start(p.getErrorStream(), dir);
    Watchdog watchdog = Watchdog.start(p, dir, openLimit, requestLimit);
    PebblePreimageStore store = new PebblePreimageStore(dir, readOnly, p, stderr, watchdog);
    String first;
    watchdog.arm(openLimit);
    try {
      first = store.readGreeting();
    } catch (IOException e) {
      first = null;
    } finally {
      watchdog.disarm();
    }
    if (first == null) {
      String why = store.stopAndExplain();
      String what = "cannot open Pebble store " + dir + (readOnly ? " read-only" : "");
      if (watchdog.fired()) {
        throw new StoreException(what + ": the Pebble helper " + helper + " did not answer within "
            + openLimit.toSeconds() + " s and was killed (" + why + "); rebuild it with " + PebbleHelper.SETUP_SCRIPT);
      }
      throw new StoreException(what + ": " + why);
    }
    if (!first.equals(GREETING)) {
      store.stopAndExplain();
      throw new StoreException("the Pebble helper " + helper + " answered '" + StoreFormat.printable(first)
          + "', not '" + GREETING + "': it was built from other sources; rebuild it with " + PebbleHelper.SETUP_SCRIPT);
    }
    LOG.info("opened {} as op-program's Pebble format{} through {}", dir, readOnly ? ", read-only," : "", helper);
    return store;
  }

  /** The greeting line, read byte by byte so that nothing after it is consumed; null at end of stream. */
  private String readGreeting() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int i = 0; i < 256; i++) {
      int b = responses.read();
      if (b < 0) return null;
      if (b == '\n') return line.toString(StandardCharsets.ISO_8859_1);
      line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public synchronized Optional<byte[]> getRaw(Bytes32 key) {
    ensureUsable();
    watchdog.arm();
    try {
      requests.writeByte('G');
      requests.write(key.toArray());
      requests.flush();
      int kind = responses.readUnsignedByte();
      return switch (kind) {
        case 'V' -> Optional.of(readFrame());
        case 'N' -> Optional.empty();
        case 'E' -> throw new StoreException("cannot read " + key + " from " + describe() + ": " + readMessage());
        default -> throw protocolError(kind, "a get");
      };
    } catch (IOException e) {
      throw helperFailed("reading " + key, e);
    } finally {
      watchdog.disarm();
    }
  }

  @Override
  public void putRaw(Bytes32 key, byte[] value) {
    putAllRaw(Map.of(key, value));
  }

  /** One atomic, synced Pebble batch: after a crash either all of {@code entries} are there or none. */
  @Override
  public synchronized void putAllRaw(Map<Bytes32, byte[]> entries) {
    ensureUsable();
    if (readOnly) throw new StoreException(describe() + " was opened read-only; cannot store " + entries.size() + " entries");
    watchdog.arm();
    try {
      requests.writeByte('B');
      requests.writeInt(entries.size());
      for (Map.Entry<Bytes32, byte[]> e : entries.entrySet()) {
        requests.write(e.getKey().toArray());
        requests.writeInt(e.getValue().length);
        requests.write(e.getValue());
      }
      requests.flush();
      int kind = responses.readUnsignedByte();
      switch (kind) {
        case 'K' -> {}
        case 'E' -> throw new StoreException("cannot write a batch of " + entries.size() + " entries to " + describe()
            + ": " + readMessage());
        default -> throw protocolError(kind, "a batch");
      }
    } catch (IOException e) {
      throw helperFailed("writing a batch of " + entries.size() + " entries", e);
    } finally {
      watchdog.disarm();
    }
  }

  @Override
  public synchronized void forEach(EntryVisitor visitor) {
    ensureUsable();
    listing = true;
    // A visitor that throws ends the walk, but the helper is still sending the listing: the rest is read and
    // dropped, so that the next request's answer is not mistaken for a record.
    RuntimeException stopped = null;
    try {
      requests.writeByte('L');
      requests.flush();
      while (true) {
        watchdog.arm(); // per record: a long listing is fine as long as records keep coming
        int kind = responses.readUnsignedByte();
        if (kind == 'Z') break;
        if (kind == 'E') throw new StoreException("cannot list " + describe() + ": " + readMessage());
        if (kind != 'R') throw protocolError(kind, "a listing");
        byte[] key = readFrame();
        byte[] value = readFrame();
        if (stopped != null) continue;
        try {
          if (key.length == 32) {
            visitor.entry(Bytes32.wrap(key), value);
          } else {
            visitor.unreadable(new UnreadableEntry(Optional.empty(), describe() + " record with key " + Hex.prefixed(key),
                "key is " + key.length + " bytes long, not 32"));
          }
        } catch (RuntimeException e) {
          stopped = e;
        }
      }
      if (stopped != null) throw stopped;
    } catch (IOException e) {
      throw helperFailed("listing", e);
    } finally {
      watchdog.disarm();
      listing = false;
    }
  }

  private byte[] readFrame() throws IOException {
    int n = responses.readInt();
    if (n < 0 || n > MAX_FRAME) throw new IOException("the helper sent a frame of " + Integer.toUnsignedString(n) + " bytes");
    byte[] b = new byte[n];
    responses.readFully(b);
    return b;
  }

  private String readMessage() throws IOException {
    return new String(readFrame(), StandardCharsets.UTF_8);
  }

  private void ensureUsable() {
    if (closed) throw new StoreException(describe() + " is closed");
    // A visitor calling back into this store would interleave its request with the listing's frames.
    if (listing) throw new StoreException(describe() + " is being listed; it cannot be used from inside its own forEach");
  }

  private StoreException protocolError(int kind, String what) {
    // The stream is no longer in step with the helper: nothing more can be read from it safely.
    String why = stopAndExplain();
    return new StoreException("the Pebble helper for " + dir + " answered " + what + " with byte 0x"
        + Integer.toHexString(kind) + ", which is no answer it sends (" + why + "); rebuild it with "
        + PebbleHelper.SETUP_SCRIPT);
  }

  private StoreException helperFailed(String what, IOException e) {
    String why = stopAndExplain();
    if (watchdog.fired()) {
      return new StoreException("the Pebble helper for " + dir + " did not answer within "
          + watchdog.requestLimit().toSeconds() + " s while " + what + " and was killed (" + why + "); the store is"
          + " closed. A helper that hangs points at its disk or a broken build: rebuild it with "
          + PebbleHelper.SETUP_SCRIPT, e);
    }
    // Usually a crash of the helper or of Pebble under it (its stderr is in why); the data on disk stays as
    // Pebble's write-ahead log left it, so a rerun is safe.
    return new StoreException("the Pebble helper for " + dir + " failed while " + what + ": " + why
        + "; the store is closed. Rerun; if it fails again, check the directory with 'fpp4j store verify' and"
        + " rebuild the helper with " + PebbleHelper.SETUP_SCRIPT, e);
  }

  /** Ends the helper (it may already have exited) and says why it stopped, from its exit code and stderr. */
  private String stopAndExplain() {
    closed = true;
    watchdog.stop();
    try {
      requests.close();
    } catch (IOException ignored) {
      // The helper is gone already; its exit status and stderr say more than this.
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    String err = stderr.awaitText();
    String exit = process.isAlive() ? "still running" : "exit code " + process.exitValue();
    return err.isBlank() ? "the helper stopped (" + exit + ") without saying why" : err.strip() + " (" + exit + ")";
  }

  @Override
  public String format() {
    return StoreFormat.PEBBLE.marker();
  }

  @Override
  public String describe() {
    return "pebble:" + dir;
  }

  /** Asks the helper to close the database and waits for it to exit. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    watchdog.arm();
    try {
      requests.writeByte('Q');
      requests.flush();
      int kind = responses.read(); // -1 if the watchdog killed a helper that did not answer
      watchdog.disarm();
      requests.close();
      boolean exited = process.waitFor(30, TimeUnit.SECONDS);
      if (kind != 'K' || !exited || process.exitValue() != 0) {
        if (!exited) process.destroyForcibly();
        String why = watchdog.fired()
            ? "it did not answer within " + watchdog.requestLimit().toSeconds() + " s and was killed"
            : stderr.awaitText().strip();
        throw new StoreException("the Pebble helper did not close " + dir + " cleanly: " + why
            + (exited ? " (exit code " + process.exitValue() + ")" : " (killed after 30 s)"));
      }
    } catch (IOException e) {
      throw new StoreException("the Pebble helper for " + dir + " failed while closing: " + stopAndExplain(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new StoreException("interrupted while closing " + describe(), e);
    } finally {
      watchdog.stop();
    }
  }

  /**
   * Kills the helper when a request has waited longer than its limit. One daemon thread per store looks at
   * the request in flight on a coarse tick (at most once a second); arming and disarming are a volatile write
   * each, so a get pays nothing measurable for them next to the pipe round trip.
   */
  private static final class Watchdog {
    private final Process process;
    private final Duration requestLimit;
    private final long tickMillis;
    private final Thread thread;
    /** When the request in flight must have been answered (System.nanoTime()), or 0 when none is. */
    private volatile long deadline;
    private volatile boolean fired;
    private volatile boolean stopped;

    private Watchdog(Process process, Path dir, Duration openLimit, Duration requestLimit) {
      this.process = process;
      this.requestLimit = requestLimit;
      // Coarse on purpose: the check is whether the helper is stuck, not a precise timer.
      long shortest = Math.min(openLimit.toMillis(), requestLimit.toMillis());
      this.tickMillis = Math.max(10, Math.min(1000, shortest / 8));
      this.thread = new Thread(this::watch, "fpp4j-pebble watchdog " + dir.getFileName());
      thread.setDaemon(true);
    }

    static Watchdog start(Process process, Path dir, Duration openLimit, Duration requestLimit) {
      Watchdog w = new Watchdog(process, dir, openLimit, requestLimit);
      w.thread.start();
      return w;
    }

    void arm() {
      arm(requestLimit);
    }

    void arm(Duration limit) {
      deadline = System.nanoTime() + limit.toNanos() | 1; // never 0, which means idle
    }

    void disarm() {
      deadline = 0;
    }

    boolean fired() {
      return fired;
    }

    Duration requestLimit() {
      return requestLimit;
    }

    void stop() {
      stopped = true;
      thread.interrupt();
    }

    private void watch() {
      while (!stopped) {
        try {
          Thread.sleep(tickMillis);
        } catch (InterruptedException e) {
          return;
        }
        long d = deadline;
        if (d != 0 && System.nanoTime() - d > 0) {
          fired = true;
          process.destroyForcibly(); // the blocked read then ends, and the caller reports the timeout
          return;
        }
      }
    }
  }

  /** Keeps the last few KiB the helper wrote to stderr, read on a daemon thread so the pipe never fills. */
  private static final class StderrTail {
    private final StringBuilder text = new StringBuilder();
    private final Thread reader;

    private StderrTail(InputStream in, Path dir) {
      reader = new Thread(() -> drain(in), "fpp4j-pebble stderr " + dir.getFileName());
      reader.setDaemon(true);
    }

    static StderrTail start(InputStream in, Path dir) {
      StderrTail t = new StderrTail(in, dir);
      t.reader.start();
      return t;
    }

    private void drain(InputStream in) {
      byte[] buf = new byte[4096];
      try (in) {
        for (int n; (n = in.read(buf)) >= 0; ) {
          synchronized (text) {
            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            if (text.length() > STDERR_KEPT) text.delete(0, text.length() - STDERR_KEPT);
          }
        }
      } catch (IOException ignored) {
        // The pipe closes when the helper exits; whatever was read is kept.
      }
    }

    /** The text so far, after giving the reader a moment to reach the end of a helper that has exited. */
    String awaitText() {
      try {
        reader.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (text) {
        return text.toString();
      }
    }
  }
}
