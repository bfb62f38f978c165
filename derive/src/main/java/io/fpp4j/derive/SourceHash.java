package io.fpp4j.derive;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * Deposit source hashes (deposits spec, "Source hash computation"): {@code keccak256(bytes32(domain) ‖ inner)}, where
 * the inner hash is {@code keccak256(l1BlockHash ‖ bytes32(logIndex))} for user deposits (domain 0),
 * {@code keccak256(l1BlockHash ‖ bytes32(sequenceNumber))} for the L1-info deposit (domain 1) and
 * {@code keccak256(intent)} for network-upgrade transactions (domain 2).
 */
public final class SourceHash {
  public static final int USER_DEPOSIT = 0;
  public static final int L1_INFO = 1;
  public static final int UPGRADE = 2;

  private SourceHash() {}

  public static Bytes32 userDeposit(Bytes32 l1BlockHash, long logIndex) {
    return of(USER_DEPOSIT, Hashing.keccak256(l1BlockHash.toArray(), word(logIndex)));
  }

  public static Bytes32 l1Info(Bytes32 l1BlockHash, long sequenceNumber) {
    return of(L1_INFO, Hashing.keccak256(l1BlockHash.toArray(), word(sequenceNumber)));
  }

  public static Bytes32 upgrade(String intent) {
    return of(UPGRADE, Hashing.keccak256(intent.getBytes(StandardCharsets.UTF_8)));
  }

  private static Bytes32 of(int domain, byte[] inner) {
    return Bytes32.wrap(Hashing.keccak256(word(domain), inner));
  }

  private static byte[] word(long v) {
    byte[] w = new byte[32];
    for (int i = 0; i < 8; i++) w[31 - i] = (byte) (v >>> (8 * i));
    return w;
  }
}
