package io.fpp4j.precompiles;

import static io.fpp4j.precompiles.PrecompileSet.address;

import io.fpp4j.precompiles.bls.BlsG1Add;
import io.fpp4j.precompiles.bls.BlsG1Msm;
import io.fpp4j.precompiles.bls.BlsG2Add;
import io.fpp4j.precompiles.bls.BlsG2Msm;
import io.fpp4j.precompiles.bls.BlsMapFp2ToG2;
import io.fpp4j.precompiles.bls.BlsMapFpToG1;
import io.fpp4j.precompiles.bls.BlsPairingCheck;
import io.fpp4j.precompiles.blake2.Blake2fPrecompile;
import io.fpp4j.precompiles.bn254.Bn254Add;
import io.fpp4j.precompiles.bn254.Bn254Mul;
import io.fpp4j.precompiles.bn254.Bn254Pairing;
import io.fpp4j.precompiles.ecrecover.Ecrecover;
import io.fpp4j.precompiles.hash.IdentityPrecompile;
import io.fpp4j.precompiles.hash.Ripemd160Precompile;
import io.fpp4j.precompiles.hash.Sha256Precompile;
import io.fpp4j.precompiles.kzg.KzgPointEvaluation;
import io.fpp4j.precompiles.modexp.ModExpPrecompile;
import io.fpp4j.precompiles.p256.P256VerifyPrecompile;
import io.fpp4j.primitives.Address;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-fork tables behind {@link PrecompileSet#forFork}. Each fork is its predecessor plus what it changed,
 * as revm-precompile and op-revm define them: Ethereum Berlin, Cancun (EIP-4844), Prague (EIP-2537); OP Bedrock
 * and Ecotone run Berlin's and Cancun's sets, Fjord adds RIP-7212, Granite caps the BN254 pairing, Isthmus adds
 * Prague's BLS12-381 precompiles with caps on the three variable-input ones, and Jovian tightens all four caps.
 */
final class PrecompileTables {
  static final Address ECRECOVER = address(0x01);
  static final Address SHA256 = address(0x02);
  static final Address RIPEMD160 = address(0x03);
  static final Address IDENTITY = address(0x04);
  static final Address MODEXP = address(0x05);
  static final Address BN254_ADD = address(0x06);
  static final Address BN254_MUL = address(0x07);
  static final Address BN254_PAIRING = address(0x08);
  static final Address BLAKE2F = address(0x09);
  static final Address POINT_EVALUATION = address(0x0a);
  static final Address BLS12_G1_ADD = address(0x0b);
  static final Address BLS12_G1_MSM = address(0x0c);
  static final Address BLS12_G2_ADD = address(0x0d);
  static final Address BLS12_G2_MSM = address(0x0e);
  static final Address BLS12_PAIRING_CHECK = address(0x0f);
  static final Address BLS12_MAP_FP_TO_G1 = address(0x10);
  static final Address BLS12_MAP_FP2_TO_G2 = address(0x11);
  static final Address P256VERIFY = address(0x100);

  /** OP Granite: about the BN254 pairing input that costs 20M gas (the OP specs' figure). */
  static final int GRANITE_BN254_PAIRING_MAX = 112_687;
  /** OP Isthmus: the BLS12-381 inputs that take about as long to prove as Granite's BN254 cap. */
  static final int ISTHMUS_G1_MSM_MAX = 513_760;
  static final int ISTHMUS_G2_MSM_MAX = 488_448;
  static final int ISTHMUS_PAIRING_CHECK_MAX = 235_008;
  /** OP Jovian: tighter caps on the same four precompiles. */
  static final int JOVIAN_BN254_PAIRING_MAX = 81_984;
  static final int JOVIAN_G1_MSM_MAX = 288_960;
  static final int JOVIAN_G2_MSM_MAX = 278_784;
  static final int JOVIAN_PAIRING_CHECK_MAX = 156_672;

  private PrecompileTables() {}

  static PrecompileSet forFork(PrecompileFork fork) {
    return PrecompileSet.of(switch (fork) {
      case BERLIN, OP_BEDROCK -> berlin();
      case CANCUN, OP_ECOTONE -> cancun();
      case PRAGUE -> prague();
      case OP_FJORD -> fjord();
      case OP_GRANITE -> granite();
      case OP_ISTHMUS -> isthmus();
      case OP_JOVIAN -> jovian();
    });
  }

  /** Berlin: the nine Frontier-to-Istanbul precompiles at Istanbul's prices (EIP-1108 for BN254). */
  private static Map<Address, Precompile> berlin() {
    Map<Address, Precompile> m = new LinkedHashMap<>();
    m.put(ECRECOVER, new Ecrecover());
    m.put(SHA256, new Sha256Precompile());
    m.put(RIPEMD160, new Ripemd160Precompile());
    m.put(IDENTITY, new IdentityPrecompile());
    m.put(MODEXP, new ModExpPrecompile());
    m.put(BN254_ADD, new Bn254Add());
    m.put(BN254_MUL, new Bn254Mul());
    m.put(BN254_PAIRING, new Bn254Pairing());
    m.put(BLAKE2F, new Blake2fPrecompile());
    return m;
  }

  /** Cancun: EIP-4844's point evaluation. */
  private static Map<Address, Precompile> cancun() {
    Map<Address, Precompile> m = berlin();
    m.put(POINT_EVALUATION, new KzgPointEvaluation());
    return m;
  }

  /** Prague: EIP-2537's seven BLS12-381 precompiles, uncapped. */
  private static Map<Address, Precompile> prague() {
    Map<Address, Precompile> m = cancun();
    m.putAll(bls12381());
    return m;
  }

  private static Map<Address, Precompile> bls12381() {
    Map<Address, Precompile> m = new LinkedHashMap<>();
    m.put(BLS12_G1_ADD, new BlsG1Add());
    m.put(BLS12_G1_MSM, new BlsG1Msm());
    m.put(BLS12_G2_ADD, new BlsG2Add());
    m.put(BLS12_G2_MSM, new BlsG2Msm());
    m.put(BLS12_PAIRING_CHECK, new BlsPairingCheck());
    m.put(BLS12_MAP_FP_TO_G1, new BlsMapFpToG1());
    m.put(BLS12_MAP_FP2_TO_G2, new BlsMapFp2ToG2());
    return m;
  }

  /** OP Fjord: Ecotone's set plus RIP-7212's P256VERIFY. */
  private static Map<Address, Precompile> fjord() {
    Map<Address, Precompile> m = cancun();
    m.put(P256VERIFY, new P256VerifyPrecompile());
    return m;
  }

  /** OP Granite: the BN254 pairing input is capped. */
  private static Map<Address, Precompile> granite() {
    Map<Address, Precompile> m = fjord();
    cap(m, BN254_PAIRING, GRANITE_BN254_PAIRING_MAX, "OP Granite");
    return m;
  }

  /** OP Isthmus: Prague's BLS12-381 precompiles, the three with variable input capped. */
  private static Map<Address, Precompile> isthmus() {
    Map<Address, Precompile> m = granite();
    m.putAll(bls12381());
    cap(m, BLS12_G1_MSM, ISTHMUS_G1_MSM_MAX, "OP Isthmus");
    cap(m, BLS12_G2_MSM, ISTHMUS_G2_MSM_MAX, "OP Isthmus");
    cap(m, BLS12_PAIRING_CHECK, ISTHMUS_PAIRING_CHECK_MAX, "OP Isthmus");
    return m;
  }

  /** OP Jovian: tighter caps on the BN254 pairing and the three capped BLS12-381 precompiles. */
  private static Map<Address, Precompile> jovian() {
    Map<Address, Precompile> m = isthmus();
    cap(m, BN254_PAIRING, JOVIAN_BN254_PAIRING_MAX, "OP Jovian");
    cap(m, BLS12_G1_MSM, JOVIAN_G1_MSM_MAX, "OP Jovian");
    cap(m, BLS12_G2_MSM, JOVIAN_G2_MSM_MAX, "OP Jovian");
    cap(m, BLS12_PAIRING_CHECK, JOVIAN_PAIRING_CHECK_MAX, "OP Jovian");
    return m;
  }

  /** Replaces the precompile at {@code at} by itself capped at {@code max} bytes; a cap already there is replaced. */
  private static void cap(Map<Address, Precompile> m, Address at, int max, String rule) {
    Precompile p = m.get(at);
    if (p == null) throw new IllegalStateException("no precompile at " + at + " to cap for " + rule);
    Precompile uncapped = p instanceof InputLimit limit ? limit.precompile() : p;
    m.put(at, new InputLimit(uncapped, max, rule));
  }
}
