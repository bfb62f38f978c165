package io.fpp4j.mpt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** ethereum/tests TrieTests: plain and secure tries, in-order and any-order, plus iteration order. */
class EthereumTrieTestsTest {
  static JsonNode load(String name) throws IOException {
    Path p = Path.of(System.getProperty("fpp4j.shared", "../../shared"), "fixtures", "ethereum-tests", name);
    return new ObjectMapper().readTree(Files.readString(p));
  }

  /** "0x..." is hex, anything else is the string's bytes. */
  static byte[] bytes(JsonNode n) {
    String s = n.asText();
    return s.startsWith("0x") ? Hex.decode(s) : s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] key(byte[] k, boolean secure) {
    return secure ? Hashing.keccak256(k) : k;
  }

  /** Applies steps in order to a Trie; also returns the final contents for the builder. */
  static Bytes32 applySteps(List<byte[][]> steps, boolean secure, Map<String, byte[]> finalContents) {
    Trie trie = Trie.empty();
    for (byte[][] kv : steps) {
      byte[] k = key(kv[0], secure);
      if (kv[1] == null || kv[1].length == 0) {
        trie.delete(k);
        finalContents.remove(Hex.encode(k));
      } else {
        trie.put(k, kv[1]);
        finalContents.put(Hex.encode(k), kv[1]);
      }
    }
    return trie.rootHash();
  }

  static Bytes32 built(Map<String, byte[]> contents) {
    List<TrieBuilder.Entry> entries = new ArrayList<>();
    contents.forEach((k, v) -> entries.add(new TrieBuilder.Entry(Hex.decode(k), v)));
    return TrieBuilder.root(entries);
  }

  Stream<DynamicTest> sequenceTests(String file, boolean secure, int expectedCases) throws IOException {
    JsonNode root = load(file);
    List<DynamicTest> tests = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        List<byte[][]> steps = new ArrayList<>();
        for (JsonNode step : e.getValue().get("in")) {
          steps.add(new byte[][] {bytes(step.get(0)), step.get(1).isNull() ? null : bytes(step.get(1))});
        }
        Bytes32 expected = Bytes32.fromHex(e.getValue().get("root").asText());
        Map<String, byte[]> contents = new TreeMap<>();
        assertThat(applySteps(steps, secure, contents)).isEqualTo(expected);
        assertThat(built(contents)).as("builder over the final contents").isEqualTo(expected);
      }));
    }
    assertThat(tests).hasSize(expectedCases);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> trietest() throws IOException {
    return sequenceTests("trietest.json", false, 5);
  }

  @TestFactory
  Stream<DynamicTest> trietestSecure() throws IOException {
    return sequenceTests("trietest_secureTrie.json", true, 3);
  }

  Stream<DynamicTest> anyOrderTests(String file, boolean secure, int expectedCases) throws IOException {
    JsonNode root = load(file);
    List<DynamicTest> tests = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        List<byte[][]> pairs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> f = e.getValue().get("in").properties().iterator(); f.hasNext(); ) {
          Map.Entry<String, JsonNode> kv = f.next();
          String k = kv.getKey();
          byte[] kb = k.startsWith("0x") ? Hex.decode(k) : k.getBytes(StandardCharsets.UTF_8);
          pairs.add(new byte[][] {kb, bytes(kv.getValue())});
        }
        Bytes32 expected = Bytes32.fromHex(e.getValue().get("root").asText());
        // Forwards, backwards, and through the one-pass builder: one root.
        Map<String, byte[]> contents = new TreeMap<>();
        assertThat(applySteps(pairs, secure, contents)).isEqualTo(expected);
        List<byte[][]> reversed = new ArrayList<>(pairs);
        java.util.Collections.reverse(reversed);
        assertThat(applySteps(reversed, secure, new TreeMap<>())).isEqualTo(expected);
        assertThat(built(contents)).isEqualTo(expected);
      }));
    }
    assertThat(tests).hasSize(expectedCases);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> trieanyorder() throws IOException {
    return anyOrderTests("trieanyorder.json", false, 7);
  }

  @TestFactory
  Stream<DynamicTest> trieanyorderSecure() throws IOException {
    return anyOrderTests("trieanyorder_secureTrie.json", true, 7);
  }

  @TestFactory
  Stream<DynamicTest> hexEncodedSecureTrie() throws IOException {
    return anyOrderTests("hex_encoded_securetrie_test.json", true, 3);
  }

  /** trietestnextprev: the walk visits keys in order, so each probe's neighbours are found from it. */
  @TestFactory
  Stream<DynamicTest> walkOrderGivesNextAndPrevious() throws IOException {
    JsonNode basic = load("trietestnextprev.json").get("basic");
    Trie trie = Trie.empty();
    for (JsonNode k : basic.get("in")) trie.put(bytes(k), bytes(k));
    List<byte[]> walked = new ArrayList<>();
    trie.forEach((path, value) -> {
      assertThat(path.toKey()).isEqualTo(value.toArray());
      walked.add(path.toKey());
    });
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode t : basic.get("tests")) {
      tests.add(DynamicTest.dynamicTest("probe '" + t.get(0).asText() + "'", () -> {
        byte[] probe = bytes(t.get(0));
        String prev = "";
        String next = "";
        for (byte[] k : walked) {
          int c = Arrays.compareUnsigned(k, probe);
          if (c < 0) prev = new String(k, StandardCharsets.UTF_8);
          if (c > 0 && next.isEmpty()) next = new String(k, StandardCharsets.UTF_8);
        }
        assertThat(prev).isEqualTo(t.get(1).asText());
        assertThat(next).isEqualTo(t.get(2).asText());
      }));
    }
    assertThat(walked).hasSize(3);
    return tests.stream();
  }
}
