package io.fpp4j.host.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a data directory in the right format. As in op-program's {@code NewDiskKV} and kona-host, a
 * {@code kvformat} marker already in the directory wins over the requested format, so that a host started
 * with a different {@code --data-format} keeps using the data it has; an unknown marker is an error, never
 * silently replaced.
 */
public final class PreimageStores {
  private static final Logger LOG = LoggerFactory.getLogger(PreimageStores.class);
  private static final Pattern FILE_ENTRY = Pattern.compile("0x[0-9a-f]{64}\\.txt");
  private static final Pattern DIRECTORY_SUBDIR = Pattern.compile("[0-9a-f]{4}");

  private PreimageStores() {}

  /** Opens or creates a store for reading and writing; the marker is recorded if there was none. */
  public static KeyValueStore open(Path dir, StoreFormat requested) {
    return open(dir, requested, false);
  }

  /** As {@link #open(Path, StoreFormat)}; {@code syncWrites} forces every put to the device. */
  public static KeyValueStore open(Path dir, StoreFormat requested, boolean syncWrites) {
    Optional<StoreFormat> marker = FormatMarker.read(dir);
    StoreFormat format = marker.orElse(requested);
    if (marker.isEmpty() && format != StoreFormat.PEBBLE && Files.isDirectory(dir) && isPebble(dir)) {
      // A Pebble database whose kvformat marker was lost: writing another format's entries (and marker) beside
      // Pebble's files would leave a directory that neither op-program nor fpp4j reads as one store.
      LOG.info("{} holds a Pebble database (Pebble's OPTIONS/MANIFEST files, no kvformat marker), so it is opened"
          + " as op-program's 'pebble' format through the Go helper; the data format given or defaulted was '{}'",
          dir, requested);
      return PebblePreimageStore.open(dir);
    }
    if (format != requested) {
      // The format flags have defaults, so "requested" may be nobody's choice: say what decided, not who asked.
      LOG.info("{} holds a '{}' store (its kvformat marker says so), so it is opened as one; the data format "
          + "given or defaulted was '{}'", dir, format, requested);
    }
    return switch (format) {
      case DIRECTORY -> DirectoryPreimageStore.open(dir, syncWrites);
      case FILE -> FilePreimageStore.open(dir, syncWrites);
      case ROCKSDB -> RocksDbPreimageStore.open(dir, syncWrites);
      // Every Pebble put is synced already (PebblePreimageStore), so syncWrites asks nothing more of it.
      case PEBBLE -> PebblePreimageStore.open(dir);
    };
  }

  /**
   * Opens an existing store for reading only, writing nothing to it. The format is, in order: the marker,
   * {@code requested}, or what the directory's contents show (see {@link #detect}).
   */
  public static KeyValueStore openReadOnly(Path dir, Optional<StoreFormat> requested) {
    if (!Files.isDirectory(dir)) throw new StoreException("no store at " + dir + ": not a directory");
    Optional<StoreFormat> marker = FormatMarker.read(dir);
    if (marker.isPresent() && requested.isPresent() && marker.get() != requested.get()) {
      LOG.warn("{} holds a '{}' store (kvformat marker); reading it as that, not as '{}'", dir, marker.get(),
          requested.get());
    }
    StoreFormat format = marker.or(() -> requested).orElseGet(() -> {
      StoreFormat found = detect(dir);
      if (found == StoreFormat.PEBBLE) {
        LOG.info("{} holds a Pebble database (Pebble's OPTIONS/MANIFEST files, no kvformat marker): reading it"
            + " through the Go helper", dir);
      }
      return found;
    });
    return switch (format) {
      case DIRECTORY -> DirectoryPreimageStore.openReadOnly(dir);
      case FILE -> FilePreimageStore.openReadOnly(dir);
      case ROCKSDB -> RocksDbPreimageStore.openReadOnly(dir);
      case PEBBLE -> PebblePreimageStore.openReadOnly(dir);
    };
  }

  /**
   * Tells the format of a directory without a marker from what is in it: a {@code CURRENT} file (RocksDB, or
   * Pebble when its {@code OPTIONS-*} file says {@code pebble_version}), Pebble's {@code marker.manifest.*}
   * file (newer Pebble format versions have no {@code CURRENT}), {@code 0x<64 hex>.txt} files, or
   * 4-hex-digit subdirectories. Stores written by older hosts and the executor fixtures have no marker.
   */
  public static StoreFormat detect(Path dir) {
    if (Files.isRegularFile(dir.resolve("CURRENT"))) return isPebble(dir) ? StoreFormat.PEBBLE : StoreFormat.ROCKSDB;
    if (isPebble(dir)) return StoreFormat.PEBBLE;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (FILE_ENTRY.matcher(name).matches() && Files.isRegularFile(p)) return StoreFormat.FILE;
        if (DIRECTORY_SUBDIR.matcher(name).matches() && Files.isDirectory(p)) return StoreFormat.DIRECTORY;
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir + ": " + e, e);
    }
    throw new StoreException("cannot tell the store format of " + dir + ": it has no kvformat marker and nothing"
        + " that looks like entries; name the format (" + StoreFormat.names() + ")");
  }

  /** Both engines write an {@code OPTIONS-<n>} file whose {@code [Version]} section names the engine. */
  private static boolean isPebble(Path dir) {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.startsWith("marker.manifest.")) return true;
        if (name.startsWith("OPTIONS-") && Files.isRegularFile(p) && head(p).contains("pebble_version=")) return true;
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir + ": " + e, e);
    }
    return false;
  }

  private static String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(256), StandardCharsets.ISO_8859_1);
    }
  }
}
