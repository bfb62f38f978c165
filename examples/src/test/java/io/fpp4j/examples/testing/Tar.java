package io.fpp4j.examples.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the plain POSIX tars of the shared fixtures (ustar and pax headers; regular files only). */
public final class Tar {
  private Tar() {}

  /** Every regular file of the archive by path, skipping macOS "._" metadata entries. */
  public static Map<String, byte[]> read(Path tar) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(tar)) {
      byte[] header = new byte[512];
      String paxPath = null;
      while (readBlock(in, header)) {
        if (isZero(header)) break;
        String name = cString(header, 0, 100);
        String prefix = cString(header, 345, 155);
        if (!prefix.isEmpty()) name = prefix + "/" + name;
        long size = Long.parseLong(cString(header, 124, 12).trim().isEmpty() ? "0" : cString(header, 124, 12).trim(), 8);
        char type = (char) header[156];
        byte[] body = in.readNBytes((int) size);
        if (body.length != size) throw new IOException("truncated tar entry " + name + " in " + tar);
        long pad = (512 - size % 512) % 512;
        in.skipNBytes(pad);
        if (type == 'x') {
          paxPath = paxValue(body, "path");
          continue;
        }
        if (type == 'g') continue;
        if (paxPath != null) {
          name = paxPath;
          paxPath = null;
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        if ((type == '0' || type == 0) && !base.startsWith("._")) out.put(name, body);
      }
    }
    return out;
  }

  /** Extracts every regular file under {@code dir}. */
  public static void extract(Path tar, Path dir) throws IOException {
    for (Map.Entry<String, byte[]> e : read(tar).entrySet()) {
      Path p = dir.resolve(e.getKey()).normalize();
      if (!p.startsWith(dir)) throw new IOException("tar entry escapes the target directory: " + e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
    }
  }

  private static boolean readBlock(InputStream in, byte[] b) throws IOException {
    int n = in.readNBytes(b, 0, 512);
    return n == 512;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) if (x != 0) return false;
    return true;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) end++;
    return new String(b, off, end - off, StandardCharsets.US_ASCII);
  }

  private static String paxValue(byte[] body, String key) {
    String s = new String(body, StandardCharsets.UTF_8);
    for (String line : s.split("\n")) {
      int sp = line.indexOf(' ');
      int eq = line.indexOf('=');
      if (sp > 0 && eq > sp && line.substring(sp + 1, eq).equals(key)) return line.substring(eq + 1);
    }
    return null;
  }
}
