package io.fpp4j.host;

import io.fpp4j.fpvm.ExitCode;

/**
 * Exit codes of the {@code fpp4j host} commands. 0, 1 and 2 are the program's verdict, passed through
 * unchanged; 3 and 4 are the host's own failures, so an orchestrator never mistakes a host problem for a
 * verdict on the claim (op-program's host exits 1 for both, which callers must not read as "invalid").
 */
public final class HostExitCode {
  /** The program ran and the claim is valid. */
  public static final int VALID = ExitCode.VALID;
  /** The program ran and the claim is invalid. */
  public static final int INVALID = ExitCode.INVALID;
  /**
   * The program failed on its own (a panic, bad data) or exited with a code other than 0, 1 or 2; the raw
   * code is logged.
   */
  public static final int PROGRAM_FAILURE = ExitCode.FAILURE;
  /**
   * The host failed: the store could not be opened, a preimage could not be served (missing offline, or the
   * fetch gave up), a hint handler failed, the program could not be started. Takes precedence over the
   * program's code, which is then a consequence (a program whose host stops answering exits 2), and is
   * reported beside it.
   */
  public static final int HOST_FAILURE = 3;
  /** The command line or a file it names is invalid; nothing was run. */
  public static final int USAGE = 4;

  /** The table shown in {@code --help}. */
  public static final String HELP = "Exit codes:%n"
      + "  0  the program ran: the claim is valid%n"
      + "  1  the program ran: the claim is invalid%n"
      + "  2  the program failed (or exited with another code, which is logged)%n"
      + "  3  the host failed (store, missing or unfetchable preimage, hint handler,%n"
      + "     could not start the program); the program's exit code is reported beside it%n"
      + "  4  invalid command line or input file; nothing was run";

  private HostExitCode() {}

  public static String describe(int code) {
    return switch (code) {
      case VALID, INVALID, PROGRAM_FAILURE -> ExitCode.describe(code);
      case HOST_FAILURE -> "host failure";
      case USAGE -> "invalid command line";
      default -> "exit code " + code;
    };
  }
}
