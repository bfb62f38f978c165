package io.fpp4j.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fpp4j.proof.boot.ChainConfig;
import io.fpp4j.proof.boot.ConfigParseException;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.hint.Hint;
import io.fpp4j.proof.hint.HintParseException;
import io.fpp4j.proof.hint.Hints;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The client-facing text parsers fed arbitrary bytes: hints of both dialects, and the rollup and chain
 * configs a host hands over as boot info. Inputs live under
 * {@code src/test/resources/io/fpp4j/proof/ProofParsersFuzzTestInputs/<method>/}.
 */
class ProofParsersFuzzTest {
  /**
   * The first byte picks the dialect, the rest is the hint text. An accepted hint's canonical text
   * parses back to the same value, and the canonical text is a fixed point.
   */
  @FuzzTest(maxDuration = "10m")
  void hints(byte[] data) {
    if (data.length == 0) return;
    Dialect dialect = (data[0] & 1) == 0 ? Dialect.KONA : Dialect.OP_PROGRAM;
    String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
    Hint hint;
    try {
      hint = Hints.parse(text, dialect);
    } catch (HintParseException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    String canonical = hint.encode();
    Hint again = Hints.parse(canonical, dialect);
    assertThat(again).isEqualTo(hint);
    assertThat(again.encode()).isEqualTo(canonical);
  }

  /**
   * An accepted rollup config reads back the same from the JSON it keeps, also once that JSON is written
   * out as text again; a refused one is refused by name.
   */
  @FuzzTest(maxDuration = "10m")
  void rollupConfig(byte[] data) {
    RollupConfig config;
    try {
      config = RollupConfig.parse(data);
    } catch (ConfigParseException e) {
      assertThat(e.getMessage()).startsWith("rollup config");
      return;
    }
    assertThat(RollupConfig.fromJson(config.json())).isEqualTo(config);
    assertThat(RollupConfig.parse(config.json().toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(config);
  }

  @FuzzTest(maxDuration = "10m")
  void chainConfig(byte[] data) {
    ChainConfig config;
    try {
      config = ChainConfig.parse(data, "L1 chain config");
    } catch (ConfigParseException e) {
      assertThat(e.getMessage()).startsWith("L1 chain config");
      return;
    }
    assertThat(ChainConfig.parse(config.json().toString().getBytes(StandardCharsets.UTF_8), "again")).isEqualTo(config);
    // Fork times are read on demand; a present one must be a u64 or be refused by name.
    for (String fork : Arrays.asList("cancunTime", "pragueTime", "shanghaiTime")) {
      try {
        config.forkTime(fork);
      } catch (ConfigParseException e) {
        assertThat(e.getMessage()).contains(fork);
      }
    }
  }
}
