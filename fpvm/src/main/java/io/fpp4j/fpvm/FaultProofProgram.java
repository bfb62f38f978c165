package io.fpp4j.fpvm;

import io.fpp4j.preimage.OracleClient;

/** The body of a fault-proof program: it reads what it needs through the oracle and judges the claim. */
@FunctionalInterface
public interface FaultProofProgram {
  /**
   * Checks the claim.
   *
   * @return true if the claim holds (exit 0), false if it is invalid (exit 1)
   * @throws InvalidClaimException also means invalid (exit 1), with a reason
   * @throws Exception anything else is a program failure (exit 2)
   */
  boolean run(OracleClient oracle) throws Exception;
}
