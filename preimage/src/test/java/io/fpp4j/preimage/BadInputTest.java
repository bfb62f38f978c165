package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Hex;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Truncations, oversize length prefixes and peers that close mid-frame: clear errors, never a hang. */
@Timeout(10)
class BadInputTest {
  @Test
  void truncatedKeyAtEveryOffsetIsNamed() throws Exception {
    byte[] key = PreimageKey.local(1).bytes();
    for (int cut = 1; cut < 32; cut++) {
      try (ChannelPair pair = Channels.osPipePair()) {
        pair.client().write(key, 0, cut);
        pair.client().close();
        int n = cut;
        assertThatThrownBy(() -> new OracleServer(pair.host()).nextPreimageRequest(k -> new byte[0]))
            .isInstanceOf(ChannelClosedException.class)
            .hasMessageContaining("after " + n + " of the 32 bytes of a key");
      }
    }
  }

  @Test
  void eachFailureFallsInTheFamilyACallerActsOn() throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      pair.client().write(new byte[] {1, 2, 3});
      pair.client().close();
      // The end of a stream is unchecked and a closed channel, not an EOFException beside the oracle's family.
      assertThatThrownBy(() -> pair.host().readFully(new byte[8], 0, 8)).isInstanceOf(RuntimeException.class)
          .isInstanceOf(ChannelClosedException.class).isInstanceOf(PreimageChannelException.class)
          .isInstanceOfSatisfying(TruncatedReadException.class, t -> assertThat(t.received()).isEqualTo(3))
          .hasMessage("end of stream after 3 of 8 bytes");
    }
    try (ChannelPair pair = Channels.osPipePair()) {
      pair.host().write(Hex.decode("ffffffffffffffff"));
      assertThatThrownBy(() -> new OracleReader(pair.client()).get(PreimageKey.local(1)))
          .isInstanceOf(PreimageProtocolException.class).isNotInstanceOf(PreimageChannelException.class);
    }
    assertThatThrownBy(() -> PreimageKey.of(new byte[31])).isInstanceOf(PreimageProtocolException.class);
  }

  @Test
  void closedBeforeAnyKeyIsTheCleanEnd() throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      pair.client().close();
      assertThat(new OracleServer(pair.host()).nextPreimageRequest(k -> new byte[0])).isFalse();
      assertThat(new HintReader(pair.host()).nextHint(h -> {})).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x07, 0xff})
  void keyWithAnInvalidTypeIsRefusedByTheServer(int type) throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      byte[] raw = new byte[32];
      raw[0] = (byte) type;
      pair.client().write(raw);
      assertThatThrownBy(() -> new OracleServer(pair.host()).nextPreimageRequest(k -> new byte[0]))
          .isInstanceOf(InvalidPreimageKeyException.class)
          .hasMessageContaining(String.format("0x%02x", type));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ffffffffffffffff", "0000010000000000", "0000000004000001"})
  void preimageLengthOverTheLimitIsRefusedBeforeAllocating(String lengthHex) throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      pair.host().write(Hex.decode(lengthHex));
      OracleReader reader = new OracleReader(pair.client());
      assertThatThrownBy(() -> reader.get(PreimageKey.local(1)))
          .isInstanceOf(FrameTooLargeException.class)
          .hasMessageContaining(Long.toUnsignedString(Long.parseUnsignedLong(lengthHex, 16)) + " bytes")
          .hasMessageContaining("limit of 67108864 bytes")
          .hasMessageContaining(PreimageKey.local(1).hex());
    }
  }

  @Test
  void smallerConfiguredPreimageLimitApplies() throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      pair.host().write(Hex.decode("0000000000000401"));
      OracleReader reader = new OracleReader(pair.client(), new PreimageLimits(16, 1024));
      assertThatThrownBy(() -> reader.get(PreimageKey.local(1))).hasMessageContaining("1025 bytes")
          .hasMessageContaining("limit of 1024 bytes");
    }
  }

  @Test
  void hintLengthOverTheLimitIsRefused() throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      pair.client().write(Hex.decode("ffffffff"));
      assertThatThrownBy(() -> new HintReader(pair.host()).nextHint(h -> {}))
          .isInstanceOf(FrameTooLargeException.class)
          .hasMessageContaining("4294967295 bytes, over the limit of 16777216");
    }
  }

  @Test
  void hostClosingInsideThePreimageIsNamed() throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      CompletableFuture<Void> host = answerThenClose(pair, "0000000000000064" + "00".repeat(10));
      assertThatThrownBy(() -> new OracleReader(pair.client()).get(PreimageKey.local(4)))
          .isInstanceOf(ChannelClosedException.class)
          .hasMessageContaining("reading the 100-byte preimage of " + PreimageKey.local(4).hex())
          .hasMessageContaining("after 10 of 100 bytes");
      host.get();
    }
  }

  @Test
  void hostClosingInsideTheLengthIsNamed() throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      CompletableFuture<Void> host = answerThenClose(pair, "000000");
      assertThatThrownBy(() -> new OracleReader(pair.client()).get(PreimageKey.local(4)))
          .isInstanceOf(ChannelClosedException.class)
          .hasMessageContaining("after 3 of 8 bytes");
      host.get();
    }
  }

  /** A host that reads one key, writes {@code hex} and dies. */
  private static CompletableFuture<Void> answerThenClose(ChannelPair pair, String hex) {
    return CompletableFuture.runAsync(() -> {
      try {
        pair.host().readFully(new byte[32], 0, 32);
        pair.host().write(Hex.decode(hex));
        pair.host().close();
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
  }

  @Test
  void hostClosingBeforeTheAckIsNamed() throws Exception {
    try (ChannelPair pair = Channels.osPipePair()) {
      CompletableFuture<Void> host = CompletableFuture.runAsync(() -> {
        try {
          byte[] frame = new byte[4 + 3];
          pair.host().readFully(frame, 0, frame.length);
          pair.host().close();
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      assertThatThrownBy(() -> new HintWriter(pair.client()).hint("abc"))
          .isInstanceOf(ChannelClosedException.class)
          .hasMessageContaining("sending a 3-byte hint");
      host.get();
    }
  }

  @Test
  void clientClosingInsideAHintIsNamed() throws Exception {
    try (ChannelPair pair = Channels.inMemoryPair()) {
      pair.client().write(Hex.decode("0000000a6162"));
      pair.client().close();
      assertThatThrownBy(() -> new HintReader(pair.host()).nextHint(h -> {}))
          .isInstanceOf(ChannelClosedException.class)
          .hasMessageContaining("reading a 10-byte hint")
          .hasMessageContaining("after 2 of 10 bytes");
    }
  }

  @Test
  void writingToAClosedPeerFailsInsteadOfBlocking() throws Exception {
    try (ChannelPair pair = Channels.inMemoryPair()) {
      pair.host().close();
      assertThatThrownBy(() -> new OracleReader(pair.client()).get(PreimageKey.local(1)))
          .isInstanceOf(ChannelClosedException.class)
          .hasMessageContaining("requesting preimage " + PreimageKey.local(1).hex())
          .hasMessageContaining("broken pipe");
    }
  }
}
