package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Hex;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The exact bytes of both frames, read off the host end of a real channel. */
@Timeout(10)
class WireFramesTest {
  @Test
  void hintFrameForHelloWorldAndItsAck() throws Exception {
    ChannelPair pair = Channels.osPipePair();
    CompletableFuture<Void> client = CompletableFuture.runAsync(() -> new HintWriter(pair.client()).hint("hello world"));
    byte[] frame = new byte[15];
    pair.host().readFully(frame, 0, frame.length);
    assertThat(Hex.encode(frame)).isEqualTo("0000000b68656c6c6f20776f726c64");
    assertThat(client).isNotDone(); // blocked until the ack
    pair.host().write(new byte[] {0});
    client.get();
    pair.close();
  }

  @Test
  void hostAcksWithOneZeroByte() throws Exception {
    ChannelPair pair = Channels.osPipePair();
    pair.client().write(Hex.decode("0000000b68656c6c6f20776f726c64"));
    StringBuilder seen = new StringBuilder();
    assertThat(new HintReader(pair.host()).nextHint(seen::append)).isTrue();
    assertThat(seen.toString()).isEqualTo("hello world");
    byte[] ack = new byte[1];
    pair.client().readFully(ack, 0, 1);
    assertThat(ack).containsExactly(0);
    pair.close();
  }

  @Test
  void preimageFrameForElevenBytesAndForEmpty() throws Exception {
    byte[] hello = "hello world".getBytes(StandardCharsets.US_ASCII);
    PreimageKey helloKey = PreimageKey.keccak256Of(hello);
    PreimageKey emptyKey = PreimageKey.local(7);
    ChannelPair pair = Channels.osPipePair();
    OracleServer server = new OracleServer(pair.host());

    pair.client().write(helloKey.bytes());
    assertThat(server.nextPreimageRequest(k -> hello)).isTrue();
    byte[] frame = new byte[19];
    pair.client().readFully(frame, 0, frame.length);
    assertThat(Hex.encode(frame)).isEqualTo("000000000000000b68656c6c6f20776f726c64");

    pair.client().write(emptyKey.bytes());
    assertThat(server.nextPreimageRequest(k -> new byte[0])).isTrue();
    byte[] empty = new byte[8];
    pair.client().readFully(empty, 0, 8);
    assertThat(Hex.encode(empty)).isEqualTo("0000000000000000");
    // Nothing follows an empty preimage: the next bytes on the wire belong to the next answer.
    pair.client().write(helloKey.bytes());
    assertThat(server.nextPreimageRequest(k -> hello)).isTrue();
    pair.client().readFully(frame, 0, 8);
    assertThat(Hex.encode(frame, 0, 8)).isEqualTo("000000000000000b");
    pair.close();
  }

  @Test
  void clientWritesTheRawKey() throws Exception {
    ChannelPair pair = Channels.osPipePair();
    PreimageKey key = PreimageKey.local(2);
    CompletableFuture<byte[]> got = CompletableFuture.supplyAsync(() -> new OracleReader(pair.client()).get(key));
    byte[] raw = new byte[32];
    pair.host().readFully(raw, 0, 32);
    assertThat(Hex.prefixed(raw)).isEqualTo(key.hex());
    pair.host().write(Hex.decode("0000000000000008" + "02fffffd00003004"));
    assertThat(Hex.encode(got.get())).isEqualTo("02fffffd00003004");
    pair.close();
  }
}
