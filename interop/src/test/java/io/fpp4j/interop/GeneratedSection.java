package io.fpp4j.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One generated block of a hand-kept markdown file, between {@code <!-- generated: NAME -->} and
 * {@code <!-- end generated: NAME -->}. Several tests write into {@code docs/interop.md}; each replaces only its
 * own block, so the others' blocks and the hand-written text around them survive every run.
 */
final class GeneratedSection {
  private GeneratedSection() {}

  static String begin(String name) {
    return "<!-- generated: " + name + " -->\n";
  }

  static String end(String name) {
    return "<!-- end generated: " + name + " -->\n";
  }

  /**
   * Replaces block {@code name} of {@code file} with {@code body}, or appends the block when the file has none (or
   * does not exist). A file with a begin marker and no end marker after it is refused: a hand edit broke it, and
   * guessing where the block ends could delete text.
   */
  static void write(Path file, String name, String body) throws IOException {
    String block = begin(name) + (body.endsWith("\n") ? body : body + "\n") + end(name);
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    int from = text.indexOf(begin(name));
    String result;
    if (from < 0) {
      result = text.isEmpty() ? block : (text.endsWith("\n") ? text : text + "\n") + "\n" + block;
    } else {
      int to = text.indexOf(end(name), from);
      if (to < 0) throw new IOException(file + " has the marker '" + begin(name).trim() + "' but no '" + end(name).trim() + "' after it");
      result = text.substring(0, from) + block + text.substring(to + end(name).length());
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, result, StandardCharsets.UTF_8);
  }
}
