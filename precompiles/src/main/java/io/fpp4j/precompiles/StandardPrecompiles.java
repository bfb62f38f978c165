package io.fpp4j.precompiles;

import io.fpp4j.precompiles.altbn.Bn254AddPrecompile;
import io.fpp4j.precompiles.altbn.Bn254MulPrecompile;
import io.fpp4j.precompiles.blake2.Blake2fPrecompile;
import io.fpp4j.precompiles.hash.IdentityPrecompile;
import io.fpp4j.precompiles.hash.Ripemd160Precompile;
import io.fpp4j.precompiles.hash.Sha256Precompile;
import io.fpp4j.precompiles.modexp.ModExpPrecompile;
import io.fpp4j.precompiles.p256.P256VerifyPrecompile;

/**
 * The precompiles written in this module rather than moved from the host, one factory each, for the per-fork
 * tables. Each precompile holds no state, so every factory returns one shared instance.
 */
public final class StandardPrecompiles {
  private static final Precompile SHA256 = new Sha256Precompile();
  private static final Precompile RIPEMD160 = new Ripemd160Precompile();
  private static final Precompile IDENTITY = new IdentityPrecompile();
  private static final Precompile MODEXP = new ModExpPrecompile();
  private static final Precompile BN254_ADD = new Bn254AddPrecompile();
  private static final Precompile BN254_MUL = new Bn254MulPrecompile();
  private static final Precompile BLAKE2F = new Blake2fPrecompile();
  private static final Precompile P256_VERIFY = new P256VerifyPrecompile();

  private StandardPrecompiles() {}

  /** 0x02. */
  public static Precompile sha256() {
    return SHA256;
  }

  /** 0x03. */
  public static Precompile ripemd160() {
    return RIPEMD160;
  }

  /** 0x04. */
  public static Precompile identity() {
    return IDENTITY;
  }

  /** 0x05, with EIP-2565 (Berlin) pricing. */
  public static Precompile modexp() {
    return MODEXP;
  }

  /** 0x06, with EIP-1108 (Istanbul) pricing. */
  public static Precompile bn254Add() {
    return BN254_ADD;
  }

  /** 0x07, with EIP-1108 (Istanbul) pricing. */
  public static Precompile bn254Mul() {
    return BN254_MUL;
  }

  /** 0x09. */
  public static Precompile blake2f() {
    return BLAKE2F;
  }

  /** 0x100 (RIP-7212), from OP Fjord on. */
  public static Precompile p256Verify() {
    return P256_VERIFY;
  }
}
