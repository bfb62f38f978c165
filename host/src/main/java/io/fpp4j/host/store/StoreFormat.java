package io.fpp4j.host.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The on-disk store formats fpp4j reads and writes, under the names both peers record in the {@code kvformat}
 * marker file and accept on their {@code --data-format}/{@code --data.format} flags.
 */
public enum StoreFormat {
  /** op-program/op-challenger and newest kona-host default: {@code <4 hex>/<60 hex>.txt}, hex content. */
  DIRECTORY("directory"),
  /** Older op-program data directories: {@code 0x<64 hex>.txt}, hex content. */
  FILE("file"),
  /** kona-host's RocksDB: raw 32-byte keys, default column family, Snappy. */
  ROCKSDB("rocksdb"),
  /** op-program's PebbleDB: raw 32-byte keys, Snappy; read and written through the Go helper fpp4j-pebble. */
  PEBBLE("pebble");

  private final String marker;

  StoreFormat(String marker) {
    this.marker = marker;
  }

  /** The name as written in {@code kvformat} and accepted on the command line. */
  public String marker() {
    return marker;
  }

  /**
   * Parses a format name. {@code source} says where the name came from (a flag, a marker file) so that the
   * error names it.
   */
  public static StoreFormat parse(String name, String source) {
    String n = name.strip();
    for (StoreFormat f : values()) {
      if (f.marker.equals(n.toLowerCase(Locale.ROOT))) return f;
    }
    throw new StoreException("unknown data format '" + printable(n) + "' (" + source + "); supported: " + names());
  }

  /** {@code directory, file, rocksdb, pebble}. */
  public static String names() {
    return Arrays.stream(values()).map(StoreFormat::marker).collect(Collectors.joining(", "));
  }

  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && i < 64; i++) {
      char c = s.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    if (s.length() > 64) b.append("...");
    return b.toString();
  }

  @Override
  public String toString() {
    return marker;
  }
}
