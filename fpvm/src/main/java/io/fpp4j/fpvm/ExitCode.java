package io.fpp4j.fpvm;

/**
 * Exit codes of a fault-proof program, shared by kona-client, the op-program client and Cannon's status
 * byte: the claim holds, the claim is invalid, or the program failed (a panic, a missing preimage, bad data).
 */
public final class ExitCode {
  public static final int VALID = 0;
  public static final int INVALID = 1;
  public static final int FAILURE = 2;

  private ExitCode() {}

  /** A short name for logs and summaries. */
  public static String describe(int code) {
    return switch (code) {
      case VALID -> "valid claim";
      case INVALID -> "invalid claim";
      case FAILURE -> "program failure";
      default -> "unexpected exit code " + code;
    };
  }
}
