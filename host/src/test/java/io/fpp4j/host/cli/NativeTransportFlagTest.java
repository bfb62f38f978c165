package io.fpp4j.host.cli;

import static io.fpp4j.host.cli.Cli.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.host.ClaimProgram;
import io.fpp4j.host.mode.NativeMode;
import org.junit.jupiter.api.Test;

/** {@code --native-transport}: direct calls unless a channel kind is asked for. */
class NativeTransportFlagTest {
  private static final String[] NATIVE = concat(SingleChainFlagsTest.DEFAULTS, "--native", "--program",
      ClaimProgram.class.getName(), "--l2-chain-id", "0", "--data-dir", "dummy");

  private static NativeMode.Transport transport(String... extra) {
    return Cli.<SingleChainCommand>parse(SingleChainFlagsTest.W, "single", concat(NATIVE, extra)).plan().transport();
  }

  @Test
  void directIsTheDefaultAndTheChannelsStaySelectable() {
    assertThat(transport()).isEqualTo(NativeMode.Transport.DIRECT);
    assertThat(transport("--native-transport", "direct")).isEqualTo(NativeMode.Transport.DIRECT);
    assertThat(transport("--native-transport", "memory")).isEqualTo(NativeMode.Transport.MEMORY);
    assertThat(transport("--native-transport", "os-pipe")).isEqualTo(NativeMode.Transport.OS_PIPE);
  }

  @Test
  void anUnknownKindIsRefusedNamingTheChoices() {
    assertThatThrownBy(() -> transport("--native-transport", "pigeon")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid --native-transport 'pigeon': use direct, os-pipe or memory");
  }
}
