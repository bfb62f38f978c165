package io.fpp4j.precompiles.ecrecover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** The two recovery engines, libsecp256k1 and BouncyCastle, give the same answer on the same inputs. */
class KeyRecoveryTest {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = KeyRecovery.N;

  @Test
  void libsecp256k1LoadsOnLinux() {
    // The fixtures' speed depends on it; elsewhere (or when told not to) the fallback is the documented behaviour.
    boolean bundled = System.getProperty("os.name").toLowerCase().contains("linux")
        && System.getProperty("os.arch").matches("amd64|x86_64|aarch64")
        && !KeyRecovery.JAVA_ONLY.equals(System.getProperty(KeyRecovery.ENGINE_PROPERTY));
    assertThat(KeyRecovery.active()).isEqualTo(bundled ? KeyRecovery.Engine.LIBSECP256K1 : KeyRecovery.Engine.BOUNCY_CASTLE);
    assertThat(KeyRecovery.usable()).startsWith(KeyRecovery.active()).contains(KeyRecovery.Engine.BOUNCY_CASTLE);
    // With the library in fpp4j's cache the JNI functions are called directly, skipping ACINQ's loader.
    assertThat(KeyRecovery.Native.route).isEqualTo(bundled ? KeyRecovery.Native.Route.DIRECT : KeyRecovery.Native.Route.NONE);
  }

  @Test
  void theDirectJniRouteAgreesWithAcinqsOwnApi() {
    assumeTrue(KeyRecovery.Native.route == KeyRecovery.Native.Route.DIRECT, "libsecp256k1 is reached directly here");
    // ACINQ's Secp256k1.get() loads the same cached file (the properties point at it), so both call one library:
    // this holds the direct call's argument order and answers to the API's.
    fr.acinq.secp256k1.Secp256k1 api = fr.acinq.secp256k1.Secp256k1.get();
    java.util.Random rnd = new java.util.Random(7);
    int recovered = 0;
    for (int i = 0; i < 200; i++) {
      byte[] hash = new byte[32];
      byte[] sig = new byte[64];
      rnd.nextBytes(hash);
      rnd.nextBytes(sig);
      sig[0] &= 0x7f; // r and s below n
      sig[32] &= 0x7f;
      int parity = i & 1;
      byte[] viaApi;
      try {
        viaApi = api.ecdsaRecover(sig, hash, parity);
      } catch (fr.acinq.secp256k1.Secp256k1Exception noKey) {
        viaApi = null;
      }
      byte[] r = Arrays.copyOfRange(sig, 0, 32);
      byte[] s = Arrays.copyOfRange(sig, 32, 64);
      byte[] direct = KeyRecovery.Engine.LIBSECP256K1.recover(hash, r, s, parity);
      assertThat(direct).as("case %d", i).isEqualTo(viaApi);
      if (direct != null) recovered++;
    }
    assertThat(recovered).as("random r is a point's x about half the time").isBetween(60, 140);
  }

  @Test
  void bothEnginesRecoverTheSignerFromEitherHalfOfS() {
    Random random = new Random(20261207);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    for (int i = 0; i < 40; i++) {
      BigInteger key = new BigInteger(250, random).add(BigInteger.ONE);
      byte[] pub = CURVE.getG().multiply(key).normalize().getEncoded(false);
      signer.init(true, new ECPrivateKeyParameters(key,
          new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH())));
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      BigInteger[] rs = signer.generateSignature(hash);
      // s and n - s are the same signature's two forms (R and -R): recovery takes both, the parity flipped.
      int signerParity = -1;
      for (int parity = 0; parity < 2; parity++) {
        byte[] low = agree(hash, rs[0], rs[1], parity);
        byte[] high = agree(hash, rs[0], N.subtract(rs[1]), 1 - parity);
        // x = r is on the curve for both y, so every parity recovers some key; only one is the signer's.
        assertThat(low).isNotNull().isEqualTo(high);
        if (java.util.Arrays.equals(low, pub)) {
          assertThat(signerParity).as("only one parity recovers the signer").isEqualTo(-1);
          signerParity = parity;
        }
      }
      assertThat(signerParity).as("signature %d recovers its signer", i).isIn(0, 1);
    }
  }

  @Test
  void bothEnginesRefuseAnRThatIsNoPointsX() {
    // x = 5 is not on secp256k1 (5³ + 7 = 132 is no square mod p): neither engine recovers.
    byte[] hash = new byte[32];
    hash[31] = 1;
    for (int parity = 0; parity < 2; parity++) {
      assertThat(agree(hash, BigInteger.valueOf(5), BigInteger.ONE, parity)).isNull();
    }
  }

  @Test
  void bothEnginesRefuseASumAtInfinity() {
    // With R = kG and e = s·k, sR − eG is the point at infinity: no key. R's mirror image (the other parity)
    // gives −2eG, a key, so the refusal is the infinity's and not the inputs'.
    BigInteger k = new BigInteger("3a7b9c2d1e0f112233445566778899aabbccddeeff00112233445566778899aa", 16);
    ECPoint r = CURVE.getG().multiply(k).normalize();
    BigInteger x = r.getAffineXCoord().toBigInteger();
    BigInteger s = BigInteger.valueOf(12345);
    byte[] hash = Bytes32.fromBigInteger(s.multiply(k).mod(N)).toArray();
    int parity = r.getAffineYCoord().testBitZero() ? 1 : 0;
    assertThat(x).isLessThan(N);
    assertThat(agree(hash, x, s, parity)).isNull();
    assertThat(agree(hash, x, s, 1 - parity)).isNotNull();
  }

  @Test
  void bothEnginesAgreeOnRandomWords() {
    // Random r and s in [1, n), including the extremes: about half the r are a point's x; the engines must agree
    // on which, and on the key.
    Random random = new Random(7);
    int some = 0;
    BigInteger[] edges = {BigInteger.ONE, N.subtract(BigInteger.ONE), N.shiftRight(1), N.shiftRight(1).add(BigInteger.ONE)};
    for (int i = 0; i < 60; i++) {
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      BigInteger r = i < 16 ? edges[i % 4] : new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      BigInteger s = i < 16 ? edges[i / 4] : new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      if (agree(hash, r, s, i & 1) != null) some++;
    }
    assertThat(some).isBetween(10, 50);
  }

  /** Every usable engine's answer, asserted equal to BouncyCastle's. */
  private static byte[] agree(byte[] hash, BigInteger r, BigInteger s, int parity) {
    byte[] rb = Bytes32.fromBigInteger(r).toArray();
    byte[] sb = Bytes32.fromBigInteger(s).toArray();
    byte[] java = KeyRecovery.Engine.BOUNCY_CASTLE.recover(hash, rb, sb, parity);
    String what = "hash " + Hex.encode(hash) + " r " + r.toString(16) + " s " + s.toString(16) + " parity " + parity;
    for (KeyRecovery.Engine engine : KeyRecovery.usable()) {
      assertThat(engine.recover(hash, rb, sb, parity)).as(engine + ": " + what).isEqualTo(java);
    }
    return java;
  }
}
