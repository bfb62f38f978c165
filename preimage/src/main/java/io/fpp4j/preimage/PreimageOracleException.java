package io.fpp4j.preimage;

/**
 * Root of every failure of the preimage oracle ABI, client and host side.
 *
 * <p>Unchecked because a fault-proof program cannot recover from a missing or broken preimage: op-preimage
 * panics and Kona aborts the program, and callers deep in a provider should not have to thread a checked
 * exception through every trie walk. For the same reason no checked exception (such as an
 * {@link java.io.EOFException}) sits under it: a caller catches one family, not two.
 *
 * <p>The subtypes are grouped by what a caller can do about them:
 * <ul>
 *   <li>{@link PreimageChannelException}: the channel failed (an I/O error, or {@link ChannelClosedException}
 *       when the peer closed it, {@link TruncatedReadException} inside a frame). The peer is gone or the stream
 *       is out of step; the only move is to stop using this channel.
 *   <li>{@link PreimageProtocolException}: the peer sent something the ABI does not allow (a frame over the
 *       limit, a length other than announced, a bad key, data that does not hash to its key, a hint that can
 *       never be acted on). Retrying the same exchange gives the same answer; the peer has a bug.
 *   <li>{@link KeyNotFoundException}: the channel and peer are fine but nobody has the preimage. A host may
 *       fetch it once a hint arrives; a program usually ends with its failure exit code.
 *   <li>{@link HintRoutingException}: a hint was acknowledged but its handling failed; a host may log it and
 *       go on serving.
 * </ul>
 * A plain {@code PreimageOracleException} is any other failure, for example a fetcher that threw.
 */
public class PreimageOracleException extends RuntimeException {
  public PreimageOracleException(String message) {
    super(message);
  }

  public PreimageOracleException(String message, Throwable cause) {
    super(message, cause);
  }
}
