package io.fpp4j.host.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link JsonScan} must say what Jackson (strict: duplicates and trailing tokens refused) says, and find the same member. */
class JsonScanTest {
  private static final ObjectMapper JACKSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final List<String> SEEDS = List.of(
      "{}",
      "{\"config\":{\"chainId\":901,\"optimism\":{\"eip1559Elasticity\":6}},\"alloc\":{\"0x00\":{}}}",
      " {\n \"alloc\" : {\"0x01\":{\"balance\":\"0x1\",\"storage\":{\"0x02\":\"0x03\"}}},\r\n\t\"config\":{\"chainId\":5},\"number\":\"0x0\"} ",
      "{\"a\":[1,-2,3.5,-0.25e+10,0,1E-3,true,false,null,[],{},\"\\u00e9\\n\\\"\\\\\\/\"],\"b\":{\"c\":[[[]]]}}",
      "{\"config\":{\"x\":\"caf\u00e9 \u20ac\",\"y\":[{\"z\":1},{\"z\":2}]},\"\\u0063onfig2\":1}",
      "{\"n\":12345678901234567890123,\"m\":-1.5e300,\"s\":\"\",\"t\":\"\\b\\f\\r\\t\"}");

  @Test
  void validDocumentsAgreeWithJacksonAndTheMemberIsTheSame() throws Exception {
    for (String seed : SEEDS) {
      byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
      JsonNode tree = JACKSON.readTree(bytes);
      for (String member : List.of("config", "alloc", "a", "missing")) {
        JsonScan.Span span = JsonScan.member(bytes, member);
        if (!tree.has(member)) {
          assertThat(span).as(seed + " / " + member).isNull();
        } else {
          assertThat(JACKSON.readTree(bytes, span.start(), span.length())).as(seed + " / " + member).isEqualTo(tree.get(member));
        }
      }
    }
  }

  @Test
  void damagedDocumentsGetJacksonsVerdict() {
    // ASCII edits: those also break the seeds' multi-byte UTF-8 (cut, split, stray continuation bytes).
    byte[] alphabet = "{}[]:,\"\\ 0123456789eE.-+truefalsnx\n\t\u0001/u".getBytes(StandardCharsets.US_ASCII);
    SplittableRandom random = new SplittableRandom(2026);
    int accepted = 0;
    int refused = 0;
    for (int trial = 0; trial < 40_000; trial++) {
      byte[] doc = SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) doc = mutate(doc, alphabet, random);
      boolean jackson = jacksonAccepts(doc);
      boolean scan;
      try {
        JsonScan.member(doc, "config");
        scan = true;
      } catch (JsonScan.Malformed e) {
        scan = false;
      }
      assertThat(scan).as("verdict on %s", new String(doc, StandardCharsets.UTF_8)).isEqualTo(jackson);
      if (jackson) accepted++;
      else refused++;
    }
    // Both verdicts must be well represented, or the comparison proves little.
    assertThat(accepted).isGreaterThan(2_000);
    assertThat(refused).isGreaterThan(10_000);
  }

  @Test
  void errorsSayWhatAndWhere() {
    assertThatThrownBy(() -> JsonScan.member(utf8("{\"config\":{},\n \"alloc\":{\"0x01\":{\"balance\":"), "config"))
        .isInstanceOf(JsonScan.Malformed.class).hasMessage("unexpected end of input, expected a value")
        .satisfies(e -> {
          assertThat(((JsonScan.Malformed) e).line).isEqualTo(2);
          assertThat(((JsonScan.Malformed) e).column).isEqualTo(29); // just after the last ':'
        });
    assertThatThrownBy(() -> JsonScan.member(utf8("{\"config\":{\"chainId\":5},\"config\":{\"chainId\":6}}"), "config"))
        .hasMessage("duplicate member \"config\"");
    assertThatThrownBy(() -> JsonScan.member(utf8("{\"a\":{\"x\":1,\"y\":2,\"\\u0078\":3}}"), "config"))
        .hasMessage("duplicate member \"x\"");
    assertThatThrownBy(() -> JsonScan.member(utf8("{\"config\":{}}{\"config\":{}}"), "config"))
        .hasMessage("unexpected content after the object");
    assertThatThrownBy(() -> JsonScan.member(utf8("[1,2]"), "config")).hasMessage("expected a JSON object");
    assertThatThrownBy(() -> JsonScan.member(utf8("{\"a\":01}"), "config")).hasMessage("a number must not start with 0 followed by digits");
    assertThatThrownBy(() -> JsonScan.member(utf8("{\"a\":\"\\x\"}"), "config")).hasMessage("invalid escape \\x");
    assertThatThrownBy(() -> JsonScan.member(utf8("{\"a\":\"\t\"}"), "config")).hasMessage("raw control character 0x09 in a string");
    byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xe2, (byte) 0x82, 'x', '"', '}'};
    assertThatThrownBy(() -> JsonScan.member(badUtf8, "config")).hasMessage("invalid UTF-8 continuation byte 'x' in a string");
    assertThat(jacksonAccepts(badUtf8)).isFalse();
  }

  @Test
  void nestingIsBoundedInsteadOfOverflowingTheStack() throws Exception {
    String ok = "{\"a\":" + "[".repeat(JsonScan.MAX_DEPTH - 1) + "]".repeat(JsonScan.MAX_DEPTH - 1) + "}";
    assertThat(JsonScan.member(utf8(ok), "a")).isNotNull();
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThatThrownBy(() -> JsonScan.member(utf8(deep), "a")).hasMessage("nesting deeper than " + JsonScan.MAX_DEPTH);
  }

  @Test
  void aByteOrderMarkIsSkippedAsJacksonSkipsIt() throws Exception {
    byte[] doc = utf8("\uFEFF{\"config\":{\"chainId\":1}}");
    JsonScan.Span span = JsonScan.member(doc, "config");
    assertThat(new String(doc, span.start(), span.length(), StandardCharsets.UTF_8)).isEqualTo("{\"chainId\":1}");
    assertThat(jacksonAccepts(doc)).isTrue();
  }

  private static byte[] mutate(byte[] doc, byte[] alphabet, SplittableRandom random) {
    int at = doc.length == 0 ? 0 : random.nextInt(doc.length);
    byte c = alphabet[random.nextInt(alphabet.length)];
    switch (random.nextInt(4)) {
      case 0: // replace
        if (doc.length == 0) return new byte[] {c};
        byte[] r = doc.clone();
        r[at] = c;
        return r;
      case 1: { // insert
        byte[] out = new byte[doc.length + 1];
        System.arraycopy(doc, 0, out, 0, at);
        out[at] = c;
        System.arraycopy(doc, at, out, at + 1, doc.length - at);
        return out;
      }
      case 2: { // delete
        if (doc.length == 0) return doc;
        byte[] out = new byte[doc.length - 1];
        System.arraycopy(doc, 0, out, 0, at);
        System.arraycopy(doc, at + 1, out, at, doc.length - at - 1);
        return out;
      }
      default: // cut short
        return Arrays.copyOf(doc, at);
    }
  }

  private static boolean jacksonAccepts(byte[] doc) {
    try {
      JsonNode n = JACKSON.readTree(doc);
      return n != null && n.isObject();
    } catch (Exception e) {
      return false;
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
