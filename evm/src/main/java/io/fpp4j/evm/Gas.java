package io.fpp4j.evm;

import java.math.BigInteger;

/** Gas constants of the forks from Berlin on (Yellow Paper appendix G and the EIPs named). */
public final class Gas {
  private Gas() {}

  public static final long TX = 21_000;
  public static final long TX_CREATE = 53_000;
  public static final long TX_DATA_ZERO = 4;
  public static final long TX_DATA_NONZERO = 16;
  public static final long ACCESS_LIST_ADDRESS = 2_400; // EIP-2930
  public static final long ACCESS_LIST_STORAGE_KEY = 1_900;
  public static final long INITCODE_WORD = 2; // EIP-3860
  public static final int MAX_INITCODE_SIZE = 49_152;
  public static final int MAX_CODE_SIZE = 24_576; // EIP-170

  public static final long WARM_ACCESS = 100; // EIP-2929
  public static final long COLD_ACCOUNT_ACCESS = 2_600;
  public static final long COLD_SLOAD = 2_100;

  public static final long SSTORE_SET = 20_000;
  public static final long SSTORE_RESET = 5_000 - COLD_SLOAD;
  public static final long SSTORE_SENTRY = 2_300; // EIP-2200
  public static final long SSTORE_CLEARS_REFUND_BERLIN = 15_000;
  public static final long SSTORE_CLEARS_REFUND_LONDON = SSTORE_RESET + ACCESS_LIST_STORAGE_KEY; // 4800, EIP-3529
  public static final long SELFDESTRUCT_REFUND_BERLIN = 24_000;

  public static final long CALL_VALUE = 9_000;
  public static final long CALL_STIPEND = 2_300;
  public static final long NEW_ACCOUNT = 25_000;
  public static final long CREATE = 32_000;
  public static final long CODE_DEPOSIT_BYTE = 200;
  public static final long KECCAK_WORD = 6;
  public static final long COPY_WORD = 3;
  public static final long LOG = 375;
  public static final long LOG_TOPIC = 375;
  public static final long LOG_DATA_BYTE = 8;
  public static final long EXP_BYTE = 50;

  public static final long BLOB_GAS_PER_BLOB = 131_072; // EIP-4844
  public static final int VERSIONED_HASH_VERSION_KZG = 1;

  // EIP-7702
  public static final long PER_EMPTY_ACCOUNT_COST = 25_000;
  public static final long PER_AUTH_BASE_COST = 12_500;
  /** EIP-7623: a zero byte is one token, a non-zero byte four; the floor is 21000 + 10 per token. */
  public static final long TOTAL_COST_FLOOR_PER_TOKEN = 10;
  public static final long STANDARD_TOKEN_COST = 4;

  /** Words covering {@code len} bytes, for a {@code len} already bounded by memory checks. */
  static long words(long len) {
    return (len >>> 5) + ((len & 31) != 0 ? 1 : 0);
  }

  /** EIP-4844's integer approximation of {@code factor * e^(numerator/denominator)}. */
  public static UInt256 fakeExponential(long factor, long numerator, long denominator) {
    BigInteger f = BigInteger.valueOf(factor);
    BigInteger n = BigInteger.valueOf(numerator);
    BigInteger d = BigInteger.valueOf(denominator);
    BigInteger output = BigInteger.ZERO;
    BigInteger acc = f.multiply(d);
    for (int i = 1; acc.signum() > 0; i++) {
      output = output.add(acc);
      acc = acc.multiply(n).divide(d.multiply(BigInteger.valueOf(i)));
    }
    BigInteger r = output.divide(d);
    return r.bitLength() > 256 ? UInt256.MAX : UInt256.fromBigInteger(r);
  }
}
