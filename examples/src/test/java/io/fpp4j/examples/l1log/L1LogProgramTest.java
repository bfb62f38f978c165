package io.fpp4j.examples.l1log;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.examples.testing.ChildRun;
import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.testkit.ChainData;
import io.fpp4j.testkit.ChainDataGenerator;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The L1 log program as a child process against generated chain data. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class L1LogProgramTest {
  static final ChainData CHAIN = ChainDataGenerator.generate(ChainDataGenerator.Options.defaults());

  @TempDir Path tmp;

  /** The first block (from index 1) with a log, and that log. */
  static int blockWithLog() {
    for (int b = 1; b < CHAIN.l1Headers().size(); b++) {
      for (Receipt r : CHAIN.l1Receipts().get(b)) if (!r.logs().isEmpty()) return b;
    }
    throw new IllegalStateException("generated L1 chain has no logs");
  }

  static Log lastLogOf(int block) {
    List<Log> logs = new ArrayList<>();
    for (Receipt r : CHAIN.l1Receipts().get(block)) logs.addAll(r.logs());
    return logs.get(logs.size() - 1);
  }

  static Map<PreimageKey, byte[]> store(long number, Log claim) {
    Map<PreimageKey, byte[]> m = new HashMap<>(CHAIN.preimages());
    m.put(PreimageKey.local(1), CHAIN.l1Head().toArray());
    m.put(PreimageKey.local(2), ByteBuffer.allocate(8).putLong(number).array());
    m.put(PreimageKey.local(3), L1LogProgram.encodeClaim(claim));
    return m;
  }

  @Test
  void logThatIsThereExitsZeroAfterWalkingBackAndReadingReceipts() throws Exception {
    int b = blockWithLog();
    Header target = CHAIN.l1Headers().get(b);
    ChildRun.Result r = ChildRun.run(tmp, L1LogProgram.class, store(target.number(), lastLogOf(b)));
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(ExitCode.VALID);
    List<String> expected = new ArrayList<>();
    for (int i = CHAIN.l1Headers().size() - 1; i >= b; i--) {
      expected.add("l1-block-header " + CHAIN.l1Headers().get(i).hash().toHex());
    }
    expected.add("l1-block-header " + target.hash().toHex());
    expected.add("l1-receipts " + target.hash().toHex());
    assertThat(r.hints()).containsExactlyElementsOf(expected);
  }

  @Test
  void changedLogDataExitsOne() throws Exception {
    int b = blockWithLog();
    Log log = lastLogOf(b);
    Log changed = new Log(log.address(), log.topics(), Bytes.of(new byte[] {1, 2, 3}));
    ChildRun.Result r = ChildRun.run(tmp, L1LogProgram.class, store(CHAIN.l1Headers().get(b).number(), changed));
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(r.stderr()).startsWith("Claim is invalid: none of the " + CHAIN.l1Receipts().get(b).size()
        + " receipts of L1 block " + CHAIN.l1Headers().get(b).number());
  }

  @Test
  void blockPastTheHeadIsAProgramFailure() throws Exception {
    Header head = CHAIN.l1Headers().get(CHAIN.l1Headers().size() - 1);
    ChildRun.Result r = ChildRun.run(tmp, L1LogProgram.class, store(head.number() + 1, lastLogOf(blockWithLog())));
    assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.stderr()).contains("block number " + (head.number() + 1) + " is past the head block " + head.number());
  }
}
