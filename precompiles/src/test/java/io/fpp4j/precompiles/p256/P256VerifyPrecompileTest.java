package io.fpp4j.precompiles.p256;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.precompiles.Vector;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class P256VerifyPrecompileTest {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
  private static final BigInteger N = CURVE.getN();
  private static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();
  private static final byte[] ONE = Hex.decode("00".repeat(31) + "01");

  /** RFC 6979, A.2.5: the P-256 key and its deterministic SHA-256 signature of "sample". */
  private static final BigInteger RFC6979_KEY =
      new BigInteger("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721", 16);
  private static final String RFC6979_QX = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";
  private static final String RFC6979_QY = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";
  private static final String RFC6979_R = "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716";
  private static final String RFC6979_S = "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";

  private final P256VerifyPrecompile p256 = new P256VerifyPrecompile();

  static List<Vector> vectors() {
    return Vector.load("p256verify.tsv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void wycheproofAndGethVectorsGiveTheirResultAtRip7212Gas(Vector v) {
    assertThat(p256.gas(v.input())).isEqualTo(3450).isEqualTo(v.gas());
    assertThat(p256.run(v.input())).isEqualTo(v.expected());
  }

  @Test
  void theVectorFileHoldsBothValidAndInvalidSignatures() {
    assertThat(vectors()).anyMatch(v -> v.expected().length == 32).anyMatch(v -> v.expected().length == 0);
  }

  @Test
  void rfc6979SignatureVerifies() {
    byte[] input = input(sha256("sample"), RFC6979_R, RFC6979_S, RFC6979_QX, RFC6979_QY);
    assertThat(p256.run(input)).isEqualTo(ONE);
  }

  @Test
  void signaturesMadeByBouncyCastleVerifyAndTheirHighSTwinToo() {
    byte[] hash = sha256("fpp4j");
    ECDomainParameters domain = new ECDomainParameters(CURVE);
    ECPoint q = domain.getG().multiply(RFC6979_KEY).normalize();
    assertThat(hex(q.getAffineXCoord().toBigInteger())).isEqualTo(RFC6979_QX);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(RFC6979_KEY, domain));
    BigInteger[] rs = signer.generateSignature(hash);
    String r = hex(rs[0]);
    assertThat(p256.run(input(hash, r, hex(rs[1]), RFC6979_QX, RFC6979_QY))).isEqualTo(ONE);
    // RIP-7212 does not demand low s: (r, n - s) is valid as well.
    assertThat(p256.run(input(hash, r, hex(N.subtract(rs[1])), RFC6979_QX, RFC6979_QY))).isEqualTo(ONE);
    // The hash is taken as given, not hashed again: another hash fails.
    assertThat(p256.run(input(sha256("fpp4k"), r, hex(rs[1]), RFC6979_QX, RFC6979_QY))).isEmpty();
  }

  @Test
  void inputOfTheWrongLengthGivesEmptyOutputNotFailure() {
    byte[] valid = input(sha256("sample"), RFC6979_R, RFC6979_S, RFC6979_QX, RFC6979_QY);
    for (int length : new int[] {0, 159, 161, 192}) {
      byte[] input = Arrays.copyOf(valid, length);
      assertThat(p256.gas(input)).isEqualTo(3450);
      assertThat(p256.run(input)).as("%d bytes", length).isEmpty();
    }
  }

  @Test
  void rAndSOutsideOneToNMinusOneAreInvalid() {
    byte[] hash = sha256("sample");
    for (String bad : new String[] {hex(BigInteger.ZERO), hex(N), hex(N.add(BigInteger.ONE)), "ff".repeat(32)}) {
      assertThat(p256.run(input(hash, bad, RFC6979_S, RFC6979_QX, RFC6979_QY))).as("r = %s", bad).isEmpty();
      assertThat(p256.run(input(hash, RFC6979_R, bad, RFC6979_QX, RFC6979_QY))).as("s = %s", bad).isEmpty();
    }
  }

  @Test
  void malformedPublicKeysAreInvalid() {
    byte[] hash = sha256("sample");
    String qyPlusOne = hex(new BigInteger(RFC6979_QY, 16).add(BigInteger.ONE));
    assertThat(p256.run(input(hash, RFC6979_R, RFC6979_S, RFC6979_QX, qyPlusOne))).as("off the curve").isEmpty();
    assertThat(p256.run(input(hash, RFC6979_R, RFC6979_S, hex(BigInteger.ZERO), hex(BigInteger.ZERO))))
        .as("(0, 0), the encoding of infinity").isEmpty();
    assertThat(p256.run(input(hash, RFC6979_R, RFC6979_S, hex(P), RFC6979_QY))).as("x = p").isEmpty();
    assertThat(p256.run(input(hash, RFC6979_R, RFC6979_S, RFC6979_QX, hex(P)))).as("y = p").isEmpty();
    // The key's mirror image (qx, p - qy) is on the curve, but the signature is not its.
    String minusQy = hex(P.subtract(new BigInteger(RFC6979_QY, 16)));
    assertThat(p256.run(input(hash, RFC6979_R, RFC6979_S, RFC6979_QX, minusQy))).as("negated key").isEmpty();
  }

  @Test
  void aKeyWhoseXIsWrittenPlusPIsInvalidThoughItsSignatureVerifiesAsWritten() {
    // A key with a small x (below 2^256 - p), so x + p still fits the 32-byte field: only the explicit "below p"
    // check rejects it. The signature is forged for the key, which ECDSA allows without the private key.
    ECPoint q = smallXPoint();
    String qx = hex(q.getAffineXCoord().toBigInteger());
    String qy = hex(q.getAffineYCoord().toBigInteger());
    Forged forged = forge(q);
    assertThat(p256.run(input(forged.hash, forged.r, forged.s, qx, qy))).isEqualTo(ONE);
    String qxPlusP = hex(q.getAffineXCoord().toBigInteger().add(P));
    assertThat(qxPlusP).hasSize(64);
    assertThat(p256.run(input(forged.hash, forged.r, forged.s, qxPlusP, qy))).isEmpty();
  }

  /** The first point with x = 1, 2, ... on the curve. */
  private static ECPoint smallXPoint() {
    for (int x = 1; ; x++) {
      try {
        return CURVE.getCurve().decodePoint(Hex.decode("02" + hex(BigInteger.valueOf(x)))).normalize();
      } catch (IllegalArgumentException notOnCurve) {
        // x^3 - 3x + b is not a square for this x; try the next.
      }
    }
  }

  private record Forged(byte[] hash, String r, String s) {}

  /**
   * A valid signature for {@code q} without its private key: pick u1 = a, u2 = b, let R = aG + bQ, then
   * r = x(R) mod n, s = r / b and e = a * s (mod n) satisfy e/s = a and r/s = b.
   */
  private static Forged forge(ECPoint q) {
    BigInteger a = BigInteger.valueOf(7);
    BigInteger b = BigInteger.valueOf(11);
    ECPoint rPoint = CURVE.getG().multiply(a).add(q.multiply(b)).normalize();
    BigInteger r = rPoint.getAffineXCoord().toBigInteger().mod(N);
    BigInteger s = r.multiply(b.modInverse(N)).mod(N);
    BigInteger e = a.multiply(s).mod(N);
    return new Forged(Hex.decode(hex(e)), hex(r), hex(s));
  }

  private static byte[] input(byte[] hash, String r, String s, String qx, String qy) {
    return Hex.decode(Hex.encode(hash) + r + s + qx + qy);
  }

  private static byte[] sha256(String message) {
    return Hashing.sha256(message.getBytes(StandardCharsets.US_ASCII));
  }

  private static String hex(BigInteger value) {
    return String.format("%064x", value);
  }
}
