package io.fpp4j.proof.testing;

import io.fpp4j.preimage.ChannelPair;
import io.fpp4j.preimage.Channels;
import io.fpp4j.preimage.HintWriter;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.OracleReader;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Java host serving a map over two real OS pipes (one per channel), with the preimage server of the
 * preimage module running on its own thread: the client side talks the wire protocol exactly as a program
 * on descriptors 3 to 6 would. Every hint and key the host receives is recorded in arrival order; since
 * the client waits for each answer, that is the client's order.
 */
public final class PipeHost implements AutoCloseable {
  private final ChannelPair hints = Channels.osPipePair();
  private final ChannelPair preimages = Channels.osPipePair();
  private final Map<PreimageKey, byte[]> store;
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final Thread thread;
  private final OracleClient client;

  public PipeHost(Map<PreimageKey, byte[]> store) {
    this.store = new ConcurrentHashMap<>(store);
    PreimageServer server = PreimageServer.builder(hints.host(), preimages.host(), key -> {
      events.add("get " + key);
      byte[] v = this.store.get(key);
      if (v == null) throw new KeyNotFoundException("no preimage for key " + key);
      return v;
    }).router(h -> events.add("hint " + h)).build();
    thread = new Thread(() -> {
      try {
        server.run();
      } catch (RuntimeException e) {
        failure.set(e);
      }
    }, "pipe-host");
    thread.setDaemon(true);
    thread.start();
    client = OracleClient.of(new OracleReader(preimages.client()), new HintWriter(hints.client()));
  }

  /** The program's side: hints and preimages over the pipes. */
  public OracleClient client() {
    return client;
  }

  public void put(PreimageKey key, byte[] value) {
    store.put(key, value);
  }

  /** "hint <text>" and "get <key>" in arrival order. */
  public List<String> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Only the hints, in order. */
  public List<String> hints() {
    return events().stream().filter(e -> e.startsWith("hint ")).map(e -> e.substring(5)).toList();
  }

  /** The server's failure, if it stopped on one (e.g. a missing key), after it stopped. */
  public RuntimeException awaitFailure() throws InterruptedException {
    thread.join(10_000);
    return failure.get();
  }

  @Override
  public void close() throws Exception {
    try (ChannelPair h = hints; ChannelPair p = preimages) {
      h.client().close();
      p.client().close();
    }
    thread.join(10_000);
  }
}
