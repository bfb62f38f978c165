package io.fpp4j.proof.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * JsonTreeReader replaced {@code ObjectMapper.readTree} for configs (for start-up time only), so it is held to the
 * mapper's result with the options ConfigJson used: the same tree, node types included, for every document the
 * mapper reads, and a refusal wherever the mapper refused.
 */
class JsonTreeReaderTest {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private static final List<String> CASES = List.of(
      "{}", "[]", "0", "-1", "\"x\"", "true", "false", "null", "  {\"a\":1}  \n",
      "{\"a\":2147483647,\"b\":2147483648,\"c\":-9223372036854775808,\"d\":9223372036854775808}",
      "{\"big\":115792089237316195423570985008687907853269984665640564039457584007913129639935}",
      "{\"f\":1.50,\"e\":615e0,\"g\":-0.0,\"h\":1E+2,\"i\":1e400}",
      "{\"dup\":1,\"dup\":\"two\"}",
      "{\"nested\":{\"arr\":[1,[2,{\"x\":null}],\"s\\u00e9\\n\"],\"t\":true}}",
      "{\"a\":1} x", "{\"a\":1}{}", "{\"a\":1},", "[1,]", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{\"a\":01}",
      "{\"a\":NaN}", "{\"a\":.5}", "{\"a\":1", "[", "\"unterminated", "{\"a\":\"\\x\"}", "", "   ", "//c\n{}");

  @Test
  void buildsTheMappersTreeOrRefusesWhereItDoes() throws Exception {
    for (String c : CASES) assertSameAsMapper(c);
  }

  @Test
  void realConfigsGiveTheMappersTree() throws Exception {
    assertSameAsMapper(RollupConfigTest.OP_NODE_SEPOLIA);
    assertSameAsMapper(new String(RollupConfigTest.konaSepoliaRollupConfig(), StandardCharsets.UTF_8));
  }

  @Test
  void damagedConfigsAreReadOrRefusedAsTheMapperDoes() throws Exception {
    byte[] base = RollupConfigTest.OP_NODE_SEPOLIA.getBytes(StandardCharsets.US_ASCII);
    byte[] alphabet = "{}[]:,\"0123456789.eE+-xtrfalsenu \\".getBytes(StandardCharsets.US_ASCII);
    Random random = new Random(14);
    int read = 0;
    for (int i = 0; i < 4_000; i++) {
      byte[] d = base.clone();
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        d[random.nextInt(d.length)] = alphabet[random.nextInt(alphabet.length)];
      }
      if (assertSameAsMapper(new String(d, StandardCharsets.US_ASCII))) read++;
    }
    // Both outcomes must be exercised, or the comparison above says little.
    assertThat(read).isBetween(100, 3_900);
  }

  @Test
  void nodeTypesFollowTheNumbersSize() throws Exception {
    JsonNode n = JsonTreeReader.read("{\"i\":1,\"l\":4294967296,\"b\":18446744073709551616,\"d\":2.50}");
    assertThat(n.get("i").isInt()).isTrue();
    assertThat(n.get("l").isLong()).isTrue();
    assertThat(n.get("b").bigIntegerValue()).isEqualTo(BigInteger.ONE.shiftLeft(64));
    assertThat(n.get("b").isBigInteger()).isTrue();
    assertThat(n.get("d").decimalValue()).isEqualTo(new BigDecimal("2.50"));
  }

  @Test
  void trailingContentIsNamed() {
    assertThatThrownBy(() -> JsonTreeReader.read("{\"a\":1} [2]"))
        .isInstanceOf(JsonTreeReader.TrailingContentException.class)
        .hasMessageContaining("Trailing token (START_ARRAY)");
    assertThatThrownBy(() -> JsonTreeReader.read("{\"a\":1} 5".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("Trailing token (VALUE_NUMBER_INT)");
  }

  @Test
  void whitespaceAloneIsNoValue() throws Exception {
    assertThat(JsonTreeReader.read(" \n\t")).isNull();
    assertThat(JsonTreeReader.read(new byte[0])).isNull();
  }

  /** Returns true when both read {@code text}; fails when exactly one refused it or their trees differ. */
  private static boolean assertSameAsMapper(String text) throws Exception {
    JsonNode expected;
    try {
      expected = MAPPER.readTree(text);
      if (expected != null && expected.isMissingNode()) expected = null;
    } catch (Exception e) {
      assertThatThrownBy(() -> JsonTreeReader.read(text)).as("the mapper refused %s (%s)", text, e.getMessage())
          .isInstanceOf(Exception.class);
      return false;
    }
    JsonNode actual = JsonTreeReader.read(text);
    assertThat(actual).as("tree of %s", text).isEqualTo(expected);
    if (expected != null) assertThat(actual.toString()).as("text of %s", text).isEqualTo(expected.toString());
    return true;
  }
}
