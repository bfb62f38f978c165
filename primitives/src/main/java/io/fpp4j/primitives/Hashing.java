package io.fpp4j.primitives;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The two hash functions of the fault-proof ABI. Keccak-256 is the original (pre-NIST) padding used by
 * Ethereum, which the JDK's "SHA3-256" is not, so it is fpp4j's own ({@link Keccak256} says why not BouncyCastle's).
 * SHA-256 is the JDK's, which uses the CPU's SHA extensions where present.
 */
public final class Hashing {
  private static final ThreadLocal<Keccak256> KECCAK = ThreadLocal.withInitial(Keccak256::new);
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashing::newSha256);

  private Hashing() {}

  public static byte[] keccak256(byte[] data) {
    return keccak256(data, 0, data.length);
  }

  public static byte[] keccak256(byte[] data, int off, int len) {
    Keccak256 d = KECCAK.get();
    d.update(data, off, len);
    byte[] out = new byte[Keccak256.DIGEST_BYTES];
    d.digest(out, 0);
    return out;
  }

  /** Keccak-256 of the concatenation of {@code parts}, without building the concatenation. */
  public static byte[] keccak256(byte[]... parts) {
    // Every part checked before any is absorbed, so a null one cannot leave the reused sponge half fed.
    for (int i = 0; i < parts.length; i++) Objects.requireNonNull(parts[i], "part to hash");
    Keccak256 d = KECCAK.get();
    for (byte[] p : parts) d.update(p, 0, p.length);
    byte[] out = new byte[Keccak256.DIGEST_BYTES];
    d.digest(out, 0);
    return out;
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
