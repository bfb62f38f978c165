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
import org.junit.jupiter.api.Test;

/** Precompile 0x01: geth's vector, a fresh signature, the inputs that do not recover, and the gas. */
class EcrecoverTest {
  final Ecrecover ecrecover = new Ecrecover();

  @Test
  void gethsValidKeyVector() {
    assertThat(Hex.encode(ecrecover.run(Hex.decode(GETH_VALID_KEY_INPUT)))).isEqualTo(GETH_VALID_KEY_OUTPUT);
  }

  @Test
  void recoversTheSignerOfAFreshSignature() {
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
  }

  @Test
  void aSignatureThatDoesNotRecoverIsASuccessWithEmptyOutput() {
    byte[] in = Hex.decode(GETH_VALID_KEY_INPUT);
    byte[] badV = in.clone();
    badV[63] = 29;
    byte[] dirtyV = in.clone();
    dirtyV[40] = 1;
    byte[] zeroR = in.clone();
    Arrays.fill(zeroR, 64, 96, (byte) 0);
    byte[] bigS = in.clone();
    System.arraycopy(Hex.decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"), 0, bigS, 96, 32); // s = n
    for (byte[] bad : new byte[][] {badV, dirtyV, zeroR, bigS, Arrays.copyOf(in, 32), new byte[0]}) {
      assertThat(ecrecover.run(bad)).as(Hex.encode(bad)).isEmpty();
    }
  }

  @Test
  void inputBeyond128BytesIsIgnored() {
    byte[] longer = Arrays.copyOf(Hex.decode(GETH_VALID_KEY_INPUT), 200);
    longer[150] = 7;
    assertThat(Hex.encode(ecrecover.run(longer))).isEqualTo(GETH_VALID_KEY_OUTPUT);
  }

  @Test
  void costs3000GasWhateverTheInput() {
    for (int length : new int[] {0, 1, 127, 128, 129, 4096}) {
      assertThat(ecrecover.gas(new byte[length])).as("%d bytes", length).isEqualTo(3000);
    }
  }
}
