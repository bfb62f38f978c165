package io.fpp4j.derive;

import java.util.Arrays;

/**
 * The OP Stack's blob encoding, version 0 (derivation spec, "Blob Encoding"): a blob's 4,096 field elements are read
 * in 1,024 rounds of four; each round gives 127 bytes: the 31 low bytes of each element, plus three bytes made of the
 * low six bits of the four elements' first bytes (whose top two bits must be zero, so that every element stays below
 * the BLS modulus). The first four of the 130,048 bytes so decoded are the version (0) and a 3-byte big-endian length,
 * at most 130,044; after the data, every byte must be zero.
 */
public final class BlobData {
  public static final int FIELD_ELEMENTS = 4096;
  public static final int BLOB_BYTES = FIELD_ELEMENTS * 32;
  public static final int ROUND_BYTES = 127;
  /** 1,024 rounds of 127 bytes, less the 4-byte header. */
  public static final int MAX_DATA_BYTES = FIELD_ELEMENTS / 4 * ROUND_BYTES - 4;
  public static final int ENCODING_VERSION = 0;

  private BlobData() {}

  /** Decodes a blob's data. @throws DerivationException naming the first rule the blob breaks */
  public static byte[] decode(byte[] blob) {
    if (blob.length != BLOB_BYTES) throw new DerivationException("a blob is " + BLOB_BYTES + " bytes, got " + blob.length);
    byte[] stream = new byte[FIELD_ELEMENTS / 4 * ROUND_BYTES];
    for (int round = 0; round < FIELD_ELEMENTS / 4; round++) {
      int in = round * 128;
      int out = round * ROUND_BYTES;
      byte[] sixBits = new byte[4];
      for (int j = 0; j < 4; j++) {
        int first = blob[in + 32 * j] & 0xff;
        if ((first & 0xc0) != 0) {
          throw new DerivationException(String.format("field element %d has high bits set in its first byte 0x%02x",
              round * 4 + j, first));
        }
        sixBits[j] = (byte) first;
      }
      // Each round's output: 31 bytes of element 0, byte x, 31 of element 1, byte y, 31 of element 2, byte z,
      // 31 of element 3; x, y and z are the four 6-bit chunks regrouped.
      int x = (sixBits[0] & 0x3f) | ((sixBits[1] & 0x30) << 2);
      int y = (sixBits[1] & 0x0f) | ((sixBits[3] & 0x0f) << 4);
      int z = (sixBits[2] & 0x3f) | ((sixBits[3] & 0x30) << 2);
      System.arraycopy(blob, in + 1, stream, out, 31);
      stream[out + 31] = (byte) x;
      System.arraycopy(blob, in + 33, stream, out + 32, 31);
      stream[out + 63] = (byte) y;
      System.arraycopy(blob, in + 65, stream, out + 64, 31);
      stream[out + 95] = (byte) z;
      System.arraycopy(blob, in + 97, stream, out + 96, 31);
    }
    if (stream[0] != ENCODING_VERSION) {
      throw new DerivationException("blob encoding version " + (stream[0] & 0xff) + " is unknown (only 0 exists)");
    }
    int length = (stream[1] & 0xff) << 16 | (stream[2] & 0xff) << 8 | (stream[3] & 0xff);
    if (length > MAX_DATA_BYTES) {
      throw new DerivationException("blob data length " + length + " exceeds the maximum " + MAX_DATA_BYTES);
    }
    for (int i = 4 + length; i < stream.length; i++) {
      if (stream[i] != 0) throw new DerivationException("blob has non-zero byte at data offset " + (i - 4) + " past its length " + length);
    }
    return Arrays.copyOfRange(stream, 4, 4 + length);
  }

  /** Encodes {@code data} as a blob: the inverse of {@link #decode}, for tests and tools. */
  public static byte[] encode(byte[] data) {
    if (data.length > MAX_DATA_BYTES) {
      throw new IllegalArgumentException("blob data is " + data.length + " bytes; at most " + MAX_DATA_BYTES + " fit");
    }
    byte[] stream = new byte[FIELD_ELEMENTS / 4 * ROUND_BYTES];
    stream[0] = ENCODING_VERSION;
    stream[1] = (byte) (data.length >>> 16);
    stream[2] = (byte) (data.length >>> 8);
    stream[3] = (byte) data.length;
    System.arraycopy(data, 0, stream, 4, data.length);
    byte[] blob = new byte[BLOB_BYTES];
    for (int round = 0; round < FIELD_ELEMENTS / 4; round++) {
      int in = round * ROUND_BYTES;
      int out = round * 128;
      int x = stream[in + 31] & 0xff;
      int y = stream[in + 63] & 0xff;
      int z = stream[in + 95] & 0xff;
      blob[out] = (byte) (x & 0x3f);
      blob[out + 32] = (byte) (((x >>> 6) << 4) | (y & 0x0f));
      blob[out + 64] = (byte) (z & 0x3f);
      blob[out + 96] = (byte) (((z >>> 6) << 4) | (y >>> 4));
      System.arraycopy(stream, in, blob, out + 1, 31);
      System.arraycopy(stream, in + 32, blob, out + 33, 31);
      System.arraycopy(stream, in + 64, blob, out + 65, 31);
      System.arraycopy(stream, in + 96, blob, out + 97, 31);
    }
    return blob;
  }
}
