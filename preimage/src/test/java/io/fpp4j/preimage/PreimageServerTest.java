package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PreimageServerTest {
  private static final byte[] HELLO = "hello world".getBytes(StandardCharsets.US_ASCII);

  @Test
  void servesBothChannelsAndEndsCleanlyWhenTheClientCloses() throws Exception {
    ChannelPair hints = Channels.osPipePair();
    ChannelPair preimages = Channels.osPipePair();
    Map<PreimageKey, byte[]> store = Map.of(PreimageKey.keccak256Of(HELLO), HELLO, PreimageKey.local(1), new byte[32]);
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<PreimageServer.Stats> server = CompletableFuture.supplyAsync(() ->
        PreimageServer.builder(hints.host(), preimages.host(), store::get).router(seen::add).build().run());

    OracleClient client = OracleClient.of(new OracleReader(preimages.client()), new HintWriter(hints.client()));
    client.hint("fetch hello");
    assertThat(client.get(PreimageKey.keccak256Of(HELLO))).isEqualTo(HELLO);
    assertThat(client.get(PreimageKey.local(1))).hasSize(32);
    hints.client().close();
    preimages.client().close();

    PreimageServer.Stats stats = server.get();
    assertThat(stats).isEqualTo(new PreimageServer.Stats(2, 43, 1, 11));
    assertThat(seen).containsExactly("fetch hello");
  }

  @Test
  void missingKeyEndsTheServerWithAnErrorNamingTheKeyAndNoAnswerFrame() throws Exception {
    ChannelPair hints = Channels.osPipePair();
    ChannelPair preimages = Channels.osPipePair();
    PreimageKey missing = PreimageKey.keccak256Of(HELLO);
    CompletableFuture<PreimageServer.Stats> server = CompletableFuture.supplyAsync(() ->
        PreimageServer.builder(hints.host(), preimages.host(), key -> {
          throw new KeyNotFoundException("no preimage for key " + key);
        }).build().run());

    OracleReader reader = new OracleReader(preimages.client());
    // The client sees the channel end right at the length: no error frame was invented.
    assertThatThrownBy(() -> reader.get(missing))
        .isInstanceOf(ChannelClosedException.class)
        .hasMessageContaining("after 0 of 8 bytes");
    hints.client().close();
    assertThatThrownBy(server::join).hasCauseInstanceOf(KeyNotFoundException.class)
        .hasMessageContaining(missing.hex());
  }

  @Test
  void aFailedSessionStillSaysWhatItServed() throws Exception {
    ChannelPair hints = Channels.osPipePair();
    ChannelPair preimages = Channels.osPipePair();
    CompletableFuture<PreimageServer.Outcome> server = CompletableFuture.supplyAsync(() ->
        PreimageServer.builder(hints.host(), preimages.host(), key -> {
          if (key.equals(PreimageKey.local(1))) return HELLO;
          throw new KeyNotFoundException("no preimage for key " + key);
        }).router(h -> {}).build().serve());

    OracleClient client = OracleClient.of(new OracleReader(preimages.client()), new HintWriter(hints.client()));
    client.hint("fetch hello");
    assertThat(client.get(PreimageKey.local(1))).isEqualTo(HELLO);
    assertThatThrownBy(() -> client.get(PreimageKey.local(2))).isInstanceOf(ChannelClosedException.class);
    hints.client().close();

    PreimageServer.Outcome outcome = server.get();
    assertThat(outcome.clean()).isFalse();
    assertThat(outcome.failure()).isInstanceOf(KeyNotFoundException.class)
        .hasMessage("no preimage for key " + PreimageKey.local(2));
    assertThat(outcome.stats()).isEqualTo(new PreimageServer.Stats(1, 11, 1, 11));
  }

  @Test
  void fetcherFailureIsWrappedWithTheKey() throws Exception {
    ChannelPair hints = Channels.inMemoryPair();
    ChannelPair preimages = Channels.inMemoryPair();
    CompletableFuture<PreimageServer.Stats> server = CompletableFuture.supplyAsync(() ->
        PreimageServer.builder(hints.host(), preimages.host(), key -> {
          throw new java.io.IOException("disk on fire");
        }).build().run());
    assertThatThrownBy(() -> new OracleReader(preimages.client()).get(PreimageKey.local(3)))
        .isInstanceOf(ChannelClosedException.class);
    hints.client().close();
    assertThatThrownBy(server::join)
        .hasMessageContaining("failed to serve preimage " + PreimageKey.local(3).hex() + ": disk on fire");
  }

  @Test
  void hintErrorEndsTheServerByDefaultLikeBothPeers() throws Exception {
    ChannelPair hints = Channels.osPipePair();
    ChannelPair preimages = Channels.osPipePair();
    CompletableFuture<PreimageServer.Stats> server = CompletableFuture.supplyAsync(() ->
        PreimageServer.builder(hints.host(), preimages.host(), key -> HELLO)
            .router(h -> {
              throw new IllegalArgumentException("unknown hint type");
            }).build().run());
    new HintWriter(hints.client()).hint("bogus 0x00"); // acked all the same
    assertThatThrownBy(server::join).hasCauseInstanceOf(HintRoutingException.class)
        .hasMessageContaining("failed to handle hint 'bogus 0x00': unknown hint type");
    assertThatThrownBy(() -> new OracleReader(preimages.client()).get(PreimageKey.local(1)))
        .isInstanceOf(PreimageOracleException.class);
  }

  @Test
  void hintErrorCanBeToleratedWhenAsked() throws Exception {
    ChannelPair hints = Channels.osPipePair();
    ChannelPair preimages = Channels.osPipePair();
    CompletableFuture<PreimageServer.Stats> server = CompletableFuture.supplyAsync(() ->
        PreimageServer.builder(hints.host(), preimages.host(), key -> HELLO)
            .router(h -> {
              throw new IllegalArgumentException("unknown hint type");
            }).continueOnHintError(true).build().run());
    HintWriter writer = new HintWriter(hints.client());
    writer.hint("bogus 0x00");
    writer.hint(new byte[] {(byte) 0xff});
    assertThat(new OracleReader(preimages.client()).get(PreimageKey.local(1))).isEqualTo(HELLO);
    hints.client().close();
    preimages.client().close();
    assertThat(server.get().hints()).isEqualTo(2);
  }

  @Test
  void verifyingServerRefusesCorruptData() throws Exception {
    ChannelPair hints = Channels.osPipePair();
    ChannelPair preimages = Channels.osPipePair();
    PreimageKey key = PreimageKey.keccak256Of(HELLO);
    CompletableFuture<PreimageServer.Stats> server = CompletableFuture.supplyAsync(() ->
        PreimageServer.builder(hints.host(), preimages.host(),
            new VerifyingPreimageFetcher(k -> "hello w0rld".getBytes(StandardCharsets.US_ASCII))).build().run());
    assertThatThrownBy(() -> new OracleReader(preimages.client()).get(key)).isInstanceOf(ChannelClosedException.class);
    hints.client().close();
    assertThatThrownBy(server::join).hasCauseInstanceOf(IncorrectPreimageDataException.class)
        .hasMessageContaining(key.hex());
  }
}
