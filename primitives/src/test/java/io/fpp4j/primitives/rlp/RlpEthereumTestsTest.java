package io.fpp4j.primitives.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** ethereum/tests RLPTests: every encoding vector round-trips, every invalid input is rejected. */
class RlpEthereumTestsTest {
  static Path fixtures() {
    return Path.of(System.getProperty("fpp4j.shared", "../../shared"), "fixtures", "ethereum-tests");
  }

  static JsonNode load(String name) throws IOException {
    return new ObjectMapper().readTree(Files.readString(fixtures().resolve(name)));
  }

  @TestFactory
  Stream<DynamicTest> validVectorsEncodeAndDecode() throws IOException {
    JsonNode root = load("rlptest.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        RlpItem expected = toItem(e.getValue().get("in"));
        byte[] out = Hex.decode(e.getValue().get("out").asText());
        assertThat(Hex.encode(expected.encode())).isEqualTo(Hex.encode(out));
        assertThat(RlpItem.decode(out)).isEqualTo(expected);
      }));
    }
    assertThat(tests).hasSize(28);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> invalidVectorsAreRejected() throws IOException {
    JsonNode root = load("invalidRLPTest.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        assertThat(e.getValue().get("in").asText()).isEqualTo("INVALID");
        byte[] bad = Hex.decode(e.getValue().get("out").asText());
        assertThatThrownBy(() -> RlpItem.decode(bad))
            .isInstanceOf(RlpException.class)
            .hasMessageStartingWith("RLP error at byte offset ")
            .hasMessageContaining(expectedReason(e.getKey()));
      }));
    }
    assertThat(tests).hasSize(26);
    return tests.stream();
  }

  /** Each invalid vector fails for its own reason; the message must say which. */
  static String expectedReason(String name) {
    if (name.startsWith("bytesShouldBeSingleByte")) return "below 0x80 must be encoded as itself";
    if (name.startsWith("leadingZeros")) return "leading zero byte";
    if (name.startsWith("nonOptimalLongLength")) return "non-canonical long-form length";
    if (name.equals("emptyEncoding")) return "unexpected end of input";
    if (name.startsWith("wrongSizeList")) return "non-canonical long-form length 1";
    if (name.equals("incorrectLengthInArray")) return "byte offset 0: length of an item has a leading zero byte";
    // Two nested list headers, then a string whose long length starts with a zero byte.
    if (name.equals("randomRLP")) return "byte offset 4: length of an item has a leading zero byte";
    if (name.equals("lessThanShortLengthArray1")) return "the input ends before its byte";
    if (name.equals("lessThanLongLengthList2")) return "overflows";
    return "remain";
  }

  static RlpItem toItem(JsonNode n) {
    if (n.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      n.forEach(c -> items.add(toItem(c)));
      return new RlpItem.Lst(items);
    }
    if (n.isIntegralNumber()) return integer(n.bigIntegerValue());
    String s = n.asText();
    if (s.startsWith("#")) return integer(new BigInteger(s.substring(1)));
    return new RlpItem.Str(Bytes.of(s.getBytes(StandardCharsets.ISO_8859_1)));
  }

  static RlpItem integer(BigInteger v) {
    RlpWriter w = new RlpWriter();
    w.writeBigInteger(v);
    return RlpItem.decode(w.toByteArray());
  }
}
