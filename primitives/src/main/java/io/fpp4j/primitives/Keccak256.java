package io.fpp4j.primitives;

import java.util.Arrays;
import java.util.Objects;

/**
 * Keccak-256 with the original Keccak padding (0x01 ... 0x80) that Ethereum uses, not NIST SHA3-256's (0x06). The JDK
 * has only the latter.
 *
 * <p>Hand-written rather than BouncyCastle's KeccakDigest, on purpose: BouncyCastle's jar is signed, so the first class
 * loaded from it makes the JVM verify the whole jar's signature (hundreds of milliseconds on a cold JVM), its classes
 * can never be in a Class Data Sharing archive, and KeccakDigest's constructor initializes BouncyCastle's service
 * registry (java.util.logging, SecureRandom, default DH/DSA parameters). Every fpp4j process hashes within its first
 * milliseconds (each keccak preimage is checked), so that cost fell on every short run of the program and the host.
 *
 * <p>One sponge, reused after each {@link #digest}: not thread-safe ({@link Hashing} keeps one per thread). The state is
 * 25 little-endian 64-bit lanes, lane (x, y) at index x + 5y; the rate is 136 bytes (17 lanes). The permutation keeps
 * the lanes in locals and spells out each round's steps (theta, rho and pi, chi, iota) lane by lane, as the JIT then
 * keeps them in registers.
 */
final class Keccak256 {
  static final int DIGEST_BYTES = 32;
  private static final int RATE = 136;

  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
  };

  private final long[] state = new long[25];
  /** The input not yet absorbed: less than one block. */
  private final byte[] pending = new byte[RATE];
  private int pendingLength;

  void update(byte[] in, int off, int len) {
    // Checked before anything is absorbed: a bad range must not leave half an input in the reused sponge.
    Objects.checkFromIndexSize(off, len, in.length);
    if (pendingLength > 0) {
      int n = Math.min(RATE - pendingLength, len);
      System.arraycopy(in, off, pending, pendingLength, n);
      pendingLength += n;
      off += n;
      len -= n;
      if (pendingLength < RATE) return;
      absorb(pending, 0);
      pendingLength = 0;
    }
    for (; len >= RATE; off += RATE, len -= RATE) absorb(in, off);
    if (len > 0) {
      System.arraycopy(in, off, pending, 0, len);
      pendingLength = len;
    }
  }

  /** Pads, writes the 32-byte digest to {@code out} at {@code outOff}, and starts a new hash. */
  void digest(byte[] out, int outOff) {
    Arrays.fill(pending, pendingLength, RATE, (byte) 0);
    pending[pendingLength] ^= 0x01;
    pending[RATE - 1] ^= (byte) 0x80;
    absorb(pending, 0);
    for (int lane = 0; lane < DIGEST_BYTES / 8; lane++) {
      long v = state[lane];
      for (int i = 0; i < 8; i++) out[outOff + lane * 8 + i] = (byte) (v >>> (8 * i));
    }
    Arrays.fill(state, 0L);
    pendingLength = 0;
  }

  private void absorb(byte[] block, int off) {
    long[] s = state;
    for (int lane = 0; lane < RATE / 8; lane++, off += 8) {
      s[lane] ^= (block[off] & 0xffL) | (block[off + 1] & 0xffL) << 8 | (block[off + 2] & 0xffL) << 16
          | (block[off + 3] & 0xffL) << 24 | (block[off + 4] & 0xffL) << 32 | (block[off + 5] & 0xffL) << 40
          | (block[off + 6] & 0xffL) << 48 | (block[off + 7] & 0xffL) << 56;
    }
    permute(s);
  }

  /** Keccak-f[1600]: aXY is lane (x, y), bXY the lanes after rho and pi. */
  private static void permute(long[] s) {
    long a00 = s[0], a10 = s[1], a20 = s[2], a30 = s[3], a40 = s[4];
    long a01 = s[5], a11 = s[6], a21 = s[7], a31 = s[8], a41 = s[9];
    long a02 = s[10], a12 = s[11], a22 = s[12], a32 = s[13], a42 = s[14];
    long a03 = s[15], a13 = s[16], a23 = s[17], a33 = s[18], a43 = s[19];
    long a04 = s[20], a14 = s[21], a24 = s[22], a34 = s[23], a44 = s[24];
    for (int round = 0; round < 24; round++) {
      long c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04;
      long c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14;
      long c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24;
      long c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34;
      long c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44;
      long d0 = c4 ^ Long.rotateLeft(c1, 1);
      long d1 = c0 ^ Long.rotateLeft(c2, 1);
      long d2 = c1 ^ Long.rotateLeft(c3, 1);
      long d3 = c2 ^ Long.rotateLeft(c4, 1);
      long d4 = c3 ^ Long.rotateLeft(c0, 1);
      long b00 = a00 ^ d0;
      long b02 = Long.rotateLeft(a10 ^ d1, 1);
      long b04 = Long.rotateLeft(a20 ^ d2, 62);
      long b01 = Long.rotateLeft(a30 ^ d3, 28);
      long b03 = Long.rotateLeft(a40 ^ d4, 27);
      long b13 = Long.rotateLeft(a01 ^ d0, 36);
      long b10 = Long.rotateLeft(a11 ^ d1, 44);
      long b12 = Long.rotateLeft(a21 ^ d2, 6);
      long b14 = Long.rotateLeft(a31 ^ d3, 55);
      long b11 = Long.rotateLeft(a41 ^ d4, 20);
      long b21 = Long.rotateLeft(a02 ^ d0, 3);
      long b23 = Long.rotateLeft(a12 ^ d1, 10);
      long b20 = Long.rotateLeft(a22 ^ d2, 43);
      long b22 = Long.rotateLeft(a32 ^ d3, 25);
      long b24 = Long.rotateLeft(a42 ^ d4, 39);
      long b34 = Long.rotateLeft(a03 ^ d0, 41);
      long b31 = Long.rotateLeft(a13 ^ d1, 45);
      long b33 = Long.rotateLeft(a23 ^ d2, 15);
      long b30 = Long.rotateLeft(a33 ^ d3, 21);
      long b32 = Long.rotateLeft(a43 ^ d4, 8);
      long b42 = Long.rotateLeft(a04 ^ d0, 18);
      long b44 = Long.rotateLeft(a14 ^ d1, 2);
      long b41 = Long.rotateLeft(a24 ^ d2, 61);
      long b43 = Long.rotateLeft(a34 ^ d3, 56);
      long b40 = Long.rotateLeft(a44 ^ d4, 14);
      a00 = b00 ^ (~b10 & b20);
      a10 = b10 ^ (~b20 & b30);
      a20 = b20 ^ (~b30 & b40);
      a30 = b30 ^ (~b40 & b00);
      a40 = b40 ^ (~b00 & b10);
      a01 = b01 ^ (~b11 & b21);
      a11 = b11 ^ (~b21 & b31);
      a21 = b21 ^ (~b31 & b41);
      a31 = b31 ^ (~b41 & b01);
      a41 = b41 ^ (~b01 & b11);
      a02 = b02 ^ (~b12 & b22);
      a12 = b12 ^ (~b22 & b32);
      a22 = b22 ^ (~b32 & b42);
      a32 = b32 ^ (~b42 & b02);
      a42 = b42 ^ (~b02 & b12);
      a03 = b03 ^ (~b13 & b23);
      a13 = b13 ^ (~b23 & b33);
      a23 = b23 ^ (~b33 & b43);
      a33 = b33 ^ (~b43 & b03);
      a43 = b43 ^ (~b03 & b13);
      a04 = b04 ^ (~b14 & b24);
      a14 = b14 ^ (~b24 & b34);
      a24 = b24 ^ (~b34 & b44);
      a34 = b34 ^ (~b44 & b04);
      a44 = b44 ^ (~b04 & b14);
      a00 ^= ROUND_CONSTANTS[round];
    }

    s[0] = a00; s[1] = a10; s[2] = a20; s[3] = a30; s[4] = a40;
    s[5] = a01; s[6] = a11; s[7] = a21; s[8] = a31; s[9] = a41;
    s[10] = a02; s[11] = a12; s[12] = a22; s[13] = a32; s[14] = a42;
    s[15] = a03; s[16] = a13; s[17] = a23; s[18] = a33; s[19] = a43;
    s[20] = a04; s[21] = a14; s[22] = a24; s[23] = a34; s[24] = a44;
  }
}
