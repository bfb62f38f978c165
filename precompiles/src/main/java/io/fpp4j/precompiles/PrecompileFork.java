package io.fpp4j.precompiles;

/**
 * The forks at which the set of precompiles, a precompile's price or an input limit changes. Ethereum forks
 * before Berlin are not listed: fpp4j executes from Berlin on. OP Stack forks follow their L1 base (Bedrock and
 * Regolith run Berlin's set with London; Ecotone Cancun's; Isthmus Prague's) plus the OP changes: Fjord adds
 * RIP-7212's P256VERIFY, Granite caps the BN254 pairing input, Isthmus caps the BLS12-381 inputs.
 */
public enum PrecompileFork {
  BERLIN,
  CANCUN,
  PRAGUE,
  OP_BEDROCK,
  OP_ECOTONE,
  OP_FJORD,
  OP_GRANITE,
  OP_ISTHMUS,
  OP_JOVIAN
}
