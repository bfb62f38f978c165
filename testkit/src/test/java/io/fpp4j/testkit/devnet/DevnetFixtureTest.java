package io.fpp4j.testkit.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.blob.BlobProvider;
import io.fpp4j.proof.blob.RootsOfUnity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DevnetFixtureTest {
  private static DevnetFixture.Prepared prepared;
  private static Map<Bytes32, byte[]> store;

  @BeforeAll
  static void prepare() throws IOException {
    prepared = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
    store = new HashMap<>();
    try (Stream<Path> files = Files.list(prepared.dataDir())) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.equals("kvformat")) continue;
        assertThat(name).matches("0x[0-9a-f]{64}\\.txt");
        store.put(Bytes32.fromHex(name.substring(0, 66)), Hex.decode(Files.readString(p).trim()));
      }
    }
  }

  @Test
  void everyHashKeyedValueHashesToItsKey() {
    int keccak = 0;
    int sha = 0;
    for (Map.Entry<Bytes32, byte[]> e : store.entrySet()) {
      byte type = e.getKey().get(0);
      byte[] digest = switch (type) {
        case 2 -> Hashing.keccak256(e.getValue());
        case 4 -> Hashing.sha256(e.getValue());
        default -> null;
      };
      if (digest == null) continue;
      if (type == 2) keccak++; else sha++;
      assertThat(Arrays.copyOfRange(digest, 1, 32)).as("value of key %s", e.getKey())
          .isEqualTo(Arrays.copyOfRange(e.getKey().toArray(), 1, 32));
    }
    assertThat(keccak).isGreaterThan(20_000);
    assertThat(sha).isEqualTo(3); // one commitment per blob
    assertThat(store.get(Bytes32.fromHex("0x02e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")))
        .containsExactly(0x80);
    assertThat(Files.exists(prepared.dataDir().resolve("kvformat"))).isTrue();
  }

  @Test
  void everyBlobKeyHasItsKeccakPreimage() {
    for (Bytes32 key : store.keySet()) {
      if (key.get(0) != 5) continue;
      byte[] k = key.toArray();
      k[0] = 2;
      byte[] body = store.get(Bytes32.wrap(k));
      assertThat(body).as("keccak preimage of blob key %s", key).isNotNull().hasSize(80);
    }
  }

  @Test
  void rootKeyedFieldElementsEqualTheIndexKeyedOnes() {
    List<byte[]> commitments = new ArrayList<>();
    for (Map.Entry<Bytes32, byte[]> e : store.entrySet()) {
      if (e.getKey().get(0) != 4) continue;
      commitments.add(e.getValue());
      assertThat(BlobProvider.versionedHash(e.getValue()).toArray()).as("versioned hash key")
          .endsWith(Arrays.copyOfRange(e.getKey().toArray(), 1, 32));
    }
    assertThat(commitments).hasSize(3);
    // The first root of unity is 1: today's key of element 0 is the old key of element 1, and holds element 0.
    assertThat(RootsOfUnity.z(0)).isEqualTo(DevnetFixture.indexZ(1));
    for (byte[] c : commitments) {
      int nonZero = 0;
      for (int i = 0; i < RootsOfUnity.FIELD_ELEMENTS_PER_BLOB; i++) {
        if (i == 1) continue; // its old key now holds element 0, checked as element 0
        byte[] byIndex = store.get(Bytes32.wrap(PreimageKey.blob(c, DevnetFixture.indexZ(i)).bytes()));
        byte[] byRoot = store.get(Bytes32.wrap(PreimageKey.blob(c, RootsOfUnity.z(i)).bytes()));
        assertThat(byIndex).as("element %d by index", i).isNotNull();
        assertThat(byRoot).as("element %d by root of unity", i).isEqualTo(byIndex);
        if (!Arrays.equals(byIndex, new byte[32])) nonZero++;
      }
      assertThat(nonZero).as("a batcher blob carries data").isPositive();
    }
  }

  @Test
  void bootInputsMatchFixtureToml() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (DevnetFixture.Case c : prepared.cases().values()) {
      String toml = Files.readString(DevnetFixture.source().resolve(c.name()).resolve("fixture.toml"));
      JsonNode kona = json.readTree(c.konaLocalKeys().toFile());
      JsonNode op = json.readTree(c.opProgramLocalKeys().toFile());
      for (JsonNode keys : List.of(kona, op)) {
        assertThat(keys.get("1").asText()).isEqualTo(tomlString(toml, "l1-head"));
        assertThat(keys.get("2").asText()).isEqualTo(tomlString(toml, "l2-output-root"));
        assertThat(keys.get("3").asText()).isEqualTo(tomlString(toml, "l2-claim"));
        assertThat(Long.parseLong(keys.get("4").asText().substring(2), 16))
            .isEqualTo(Long.parseLong(tomlValue(toml, "l2-block-number")));
      }
      assertThat(kona.get("5").asText()).isEqualTo("0x0000000000000000");
      assertThat(op.get("5").asText()).isEqualTo("0xffffffffffffffff");
      JsonNode rollup = json.readTree(Hex.decode(kona.get("6").asText()));
      assertThat(rollup.get("l2_chain_id").asLong()).isEqualTo(Long.parseLong(tomlValue(toml, "l2-chain-id")));
      assertThat(json.readTree(Hex.decode(op.get("7").asText()))).isEqualTo(rollup);
      JsonNode l2Config = json.readTree(Hex.decode(op.get("6").asText()));
      assertThat(l2Config.get("chainId").asLong()).isEqualTo(1337);
      assertThat(l2Config.has("terminalTotalDifficultyPassed")).isFalse();
      for (JsonNode l1 : List.of(json.readTree(Hex.decode(op.get("9").asText())), json.readTree(Hex.decode(kona.get("7").asText())))) {
        assertThat(l1.get("chainId").asLong()).isEqualTo(rollup.get("l1_chain_id").asLong());
        assertThat(l1.at("/blobSchedule/cancun/baseFeeUpdateFraction").asLong()).isEqualTo(3338477);
      }
      assertThat(c.expectedStatus()).isEqualTo(Integer.parseInt(tomlValue(toml, "expected-status")));
      assertThat(c.l2Head().toString()).isEqualTo(tomlString(toml, "l2-head"));
    }
    assertThat(prepared.basicSuccess().expectedStatus()).isZero();
    assertThat(prepared.basicFaultyClaim().expectedStatus()).isEqualTo(1);
  }

  @Test
  void secondPrepareReusesTheCache() throws IOException {
    long before = Files.getLastModifiedTime(prepared.dataDir()).toMillis();
    DevnetFixture.Prepared again = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
    assertThat(again).isEqualTo(prepared);
    assertThat(Files.getLastModifiedTime(again.dataDir()).toMillis()).isEqualTo(before);
    assertThat(Files.readString(again.l2Genesis(), StandardCharsets.UTF_8)).doesNotContain("terminalTotalDifficultyPassed");
  }

  private static String tomlString(String toml, String key) {
    return tomlValue(toml, key).replace("\"", "");
  }

  private static String tomlValue(String toml, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=\\s*(.+)$").matcher(toml);
    assertThat(m.find()).as("%s in fixture.toml", key).isTrue();
    return m.group(1).strip();
  }
}
