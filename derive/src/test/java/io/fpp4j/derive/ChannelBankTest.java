package io.fpp4j.derive;

import static io.fpp4j.derive.FrameTest.frame;
import static io.fpp4j.derive.FrameTest.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelBankTest {
  private final List<String> drops = new ArrayList<>();

  @Test
  void aChannelAssemblesFromFramesInAnyOrder() {
    Channel ch = new Channel(id(1), 5);
    ch.add(frame(1, 2, "c", true));
    ch.add(frame(1, 0, "a", false));
    assertThat(ch.isReady()).isFalse();
    ch.add(frame(1, 1, "b", false));
    assertThat(ch.isReady()).isTrue();
    assertThat(new String(ch.data())).isEqualTo("abc");
    assertThat(ch.size()).isEqualTo(3 + 3 * Channel.FRAME_OVERHEAD);
  }

  @Test
  void aChannelRefusesDuplicatesSecondClosesFramesPastTheEndAndOtherChannels() {
    Channel ch = new Channel(id(1), 5);
    ch.add(frame(1, 0, "a", false));
    assertThatThrownBy(() -> ch.add(frame(1, 0, "x", false))).hasMessageContaining("already has frame 0");
    ch.add(frame(1, 1, "b", true));
    assertThatThrownBy(() -> ch.add(frame(1, 3, "x", true))).hasMessageContaining("already closed");
    assertThatThrownBy(() -> ch.add(frame(1, 2, "x", false))).hasMessageContaining("past its closing frame");
    assertThatThrownBy(() -> ch.add(frame(2, 2, "x", false))).hasMessageContaining("offered to channel");
    assertThat(new String(ch.data())).isEqualTo("ab");
  }

  @Test
  void aClosingFrameDropsTheFramesAlreadyBeyondIt() {
    Channel ch = new Channel(id(1), 5);
    ch.add(frame(1, 3, "late", false));
    ch.add(frame(1, 0, "a", false));
    ch.add(frame(1, 1, "b", true));
    assertThat(ch.isReady()).isTrue();
    assertThat(ch.frameCount()).isEqualTo(2);
    assertThat(ch.size()).isEqualTo(2 + 2 * Channel.FRAME_OVERHEAD);
  }

  @Test
  void theBankReadsAChannelOnceItIsComplete() {
    ChannelBank bank = new ChannelBank(TestConfigs.fjord(), drops::add);
    bank.ingest(frame(1, 1, "world", true), 10, 100);
    assertThat(bank.read(10, 100)).isEmpty();
    bank.ingest(frame(1, 0, "hello ", false), 11, 112);
    assertThat(bank.read(11, 112)).hasValueSatisfying(d -> assertThat(new String(d)).isEqualTo("hello world"));
    assertThat(bank.channelCount()).isZero();
    assertThat(drops).isEmpty();
  }

  @Test
  void framesOfATimedOutChannelAreDropped() {
    ChannelBank bank = new ChannelBank(TestConfigs.fjord(), drops::add);
    bank.ingest(frame(1, 0, "a", false), 10, 100);
    bank.ingest(frame(1, 1, "b", true), 21, 200); // 10 + timeout 10 < 21
    assertThat(drops).singleElement().asString().contains("timed-out channel");
    assertThat(bank.read(20, 200)).isEmpty();
  }

  @Test
  void aTimedOutFirstChannelIsDroppedOnRead() {
    ChannelBank bank = new ChannelBank(TestConfigs.fjord(), drops::add);
    bank.ingest(frame(1, 0, "a", false), 10, 100);
    assertThat(bank.read(21, 200)).isEmpty();
    assertThat(bank.channelCount()).isZero();
    assertThat(drops).singleElement().asString().contains("timed out");
  }

  @Test
  void beforeCanyonOnlyTheFirstChannelIsRead() {
    ChannelBank bank = new ChannelBank(TestConfigs.preCanyon(), drops::add);
    bank.ingest(frame(1, 0, "first", false), 10, 100);
    bank.ingest(frame(2, 0, "second", true), 10, 100);
    assertThat(bank.read(10, 100)).isEmpty();
    bank.ingest(frame(1, 1, "", true), 11, 102);
    assertThat(bank.readAll(11, 102)).extracting(String::new).containsExactly("first", "second");
  }

  @Test
  void fromCanyonTheFirstReadyChannelIsRead() {
    ChannelBank bank = new ChannelBank(TestConfigs.fjord(), drops::add);
    bank.ingest(frame(1, 0, "first", false), 10, 100);
    bank.ingest(frame(2, 0, "second", true), 10, 100);
    assertThat(bank.read(10, 100)).hasValueSatisfying(d -> assertThat(new String(d)).isEqualTo("second"));
    assertThat(bank.channelCount()).isEqualTo(1);
  }

  @Test
  void theOldestChannelsArePrunedAboveTheBankSize() {
    ChannelBank bank = new ChannelBank(TestConfigs.fjord(), drops::add);
    Bytes mb = Bytes.adopt(new byte[Frame.MAX_FRAME_DATA]); // shared: the frames only hold a view
    // 99 frames of 1,000,000 bytes plus 200 each: 99,019,800 bytes, under the 100,000,000 limit.
    for (int i = 0; i < 99; i++) bank.ingest(new Frame(id(1), i, mb, false), 10, 100);
    assertThat(bank.channelCount()).isEqualTo(1);
    assertThat(drops).isEmpty();
    bank.ingest(new Frame(id(2), 0, mb, true), 10, 100); // 100,020,000: the older channel goes
    assertThat(drops).singleElement().asString().contains("pruned");
    assertThat(bank.channelCount()).isEqualTo(1);
    assertThat(bank.read(10, 100)).hasValueSatisfying(d -> assertThat(d).hasSize(Frame.MAX_FRAME_DATA));
  }

  @Test
  void holoceneAssemblesInOrderFramesOnly() {
    HoloceneChannelAssembler h = new HoloceneChannelAssembler(TestConfigs.holocene(), drops::add);
    assertThat(h.ingest(frame(1, 1, "x", false), 10, 100)).isEmpty(); // does not start a channel
    assertThat(h.ingest(frame(1, 0, "a", false), 10, 100)).isEmpty();
    assertThat(h.ingest(frame(1, 2, "x", false), 10, 100)).isEmpty(); // gap
    assertThat(h.ingest(frame(1, 0, "x", false), 10, 100)).isEmpty(); // duplicate of frame 0: out of order
    assertThat(h.ingest(frame(1, 1, "b", true), 11, 102)).hasValueSatisfying(d -> assertThat(new String(d)).isEqualTo("ab"));
    assertThat(drops).hasSize(3);
  }

  @Test
  void holoceneReplacesAnUnfinishedChannelWithANewOne() {
    HoloceneChannelAssembler h = new HoloceneChannelAssembler(TestConfigs.holocene(), drops::add);
    h.ingest(frame(1, 0, "old", false), 10, 100);
    assertThat(h.ingest(frame(2, 1, "x", true), 10, 100)).isEmpty();
    assertThat(h.ingest(frame(2, 0, "new", true), 10, 100)).hasValueSatisfying(d -> assertThat(new String(d)).isEqualTo("new"));
    assertThat(drops).anyMatch(m -> m.contains("does not start")).anyMatch(m -> m.contains("replaced"));
  }

  @Test
  void holoceneDropsATimedOutChannel() {
    HoloceneChannelAssembler h = new HoloceneChannelAssembler(TestConfigs.holocene(), drops::add);
    h.ingest(frame(1, 0, "a", false), 10, 100);
    // Holocene implies Granite, whose channel timeout is 50 L1 blocks.
    assertThat(h.ingest(frame(1, 1, "b", true), 61, 400)).isEmpty();
    assertThat(drops).anyMatch(m -> m.contains("timed out"));
  }

  @Test
  void holoceneDropsAChannelAboveTheRlpLimit() {
    HoloceneChannelAssembler h = new HoloceneChannelAssembler(TestConfigs.holocene(), drops::add);
    Bytes mb = Bytes.adopt(new byte[Frame.MAX_FRAME_DATA]);
    // 100 frames of 1,000,000 bytes plus 200 each: 100,020,000, above Fjord's 100,000,000.
    for (int i = 0; i < 99; i++) assertThat(h.ingest(new Frame(id(1), i, mb, false), 10, 100)).isEmpty();
    assertThat(drops).isEmpty();
    assertThat(h.ingest(new Frame(id(1), 99, mb, true), 10, 100)).isEmpty();
    assertThat(drops).singleElement().asString().contains("exceeds 100000000");
  }
}
