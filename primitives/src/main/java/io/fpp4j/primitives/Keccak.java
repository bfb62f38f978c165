package io.fpp4j.primitives;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Keccak-256 with Ethereum's (pre-NIST) padding: a sponge of rate 136 bytes over Keccak-f[1600].
 *
 * <p>Written here rather than taken from BouncyCastle, which this project otherwise prefers: bcprov is a signed
 * jar, and the first class a JVM loads from it makes the JVM parse its 0.8 MB manifest and 0.8 MB signature file
 * and check the certificate chain, about 250 JDK security classes and 0.2 to 0.4 s of CPU. Every fault-proof run
 * hashes, and a host or program started once per proof paid that at each start, before its first hash (measured
 * in docs/performance.md, "Start-up"). Class Data Sharing cannot archive classes from a signed jar, so this cost
 * never went away. {@code KeccakTest} holds this class to BouncyCastle's digest on lengths across block
 * boundaries and to published vectors; {@code HashBench} compares their speed.
 *
 * <p>The permutation is the specification's theta, rho, pi, chi and iota steps with the 25 lanes in locals,
 * written out per lane (generated once from the step formulas, then checked against the reference above).
 */
final class Keccak {
  static final int RATE = 136; // bytes: 1600 - 2 * 256 bits of capacity
  private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long[] RC = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
    0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
    0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
  };

  private final long[] state = new long[25];
  private final byte[] tail = new byte[RATE];
  private int tailLength;

  /** Absorbs {@code len} bytes of {@code in} from {@code off}; the bounds are checked before anything changes. */
  void update(byte[] in, int off, int len) {
    Objects.checkFromIndexSize(off, len, in.length);
    if (tailLength > 0) {
      int k = Math.min(RATE - tailLength, len);
      System.arraycopy(in, off, tail, tailLength, k);
      tailLength += k;
      off += k;
      len -= k;
      if (tailLength < RATE) return;
      absorb(tail, 0);
      tailLength = 0;
    }
    for (; len >= RATE; off += RATE, len -= RATE) absorb(in, off);
    System.arraycopy(in, off, tail, 0, len);
    tailLength = len;
  }

  /** Pads, squeezes the 32-byte digest and resets, so the instance can hash the next input. */
  byte[] finish() {
    Arrays.fill(tail, tailLength, RATE, (byte) 0);
    tail[tailLength] ^= 0x01;
    tail[RATE - 1] ^= (byte) 0x80;
    absorb(tail, 0);
    byte[] out = new byte[32];
    for (int i = 0; i < 4; i++) LE_LONG.set(out, 8 * i, state[i]);
    reset();
    return out;
  }

  /** Drops whatever was absorbed: after a failed update, so the next hash on this instance starts clean. */
  void reset() {
    Arrays.fill(state, 0);
    tailLength = 0;
  }

  private void absorb(byte[] b, int off) {
    long[] s = state;
    for (int i = 0; i < RATE / 8; i++) s[i] ^= (long) LE_LONG.get(b, off + 8 * i);
    permute(s);
  }

  /** Keccak-f[1600] on {@code s}: 24 rounds, the lanes held in locals so that the JIT keeps them in registers. */
  static void permute(long[] s) {
    long a00 = s[0]; long a10 = s[1]; long a20 = s[2]; long a30 = s[3]; long a40 = s[4]; long a01 = s[5]; long a11 = s[6]; long a21 = s[7]; long a31 = s[8]; long a41 = s[9]; long a02 = s[10]; long a12 = s[11]; long a22 = s[12]; long a32 = s[13]; long a42 = s[14]; long a03 = s[15]; long a13 = s[16]; long a23 = s[17]; long a33 = s[18]; long a43 = s[19]; long a04 = s[20]; long a14 = s[21]; long a24 = s[22]; long a34 = s[23]; long a44 = s[24];
    for (int round = 0; round < 24; round++) {
      // theta
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
      // rho and pi
      long b00 = a00 ^ d0;
      long b10 = Long.rotateLeft(a11 ^ d1, 44);
      long b20 = Long.rotateLeft(a22 ^ d2, 43);
      long b30 = Long.rotateLeft(a33 ^ d3, 21);
      long b40 = Long.rotateLeft(a44 ^ d4, 14);
      long b01 = Long.rotateLeft(a30 ^ d3, 28);
      long b11 = Long.rotateLeft(a41 ^ d4, 20);
      long b21 = Long.rotateLeft(a02 ^ d0, 3);
      long b31 = Long.rotateLeft(a13 ^ d1, 45);
      long b41 = Long.rotateLeft(a24 ^ d2, 61);
      long b02 = Long.rotateLeft(a10 ^ d1, 1);
      long b12 = Long.rotateLeft(a21 ^ d2, 6);
      long b22 = Long.rotateLeft(a32 ^ d3, 25);
      long b32 = Long.rotateLeft(a43 ^ d4, 8);
      long b42 = Long.rotateLeft(a04 ^ d0, 18);
      long b03 = Long.rotateLeft(a40 ^ d4, 27);
      long b13 = Long.rotateLeft(a01 ^ d0, 36);
      long b23 = Long.rotateLeft(a12 ^ d1, 10);
      long b33 = Long.rotateLeft(a23 ^ d2, 15);
      long b43 = Long.rotateLeft(a34 ^ d3, 56);
      long b04 = Long.rotateLeft(a20 ^ d2, 62);
      long b14 = Long.rotateLeft(a31 ^ d3, 55);
      long b24 = Long.rotateLeft(a42 ^ d4, 39);
      long b34 = Long.rotateLeft(a03 ^ d0, 41);
      long b44 = Long.rotateLeft(a14 ^ d1, 2);
      // chi, then iota on lane (0, 0)
      a00 = (b00 ^ (~b10 & b20)) ^ RC[round];
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
    }
    s[0] = a00; s[1] = a10; s[2] = a20; s[3] = a30; s[4] = a40; s[5] = a01; s[6] = a11; s[7] = a21; s[8] = a31; s[9] = a41; s[10] = a02; s[11] = a12; s[12] = a22; s[13] = a32; s[14] = a42; s[15] = a03; s[16] = a13; s[17] = a23; s[18] = a33; s[19] = a43; s[20] = a04; s[21] = a14; s[22] = a24; s[23] = a34; s[24] = a44;
  }

}
