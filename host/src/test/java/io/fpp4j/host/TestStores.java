package io.fpp4j.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.host.store.StoreException;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test doubles for the stores another module provides: a thread-safe in-memory store, and an opener that
 * loads {@code <dir>/preimages.json} (hex key to hex value) into memory, whatever format is asked for, so that
 * a host in a child process can serve data a test prepared.
 */
public final class TestStores {
  public static final String FORMAT = "test-json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestStores() {}

  /** A map-backed store. */
  public static final class Memory implements PreimageStore {
    private final Map<PreimageKey, byte[]> map = new ConcurrentHashMap<>();
    private final String name;
    private volatile boolean closed;

    public Memory(String name) {
      this.name = name;
    }

    @Override
    public Optional<byte[]> get(PreimageKey key) {
      byte[] v = map.get(key);
      return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    @Override
    public void put(PreimageKey key, byte[] value) {
      map.put(key, value.clone());
    }

    @Override
    public String describe() {
      return name;
    }

    @Override
    public void close() {
      closed = true;
    }

    public boolean closed() {
      return closed;
    }

    public int size() {
      return map.size();
    }
  }

  /** Opens {@code test-json} directories and in-memory stores. */
  public static StoreOpener opener() {
    return new StoreOpener() {
      @Override
      public PreimageStore openMemory() {
        return new Memory("memory");
      }

      @Override
      public PreimageStore open(Path dir, String format) {
        // Like a kvformat marker, an existing preimages.json decides the format whatever was asked for.
        Path file = dir.resolve("preimages.json");
        if (!Files.isRegularFile(file)) {
          throw new StoreException("test store " + dir + " has no preimages.json (asked for format '" + format + "')");
        }
        Memory m = new Memory("test-json:" + dir);
        try {
          JsonNode root = JSON.readTree(file.toFile());
          for (Map.Entry<String, JsonNode> e : root.properties()) {
            m.put(PreimageKey.fromHex(e.getKey()), Hex.decode(e.getValue().asText()));
          }
        } catch (IOException e) {
          throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return m;
      }
    };
  }

  /** Writes {@code values} as a {@code test-json} store in {@code dir}. */
  public static Path write(Path dir, Map<PreimageKey, byte[]> values) {
    ObjectNode root = JSON.createObjectNode();
    values.forEach((k, v) -> root.put(k.hex(), Hex.prefixed(v)));
    try {
      Files.createDirectories(dir);
      JSON.writeValue(dir.resolve("preimages.json").toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }
}
