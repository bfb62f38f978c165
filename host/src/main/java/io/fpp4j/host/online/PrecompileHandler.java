package io.fpp4j.host.online;

import io.fpp4j.host.serve.HintHandler;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.proof.hint.PrecompileHint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Precompile hints: runs the precompile on the host and stores {@code status ‖ output} ({@code 0x01 ‖ out}
 * on success, {@code 0x00} on failure) under the precompile key, plus the key body itself as a keccak
 * preimage, which op-challenger needs to load the precompile result on chain.
 *
 * <p>Layouts: {@code address[20] ‖ u64be(requiredGas) ‖ input} (op-program's {@code l1-precompile-v2},
 * Kona's {@code l1-precompile}) or {@code address[20] ‖ input} (op-program's old {@code l1-precompile}), as
 * the hint catalogue reads them in the host's dialect. Either way the key is
 * {@code 06 ‖ keccak256(data)[1:]}; the host ignores the gas, which only the on-chain oracle uses.
 */
final class PrecompileHandler implements HintHandler<PrecompileHint> {
  private static final Logger LOG = LoggerFactory.getLogger(PrecompileHandler.class);

  private final HostPrecompiles precompiles;

  PrecompileHandler(HostPrecompiles precompiles) {
    this.precompiles = precompiles;
  }

  @Override
  public void handle(PrecompileHint hint, PreimageStore store) {
    byte[] data = hint.data();
    Address address = hint.address();
    Precompile p = precompiles.lookup(address)
        .orElseThrow(() -> new InvalidHintException("hint " + hint + ": " + precompiles.refusal(address)));
    byte[] input = hint.input().toArray();
    byte[] result;
    try {
      byte[] out = p.run(input);
      result = new byte[1 + out.length];
      result[0] = 1;
      System.arraycopy(out, 0, result, 1, out.length);
    } catch (PrecompileFailure f) {
      LOG.debug("precompile {} ({}) failed on {} input bytes: {}", address, p.name(), input.length, f.getMessage());
      result = new byte[] {0};
    }
    byte[] digest = Hashing.keccak256(data);
    store.put(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, digest), data.clone());
    store.put(PreimageKey.fromDigest(PreimageKeyType.PRECOMPILE, digest), result);
  }
}
