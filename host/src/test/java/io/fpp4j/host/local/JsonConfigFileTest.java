package io.fpp4j.host.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JsonConfigFile#readObject}: the whole file is checked before a tree is built, so nothing may follow the object. */
class JsonConfigFileTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAnObjectWithNumbersAsWritten() throws Exception {
    Path f = file("rollup.json", " {\"block_time\": 2, \"scalar\": 1.50, \"genesis\": {\"l2_time\": 1691802540}}\n");
    var tree = JsonConfigFile.readObject(f, "--rollup.config");
    assertThat(tree.get("genesis").get("l2_time").asLong()).isEqualTo(1691802540L);
    assertThat(tree.get("scalar").toString()).isEqualTo("1.50");
  }

  @Test
  void aSecondObjectAfterTheFirstIsRefused() throws Exception {
    Path f = file("rollup.json", "{\"block_time\":2}\n{\"block_time\":3}");
    assertThatThrownBy(() -> JsonConfigFile.readObject(f, "--rollup.config"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rollup.config file " + f + " is not valid JSON: unexpected content after the object (line 2, column 1)");
  }

  @Test
  void otherBadFilesAreNamedWithTheirFlag() throws Exception {
    Path dup = file("dup.json", "{\"a\":1,\"a\":2}");
    assertThatThrownBy(() -> JsonConfigFile.readObject(dup, "--rollup.config"))
        .hasMessageStartingWith("--rollup.config file " + dup + " is not valid JSON: duplicate member \"a\"");
    Path array = file("array.json", "[1]");
    assertThatThrownBy(() -> JsonConfigFile.readObject(array, "--l2.genesis"))
        .hasMessage("--l2.genesis file " + array + " must hold a JSON object");
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> JsonConfigFile.readObject(missing, "--rollup.config"))
        .hasMessage("--rollup.config file " + missing + " does not exist");
  }
}
