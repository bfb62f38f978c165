package io.fpp4j.interop;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One interop scenario, read from the line format of {@code interop/scenarios/FORMAT.md}: what a server can
 * serve, the steps a client runs, and what the harness expects. The same file drives the Rust, Go and Java
 * peers, so this reader stays as small as theirs.
 */
public record Scenario(
    String name,
    Map<PreimageKey, byte[]> preimages,
    List<Step> steps,
    boolean verify,
    PreimageKey refusedKey,
    List<Origin> origins) {

  /** A client step: send a hint, or fetch a key. */
  public sealed interface Step permits Hint, Get {}

  /** Send {@code bytes} as one hint (raw; not necessarily UTF-8). */
  public record Hint(byte[] bytes) implements Step {}

  /** Request {@code key} and read its whole preimage. */
  public record Get(PreimageKey key) implements Step {}

  /** How a scenario key was derived ({@code origin <key> <kind> <args>}). */
  public record Origin(PreimageKey key, String kind, String args) {}

  public Scenario {
    preimages = Collections.unmodifiableMap(preimages);
    steps = List.copyOf(steps);
    origins = List.copyOf(origins);
  }

  public static Scenario load(Path path) throws IOException {
    String file = path.getFileName().toString();
    String name = file.endsWith(".scn") ? file.substring(0, file.length() - 4) : file;
    return parse(name, Files.readString(path, StandardCharsets.UTF_8));
  }

  /**
   * Parses scenario text.
   *
   * @throws IllegalArgumentException naming the scenario, line number and line of the first bad line
   */
  public static Scenario parse(String name, String text) {
    Map<PreimageKey, byte[]> preimages = new LinkedHashMap<>();
    List<Step> steps = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    boolean verify = false;
    PreimageKey refused = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isEmpty() || line.startsWith("#")) continue;
      try {
        String[] dr = cut(line);
        String directive = dr[0];
        String rest = dr[1];
        switch (directive) {
          case "preimage" -> {
            String[] kd = cutRequired(rest, "preimage needs <key> <data>");
            preimages.put(parseKey(kd[0]), parseData(kd[1]));
          }
          case "hint" -> steps.add(new Hint(parseData(rest)));
          case "get" -> steps.add(new Get(parseKey(rest)));
          case "option" -> {
            if (!rest.equals("verify")) throw new IllegalArgumentException("unknown option '" + rest + "'");
            verify = true;
          }
          case "expect" -> {
            String[] ek = cutRequired(rest, "expect needs server-refuses <key>");
            if (!ek[0].equals("server-refuses")) throw new IllegalArgumentException("unknown expectation '" + ek[0] + "'");
            if (refused != null) throw new IllegalArgumentException("only one server-refuses per scenario");
            refused = parseKey(ek[1]);
          }
          case "origin" -> {
            String[] ka = cutRequired(rest, "origin needs <key> <kind>");
            String[] kindArgs = cut(ka[1]);
            origins.add(new Origin(parseKey(ka[0]), kindArgs[0], kindArgs[1]));
          }
          default -> throw new IllegalArgumentException("unknown directive '" + directive + "'");
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            name + ":" + (i + 1) + ": " + e.getMessage() + ": \"" + abbreviate(line) + "\"", e);
      }
    }
    return new Scenario(name, preimages, steps, verify, refused, origins);
  }

  /** 0x-prefixed 64-digit hex, type byte first; the type byte must be 1..6. */
  public static PreimageKey parseKey(String text) {
    if (!text.startsWith("0x")) throw new IllegalArgumentException("key '" + abbreviate(text) + "' lacks 0x");
    return PreimageKey.of(Hex.decode(text.substring(2), PreimageKey.LENGTH, "scenario key"));
  }

  /** {@code hex:<digits>}, {@code text:<rest of line>} or {@code pattern:<length>:<seed>}. */
  public static byte[] parseData(String spec) {
    if (spec.startsWith("hex:")) return Hex.decode(spec.substring(4));
    if (spec.startsWith("text:")) return spec.substring(5).getBytes(StandardCharsets.UTF_8);
    if (spec.startsWith("pattern:")) {
      String[] ls = spec.substring(8).split(":", -1);
      if (ls.length != 2) throw new IllegalArgumentException("pattern needs <length>:<seed>");
      return pattern(Integer.parseInt(ls[0]), Long.parseUnsignedLong(ls[1]));
    }
    throw new IllegalArgumentException("data '" + abbreviate(spec) + "' is not hex:, text: or pattern:");
  }

  /** Byte {@code i} is the top byte of the wrapping 64-bit {@code i * 0x9E3779B97F4A7C15 + seed}. */
  public static byte[] pattern(int length, long seed) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) out[i] = (byte) ((i * 0x9E3779B97F4A7C15L + seed) >>> 56);
    return out;
  }

  private static String[] cut(String s) {
    int sp = s.indexOf(' ');
    return sp < 0 ? new String[] {s, ""} : new String[] {s.substring(0, sp), s.substring(sp + 1)};
  }

  private static String[] cutRequired(String s, String message) {
    int sp = s.indexOf(' ');
    if (sp < 0) throw new IllegalArgumentException(message);
    return new String[] {s.substring(0, sp), s.substring(sp + 1)};
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
