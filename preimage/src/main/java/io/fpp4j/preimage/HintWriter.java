package io.fpp4j.preimage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Client side of the hint channel: writes {@code u32be(length) ‖ hint} in one write, then waits for the
 * host's one-byte acknowledgement (whose value, like both peers, it does not interpret).
 */
public final class HintWriter implements Hinter {
  private final Channel channel;
  private final byte[] ack = new byte[1];

  public HintWriter(Channel channel) {
    this.channel = channel;
  }

  @Override
  public void hint(String hint) {
    hint(hint.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends raw hint bytes; peers expect UTF-8 text, but the framing carries any bytes. */
  public synchronized void hint(byte[] hint) {
    byte[] frame = new byte[4 + hint.length];
    Frames.putU32(frame, 0, hint.length);
    System.arraycopy(hint, 0, frame, 4, hint.length);
    try {
      channel.write(frame, 0, frame.length);
      channel.readFully(ack, 0, 1);
    } catch (IOException | TruncatedReadException e) {
      throw Frames.ioFailure("sending a " + hint.length + "-byte hint", e);
    }
  }
}
