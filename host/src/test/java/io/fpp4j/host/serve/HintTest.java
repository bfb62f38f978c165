package io.fpp4j.host.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HintTest {
  @Test
  void parsesTypeAndHexWithOrWithoutPrefix() {
    Hint a = Hint.parse("l1-block-header 0xAbCd");
    assertThat(a.type()).isEqualTo("l1-block-header");
    assertThat(a.data()).containsExactly(0xab, 0xcd);
    assertThat(Hint.parse("l1-block-header abcd").data()).containsExactly(0xab, 0xcd);
  }

  @Test
  void emptyDataIsAllowed() {
    assertThat(Hint.parse("ping 0x").data()).isEmpty();
    assertThat(Hint.parse("ping ").data()).isEmpty();
  }

  @Test
  void rejectsMalformedHintsNamingThem() {
    assertThatThrownBy(() -> Hint.parse("l1-block-header")).isInstanceOf(InvalidHintException.class)
        .hasMessage("hint 'l1-block-header' has no data part: a hint is '<type> <hex data>'");
    assertThatThrownBy(() -> Hint.parse("fetch LOCAL 0x01")).isInstanceOf(InvalidHintException.class)
        .hasMessage("hint 'fetch LOCAL 0x01' has more than two space-separated parts: a hint is '<type> <hex data>'");
    assertThatThrownBy(() -> Hint.parse(" 0x01")).hasMessage("hint ' 0x01' has an empty type");
    assertThatThrownBy(() -> Hint.parse("x 0x1")).isInstanceOf(InvalidHintException.class)
        .hasMessageStartingWith("hint 'x 0x1' has malformed hex data: hex string has an odd number of digits");
    assertThatThrownBy(() -> Hint.parse("x 0xzz")).hasMessageContaining("invalid hex character 'z'");
  }

  @Test
  void longHintsAreShortenedInMessages() {
    String text = "l2-payload-witness 0x" + "ab".repeat(1000);
    assertThat(Hint.parse(text).quoted()).hasSize(157 + " (2021 chars)".length() + 3).endsWith("... (2021 chars)");
  }
}
