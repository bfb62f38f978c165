package io.fpp4j.host.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local-key maps of both dialects, byte for byte. */
class LocalKeyMapsTest {
  static final Bytes32 L1_HEAD = Bytes32.fromHex("0x" + "11".repeat(32));
  static final Bytes32 L2_HEAD = Bytes32.fromHex("0x" + "22".repeat(32));
  static final Bytes32 AGREED = Bytes32.fromHex("0x" + "33".repeat(32));
  static final Bytes32 CLAIM = Bytes32.fromHex("0x" + "44".repeat(32));

  @TempDir Path tmp;

  String hex(LocalInputs in, long index) {
    return Hex.prefixed(in.get(index).orElseThrow());
  }

  @Test
  void konaWithAChainIdServesKeysOneToFive() {
    LocalInputs in = new KonaSingleChainInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 8, 11155420L, null, null).localInputs();
    assertThat(in.indices()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(hex(in, 1)).isEqualTo(L1_HEAD.toHex());
    assertThat(hex(in, 2)).isEqualTo(AGREED.toHex());
    assertThat(hex(in, 3)).isEqualTo(CLAIM.toHex());
    assertThat(hex(in, 4)).isEqualTo("0x0000000000000008");
    assertThat(hex(in, 5)).isEqualTo("0x0000000000aa37dc"); // 11155420, OP Sepolia
    // The agreed L2 head hash is not a local key.
    assertThat(in.asMap().values()).noneMatch(v -> Hex.prefixed(v).equals(L2_HEAD.toHex()));
  }

  @Test
  void konaWithARollupConfigFileServesChainIdZeroAndTheCompactJson() throws IOException {
    Path rollup = Files.writeString(tmp.resolve("rollup.json"), "{\n  \"l2_chain_id\": 901,\n  \"block_time\": 2,\n"
        + "  \"big\": 123456789012345678901234567890, \"ratio\": 1.10\n}\n");
    Path l1 = Files.writeString(tmp.resolve("l1.json"), "{ \"chainId\": 900 }");
    LocalInputs in = new KonaSingleChainInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 0xFFFF_FFFF_FFFF_FFFFL, null, rollup, l1)
        .localInputs();
    assertThat(in.indices()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(hex(in, 4)).isEqualTo("0xffffffffffffffff");
    assertThat(hex(in, 5)).isEqualTo("0x0000000000000000");
    assertThat(new String(in.get(6).orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("{\"l2_chain_id\":901,\"block_time\":2,\"big\":123456789012345678901234567890,\"ratio\":1.10}");
    assertThat(new String(in.get(7).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"chainId\":900}");
  }

  @Test
  void konaConfigFileProblemsNameTheFlagAndFile() throws IOException {
    Path missing = tmp.resolve("nope.json");
    assertThatThrownBy(() -> new KonaSingleChainInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 1, null, missing, null).localInputs())
        .hasMessage("--rollup-config-path file " + missing + " does not exist");
    Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"a\": 1,}");
    assertThatThrownBy(() -> new KonaSingleChainInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 1, null, bad, null).localInputs())
        .hasMessageStartingWith("--rollup-config-path file " + bad + " is not valid JSON:").hasMessageContaining("line 1");
    Path dup = Files.writeString(tmp.resolve("dup.json"), "{\"a\": 1, \"a\": 2}");
    assertThatThrownBy(() -> new KonaSingleChainInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 1, null, dup, null).localInputs())
        .hasMessage("--rollup-config-path file " + dup + " is not valid JSON: duplicate member \"a\" (line 1, column 10)");
    Path two = Files.writeString(tmp.resolve("two.json"), "{\"a\": 1} {\"a\": 2}");
    assertThatThrownBy(() -> new KonaSingleChainInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 1, null, two, null).localInputs())
        .hasMessage("--rollup-config-path file " + two + " is not valid JSON: unexpected content after the object (line 1, column 10)");
    Path array = Files.writeString(tmp.resolve("array.json"), "[1]");
    assertThatThrownBy(() -> new KonaSingleChainInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 1, 5L, null, array).localInputs())
        .hasMessage("--l1-config-path file " + array + " must hold a JSON object");
  }

  @Test
  void opProgramCustomChainServesMaxUint64AndTheConfigs() throws IOException {
    Path rollup = Files.writeString(tmp.resolve("rollup.json"), "{ \"l2_chain_id\": 901 }");
    Path genesis = Files.writeString(tmp.resolve("genesis.json"),
        "{ \"config\": { \"chainId\": 901, \"optimism\": {\"eip1559Elasticity\": 6} }, \"alloc\": {\"0x00\": {}} }");
    Path l1 = Files.writeString(tmp.resolve("l1-genesis.json"), "{ \"config\": { \"chainId\": 900 }, \"alloc\": {} }");
    LocalInputs in = new OpProgramInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 8, null, rollup, genesis, l1).localInputs();
    assertThat(in.indices()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 9L);
    assertThat(hex(in, 4)).isEqualTo("0x0000000000000008");
    assertThat(hex(in, 5)).isEqualTo("0xffffffffffffffff");
    assertThat(new String(in.get(6).orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("{\"chainId\":901,\"optimism\":{\"eip1559Elasticity\":6}}");
    assertThat(new String(in.get(7).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"l2_chain_id\":901}");
    assertThat(new String(in.get(9).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"chainId\":900}");
  }

  @Test
  void opProgramBareL1ChainConfigAndMissingGenesisConfig() throws IOException {
    Path rollup = Files.writeString(tmp.resolve("rollup.json"), "{}");
    Path bareL1 = Files.writeString(tmp.resolve("l1.json"), "{\"chainId\":1}");
    Path noConfig = Files.writeString(tmp.resolve("genesis.json"), "{\"alloc\":{}}");
    assertThatThrownBy(() -> new OpProgramInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 8, null, rollup, noConfig, null).localInputs())
        .hasMessage("--l2.genesis file " + noConfig + " has no \"config\" object: expected an op-geth genesis file");
    Path genesis = Files.writeString(tmp.resolve("g2.json"), "{\"config\":{\"chainId\":5}}");
    LocalInputs in = new OpProgramInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 8, null, rollup, genesis, bareL1).localInputs();
    assertThat(new String(in.get(9).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"chainId\":1}");
  }

  /**
   * Only the genesis file's config is read into a tree (the rest is scanned), but the file is still checked whole:
   * a file cut short or a repeated member anywhere is refused, as reading it whole did.
   */
  @Test
  void opProgramGenesisFileIsCheckedWholeThoughOnlyItsConfigIsRead() throws IOException {
    Path rollup = Files.writeString(tmp.resolve("rollup.json"), "{}");
    Path genesis = Files.writeString(tmp.resolve("genesis.json"),
        "{\"alloc\":{\"0x01\":{\"balance\":\"0x1\",\"storage\":{\"0x02\":\"0x03\"}}},\"config\":{\"chainId\":5},\"number\":\"0x0\"}");
    LocalInputs in = new OpProgramInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 8, null, rollup, genesis, null).localInputs();
    assertThat(new String(in.get(6).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"chainId\":5}");
    for (String bad : List.of(
        "{\"config\":{\"chainId\":5},\"alloc\":{\"0x01\":{\"balance\":",
        "{\"config\":{\"chainId\":5},\"alloc\":{\"0x01\":{},\"0x01\":{}}}",
        "{\"config\":{\"chainId\":5},\"config\":{\"chainId\":6}}")) {
      Path file = Files.writeString(tmp.resolve("bad-genesis.json"), bad);
      assertThatThrownBy(() -> new OpProgramInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 8, null, rollup, file, null).localInputs())
          .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--l2.genesis file " + file + " is not valid JSON");
    }
  }

  @Test
  void opProgramRegistryChainServesItsIdAndNoConfigs() {
    LocalInputs in = new OpProgramInputs(L1_HEAD, L2_HEAD, AGREED, CLAIM, 1, 10L, null, null, null).localInputs();
    assertThat(in.indices()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(hex(in, 5)).isEqualTo("0x000000000000000a");
    assertThatThrownBy(() -> in.require(PreimageKey.local(7))).isInstanceOf(KeyNotFoundException.class)
        .hasMessage("local key 0x0100000000000000000000000000000000000000000000000000000000000007 (index 7) is not provided: "
            + "the op-program flags provide indices 1, 2, 3, 4, 5");
  }

  @Test
  void aLocalKeyWithHighBodyBytesIsNotAnIndex() {
    LocalInputs in = LocalInputs.builder("test").put(1, new byte[] {1}).build();
    byte[] k = PreimageKey.local(1).bytes();
    k[5] = 1;
    assertThatThrownBy(() -> in.require(PreimageKey.of(k)))
        .hasMessageContaining("has a non-zero byte in 1..23").hasMessageContaining("test provide indices 1");
  }

  @Test
  void localKeyArgsAndFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("keys.json"),
        "{\"1\": \"0x" + "ab".repeat(32) + "\", \"4\": \"0000000000000008\", \"18446744073709551615\": \"0x\"}");
    LocalInputs in = LocalKeyArgs.parse(java.util.List.of("1=0x01", "0=0xC0FFEE"), file);
    assertThat(in.indices()).containsExactly(0L, 1L, 4L, -1L);
    assertThat(hex(in, 0)).isEqualTo("0xc0ffee");
    assertThat(hex(in, 1)).isEqualTo("0x01"); // the command line wins over the file
    assertThat(hex(in, 4)).isEqualTo("0x0000000000000008");
    assertThat(in.get(-1L)).hasValueSatisfying(v -> assertThat(v).isEmpty());
    assertThat(in.require(PreimageKey.local(-1L))).isEmpty();
  }

  @Test
  void localKeyProblemsAreNamed() throws IOException {
    assertThatThrownBy(() -> LocalKeyArgs.parseArg("1:0x01"))
        .hasMessage("invalid --local-key '1:0x01': expected N=0xHEX, such as 1=0x01ab");
    assertThatThrownBy(() -> LocalKeyArgs.parseArg("x=0x01"))
        .hasMessage("invalid --local-key 'x=0x01': the local key index must be a decimal number from 0 to 18446744073709551615, got 'x'");
    assertThatThrownBy(() -> LocalKeyArgs.parseArg("18446744073709551616=0x01")).hasMessageContaining("got '18446744073709551616'");
    assertThatThrownBy(() -> LocalKeyArgs.parseArg("1=0x0"))
        .hasMessageStartingWith("invalid --local-key '1=0x0': hex string has an odd number of digits");
    assertThatThrownBy(() -> LocalKeyArgs.parse(java.util.List.of("1=0x01", "1=0x02"), null))
        .hasMessage("local key 1 is given twice in --local-key");
    Path dup = Files.writeString(tmp.resolve("dup.json"), "{\"1\": \"0x01\", \"1\": \"0x02\"}");
    assertThatThrownBy(() -> LocalKeyArgs.readFile(dup)).hasMessageStartingWith("--local-keys file " + dup + " is not valid JSON:")
        .hasMessageContaining("Duplicate field '1'");
    Path num = Files.writeString(tmp.resolve("num.json"), "{\"1\": 5}");
    assertThatThrownBy(() -> LocalKeyArgs.readFile(num))
        .hasMessage("--local-keys file " + num + ": the value of \"1\" must be a hex string, got 5");
    Path arr = Files.writeString(tmp.resolve("arr.json"), "[]");
    assertThatThrownBy(() -> LocalKeyArgs.readFile(arr)).hasMessageContaining("must hold a JSON object");
    assertThatThrownBy(() -> LocalKeyArgs.readFile(tmp.resolve("none.json"))).hasMessageEndingWith("none.json does not exist");
  }
}
