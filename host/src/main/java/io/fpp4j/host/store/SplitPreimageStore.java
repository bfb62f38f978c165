package io.fpp4j.host.store;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import java.util.Optional;

/**
 * Routes by key type, as op-program's {@code PreimageSourceSplitter} and kona-host's
 * {@code SplitKeyValueStore} do: local keys (type 1) come from the boot inputs of this one run, every other
 * key from the global store. Local keys are never written: they are not data of the chain, and a data
 * directory holding them would serve the wrong dispute's boot values on a replay. Owns both stores.
 */
public final class SplitPreimageStore implements PreimageStore {
  private final PreimageStore local;
  private final PreimageStore global;

  public SplitPreimageStore(PreimageStore local, PreimageStore global) {
    this.local = local;
    this.global = global;
  }

  @Override
  public Optional<byte[]> get(PreimageKey key) {
    return key.type() == PreimageKeyType.LOCAL ? local.get(key) : global.get(key);
  }

  @Override
  public void put(PreimageKey key, byte[] value) {
    if (key.type() == PreimageKeyType.LOCAL) {
      throw new StoreException("local key " + key + " comes from the boot inputs and cannot be stored (" + describe() + ")");
    }
    global.put(key, value);
  }

  public PreimageStore local() {
    return local;
  }

  public PreimageStore global() {
    return global;
  }

  @Override
  public String describe() {
    return "split(local=" + local.describe() + ", global=" + global.describe() + ")";
  }

  /** Closes both, the global store even if closing the local one fails. */
  @Override
  public void close() {
    try {
      local.close();
    } finally {
      global.close();
    }
  }
}
