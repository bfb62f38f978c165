package io.fpp4j.precompiles.p256;

import io.fpp4j.precompiles.Precompile;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * 0x100, P256VERIFY (RIP-7212, enabled by OP Fjord): verifies an ECDSA signature over secp256r1. Input is
 * exactly 160 bytes, five 32-byte big-endian words: message hash, r, s, public key x, public key y. A valid
 * signature returns the 32-byte word 1; anything else, including input of the wrong length, a malformed key or
 * r, s out of range, returns empty output. The call itself never fails. 3450 gas.
 *
 * <p>The check is BouncyCastle's {@link ECDSASigner} on the custom secp256r1 curve, after RIP-7212's own
 * range checks. It fits RIP-7212 exactly: it takes the 32-byte hash as the number e without hashing it again (a
 * 256-bit hash is not truncated for a 256-bit order), accepts high s (RIP-7212 does not demand low s), and
 * compares x(u1*G + u2*Q) mod n with r.
 */
public final class P256VerifyPrecompile implements Precompile {
  static final long GAS = 3450;
  static final int INPUT_LENGTH = 160;
  private static final int WORD = 32;
  private static final byte[] VALID = validWord();
  private static final byte[] INVALID = new byte[0];

  /**
   * The curve and the check, made and linked on the first verification rather than with the precompile table:
   * CustomNamedCurves builds every curve it knows in its static initializer (tens of classes), and a class whose code
   * hands BouncyCastle types to each other makes the JVM load them to check the assignments when it links the class,
   * even from a CDS archive; BouncyCastle's jar is signed, so its first class costs a verification of the whole jar.
   * Most blocks never call P256VERIFY, so all BouncyCastle use lives here.
   */
  private static final class Curve {
    static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256r1");
    static final ECDomainParameters DOMAIN = new ECDomainParameters(PARAMS);
    static final BigInteger P = PARAMS.getCurve().getField().getCharacteristic();
    static final BigInteger N = PARAMS.getN();

    static boolean verifies(byte[] hash, BigInteger r, BigInteger s, BigInteger qx, BigInteger qy) {
      if (!inOpenRange(r, N) || !inOpenRange(s, N) || qx.compareTo(P) >= 0 || qy.compareTo(P) >= 0) {
        return false;
      }
      ECPublicKeyParameters key;
      try {
        // validatePoint rejects a point off the curve (which includes (0, 0), RIP-7212's stand-in for infinity);
        // ECPublicKeyParameters then rejects infinity and a point outside the group.
        ECPoint q = PARAMS.getCurve().validatePoint(qx, qy);
        key = new ECPublicKeyParameters(q, DOMAIN);
      } catch (IllegalArgumentException e) {
        return false;
      }
      ECDSASigner verifier = new ECDSASigner();
      verifier.init(false, key);
      return verifier.verifySignature(hash, r, s);
    }
  }

  @Override
  public String name() {
    return "P256VERIFY";
  }

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] run(byte[] input) {
    return verifies(input) ? VALID.clone() : INVALID;
  }

  private static boolean verifies(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return false;
    }
    byte[] hash = Arrays.copyOfRange(input, 0, WORD);
    BigInteger r = word(input, 1);
    BigInteger s = word(input, 2);
    BigInteger qx = word(input, 3);
    BigInteger qy = word(input, 4);
    return Curve.verifies(hash, r, s, qx, qy);
  }

  /** Whether 0 < value < bound. */
  private static boolean inOpenRange(BigInteger value, BigInteger bound) {
    return value.signum() > 0 && value.compareTo(bound) < 0;
  }

  private static BigInteger word(byte[] input, int index) {
    return new BigInteger(1, Arrays.copyOfRange(input, index * WORD, (index + 1) * WORD));
  }

  private static byte[] validWord() {
    byte[] one = new byte[WORD];
    one[WORD - 1] = 1;
    return one;
  }
}
