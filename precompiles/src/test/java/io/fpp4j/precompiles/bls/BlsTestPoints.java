package io.fpp4j.precompiles.bls;

import io.fpp4j.primitives.Hex;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * EIP-2537 encodings for the BLS12-381 tests. The named points are data from the EIP's published vectors
 * (github.com/ethereum/EIPs, assets/eip-2537/add_G1_bls.json and add_G2_bls.json: the generators, the
 * vectors' second point p1/p2, their negations and doubles, and g1+p1 / g2+p2).
 */
public final class BlsTestPoints {
  public static final String G1 = "0000000000000000000000000000000017f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"
      + "0000000000000000000000000000000008b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1";
  public static final String NEG_G1 = "0000000000000000000000000000000017f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"
      + "00000000000000000000000000000000114d1d6855d545a8aa7d76c8cf2e21f267816aef1db507c96655b9d5caac42364e6f38ba0ecb751bad54dcd6b939c2ca";
  public static final String TWO_G1 = "000000000000000000000000000000000572cbea904d67468808c8eb50a9450c9721db309128012543902d0ac358a62ae28f75bb8f1c7c42c39a8c5529bf0f4e"
      + "00000000000000000000000000000000166a9d8cabc673a322fda673779d8e3822ba3ecb8670e461f73bb9021d5fd76a4c56d9d4cd16bd1bba86881979749d28";
  public static final String P1 = "00000000000000000000000000000000112b98340eee2777cc3c14163dea3ec97977ac3dc5c70da32e6e87578f44912e902ccef9efe28d4a78b8999dfbca9426"
      + "00000000000000000000000000000000186b28d92356c4dfec4b5201ad099dbdede3781f8998ddf929b4cd7756192185ca7b8f4ef7088f813270ac3d48868a21";
  public static final String G1_PLUS_P1 = "000000000000000000000000000000000a40300ce2dec9888b60690e9a41d3004fda4886854573974fab73b046d3147ba5b7a5bde85279ffede1b45b3918d82d"
      + "0000000000000000000000000000000006d3d887e9f53b9ec4eb6cedf5607226754b07c01ace7834f57f3e7315faefb739e59018e22c492006190fba4a870025";
  public static final String G2 = "00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"
      + "0000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
      + "000000000000000000000000000000000ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"
      + "000000000000000000000000000000000606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be";
  public static final String NEG_G2 = "00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"
      + "0000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
      + "000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa"
      + "0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed";
  public static final String TWO_G2 = "000000000000000000000000000000001638533957d540a9d2370f17cc7ed5863bc0b995b8825e0ee1ea1e1e4d00dbae81f14b0bf3611b78c952aacab827a053"
      + "000000000000000000000000000000000a4edef9c1ed7f729f520e47730a124fd70662a904ba1074728114d1031e1572c6c886f6b57ec72a6178288c47c33577"
      + "000000000000000000000000000000000468fb440d82b0630aeb8dca2b5256789a66da69bf91009cbfe6bd221e47aa8ae88dece9764bf3bd999d95d71e4c9899"
      + "000000000000000000000000000000000f6d4552fa65dd2638b361543f887136a43253d9c66c411697003f7a13c308f5422e1aa0a59c8967acdefd8b6e36ccf3";
  public static final String P2 = "00000000000000000000000000000000103121a2ceaae586d240843a398967325f8eb5a93e8fea99b62b9f88d8556c80dd726a4b30e84a36eeabaf3592937f27"
      + "00000000000000000000000000000000086b990f3da2aeac0a36143b7d7c824428215140db1bb859338764cb58458f081d92664f9053b50b3fbd2e4723121b68"
      + "000000000000000000000000000000000f9e7ba9a86a8f7624aa2b42dcc8772e1af4ae115685e60abc2c9b90242167acef3d0be4050bf935eed7c3b6fc7ba77e"
      + "000000000000000000000000000000000d22c3652d0dc6f0fc9316e14268477c2049ef772e852108d269d9c38dba1d4802e8dae479818184c08f9a569d878451";
  public static final String G2_PLUS_P2 = "000000000000000000000000000000000b54a8a7b08bd6827ed9a797de216b8c9057b3a9ca93e2f88e7f04f19accc42da90d883632b9ca4dc38d013f71ede4db"
      + "00000000000000000000000000000000077eba4eecf0bd764dce8ed5f45040dd8f3b3427cb35230509482c14651713282946306247866dfe39a8e33016fcbe52"
      + "0000000000000000000000000000000014e60a76a29ef85cbd69f251b9f29147b67cfe3ed2823d3f9776b3a0efd2731941d47436dc6d2b58d9e65f8438bad073"
      + "000000000000000000000000000000001586c3c910d95754fef7a732df78e279c3d37431c6a2b77e67a00c7c130a8fcd4d19f159cbeb997a178108fffffcbd20";
  public static final String INF_G1 = "00".repeat(128);
  public static final String INF_G2 = "00".repeat(256);
  public static final BigInteger P = BlsFp.P;
  public static final BigInteger R = BlsCodec.R;

  private BlsTestPoints() {}

  /** The 64-byte EIP-2537 encoding of {@code v} (which may be ≥ p, for failure tests). */
  public static String fp(BigInteger v) {
    String h = v.toString(16);
    return "0".repeat(128 - h.length()) + h;
  }

  public static String scalar(BigInteger k) {
    String h = k.toString(16);
    return "0".repeat(64 - h.length()) + h;
  }

  public static String scalar(long k) {
    return scalar(BigInteger.valueOf(k));
  }

  public static String g1(BigInteger x, BigInteger y) {
    return fp(x) + fp(y);
  }

  public static String g2(BlsFp2 x, BlsFp2 y) {
    return fp(x.c0()) + fp(x.c1()) + fp(y.c0()) + fp(y.c1());
  }

  /** A point on E1 outside G1: the one with the smallest x ≥ {@code from} whose x³ + 4 is a square. */
  public static String g1OffSubgroup(long from) {
    for (long x = from; ; x++) {
      BigInteger rhs = BigInteger.valueOf(x).pow(3).add(BigInteger.valueOf(4)).mod(P);
      if (BlsFp.FIELD.isSquare(rhs)) return g1(BigInteger.valueOf(x), BlsFp.FIELD.sqrt(rhs));
    }
  }

  /** A point on E2 outside G2, found the same way with x = (from, 1). */
  public static String g2OffSubgroup(long from) {
    BlsField<BlsFp2> f = BlsFp2.FIELD;
    for (long c = from; ; c++) {
      BlsFp2 x = BlsFp2.of(c, 1);
      BlsFp2 rhs = f.add(f.mul(f.square(x), x), BlsFp2.of(4, 4));
      if (f.isSquare(rhs)) return g2(x, f.sqrt(rhs));
    }
  }

  /** {@code point} with its last byte changed: almost surely off the curve. */
  public static String offCurve(String point) {
    byte[] b = Hex.decode(point);
    b[b.length - 1] ^= 1;
    return Hex.encode(b);
  }

  public static byte[] bytes(String... hexParts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String h : hexParts) out.writeBytes(Hex.decode(h));
    return out.toByteArray();
  }

  /** A copy of {@code hex} (as bytes) with byte {@code index} set to {@code value}. */
  public static byte[] withByte(byte[] in, int index, int value) {
    byte[] b = Arrays.copyOf(in, in.length);
    b[index] = (byte) value;
    return b;
  }
}
