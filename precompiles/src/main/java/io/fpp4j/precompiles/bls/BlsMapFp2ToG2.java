package io.fpp4j.precompiles.bls;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import java.math.BigInteger;
import java.util.List;
import supranational.blst.P2;

/**
 * Precompile 0x11, EIP-2537 BLS12_MAP_FP2_TO_G2: one 128-byte Fp2 element u to the G2 point
 * {@code h_eff · iso(SWU(u))}. The map itself is {@link BlsSwuMap} (hand-written, jblst has no bare map); blst
 * clears the cofactor. Constants: EIP-2537's field_to_curve document, the same as RFC 9380 section 8.8.2 and
 * appendix E.3 (Z = −(2 + u), E': A' = 240u, B' = 1012(1 + u), the 3-isogeny, and h_eff).
 */
public final class BlsMapFp2ToG2 implements Precompile {
  /** EIP-2537's price of BLS12_MAP_FP2_TO_G2. */
  static final long GAS = 23_800;
  static final BigInteger H_EFF = new BigInteger("bc69f08f2ee75b3584c6a0ea91b352888e2a8e9145ad7689986ff031508ffe1329c2f178731db9"
      + "56d82bf015d1212b02ec0ec69d7477c1ae954cbc06689f6a359894c0adebbf6b4e8020005aaa95551", 16);

  static final BlsSwuMap<BlsFp2> MAP = new BlsSwuMap<>(BlsFp2.FIELD,
      BlsFp2.of(0, 240),
      BlsFp2.of(1012, 1012),
      BlsFp2.of(-2, -1),
      List.of( // x numerator, k(1,0) .. k(1,3)
          BlsFp2.hex("5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6",
              "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6"),
          BlsFp2.hex("0", "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a"),
          BlsFp2.hex("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e",
              "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d"),
          BlsFp2.hex("171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1", "0")),
      List.of( // x denominator, k(2,0), k(2,1), then the monic 1
          BlsFp2.hex("0",
              "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63"),
          BlsFp2.hex("c",
              "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f"),
          BlsFp2.ONE),
      List.of( // y numerator, k(3,0) .. k(3,3)
          BlsFp2.hex("1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706",
              "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706"),
          BlsFp2.hex("0", "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be"),
          BlsFp2.hex("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c",
              "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f"),
          BlsFp2.hex("124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10", "0")),
      List.of( // y denominator, k(4,0) .. k(4,2), then the monic 1
          BlsFp2.hex("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb",
              "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb"),
          BlsFp2.hex("0",
              "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3"),
          BlsFp2.hex("12",
              "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99"),
          BlsFp2.ONE));

  static final int INPUT_LENGTH = 2 * BlsCodec.FP_LENGTH;

  @Override
  public String name() {
    return "BLS12-381 map Fp2 to G2";
  }

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] run(byte[] input) throws PrecompileFailure {
    if (input.length != INPUT_LENGTH) {
      throw new PrecompileFailure("map Fp2 to G2 input is " + input.length + " bytes, expected " + INPUT_LENGTH);
    }
    BlsAffine<BlsFp2> onCurve = MAP.map(BlsCodec.fp2(input, 0, "the Fp2 element"));
    if (!BlsCodec.onCurveG2(onCurve)) throw new IllegalStateException("map to G2 left the curve for input " + new BigInteger(1, input).toString(16));
    P2 cleared = BlsCodec.toBlstG2(onCurve, "the mapped point").mult(H_EFF);
    return BlsCodec.encode(cleared);
  }
}
