package io.fpp4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.fpvm.FileDescriptor;
import io.fpp4j.fpvm.KernelInterface;
import io.fpp4j.fpvm.ProgramEntry;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.chain.OracleReads;
import io.fpp4j.testkit.devnet.DevnetFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real proof in-process: fpp4j's program against the prepared fp-tests-devnet store, for both local-key maps,
 * the true claim and the false one, with every derived block checked against the devnet's own header where the data
 * holds it; then the bad inputs.
 */
class FppProgramDevnetTest {
  static DevnetFixture.Prepared prepared;
  /** The devnet's L2 headers in the data, by number. */
  static final Map<Long, Header> devnetHeaders = new HashMap<>();

  @BeforeAll
  static void prepare() {
    prepared = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
    StoreOracle oracle = new StoreOracle(prepared.dataDir(), Map.of());
    Header h = OracleReads.header(oracle, prepared.basicSuccess().l2Head(), "L2");
    while (true) {
      devnetHeaders.put(h.number(), h);
      if (h.number() == 0) break;
      try {
        h = OracleReads.header(oracle, h.parentHash(), "L2");
      } catch (RuntimeException missing) {
        break;
      }
    }
  }

  /** A run's exit code, standard output and standard error. */
  record Run(int exit, String out, String err) {}

  static Run run(StoreOracle oracle, Optional<Dialect> dialect) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    KernelInterface kernel = new KernelInterface() {
      @Override
      public void write(FileDescriptor fd, byte[] buf, int off, int len) {
        (fd == FileDescriptor.STDERR ? err : out).write(buf, off, len);
      }

      @Override
      public int read(FileDescriptor fd, byte[] buf, int off, int len) {
        return -1;
      }

      @Override
      public void exit(int code) {
        throw new IllegalStateException("execute does not exit");
      }
    };
    PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = ProgramEntry.execute(new FppProgram(dialect, log), oracle, kernel);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static StoreOracle oracle(DevnetFixture.Case c, boolean kona) {
    return new StoreOracle(prepared.dataDir(), StoreOracle.localKeys(kona ? c.konaLocalKeys() : c.opProgramLocalKeys()));
  }

  /** The derived blocks a run printed, by number. */
  static Map<Long, Bytes32> derived(String out) {
    Map<Long, Bytes32> blocks = new HashMap<>();
    Matcher m = Pattern.compile("derived L2 block (\\d+) (0x[0-9a-f]{64})").matcher(out);
    while (m.find()) blocks.put(Long.parseLong(m.group(1)), Bytes32.fromHex(m.group(2)));
    return blocks;
  }

  /** The parents of the derived blocks a run printed, by number. */
  static Map<Long, Bytes32> parents(String out) {
    Map<Long, Bytes32> blocks = new HashMap<>();
    Matcher m = Pattern.compile("derived L2 block (\\d+) 0x[0-9a-f]{64} \\(parent (0x[0-9a-f]{64})").matcher(out);
    while (m.find()) blocks.put(Long.parseLong(m.group(1)), Bytes32.fromHex(m.group(2)));
    return blocks;
  }

  /**
   * Every derived block whose header the data holds must hash as the devnet's, and every derived block's parent must
   * be the devnet's block before it (the agreed block 19 for block 20, whose header the data does not hold: the
   * claimed output root commits to its hash instead).
   */
  static void assertDevnetChain(String out, long claimed) {
    Map<Long, Bytes32> derived = derived(out);
    Map<Long, Bytes32> parents = parents(out);
    assertThat(derived).as(out).containsKey(claimed);
    for (Map.Entry<Long, Bytes32> e : derived.entrySet()) {
      Header devnet = devnetHeaders.get(e.getKey());
      if (devnet != null) assertThat(e.getValue()).as("hash of derived L2 block %d", e.getKey()).isEqualTo(devnet.hash());
      Bytes32 parent = derived.containsKey(e.getKey() - 1) ? derived.get(e.getKey() - 1) : devnetHeaders.get(e.getKey() - 1).hash();
      assertThat(parents.get(e.getKey())).as("parent of derived L2 block %d", e.getKey()).isEqualTo(parent);
    }
  }

  @Test
  void basicSuccessHoldsUnderKonasKeys() {
    DevnetFixture.Case c = prepared.basicSuccess();
    Run r = run(oracle(c, true), Optional.empty());
    assertThat(r.exit()).as("stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isEqualTo(ExitCode.VALID);
    assertDevnetChain(r.out(), c.l2BlockNumber());
    assertThat(r.out()).contains("kona local keys").contains("output root of L2 block " + c.l2BlockNumber() + ": " + c.l2Claim())
        .contains("verdict: valid claim");
  }

  @Test
  void basicSuccessHoldsUnderOpProgramsKeys() {
    DevnetFixture.Case c = prepared.basicSuccess();
    Run r = run(oracle(c, false), Optional.empty());
    assertThat(r.exit()).as("stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isEqualTo(ExitCode.VALID);
    assertDevnetChain(r.out(), c.l2BlockNumber());
    assertThat(r.out()).contains("op-program local keys").contains("verdict: valid claim");
  }

  @Test
  void theFaultyClaimIsInvalidUnderBothKeyMaps() {
    DevnetFixture.Case c = prepared.basicFaultyClaim();
    assertThat(c.expectedStatus()).isEqualTo(ExitCode.INVALID);
    for (boolean kona : new boolean[] {true, false}) {
      Run r = run(oracle(c, kona), Optional.empty());
      assertThat(r.exit()).as("stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isEqualTo(ExitCode.INVALID);
      assertDevnetChain(r.out(), c.l2BlockNumber());
      // The computed root is the true one; the claim is not.
      assertThat(r.out()).contains("output root of L2 block " + c.l2BlockNumber() + ": " + prepared.basicSuccess().l2Claim());
      assertThat(r.err()).contains("Claim is invalid").contains("not the claimed " + c.l2Claim());
    }
  }

  @Test
  void aClaimAtTheAgreedBlockChecksTheAgreedOutput() {
    DevnetFixture.Case c = prepared.basicSuccess();
    Map<Long, byte[]> keys = StoreOracle.localKeys(c.konaLocalKeys());
    keys.put(4L, new byte[] {0, 0, 0, 0, 0, 0, 0, 19});
    keys.put(3L, c.l2OutputRoot().toArray());
    Run valid = run(new StoreOracle(prepared.dataDir(), keys), Optional.of(Dialect.KONA));
    assertThat(valid.exit()).as(valid.err()).isEqualTo(ExitCode.VALID);
    assertThat(valid.out()).contains("at or below the agreed block 19").doesNotContain("derived L2 block");

    keys.put(4L, new byte[] {0, 0, 0, 0, 0, 0, 0, 3});
    keys.put(3L, c.l2Claim().toArray());
    Run invalid = run(new StoreOracle(prepared.dataDir(), keys), Optional.of(Dialect.KONA));
    assertThat(invalid.exit()).as(invalid.err()).isEqualTo(ExitCode.INVALID);
  }

  /**
   * A rollup config whose batch inbox is not the chain's finds no batch, so derivation reads on through L1 blocks the
   * recorded run never needed: the data lacks them, and the program fails on the missing preimage without a verdict.
   */
  @Test
  void aRollupConfigWithAnotherBatchInboxFindsNoBatchAndFailsWithoutAVerdict() throws Exception {
    DevnetFixture.Case c = prepared.basicSuccess();
    Map<Long, byte[]> keys = StoreOracle.localKeys(c.konaLocalKeys());
    String rollup = new String(keys.get(6L), StandardCharsets.UTF_8);
    var json = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(rollup);
    assertThat(json.has("batch_inbox_address")).isTrue();
    json.put("batch_inbox_address", "0x00000000000000000000000000000000000b0b0b");
    keys.put(6L, json.toString().getBytes(StandardCharsets.UTF_8));
    Run r = run(new StoreOracle(prepared.dataDir(), keys), Optional.of(Dialect.KONA));
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains("Program failed").contains("no preimage for key");
    assertThat(r.out()).doesNotContain("derived L2 block").doesNotContain("verdict");
  }

  @Test
  void missingOrMalformedBootInputsFailWithTheKeyNamed() {
    DevnetFixture.Case c = prepared.basicSuccess();
    Map<Long, byte[]> noL1Head = StoreOracle.localKeys(c.konaLocalKeys());
    noL1Head.remove(1L);
    Run missing = run(new StoreOracle(prepared.dataDir(), noL1Head), Optional.empty());
    assertThat(missing.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(missing.err()).contains("Program failed").contains("local key 1");

    Map<Long, byte[]> shortNumber = StoreOracle.localKeys(c.konaLocalKeys());
    shortNumber.put(4L, new byte[] {20});
    Run malformed = run(new StoreOracle(prepared.dataDir(), shortNumber), Optional.of(Dialect.KONA));
    assertThat(malformed.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(malformed.err()).contains("Program failed").containsIgnoringCase("block number");

    Map<Long, byte[]> badConfig = StoreOracle.localKeys(c.konaLocalKeys());
    badConfig.put(6L, "{\"genesis\": 1}".getBytes(StandardCharsets.UTF_8));
    Run config = run(new StoreOracle(prepared.dataDir(), badConfig), Optional.of(Dialect.KONA));
    assertThat(config.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(config.err()).contains("Program failed").containsIgnoringCase("rollup config");
  }

  @Test
  void aMissingPreimageIsAFailureNotAVerdict() {
    DevnetFixture.Case c = prepared.basicFaultyClaim();
    StoreOracle oracle = oracle(c, true);
    // The agreed output's preimage: without it there is no safe head to start from.
    oracle.withheld.add(PreimageKey.keccak256(c.l2OutputRoot()));
    Run r = run(oracle, Optional.empty());
    assertThat(r.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains("Program failed").contains("withheld by the test").doesNotContain("Claim is invalid");
  }
}
