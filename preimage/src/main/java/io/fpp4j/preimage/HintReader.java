package io.fpp4j.preimage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import io.fpp4j.primitives.Hex;

/**
 * Host side of the hint channel: reads {@code u32be(length) ‖ hint}, hands the hint to a {@link HintRouter},
 * then writes the one-byte ack. The ack goes out in every case, also when the hint is not UTF-8 or the
 * router throws, so a client is never left blocked; the failure is then reported to the caller.
 */
public final class HintReader {
  private static final byte[] ACK = {0};
  /** Bytes read at most together with a hint's length: a typical hint (under 200 bytes) then takes one read. */
  static final int READ_BUFFER = 4096;

  private final Channel channel;
  private final PreimageLimits limits;
  private final ReadAhead in;
  private long hints;
  private long hintBytes;

  public HintReader(Channel channel) {
    this(channel, PreimageLimits.DEFAULT);
  }

  public HintReader(Channel channel, PreimageLimits limits) {
    this.channel = channel;
    this.limits = limits;
    this.in = new ReadAhead(channel, READ_BUFFER);
  }

  /**
   * Reads, routes and acknowledges one hint.
   *
   * @return false if the client closed the channel before sending a hint (the normal end)
   * @throws HintRoutingException if the hint was not UTF-8 or the router failed (the client was acked)
   * @throws FrameTooLargeException if the length prefix is over the limit (nothing is allocated or acked)
   * @throws ChannelClosedException if the channel ended inside a hint
   */
  public boolean nextHint(HintRouter router) {
    try {
      in.fill(4);
    } catch (TruncatedReadException e) {
      if (e.received() == 0) return false;
      throw new ChannelClosedException("client closed the hint channel after " + e.received()
          + " of the 4 bytes of a hint length", e);
    } catch (IOException e) {
      throw Frames.ioFailure("reading a hint length", e);
    }
    long len = Frames.u32(in.array(), in.position());
    in.skip(4);
    if (len > limits.maxHintBytes()) {
      throw new FrameTooLargeException("client announced a hint of " + len + " bytes, over the limit of "
          + limits.maxHintBytes() + " bytes");
    }
    byte[] payload = new byte[(int) len];
    try {
      in.readFully(payload, 0, payload.length);
    } catch (IOException | TruncatedReadException e) {
      throw Frames.ioFailure("reading a " + len + "-byte hint", e);
    }
    hints++;
    hintBytes += len;
    HintRoutingException failure = null;
    String hint = null;
    try {
      hint = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload))
          .toString();
    } catch (CharacterCodingException e) {
      failure = new HintRoutingException("hint is not valid UTF-8: 0x" + abbreviatedHex(payload), e);
    }
    if (hint != null) {
      try {
        router.routeHint(hint);
      } catch (Exception e) {
        failure = new HintRoutingException("failed to handle hint '" + abbreviate(hint) + "': " + e.getMessage(), e);
      }
    }
    try {
      channel.write(ACK, 0, 1);
    } catch (IOException e) {
      throw Frames.ioFailure("acknowledging a hint", e);
    }
    if (failure != null) throw failure;
    return true;
  }

  public long hints() {
    return hints;
  }

  public long hintBytes() {
    return hintBytes;
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }

  private static String abbreviatedHex(byte[] b) {
    return b.length <= 64 ? Hex.encode(b) : Hex.encode(b, 0, 64) + "...";
  }
}
