package io.fpp4j.examples.claim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.fpvm.PipedProcess;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.preimage.PreimageServer;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim example as a child process on descriptors 3 to 6, served by a Java host in this process that
 * behaves like Cannon's ClaimTestOracle: the keccak preimages exist only once their hint has arrived, so a
 * program that asked before hinting would find nothing.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClaimProgramTest {
  @TempDir Path tmp;

  record Run(int exitCode, String stdout, String stderr, List<String> events, RuntimeException hostFailure) {}

  private Run run(String claim, String state) throws Exception {
    Map<PreimageKey, byte[]> store = new ConcurrentHashMap<>(ClaimVectors.locals(claim));
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    Path out = tmp.resolve("stdout-" + System.nanoTime()), err = tmp.resolve("stderr-" + System.nanoTime());
    ProcessBuilder pb = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
        ClaimProgram.class.getName()).redirectOutput(out.toFile()).redirectError(err.toFile());
    try (PipedProcess child = PipedProcess.start(pb, Duration.ofSeconds(60))) {
      PreimageServer server = PreimageServer.builder(child.hintChannel(), child.preimageChannel(), key -> {
        events.add("get " + key.hex());
        byte[] v = store.get(key);
        if (v == null) throw new KeyNotFoundException("no preimage for key " + key);
        return v;
      }).router(hint -> {
        events.add("hint " + hint);
        if (hint.equals("fetch-state " + ClaimVectors.PRE_HASH)) store.putAll(ClaimVectors.state(state));
        else if (hint.equals("fetch-diff " + ClaimVectors.DIFF_HASH)) store.putAll(ClaimVectors.diff());
        else throw new IllegalArgumentException("unexpected hint: " + hint);
      }).build();
      RuntimeException failure = null;
      try {
        server.run();
      } catch (RuntimeException e) {
        failure = e;
      }
      int code = child.waitFor();
      return new Run(code, Files.readString(out), Files.readString(err), List.copyOf(events), failure);
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void goodClaimExitsZeroWithCannonsExactOutput() throws Exception {
    Run r = run(ClaimVectors.CLAIM, "00ffffff00001000");
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(ExitCode.VALID);
    assertThat(r.stdout()).isEqualTo("computing 72057589742964736 * 3 + 4\nclaim 216172769228894212 is good!\n");
    assertThat(r.stderr()).isEqualTo("started!");
    assertThat(r.hostFailure()).isNull();
  }

  @Test
  void hintsArriveBeforeTheGetsTheyAnnounce() throws Exception {
    Run r = run(ClaimVectors.CLAIM, "00ffffff00001000");
    assertThat(r.events()).containsExactly(
        "get 0x0100000000000000000000000000000000000000000000000000000000000000",
        "get 0x0100000000000000000000000000000000000000000000000000000000000001",
        "get 0x0100000000000000000000000000000000000000000000000000000000000002",
        "hint fetch-state 7f7fa7f8fea0d8d22fb5225f32264f463eee3bd2513cbee93da6560338e0615e",
        "get 0x027fa7f8fea0d8d22fb5225f32264f463eee3bd2513cbee93da6560338e0615e",
        "hint fetch-diff 24decc5be5a9ccc776fa2738bc15b7abd3c33cc7a5bca6fe62202f43b0bd1769",
        "get 0x02decc5be5a9ccc776fa2738bc15b7abd3c33cc7a5bca6fe62202f43b0bd1769",
        "get 0x02c69e49e83a6047f46e42b2d053a1f0c6e70ea42862e5ef4ad66b3666c5e2af",
        "get 0x02ed8d75f801ae8a206c07ff9b104f0e005238dcd1cbaf844fd9f40d63174c56");
    // The first hint on the wire is u32be(0x4c) then the 76 ASCII bytes.
    assertThat(("fetch-state " + ClaimVectors.PRE_HASH).length()).isEqualTo(0x4c);
  }

  @Test
  void changedClaimExitsOne() throws Exception {
    Run r = run("02fffffd00003005", "00ffffff00001000");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(r.stdout()).isEqualTo(
        "computing 72057589742964736 * 3 + 4\nclaim 216172769228894212 is bad! Correct result is 216172769228894213\n");
    assertThat(r.stderr()).isEqualTo("started!");
  }

  @Test
  void changedPreStateExitsOne() throws Exception {
    // A pre-state of 1 under the same key: the host serves it (the key is what the hint named), the sum changes.
    Run r = run(ClaimVectors.CLAIM, "0000000000000001");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(r.stdout()).isEqualTo("computing 1 * 3 + 4\nclaim 7 is bad! Correct result is 216172769228894212\n");
  }

  @Test
  void vectorsAreTheHashesTheyClaimToBe() {
    assertThat(Hex.encode(Hashing.keccak256(Hex.decode("00ffffff00001000")))).isEqualTo(ClaimVectors.PRE_HASH);
    byte[] diff = ClaimVectors.diff().get(PreimageKey.fromHex("02" + ClaimVectors.DIFF_HASH.substring(2)));
    assertThat(Hex.encode(Hashing.keccak256(diff))).isEqualTo(ClaimVectors.DIFF_HASH);
    assertThat(Hex.encode(Hashing.keccak256(Hex.decode("0000000000000003"))))
        .isEqualTo("d4c69e49e83a6047f46e42b2d053a1f0c6e70ea42862e5ef4ad66b3666c5e2af");
  }

  @Test
  void missingPreimageIsAProgramFailure() throws Exception {
    // Serve the diff but not the pre-state: the host stops on the unknown key, the program exits 2.
    Map<PreimageKey, byte[]> noState = Map.of();
    Run r = runWithout(noState);
    assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.stderr()).startsWith("started!\npanic: ")
        .contains("0x027fa7f8fea0d8d22fb5225f32264f463eee3bd2513cbee93da6560338e0615e");
    assertThat(r.hostFailure()).isInstanceOf(PreimageOracleException.class)
        .hasMessageContaining("0x027fa7f8fea0d8d22fb5225f32264f463eee3bd2513cbee93da6560338e0615e");
  }

  private Run runWithout(Map<PreimageKey, byte[]> state) throws Exception {
    Map<PreimageKey, byte[]> store = new ConcurrentHashMap<>(ClaimVectors.locals(ClaimVectors.CLAIM));
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    Path out = tmp.resolve("stdout-missing"), err = tmp.resolve("stderr-missing");
    ProcessBuilder pb = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
        ClaimProgram.class.getName()).redirectOutput(out.toFile()).redirectError(err.toFile());
    try (PipedProcess child = PipedProcess.start(pb, Duration.ofSeconds(60))) {
      PreimageServer server = PreimageServer.builder(child.hintChannel(), child.preimageChannel(), key -> {
        byte[] v = store.get(key);
        if (v == null) throw new KeyNotFoundException("no preimage for key " + key);
        return v;
      }).router(hint -> store.putAll(state)).build();
      RuntimeException failure = null;
      try {
        server.run();
      } catch (RuntimeException e) {
        failure = e;
      }
      return new Run(child.waitFor(), Files.readString(out), Files.readString(err), events, failure);
    }
  }
}
