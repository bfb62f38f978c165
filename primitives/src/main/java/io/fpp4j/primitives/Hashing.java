package io.fpp4j.primitives;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hash functions of the fault-proof ABI. Keccak-256 is the original (pre-NIST) padding used by
 * Ethereum, which the JDK's "SHA3-256" is not; {@link Keccak} says why it is not BouncyCastle's. SHA-256 is the
 * JDK's, which uses the CPU's SHA extensions where present.
 */
public final class Hashing {
  private static final ThreadLocal<Keccak> KECCAK = ThreadLocal.withInitial(Keccak::new);
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashing::newSha256);

  private Hashing() {}

  public static byte[] keccak256(byte[] data) {
    return keccak256(data, 0, data.length);
  }

  public static byte[] keccak256(byte[] data, int off, int len) {
    Keccak k = KECCAK.get();
    k.update(data, off, len);
    return k.finish();
  }

  /** Keccak-256 of the concatenation of {@code parts}, without building the concatenation. */
  public static byte[] keccak256(byte[]... parts) {
    Keccak k = KECCAK.get();
    try {
      for (byte[] p : parts) k.update(p, 0, p.length);
    } catch (RuntimeException e) { // a null part after others were absorbed: the thread's sponge must not keep them
      k.reset();
      throw e;
    }
    return k.finish();
  }

  public static byte[] sha256(byte[] data) {
    MessageDigest d = SHA256.get();
    return d.digest(data);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
