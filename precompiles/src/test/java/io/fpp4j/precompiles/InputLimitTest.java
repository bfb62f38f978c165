package io.fpp4j.precompiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The input-cap decorator on its own, around a precompile that echoes its input. */
class InputLimitTest {
  static final Precompile ECHO = new Precompile() {
    @Override
    public String name() {
      return "echo";
    }

    @Override
    public long gas(byte[] input) {
      return 7L * input.length;
    }

    @Override
    public byte[] run(byte[] input) {
      return Arrays.copyOf(input, input.length);
    }
  };

  final InputLimit limited = new InputLimit(ECHO, 10, "test");

  @Test
  void inputsUpToTheLimitRunAndLongerOnesFail() throws Exception {
    assertThat(limited.run(new byte[10])).hasSize(10);
    assertThat(limited.run(new byte[0])).isEmpty();
    assertThatThrownBy(() -> limited.run(new byte[11])).isInstanceOf(PrecompileFailure.class)
        .hasMessage("echo input is 11 bytes, over the test limit of 10");
  }

  @Test
  void nameAndGasAreTheWrappedPrecompiles() {
    assertThat(limited.name()).isEqualTo("echo");
    assertThat(limited.gas(new byte[11])).isEqualTo(77);
    assertThat(limited).hasToString("echo (at most 10 input bytes, test)");
  }

  @Test
  void badLimitsAreRefused() {
    assertThatThrownBy(() -> new InputLimit(ECHO, -1, "test")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input limit of echo is -1 bytes, not >= 0");
    assertThatThrownBy(() -> new InputLimit(limited, 5, "test")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("precompile echo already has an input limit");
  }
}
