package io.fpp4j.host.online;

import io.fpp4j.host.local.AgreedPrestate;
import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.proof.hint.HashHint;

/**
 * op-program's {@code agreed-pre-state}: a 32-byte root that must be the keccak-256 of the host's
 * {@code --l2.agreed-prestate}; stores the pre-state under it. Nothing is fetched.
 */
final class AgreedPrestateHandler implements HintHandler<HashHint> {
  private final AgreedPrestate prestate;

  AgreedPrestateHandler(AgreedPrestate prestate) {
    this.prestate = prestate;
  }

  @Override
  public void handle(HashHint hint, PreimageStore store) {
    Bytes32 asked = hint.hash();
    if (!asked.equals(prestate.root())) {
      throw new InvalidHintException("hint " + hint + " asks for pre-state " + asked + ", but the host's --l2.agreed-prestate is "
          + prestate.root() + "; the host has no other pre-state to give");
    }
    store.put(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, asked.toArray()), prestate.bytes());
  }
}
