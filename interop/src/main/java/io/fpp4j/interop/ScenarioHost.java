package io.fpp4j.interop;

import io.fpp4j.preimage.Channel;
import io.fpp4j.preimage.HintReader;
import io.fpp4j.preimage.HintRouter;
import io.fpp4j.preimage.HintRoutingException;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.OracleServer;
import io.fpp4j.preimage.PreimageFetcher;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.preimage.PreimageServer;
import io.fpp4j.preimage.VerifyingPreimageFetcher;
import io.fpp4j.primitives.Hex;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Serves a scenario through the fpp4j host API ({@link HintReader}, {@link OracleServer},
 * {@link VerifyingPreimageFetcher}) with the router and recording rules every peer's server mode follows
 * (FORMAT.md): hints that are not UTF-8 or start with {@code reject} are acked and recorded, not routed; a
 * key that cannot be served ends the preimage loop, closes that channel and names the key.
 *
 * <p>Built from the two loops rather than {@code PreimageServer} because the record must also show hints the
 * reader refused before routing, which only the reader's caller sees.
 */
public final class ScenarioHost {
  /**
   * What a served scenario produced: the server's exit status (0/1), its record, its error if any, and (from
   * {@link PreimageServer} runs that ended cleanly) how many hints it read, -1 when unknown.
   */
  public record Result(int exitCode, List<String> record, String error, long hintsRead) {
    public Result(int exitCode, List<String> record, String error) {
      this(exitCode, record, error, -1);
    }
  }

  private final Scenario scenario;
  private final Consumer<String> onPreimageFailure;
  private final List<String> hintEvents = new ArrayList<>();
  private final List<String> keyEvents = new ArrayList<>();

  public ScenarioHost(Scenario scenario) {
    this(scenario, error -> {});
  }

  /**
   * @param onPreimageFailure called with the error after the preimage loop failed and its channel was closed.
   *     A host on inherited fds needs it: closing a {@code /proc/self/fd} stream leaves the inherited
   *     descriptor open, so only ending the process lets the client see end of stream.
   */
  public ScenarioHost(Scenario scenario, Consumer<String> onPreimageFailure) {
    this.scenario = scenario;
    this.onPreimageFailure = onPreimageFailure;
  }

  /**
   * Serves until the client closes both channels (or the preimage loop fails and the client then closes the
   * hint channel). The hint loop runs on one platform thread started and joined here.
   */
  public Result serve(Channel hintChannel, Channel preimageChannel) {
    AtomicReference<String> hintError = new AtomicReference<>();
    Thread hintLoop = new Thread(() -> {
      HintReader reader = new HintReader(hintChannel);
      try {
        while (true) {
          try {
            if (!reader.nextHint(router())) return;
          } catch (HintRoutingException e) {
            if (e.getCause() instanceof CharacterCodingException) {
              record(hintEvents, "hint-invalid-utf8");
            } else if (!(e.getCause() instanceof RejectedHint)) {
              throw e;
            }
          }
        }
      } catch (RuntimeException e) {
        hintError.set("hint channel: " + e.getMessage());
      }
    }, "fpp4j-interop-hint-loop");
    hintLoop.setDaemon(true);
    hintLoop.start();

    String preimageError = null;
    OracleServer server = new OracleServer(preimageChannel);
    PreimageFetcher fetcher = scenario.verify() ? new VerifyingPreimageFetcher(this::fetch) : this::fetch;
    try {
      while (server.nextPreimageRequest(fetcher)) {
        // serve until the client closes
      }
    } catch (RuntimeException e) {
      preimageError = "pre-image channel: " + e.getMessage();
    } finally {
      // The client must see end of stream rather than wait for an answer that will never come.
      closeQuietly(preimageChannel);
    }
    if (preimageError != null) onPreimageFailure.accept(preimageError);
    try {
      hintLoop.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(hintChannel);
      return new Result(1, record(), "interrupted while waiting for the hint loop");
    }
    closeQuietly(hintChannel);
    String error = join(preimageError, hintError.get());
    return new Result(error == null ? 0 : 1, record(), error);
  }

  /**
   * Serves through {@link PreimageServer}, the loop an fpp4j host runs, set to keep serving after a hint
   * error. It does not hand undecodable hints to the caller, so the record lacks {@code hint-invalid-utf8}
   * lines; {@link Result#hintsRead()} still counts every hint read.
   */
  public Result serveWithPreimageServer(Channel hintChannel, Channel preimageChannel) {
    PreimageFetcher fetcher = scenario.verify() ? new VerifyingPreimageFetcher(this::fetch) : this::fetch;
    PreimageServer server = PreimageServer.builder(hintChannel, preimageChannel, fetcher)
        .router(router())
        .continueOnHintError(true)
        .build();
    try {
      PreimageServer.Stats stats = server.run();
      return new Result(0, record(), null, stats.hints());
    } catch (PreimageOracleException e) {
      return new Result(1, record(), e.getMessage(), -1);
    }
  }

  private HintRouter router() {
    return hint -> {
      String hex = "0x" + Hex.encode(hint.getBytes(StandardCharsets.UTF_8));
      if (hint.startsWith("reject")) {
        record(hintEvents, "hint-rejected " + hex);
        throw new RejectedHint();
      }
      record(hintEvents, "hint " + hex);
    };
  }

  private byte[] fetch(io.fpp4j.preimage.PreimageKey key) {
    record(keyEvents, "key " + key.hex());
    byte[] data = scenario.preimages().get(key);
    if (data == null) throw new KeyNotFoundException("no pre-image for key " + key.hex());
    return data;
  }

  /** Hint events first, then key events: only the order within each channel is deterministic. */
  public synchronized List<String> record() {
    List<String> all = new ArrayList<>(hintEvents);
    all.addAll(keyEvents);
    return all;
  }

  private synchronized void record(List<String> events, String line) {
    events.add(line);
  }

  private static String join(String a, String b) {
    if (a == null) return b;
    return b == null ? a : a + "; " + b;
  }

  private static void closeQuietly(Channel channel) {
    try {
      channel.close();
    } catch (Exception ignored) {
      // the serving outcome is what gets reported
    }
  }

  /** The scenario router's refusal (hints starting with {@code reject}). */
  static final class RejectedHint extends Exception {
    private static final long serialVersionUID = 1L;

    RejectedHint() {
      super("hint rejected by the scenario router");
    }
  }
}
