package io.fpp4j.host;

import io.fpp4j.host.local.LocalInputs;
import io.fpp4j.preimage.PreimageFetcher;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;

/**
 * Routes local keys (type 1) to the local inputs and every other key to the global fetcher (op-program's
 * {@code PreimageSourceSplitter}, kona-host's {@code SplitKeyValueStore}). Local keys are never fetched or
 * stored: they come from the command line of this one run.
 */
final class LocalSplitFetcher implements PreimageFetcher {
  private final LocalInputs locals;
  private final PreimageFetcher global;

  public LocalSplitFetcher(LocalInputs locals, PreimageFetcher global) {
    this.locals = locals;
    this.global = global;
  }

  @Override
  public byte[] getPreimage(PreimageKey key) throws Exception {
    if (key.type() == PreimageKeyType.LOCAL) return locals.require(key);
    return global.getPreimage(key);
  }
}
