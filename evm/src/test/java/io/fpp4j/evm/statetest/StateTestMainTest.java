package io.fpp4j.evm.statetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.evm.tx.InvalidTransactionException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI's output lines, and the mapping of the tests' exception names onto rejection reasons. */
class StateTestMainTest {
  @Test
  void printsOneGethStyleLinePerCase() throws Exception {
    String file = StateTestFixtures.generalStateTests().resolve("VMTests/vmArithmeticTest/add.json").toString();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean allPass = StateTestMain.run(List.of(file), "Cancun", true, 0, 0, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(allPass).isTrue();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).hasSize(5);
    ObjectMapper json = new ObjectMapper();
    for (String line : lines) {
      JsonNode n = json.readTree(line);
      assertThat(n.get("name").asText()).isEqualTo("add");
      assertThat(n.get("pass").asBoolean()).isTrue();
      assertThat(n.get("fork").asText()).isEqualTo("Cancun");
      assertThat(n.get("stateRoot").asText()).matches("0x[0-9a-f]{64}");
      assertThat(n.get("error").asText()).isEmpty();
      assertThat(n.get("benchStats").get("time").asLong()).isPositive();
      assertThat(n.get("benchStats").get("gasUsed").asLong()).isGreaterThanOrEqualTo(21_000);
    }
  }

  @Test
  void exceptionNamesMatchByCategoryIncludingAlternatives() {
    assertThat(StateTestRunner.matches("TR_NoFunds", Reason.INSUFFICIENT_FUNDS)).isTrue();
    assertThat(StateTestRunner.matches("TR_NoFunds", Reason.INTRINSIC_GAS)).isFalse();
    assertThat(StateTestRunner.matches("TransactionException.TYPE_3_TX_PRE_FORK|TransactionException.TYPE_3_TX_ZERO_BLOBS",
        Reason.BLOB_NONE)).isTrue();
    assertThat(StateTestRunner.matches("SomethingNew", Reason.INSUFFICIENT_FUNDS)).isFalse();
  }

  @Test
  void aCaseWarmUpStillTimesEveryCase() throws Exception {
    String file = StateTestFixtures.generalStateTests().resolve("VMTests/vmArithmeticTest/add.json").toString();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertThat(StateTestMain.run(List.of(file), "Cancun", true, 0, 0.01,
        new PrintStream(bytes, true, StandardCharsets.UTF_8))).isTrue();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).hasSize(5);
    for (String line : lines) assertThat(new ObjectMapper().readTree(line).get("benchStats").get("time").asLong()).isPositive();
  }

  @Test
  void theCommandLineIsParsedAndBadValuesAreNamed() {
    StateTestMain.Options o = StateTestMain.parse(new String[] {"--fork", "Cancun", "--bench", "--warmup", "3",
        "--warmup-seconds", "0.5", "a.json", "b.json"});
    assertThat(o).isEqualTo(new StateTestMain.Options("Cancun", true, 3, 0.5, List.of("a.json", "b.json")));
    assertThat(StateTestMain.parse(new String[0])).isEqualTo(new StateTestMain.Options(null, false, 0, 0, List.of()));
    assertThatThrownBy(() -> StateTestMain.parse(new String[] {"--warmup", "x"}))
        .hasMessage("--warmup needs a whole number of passes, not 'x'");
    assertThatThrownBy(() -> StateTestMain.parse(new String[] {"--warmup", "-1"}))
        .hasMessage("--warmup needs a whole number of passes, not '-1'");
    assertThatThrownBy(() -> StateTestMain.parse(new String[] {"--warmup-seconds", "NaN"}))
        .hasMessage("--warmup-seconds needs a number of seconds from 0 to 3600, not 'NaN'");
    assertThatThrownBy(() -> StateTestMain.parse(new String[] {"--warmup-seconds", "-2"}))
        .hasMessage("--warmup-seconds needs a number of seconds from 0 to 3600, not '-2'");
    assertThatThrownBy(() -> StateTestMain.parse(new String[] {"--bench", "--fork"})).hasMessage("--fork needs a value");
    assertThatThrownBy(() -> StateTestMain.parse(new String[] {"--benhc"})).hasMessage("unknown option '--benhc'");
  }
}
