package io.fpp4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSectionTest {
  @TempDir Path dir;

  @Test
  void aNewBlockIsAppendedAfterTheHandWrittenText() throws IOException {
    Path doc = dir.resolve("doc.md");
    Files.writeString(doc, "# Title\nby hand");
    GeneratedSection.write(doc, "a", "table A");
    assertThat(Files.readString(doc))
        .isEqualTo("# Title\nby hand\n\n<!-- generated: a -->\ntable A\n<!-- end generated: a -->\n");
  }

  @Test
  void rewritingABlockKeepsTheTextAroundItAndTheOtherBlocks() throws IOException {
    Path doc = dir.resolve("doc.md");
    GeneratedSection.write(doc, "a", "old A\n");
    Files.writeString(doc, "intro\n" + Files.readString(doc) + "middle\n");
    GeneratedSection.write(doc, "b", "B");
    Files.writeString(doc, Files.readString(doc) + "outro\n");

    GeneratedSection.write(doc, "a", "new A\nsecond line\n");

    assertThat(Files.readString(doc)).isEqualTo("intro\n"
        + "<!-- generated: a -->\nnew A\nsecond line\n<!-- end generated: a -->\n"
        + "middle\n\n"
        + "<!-- generated: b -->\nB\n<!-- end generated: b -->\n"
        + "outro\n");
  }

  @Test
  void aBlockWithoutItsEndMarkerIsRefusedAndLeftAlone() throws IOException {
    Path doc = dir.resolve("doc.md");
    String broken = "<!-- generated: a -->\nold A\nhand text after a deleted end marker\n";
    Files.writeString(doc, broken);
    assertThatThrownBy(() -> GeneratedSection.write(doc, "a", "new A"))
        .isInstanceOf(IOException.class).hasMessageContaining("<!-- end generated: a -->");
    assertThat(Files.readString(doc)).isEqualTo(broken);
  }
}
