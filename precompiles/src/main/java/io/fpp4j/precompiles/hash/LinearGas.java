package io.fpp4j.precompiles.hash;

/**
 * The price of the precompiles that cost a base plus a price per 32-byte word of input, rounded up (the Yellow
 * Paper's G_sha256, G_ripemd160 and G_identity pairs, unchanged since Frontier).
 */
record LinearGas(long base, long perWord) {
  long of(byte[] input) {
    // An input is at most Integer.MAX_VALUE bytes, so words * perWord (at most 2^26 * 120) never overflows.
    long words = (input.length + 31L) / 32;
    return base + perWord * words;
  }
}
