package io.fpp4j.proof.hint;

/** A hint string that is not {@code <name> <hex>}, names an unknown type, or has data of the wrong shape. */
public class HintParseException extends IllegalArgumentException {
  public HintParseException(String message) {
    super(message);
  }

  public HintParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
