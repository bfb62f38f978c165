package io.fpp4j.host;

/** How the host runs: with the program in this process, as a child process, or serving an FPVM. */
public enum Mode {
  /** A Java {@code FaultProofProgram} in this process, over OS pipes or in-memory channels. */
  NATIVE("native"),
  /** Any client binary as a child process with pipes on its descriptors 3 to 6. */
  EXEC("exec"),
  /** Serve on this process's own descriptors 3 to 6, inherited from an FPVM; no program is run. */
  SERVER("server");

  private final String label;

  Mode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
