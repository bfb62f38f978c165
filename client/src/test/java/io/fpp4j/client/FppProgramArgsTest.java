package io.fpp4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.proof.Dialect;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The launcher's one option and the local-key map told from key 5. */
class FppProgramArgsTest {
  @Test
  void dialectOption() {
    assertThat(FppProgram.dialectFromArgs(new String[] {"--dialect", "op-program"})).contains(Dialect.OP_PROGRAM);
    assertThat(FppProgram.dialectFromArgs(new String[] {"--dialect=Kona"})).contains(Dialect.KONA);
    assertThatThrownBy(() -> FppProgram.dialectFromArgs(new String[] {"--dialect", "geth"}))
        .hasMessageContaining("invalid --dialect 'geth': use kona or op-program");
    assertThatThrownBy(() -> FppProgram.dialectFromArgs(new String[] {"--verbose"}))
        .hasMessageContaining("unexpected arguments [--verbose]");
  }

  @Test
  void keyFiveTellsTheMaps() {
    byte[] zero = new byte[8];
    byte[] custom = {-1, -1, -1, -1, -1, -1, -1, -1};
    byte[] h = new byte[32];
    Map<Long, byte[]> kona = Map.of(1L, h, 2L, h, 3L, h, 4L, zero, 5L, zero);
    Map<Long, byte[]> op = Map.of(1L, h, 2L, h, 3L, h, 4L, zero, 5L, custom);
    assertThat(FppProgram.detect(new StoreOracle(Path.of("unused"), kona))).isEqualTo(Dialect.KONA);
    assertThat(FppProgram.detect(new StoreOracle(Path.of("unused"), op))).isEqualTo(Dialect.OP_PROGRAM);
    assertThat(Optional.of(FppProgram.parseDialect(" op-program ", "x"))).contains(Dialect.OP_PROGRAM);
  }
}
