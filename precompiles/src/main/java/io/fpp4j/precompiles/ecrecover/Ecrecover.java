package io.fpp4j.precompiles.ecrecover;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Precompile 0x01: recovers the signer of a secp256k1 signature. Input (right-padded to 128 bytes) is
 * {@code hash[32] ‖ v[32] ‖ r[32] ‖ s[32]}; output is the address left-padded to 32 bytes. As in the EVM,
 * a signature that does not recover (v not 27 or 28, r or s out of range, no point) is a successful call
 * with empty output, never a failure.
 */
public final class Ecrecover implements Precompile {
  /** EIP-2929 left ecrecover at its Frontier price: 3000 gas whatever the input. */
  static final long GAS = 3000;
  private static final BigInteger N = KeyRecovery.N;
  private static final byte[] N_BYTES = Bytes32.fromBigInteger(N).toArray();
  private static final byte[] EMPTY = new byte[0];
  private final KeyRecovery.Engine engine;

  /** The precompile on this JVM's fastest usable recovery engine. */
  public Ecrecover() {
    this(KeyRecovery.active());
  }

  /** The precompile on a chosen engine; tests run both to show they agree. */
  Ecrecover(KeyRecovery.Engine engine) {
    this.engine = engine;
  }

  @Override
  public String name() {
    return "ecrecover";
  }

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] run(byte[] input) {
    byte[] in = input.length >= 128 ? input : Arrays.copyOf(input, 128);
    for (int i = 32; i < 63; i++) {
      if (in[i] != 0) return EMPTY;
    }
    int v = in[63] & 0xff;
    if (v != 27 && v != 28) return EMPTY;
    if (!inScalarRange(in, 64) || !inScalarRange(in, 96)) return EMPTY;
    byte[] pub = engine.recover(Arrays.copyOfRange(in, 0, 32), Arrays.copyOfRange(in, 64, 96),
        Arrays.copyOfRange(in, 96, 128), v - 27);
    if (pub == null) return EMPTY;
    byte[] hash = Hashing.keccak256(pub, 1, 64);
    byte[] out = new byte[32];
    System.arraycopy(hash, 12, out, 12, 20);
    return out;
  }

  /**
   * The address that signed {@code hash} with {@code (parity, r, s)}, or {@code null} if the signature does
   * not recover (parity not 0 or 1, r or s outside [1, n), no point). The one secp256k1 recovery of fpp4j:
   * the precompile, transaction senders and EIP-7702 authorities all come through here. Callers that need
   * EIP-2's low-s rule check it themselves.
   */
  public static io.fpp4j.primitives.Address signer(byte[] hash, int parity, BigInteger r, BigInteger s) {
    return signer(KeyRecovery.active(), hash, parity, r, s);
  }

  /** {@link #signer(byte[], int, BigInteger, BigInteger)} on a chosen engine. */
  static io.fpp4j.primitives.Address signer(KeyRecovery.Engine engine, byte[] hash, int parity, BigInteger r, BigInteger s) {
    if (hash.length != 32) throw new IllegalArgumentException("hash must be 32 bytes, got " + hash.length);
    if (parity != 0 && parity != 1) return null;
    if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) return null;
    byte[] pub = engine.recover(hash, Bytes32.fromBigInteger(r).toArray(), Bytes32.fromBigInteger(s).toArray(), parity);
    if (pub == null) return null;
    return io.fpp4j.primitives.Address.wrap(Arrays.copyOfRange(Hashing.keccak256(pub, 1, 64), 12, 32));
  }

  /** Whether the big-endian 32-byte word at {@code off} lies in [1, n). */
  private static boolean inScalarRange(byte[] in, int off) {
    boolean zero = true;
    for (int i = off; i < off + 32 && zero; i++) zero = in[i] == 0;
    return !zero && Arrays.compareUnsigned(in, off, off + 32, N_BYTES, 0, 32) < 0;
  }
}
