package io.fpp4j.interop;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one fault-proof program concluded: its verdict, the L2 block whose output root it compared with the claim, and
 * that output root. Read from the program's exit status and its own output lines, since the three programs share
 * only the exit contract (0 valid, 1 invalid).
 */
record ProgramOutcome(Verdict verdict, long block, String outputRoot, String failure) {
  enum Verdict { VALID, INVALID, FAILED }

  private static final String ROOT = "(0x[0-9a-f]{64})";
  /** fpp4j's program after derivation, and the Kona peer always. */
  private static final Pattern ROOT_LINE = Pattern.compile("output root of L2 block (\\d+): " + ROOT);
  /** fpp4j's program on a trace extension: the agreed block, then the root in the verdict line or the refusal. */
  private static final Pattern FPP4J_AGREED = Pattern.compile("is at or below the agreed block (\\d+)");
  private static final Pattern FPP4J_VALID_ROOT = Pattern.compile("verdict: valid claim \\(output root " + ROOT + "\\)");
  private static final Pattern FPP4J_REFUSED_ROOT = Pattern.compile("the output root of L2 block \\d+ is " + ROOT);
  /** op-program's client: {@code Derivation complete head=HASH:NUMBER}, then {@code Validating claim output=ROOT}. */
  private static final Pattern OP_HEAD = Pattern.compile("msg=\"Derivation complete\" head=0x[0-9a-f]{64}:(\\d+)");
  private static final Pattern OP_OUTPUT = Pattern.compile("msg=\"Validating claim\" output=" + ROOT);

  static ProgramOutcome failed(String why) {
    return new ProgramOutcome(Verdict.FAILED, -1, null, why);
  }

  /** fpp4j's host serving fpp4j's program or the Kona peer: exit 0 or 1 and the program's own verdict line. */
  static ProgramOutcome fromFpp4jHost(int exit, String log) {
    Verdict v = exit == 0 && log.contains("verdict: valid claim") ? Verdict.VALID
        : exit == 1 && log.contains("verdict: invalid claim") ? Verdict.INVALID : null;
    if (v == null) return failed("exit " + exit + " without the matching verdict line");
    MatchResult line = last(ROOT_LINE, log);
    if (line != null) return new ProgramOutcome(v, Long.parseLong(line.group(1)), line.group(2), null);
    // fpp4j's program on a trace extension prints the agreed block and the root elsewhere.
    MatchResult agreed = last(FPP4J_AGREED, log);
    MatchResult root = last(v == Verdict.VALID ? FPP4J_VALID_ROOT : FPP4J_REFUSED_ROOT, log);
    if (agreed == null || root == null) return failed("exit " + exit + " but no output root in the program's output");
    return new ProgramOutcome(v, Long.parseLong(agreed.group(1)), root.group(1), null);
  }

  /**
   * op-program's own host and client: the host exits 1 for a failure too, so the client's log line tells a refused
   * claim from a crash.
   */
  static ProgramOutcome fromOpProgram(int exit, String log) {
    Verdict v = exit == 0 && log.contains("Claim successfully verified") ? Verdict.VALID
        : exit == 1 && log.contains("msg=\"Claim is invalid\"") ? Verdict.INVALID : null;
    if (v == null) return failed("exit " + exit + " without 'Claim successfully verified' or 'Claim is invalid'");
    MatchResult head = last(OP_HEAD, log);
    MatchResult output = last(OP_OUTPUT, log);
    if (head == null || output == null) return failed("exit " + exit + " but no derived head or output root in the log");
    return new ProgramOutcome(v, Long.parseLong(head.group(1)), output.group(1), null);
  }

  /** The verdict, block and output root, the parts three programs must share. */
  String summary() {
    return verdict == Verdict.FAILED ? "failed: " + failure : verdict.name().toLowerCase() + ", L2 block " + block + ", " + outputRoot;
  }

  /** The last match of {@code p} in {@code text}, or null: a program's final word counts. */
  private static MatchResult last(Pattern p, String text) {
    Matcher m = p.matcher(text);
    MatchResult found = null;
    while (m.find()) found = m.toMatchResult();
    return found;
  }
}
