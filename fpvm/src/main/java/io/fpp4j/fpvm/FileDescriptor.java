package io.fpp4j.fpvm;

/**
 * The seven descriptors of the fault-proof VM ABI. A program and a host run by an FPVM both use 3 and 5
 * for reading and 4 and 6 for writing; the roles differ, the numbers do not.
 */
public enum FileDescriptor {
  STDIN(0),
  STDOUT(1),
  STDERR(2),
  /** Client: reads hint acks. Host under an FPVM: reads hints. */
  HINT_READ(3),
  /** Client: writes hints. Host under an FPVM: writes acks. */
  HINT_WRITE(4),
  /** Client: reads preimages. Host under an FPVM: reads keys. */
  PREIMAGE_READ(5),
  /** Client: writes keys. Host under an FPVM: writes preimages. */
  PREIMAGE_WRITE(6);

  private final int number;

  FileDescriptor(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  public static FileDescriptor of(int number) {
    if (number < 0 || number > 6) {
      throw new IllegalArgumentException("not an FPVM file descriptor: " + number + " (valid: 0..6)");
    }
    return values()[number];
  }
}
