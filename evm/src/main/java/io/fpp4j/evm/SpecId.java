package io.fpp4j.evm;

/**
 * The Ethereum forks whose EVM rules this interpreter knows, in order. Rules are enabled with
 * {@link #atLeast}: a fork has every rule of the forks before it. Prague's EIPs (7702, 7623, 2537,
 * 7691) are not implemented yet; PRAGUE exists so that the seam is in place, and runs Cancun's rules.
 */
public enum SpecId {
  BERLIN,
  LONDON,
  /** Paris, the merge: PREVRANDAO replaces DIFFICULTY. */
  MERGE,
  SHANGHAI,
  CANCUN,
  PRAGUE;

  public boolean atLeast(SpecId other) {
    return ordinal() >= other.ordinal();
  }

  /** The fork named as in the state tests' {@code post} section, or {@code null} if it is not supported. */
  public static SpecId fromTestName(String name) {
    switch (name) {
      case "Berlin": return BERLIN;
      case "London": return LONDON;
      case "Paris": case "Merge": return MERGE;
      case "Shanghai": return SHANGHAI;
      case "Cancun": return CANCUN;
      case "Prague": return PRAGUE;
      default: return null;
    }
  }

  public String testName() {
    switch (this) {
      case BERLIN: return "Berlin";
      case LONDON: return "London";
      case MERGE: return "Paris";
      case SHANGHAI: return "Shanghai";
      case CANCUN: return "Cancun";
      default: return "Prague";
    }
  }
}
