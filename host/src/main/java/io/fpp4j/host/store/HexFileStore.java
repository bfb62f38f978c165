package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code directory} and {@code file} formats share: one file per key holding the value as hex,
 * written with {@link AtomicFiles} so a crash never leaves a torn value. Subclasses give the layout.
 * Safe for concurrent use, also by several processes on one directory, because every write is a rename.
 */
abstract class HexFileStore implements KeyValueStore {
  protected final Path root;
  private final boolean readOnly;
  private final boolean syncWrites;
  private volatile boolean closed;

  HexFileStore(Path root, boolean readOnly, boolean syncWrites) {
    this.root = root;
    this.readOnly = readOnly;
    this.syncWrites = syncWrites;
  }

  /** Where the value of {@code key} lives. */
  abstract Path pathOf(Bytes32 key);

  /** Walks the layout, handing each entry file (with its key) to {@link #visitFile}. */
  abstract void walk(EntryVisitor visitor) throws IOException;

  @Override
  public Optional<byte[]> getRaw(Bytes32 key) {
    ensureOpen();
    Path file = pathOf(key);
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException("cannot read preimage " + key + " from " + file + ": " + e, e);
    }
    try {
      return Optional.of(HexContent.decode(content));
    } catch (HexContent.BadContentException e) {
      throw new StoreException("corrupt preimage " + key + " in " + file + ": " + e.getMessage());
    }
  }

  @Override
  public void putRaw(Bytes32 key, byte[] value) {
    ensureOpen();
    if (readOnly) throw new StoreException(describe() + " was opened read-only; cannot store " + key);
    Path file = pathOf(key);
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, HexContent.encode(value), syncWrites);
    } catch (IOException e) {
      throw new StoreException("cannot write preimage " + key + " to " + file + ": " + e, e);
    }
  }

  @Override
  public void forEach(EntryVisitor visitor) {
    ensureOpen();
    try {
      walk(visitor);
    } catch (IOException e) {
      throw new StoreException("cannot list " + describe() + ": " + e, e);
    }
  }

  /** Reads one entry file found by a walk and hands it on, or reports it as unreadable. */
  protected void visitFile(Path file, Bytes32 key, EntryVisitor visitor) throws IOException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return; // listed, then replaced by a rename in between: the new file is not ours to report
    }
    byte[] value;
    try {
      value = HexContent.decode(content);
    } catch (HexContent.BadContentException e) {
      visitor.unreadable(new UnreadableEntry(Optional.of(key), file.toString(), e.getMessage()));
      return;
    }
    visitor.entry(key, value);
  }

  /** Things in a store directory that are neither entries nor a problem: the marker and temporary files. */
  protected static boolean isIgnorable(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p) && (name.equals(FormatMarker.FILE_NAME) || AtomicFiles.isTempName(name));
  }

  /** The children of {@code dir} in name order, so that walks and their reports are reproducible. */
  protected static List<Path> sortedChildren(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) out.add(p);
    }
    out.sort(null);
    return out;
  }

  protected void ensureOpen() {
    if (closed) throw new StoreException(describe() + " is closed");
  }

  @Override
  public String describe() {
    return format() + ":" + root;
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Creates {@code root} if needed and records or checks the marker. */
  static void prepareWritable(Path root, StoreFormat format) {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new StoreException("cannot create store directory " + root + ": " + e, e);
    }
    FormatMarker.claim(root, format);
  }

  /** Requires an existing directory whose marker, if any, agrees. */
  static void prepareReadOnly(Path root, StoreFormat format) {
    if (!Files.isDirectory(root)) throw new StoreException("no " + format + " store at " + root + ": not a directory");
    FormatMarker.check(root, format);
  }
}
