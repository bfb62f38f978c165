package io.fpp4j.precompiles.bls;

/**
 * An affine point of BLS12-381's G1 (coordinates in Fp, {@code BigInteger}) or G2 (coordinates in {@link BlsFp2})
 * as EIP-2537 encodes it; the point at infinity has null coordinates (it is encoded as all zeros).
 */
record BlsAffine<E>(E x, E y) {
  static <E> BlsAffine<E> infinity() {
    return new BlsAffine<>(null, null);
  }

  boolean isInfinity() {
    return x == null;
  }
}
