package io.fpp4j.host.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code kvformat} file both peers keep in a data directory: its whole content is the format name
 * ({@code directory}, {@code file}, {@code rocksdb}, {@code pebble}), with no newline.
 */
public final class FormatMarker {
  public static final String FILE_NAME = "kvformat";
  /** A real marker is a single word; anything longer is not one, and reading it whole would be pointless. */
  private static final long MAX_MARKER_BYTES = 256;

  private FormatMarker() {}

  /** The format recorded in {@code dir}, if a marker exists; an unknown or unsupported name is an error. */
  public static Optional<StoreFormat> read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    String content;
    try {
      if (Files.size(file) > MAX_MARKER_BYTES) {
        throw new StoreException("kvformat marker " + file + " is " + Files.size(file)
            + " bytes long; it should hold only a format name (" + StoreFormat.names() + ")");
      }
      content = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException("cannot read kvformat marker " + file + ": " + e, e);
    }
    return Optional.of(StoreFormat.parse(content, "kvformat marker " + file));
  }

  /** Records {@code format} in {@code dir}, atomically (a reader never sees a half-written marker). */
  public static void write(Path dir, StoreFormat format) {
    try {
      AtomicFiles.write(dir.resolve(FILE_NAME), format.marker().getBytes(StandardCharsets.US_ASCII), false);
    } catch (IOException e) {
      throw new StoreException("cannot write kvformat marker in " + dir + ": " + e, e);
    }
  }

  /**
   * Makes sure {@code dir} holds (or will hold) a {@code format} store: records the marker if there is none,
   * and refuses a directory whose marker names another format.
   */
  static void claim(Path dir, StoreFormat format) {
    Optional<StoreFormat> existing = read(dir);
    if (existing.isEmpty()) {
      write(dir, format);
    } else if (existing.get() != format) {
      throw new StoreException(dir + " holds a '" + existing.get() + "' store (kvformat marker), not '" + format + "'");
    }
  }

  /** For read-only opens: a marker, if present, must agree. */
  static void check(Path dir, StoreFormat format) {
    read(dir).filter(f -> f != format).ifPresent(f -> {
      throw new StoreException(dir + " holds a '" + f + "' store (kvformat marker), not '" + format + "'");
    });
  }
}
