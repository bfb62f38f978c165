package io.fpp4j.host.e2e;

import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import java.util.Arrays;

/**
 * A client for kona-host's {@code --native} mode under the launcher test: it reads Kona's single-chain local
 * keys 1 to 5 and holds the claim (key 3) valid iff it restates the agreed output root (key 2). It asks for no
 * global preimage, so op-challenger's online argument list needs no RPC endpoint that answers.
 */
public class LocalKeysVerdictProgram implements FaultProofProgram {
  @Override
  public boolean run(OracleClient oracle) {
    for (long k = 1; k <= 5; k++) oracle.get(PreimageKey.local(k));
    return Arrays.equals(oracle.get(PreimageKey.local(3)), oracle.get(PreimageKey.local(2)));
  }
}
