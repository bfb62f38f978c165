package io.fpp4j.fpvm;

/** Thrown anywhere in a program to say that the claim was checked and is wrong: exit code 1. */
public class InvalidClaimException extends Exception {
  public InvalidClaimException(String message) {
    super(message);
  }
}
