package io.fpp4j.proof.testing;

import io.fpp4j.preimage.BufferLengthMismatchException;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory oracle for unit tests: serves a map and records every hint and key in order. The pipe-backed
 * {@link PipeHost} is the real counterpart; this one exists for tests about the cache and argument checks.
 */
public final class MapOracle implements OracleClient {
  private final Map<PreimageKey, byte[]> store;
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong gets = new AtomicLong();

  public MapOracle(Map<PreimageKey, byte[]> store) {
    this.store = new HashMap<>(store);
  }

  public void put(PreimageKey key, byte[] value) {
    store.put(key, value.clone());
  }

  @Override
  public byte[] get(PreimageKey key) {
    gets.incrementAndGet();
    events.add("get " + key);
    byte[] v = store.get(key);
    if (v == null) throw new KeyNotFoundException("no preimage for key " + key);
    return v.clone();
  }

  @Override
  public void getExact(PreimageKey key, byte[] buf) {
    byte[] v = get(key);
    if (v.length != buf.length) {
      throw new BufferLengthMismatchException("preimage " + key + " is " + v.length + " bytes, buffer " + buf.length);
    }
    System.arraycopy(v, 0, buf, 0, v.length);
  }

  @Override
  public void hint(String hint) {
    events.add("hint " + hint);
  }

  /** Every hint ("hint ...") and request ("get 0x...") in order. */
  public List<String> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  public long gets() {
    return gets.get();
  }
}
