package io.fpp4j.evm.statetest;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hashing;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/** The address of a secp256k1 secret key (BouncyCastle's curve arithmetic): what a state test's sender is. */
final class Secp256k1 {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

  private Secp256k1() {}

  static Address address(byte[] secretKey) {
    ECPoint p = CURVE.getG().multiply(new BigInteger(1, secretKey)).normalize();
    byte[] pub = p.getEncoded(false); // 0x04 || x || y
    byte[] h = Hashing.keccak256(Arrays.copyOfRange(pub, 1, 65));
    return Address.wrap(Arrays.copyOfRange(h, 12, 32));
  }
}
