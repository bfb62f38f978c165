package io.fpp4j.precompiles.ecrecover;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Precompile 0x01: recovers the signer of a secp256k1 signature. Input (right-padded to 128 bytes) is
 * {@code hash[32] ‖ v[32] ‖ r[32] ‖ s[32]}; output is the address left-padded to 32 bytes. As in the EVM,
 * a signature that does not recover (v not 27 or 28, r or s out of range, no point) is a successful call
 * with empty output, never a failure.
 */
public final class Ecrecover implements Precompile {
  /** EIP-2929 left ecrecover at its Frontier price: 3000 gas whatever the input. */
  static final long GAS = 3000;
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();
  private static final byte[] EMPTY = new byte[0];

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
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(in, 96, 128));
    if (r.signum() == 0 || s.signum() == 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) return EMPTY;
    byte[] pub = recover(Arrays.copyOfRange(in, 0, 32), r, s, v - 27);
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
    if (hash.length != 32) throw new IllegalArgumentException("hash must be 32 bytes, got " + hash.length);
    if (parity != 0 && parity != 1) return null;
    if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) return null;
    byte[] pub = recover(hash, r, s, parity);
    if (pub == null) return null;
    return io.fpp4j.primitives.Address.wrap(Arrays.copyOfRange(Hashing.keccak256(pub, 1, 64), 12, 32));
  }

  /** The uncompressed public key (65 bytes) of the signer, or null if none: Q = r⁻¹(sR − eG). */
  static byte[] recover(byte[] hash, BigInteger r, BigInteger s, int parity) {
    ECCurve curve = CURVE.getCurve();
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (parity == 0 ? 0x02 : 0x03);
    byte[] x = Bytes32.fromBigInteger(r).toArray();
    System.arraycopy(x, 0, compressed, 1, 32);
    ECPoint point;
    try {
      point = curve.decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
    BigInteger e = new BigInteger(1, hash);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = e.negate().multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, point, u2).normalize();
    if (q.isInfinity()) return null;
    return q.getEncoded(false);
  }
}
