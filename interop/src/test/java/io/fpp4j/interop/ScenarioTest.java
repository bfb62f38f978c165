package io.fpp4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario reader, the expectations derived from a scenario, and the Java peer's command line. */
class ScenarioTest {
  private static final String KEY = PreimageKey.keccak256Of("abc".getBytes(StandardCharsets.US_ASCII)).hex();

  @Test
  void readsEveryDirective() {
    Scenario s = Scenario.parse("t", String.join("\n",
        "# comment", "", "option verify",
        "preimage " + KEY + " text:abc",
        "origin " + KEY + " keccak256 text:abc",
        "hint text:l1-block-header 0x01",
        "hint hex:",
        "get " + KEY,
        "expect server-refuses " + PreimageKey.local(7).hex()));
    assertThat(s.verify()).isTrue();
    assertThat(s.preimages().get(PreimageKey.fromHex(KEY))).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(s.steps()).hasSize(3);
    assertThat(((Scenario.Hint) s.steps().get(0)).bytes()).isEqualTo("l1-block-header 0x01".getBytes(StandardCharsets.UTF_8));
    assertThat(((Scenario.Hint) s.steps().get(1)).bytes()).isEmpty();
    assertThat(((Scenario.Get) s.steps().get(2)).key()).isEqualTo(PreimageKey.fromHex(KEY));
    assertThat(s.refusedKey()).isEqualTo(PreimageKey.local(7));
    assertThat(s.origins()).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo("keccak256");
      assertThat(o.args()).isEqualTo("text:abc");
    });
  }

  @Test
  void patternIsTheTopByteOfTheGoldenRatioSequence() {
    // i * 0x9E3779B97F4A7C15 + seed, top byte: 0x00, 0x9e, 0x3c (0x13c6ef372fe94f82a wraps), 0xda, ...
    assertThat(Hex.encode(Scenario.pattern(4, 0))).isEqualTo("009e3cda");
    assertThat(Scenario.pattern(1 << 20, 7)).hasSize(1 << 20);
    // The 1 MiB pre-image of the sizes scenario: the key was computed by the Go peer from the same generator.
    assertThat(PreimageKey.keccak256Of(Scenario.pattern(1 << 20, 7)).hex())
        .isEqualTo(keyOfOrigin("sizes", "keccak256 pattern:1048576:7"));
  }

  @Test
  void badLinesAreNamedWithFileAndLineNumber() {
    assertThatThrownBy(() -> Scenario.parse("bad", "# ok\nfrobnicate 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad:2")
        .hasMessageContaining("unknown directive 'frobnicate'");
    assertThatThrownBy(() -> Scenario.parse("bad", "get 0x0102"))
        .hasMessageContaining("bad:1").hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> Scenario.parse("bad", "get 0x07" + "00".repeat(31)))
        .hasMessageContaining("bad:1").hasMessageContaining("0x07");
    assertThatThrownBy(() -> Scenario.parse("bad", "hint base64:AAAA"))
        .hasMessageContaining("bad:1").hasMessageContaining("not hex:, text: or pattern:");
    assertThatThrownBy(() -> Scenario.parse("bad", "preimage " + KEY))
        .hasMessageContaining("preimage needs <key> <data>");
    assertThatThrownBy(() -> Scenario.parse("bad", "hint hex:abc"))
        .hasMessageContaining("bad:1");
  }

  @Test
  void expectationsStopAtTheRefusedKeyAndRecordItsRequest() {
    String refused = PreimageKey.keccak256Of(new byte[] {9}).hex();
    Scenario s = Scenario.parse("t", String.join("\n",
        "preimage " + KEY + " text:abc",
        "hint text:first",
        "hint hex:ff",
        "hint text:reject this",
        "get " + KEY,
        "get " + refused,
        "get " + KEY,
        "expect server-refuses " + refused));
    Expected e = Expected.of(s);
    assertThat(e.clientOut()).isEqualTo("hint-acked 5\nhint-acked 1\nhint-acked 11\nget " + KEY + " 3 "
        + Hex.encode(Hashing.sha256("abc".getBytes(StandardCharsets.US_ASCII))) + "\n");
    assertThat(e.clientExit()).isEqualTo(2);
    assertThat(e.serverExit()).isEqualTo(1);
    assertThat(e.serverRecord()).containsExactly(
        "hint 0x" + Hex.encode("first".getBytes(StandardCharsets.US_ASCII)),
        "hint-invalid-utf8",
        "hint-rejected 0x" + Hex.encode("reject this".getBytes(StandardCharsets.US_ASCII)),
        "key " + KEY,
        "key " + refused);
  }

  @Test
  void aGetWithoutPreimageOrExpectationIsAScenarioError() {
    Scenario s = Scenario.parse("lonely", "get " + KEY);
    assertThatThrownBy(() -> Expected.of(s)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lonely").hasMessageContaining(KEY).hasMessageContaining("expect server-refuses");
  }

  @Test
  void javaPeerKeysModeAndUsageErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("k.scn");
    Files.writeString(file, "origin " + PreimageKey.local(3).hex() + " local 3\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = JavaPeer.run(new String[] {"keys", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("origin " + PreimageKey.local(3).hex() + " " + PreimageKey.local(3).hex() + "\n");

    assertThatThrownBy(() -> JavaPeer.run(new String[] {"client"}, System.out, System.err))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage");
    assertThatThrownBy(() -> JavaPeer.run(new String[] {"dance", file.toString()}, System.out, System.err))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage");
    assertThatThrownBy(() -> JavaPeer.run(new String[] {"keys", dir.resolve("missing.scn").toString()}, System.out, System.err))
        .hasMessageContaining("missing.scn");
  }

  private static String keyOfOrigin(String scenario, String originTail) {
    try {
      for (String line : Files.readAllLines(Peers.scenarioDir().resolve(scenario + ".scn"))) {
        if (line.startsWith("origin ") && line.endsWith(" " + originTail)) return line.split(" ")[1];
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("no origin '" + originTail + "' in " + scenario);
  }
}
