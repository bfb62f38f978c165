package io.fpp4j.precompiles;

import io.fpp4j.primitives.Hex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One precompile test vector from a {@code vectors/*.tsv} test resource: name, gas, input and expected output,
 * tab-separated, hex without prefix, {@code #} starting a comment line.
 */
public record Vector(String name, long gas, byte[] input, byte[] expected) {
  public static List<Vector> load(String resource) {
    InputStream in = Vector.class.getResourceAsStream("/vectors/" + resource);
    if (in == null) {
      throw new IllegalStateException("test resource vectors/" + resource + " is missing");
    }
    List<Vector> vectors = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 4) {
          throw new IllegalStateException(resource + ": expected 4 tab-separated fields in " + line);
        }
        vectors.add(new Vector(f[0], Long.parseLong(f[1]), Hex.decode(f[2]), Hex.decode(f[3])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (vectors.isEmpty()) {
      throw new IllegalStateException(resource + " holds no vectors");
    }
    return vectors;
  }

  @Override
  public String toString() {
    return name;
  }
}
