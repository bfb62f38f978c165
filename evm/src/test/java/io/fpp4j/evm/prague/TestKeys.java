package io.fpp4j.evm.prague;

import io.fpp4j.evm.tx.Authorizations;
import io.fpp4j.precompiles.ecrecover.Ecrecover;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.tx.Authorization;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/** Signs EIP-7702 authorizations for tests (deterministic RFC 6979 ECDSA from BouncyCastle, low s). */
final class TestKeys {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

  private TestKeys() {}

  static Address address(BigInteger key) {
    byte[] pub = CURVE.getG().multiply(key).normalize().getEncoded(false);
    return Address.wrap(Arrays.copyOfRange(Hashing.keccak256(pub, 1, 64), 12, 32));
  }

  /** An authorization by {@code key} for {@code delegate} at {@code nonce} on {@code chainId}. */
  static Authorization sign(BigInteger key, long chainId, Address delegate, long nonce) {
    byte[] hash = Authorizations.signingHash(BigInteger.valueOf(chainId), delegate, nonce);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(key, DOMAIN));
    BigInteger[] rs = signer.generateSignature(hash);
    BigInteger r = rs[0];
    BigInteger s = rs[1];
    if (s.compareTo(CURVE.getN().shiftRight(1)) > 0) s = CURVE.getN().subtract(s);
    Address want = address(key);
    for (int parity = 0; parity < 2; parity++) {
      if (want.equals(Ecrecover.signer(hash, parity, r, s))) {
        return new Authorization(BigInteger.valueOf(chainId), delegate, nonce, parity, r, s);
      }
    }
    throw new IllegalStateException("no recovery id recovers " + want);
  }
}
