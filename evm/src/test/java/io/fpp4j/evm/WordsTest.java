package io.fpp4j.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The edge cases the EVM spells out, by name. */
class WordsTest {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MIN = BigInteger.ONE.shiftLeft(255);
  private static final BigInteger MINUS_ONE = MOD.subtract(BigInteger.ONE);

  private static BigInteger binary(String op, BigInteger top, BigInteger second) {
    long[] s = new long[8];
    UInt256.fromBigInteger(second).toLimbs(s, 0);
    UInt256.fromBigInteger(top).toLimbs(s, 4);
    switch (op) {
      case "div" -> Words.div(s, 4, 0);
      case "sdiv" -> Words.sdiv(s, 4, 0);
      case "mod" -> Words.mod(s, 4, 0);
      case "smod" -> Words.smod(s, 4, 0);
      case "shl" -> Words.shl(s, 4, 0);
      case "shr" -> Words.shr(s, 4, 0);
      case "sar" -> Words.sar(s, 4, 0);
      case "signextend" -> Words.signextend(s, 4, 0);
      default -> throw new IllegalArgumentException(op);
    }
    return UInt256.fromLimbs(s, 0).toBigInteger();
  }

  @Test
  void divisionByZeroIsZero() {
    assertThat(binary("div", BigInteger.TEN, BigInteger.ZERO)).isZero();
    assertThat(binary("sdiv", MINUS_ONE, BigInteger.ZERO)).isZero();
    assertThat(binary("mod", BigInteger.TEN, BigInteger.ZERO)).isZero();
    assertThat(binary("smod", MIN, BigInteger.ZERO)).isZero();
  }

  @Test
  void sdivOfMinByMinusOneOverflowsToMin() {
    assertThat(binary("sdiv", MIN, MINUS_ONE)).isEqualTo(MIN);
    assertThat(binary("smod", MIN, MINUS_ONE)).isZero();
  }

  @Test
  void shiftsOf256OrMoreClearOrFillWithTheSign() {
    BigInteger big = BigInteger.ONE.shiftLeft(200);
    assertThat(binary("shl", BigInteger.valueOf(256), MINUS_ONE)).isZero();
    assertThat(binary("shr", big, MINUS_ONE)).isZero();
    assertThat(binary("sar", BigInteger.valueOf(256), MIN)).isEqualTo(MINUS_ONE);
    assertThat(binary("sar", big, BigInteger.ONE)).isZero();
    assertThat(binary("shl", BigInteger.valueOf(255), BigInteger.ONE)).isEqualTo(MIN);
    assertThat(binary("sar", BigInteger.valueOf(255), MIN)).isEqualTo(MINUS_ONE);
  }

  @Test
  void signextend() {
    assertThat(binary("signextend", BigInteger.ZERO, BigInteger.valueOf(0xff))).isEqualTo(MINUS_ONE);
    assertThat(binary("signextend", BigInteger.ZERO, BigInteger.valueOf(0x17f))).isEqualTo(BigInteger.valueOf(0x7f));
    assertThat(binary("signextend", BigInteger.valueOf(31), BigInteger.valueOf(0xff))).isEqualTo(BigInteger.valueOf(0xff));
    assertThat(binary("signextend", MINUS_ONE, BigInteger.valueOf(0xff))).isEqualTo(BigInteger.valueOf(0xff));
    assertThat(binary("signextend", BigInteger.valueOf(30), MIN.shiftRight(8))).isEqualTo(MINUS_ONE.shiftLeft(247).mod(MOD));
  }

  @Test
  void expGasCountsExponentBytes() {
    long[] s = new long[4];
    assertThat(Words.byteLength(s, 0)).isZero();
    s[0] = 0xff;
    assertThat(Words.byteLength(s, 0)).isEqualTo(1);
    s[0] = 0x100;
    assertThat(Words.byteLength(s, 0)).isEqualTo(2);
    s[3] = Long.MIN_VALUE;
    assertThat(Words.byteLength(s, 0)).isEqualTo(32);
  }

  @Test
  void clampedLongSaturatesInsteadOfWrapping() {
    long[] s = {0, 1, 0, 0};
    assertThat(Words.clampedLong(s, 0)).isEqualTo(Long.MAX_VALUE);
    s = new long[] {-1, 0, 0, 0};
    assertThat(Words.clampedLong(s, 0)).isEqualTo(Long.MAX_VALUE);
    s = new long[] {12345, 0, 0, 0};
    assertThat(Words.clampedLong(s, 0)).isEqualTo(12345);
  }
}
