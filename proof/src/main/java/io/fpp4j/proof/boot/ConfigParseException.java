package io.fpp4j.proof.boot;

/** A rollup or chain config whose JSON is malformed or lacks a field, named by its path. */
public class ConfigParseException extends IllegalArgumentException {
  public ConfigParseException(String message) {
    super(message);
  }

  public ConfigParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
