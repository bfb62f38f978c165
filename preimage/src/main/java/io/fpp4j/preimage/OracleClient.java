package io.fpp4j.preimage;

import java.util.List;

/**
 * Both client channels together, what a provider needs: hint, then get (kona-preimage {@code CommsClient}).
 */
public interface OracleClient extends PreimageOracle, Hinter {
  /** Combines a reader and a writer. */
  static OracleClient of(PreimageOracle oracle, Hinter hinter) {
    return new OracleClient() {
      @Override
      public byte[] get(PreimageKey key) {
        return oracle.get(key);
      }

      @Override
      public void getExact(PreimageKey key, byte[] buf) {
        oracle.getExact(key, buf);
      }

      @Override
      public List<byte[]> getAll(List<PreimageKey> keys) {
        return oracle.getAll(keys);
      }

      @Override
      public void hint(String hint) {
        hinter.hint(hint);
      }
    };
  }
}
