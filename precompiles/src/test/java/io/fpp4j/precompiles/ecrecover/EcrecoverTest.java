package io.fpp4j.precompiles.ecrecover;

import static io.fpp4j.precompiles.ecrecover.EcrecoverVectors.GETH_VALID_KEY_INPUT;
import static io.fpp4j.precompiles.ecrecover.EcrecoverVectors.GETH_VALID_KEY_OUTPUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Precompile 0x01: geth's vector, a fresh signature, the inputs that do not recover, and the gas; each on
 * every recovery engine this JVM can use (libsecp256k1 and BouncyCastle on Linux).
 */
class EcrecoverTest {
  static List<KeyRecovery.Engine> engines() {
    return KeyRecovery.usable();
  }

  @Test
  void theDefaultPrecompileRunsOnTheActiveEngine() {
    assertThat(Hex.encode(new Ecrecover().run(Hex.decode(GETH_VALID_KEY_INPUT)))).isEqualTo(GETH_VALID_KEY_OUTPUT);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void gethsValidKeyVector(KeyRecovery.Engine engine) {
    Ecrecover ecrecover = new Ecrecover(engine);
    assertThat(Hex.encode(ecrecover.run(Hex.decode(GETH_VALID_KEY_INPUT)))).isEqualTo(GETH_VALID_KEY_OUTPUT);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void recoversTheSignerOfAFreshSignature(KeyRecovery.Engine engine) {
    Ecrecover ecrecover = new Ecrecover(engine);
    // Private key 1's address is well known; sign with RFC 6979 nonces and recover.
    X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(BigInteger.ONE,
        new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH())));
    byte[] hash = Hashing.keccak256("fpp4j".getBytes());
    BigInteger[] rs = signer.generateSignature(hash);
    String[] results = new String[2];
    for (int v = 27; v <= 28; v++) {
      byte[] input = new byte[128];
      System.arraycopy(hash, 0, input, 0, 32);
      input[63] = (byte) v;
      Bytes32.fromBigInteger(rs[0]).copyTo(input, 64);
      Bytes32.fromBigInteger(rs[1]).copyTo(input, 96);
      results[v - 27] = Hex.encode(ecrecover.run(input));
    }
    // Exactly one of the two parities gives the signer.
    String signer1 = "0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf";
    assertThat(results).containsOnlyOnce(signer1);
    // The same signature with s in the upper half (EIP-2 forbids it for transactions, not for the precompile)
    // recovers the same signer under the other parity; signer() does the same with parity 0/1.
    for (int parity = 0; parity < 2; parity++) {
      io.fpp4j.primitives.Address low = Ecrecover.signer(engine, hash, parity, rs[0], rs[1]);
      io.fpp4j.primitives.Address high = Ecrecover.signer(engine, hash, 1 - parity, rs[0], KeyRecovery.N.subtract(rs[1]));
      assertThat(high).isEqualTo(low);
      assertThat("000000000000000000000000" + Hex.encode(low.toArray())).isEqualTo(results[parity]);
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void signerRefusesWhatThePrecompileRefuses(KeyRecovery.Engine engine) {
    byte[] in = Hex.decode(GETH_VALID_KEY_INPUT);
    byte[] hash = Arrays.copyOf(in, 32);
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(in, 96, 128));
    assertThat(Hex.encode(Ecrecover.signer(engine, hash, 1, r, s).toArray())).isEqualTo(GETH_VALID_KEY_OUTPUT.substring(24));
    assertThat(Ecrecover.signer(engine, hash, 2, r, s)).isNull();
    assertThat(Ecrecover.signer(engine, hash, -1, r, s)).isNull();
    assertThat(Ecrecover.signer(engine, hash, 1, BigInteger.ZERO, s)).isNull();
    assertThat(Ecrecover.signer(engine, hash, 1, r, KeyRecovery.N)).isNull();
    assertThat(Ecrecover.signer(engine, hash, 1, KeyRecovery.N.add(r), s)).isNull();
    assertThat(Ecrecover.signer(engine, hash, 1, BigInteger.valueOf(5), s)).isNull(); // no point with x = 5
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aSignatureThatDoesNotRecoverIsASuccessWithEmptyOutput(KeyRecovery.Engine engine) {
    Ecrecover ecrecover = new Ecrecover(engine);
    byte[] in = Hex.decode(GETH_VALID_KEY_INPUT);
    byte[] badV = in.clone();
    badV[63] = 29;
    byte[] dirtyV = in.clone();
    dirtyV[40] = 1;
    byte[] zeroR = in.clone();
    Arrays.fill(zeroR, 64, 96, (byte) 0);
    byte[] bigS = in.clone();
    System.arraycopy(Hex.decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"), 0, bigS, 96, 32); // s = n
    byte[] v1 = in.clone();
    v1[63] = 1; // a transaction's parity is not a precompile's v
    byte[] highBitsV = in.clone();
    highBitsV[32] = (byte) 0x80; // geth's "InvalidHighV-bits": v's upper bytes must be zero
    byte[] zeroS = in.clone();
    Arrays.fill(zeroS, 96, 128, (byte) 0);
    byte[] bigR = in.clone();
    System.arraycopy(Hex.decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"), 0, bigR, 64, 32); // r = n
    byte[] offCurveR = in.clone();
    Arrays.fill(offCurveR, 64, 96, (byte) 0);
    offCurveR[95] = 5; // x = 5 is no point's x
    for (byte[] bad : new byte[][] {badV, dirtyV, zeroR, bigS, v1, highBitsV, zeroS, bigR, offCurveR,
        Arrays.copyOf(in, 32), new byte[0]}) {
      assertThat(ecrecover.run(bad)).as(Hex.encode(bad)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void inputBeyond128BytesIsIgnored(KeyRecovery.Engine engine) {
    Ecrecover ecrecover = new Ecrecover(engine);
    byte[] longer = Arrays.copyOf(Hex.decode(GETH_VALID_KEY_INPUT), 200);
    longer[150] = 7;
    assertThat(Hex.encode(ecrecover.run(longer))).isEqualTo(GETH_VALID_KEY_OUTPUT);
  }

  @Test
  void costs3000GasWhateverTheInput() {
    for (int length : new int[] {0, 1, 127, 128, 129, 4096}) {
      assertThat(new Ecrecover().gas(new byte[length])).as("%d bytes", length).isEqualTo(3000);
    }
  }
}
