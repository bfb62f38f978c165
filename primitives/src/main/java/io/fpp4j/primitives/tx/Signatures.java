package io.fpp4j.primitives.tx;

import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.rlp.RlpReader;

final class Signatures {
  private Signatures() {}

  static void checkParity(int yParity) {
    if (yParity != 0 && yParity != 1) throw new IllegalArgumentException("yParity must be 0 or 1, got " + yParity);
  }

  static int readParity(RlpReader r, String what) {
    int pos = r.position();
    long v = r.readLong(what);
    if (v != 0 && v != 1) throw new RlpException(pos, what + " must be 0 or 1, got " + Long.toUnsignedString(v));
    return (int) v;
  }
}
