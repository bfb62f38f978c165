package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * op-program/op-challenger's {@code directory} format, also kona-host's newest default: the value of key
 * {@code k} (64 lowercase hex digits, no {@code 0x}) is the file {@code <dir>/k[0:4]/k[4:64].txt}, holding
 * the value as lowercase hex; {@code <dir>/kvformat} says {@code directory}.
 */
public final class DirectoryPreimageStore extends HexFileStore {
  private static final Pattern SUBDIR = Pattern.compile("[0-9a-f]{4}");
  private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{60}\\.txt");

  private DirectoryPreimageStore(Path root, boolean readOnly, boolean syncWrites) {
    super(root, readOnly, syncWrites);
  }

  /** Opens or creates a store at {@code dir} (writing the marker if there is none); writes are not fsynced. */
  public static DirectoryPreimageStore open(Path dir) {
    return open(dir, false);
  }

  /** As {@link #open(Path)}; with {@code syncWrites} every put is forced to the device before it returns. */
  public static DirectoryPreimageStore open(Path dir, boolean syncWrites) {
    prepareWritable(dir, StoreFormat.DIRECTORY);
    return new DirectoryPreimageStore(dir, false, syncWrites);
  }

  /** Opens an existing store for reading only; writes nothing, not even the marker. */
  public static DirectoryPreimageStore openReadOnly(Path dir) {
    prepareReadOnly(dir, StoreFormat.DIRECTORY);
    return new DirectoryPreimageStore(dir, true, false);
  }

  @Override
  Path pathOf(Bytes32 key) {
    String hex = Hex.encode(key.toArray());
    return root.resolve(hex.substring(0, 4)).resolve(hex.substring(4) + ".txt");
  }

  @Override
  void walk(EntryVisitor visitor) throws IOException {
    for (Path p : sortedChildren(root)) {
      String name = p.getFileName().toString();
      if (isIgnorable(p)) continue;
      if (Files.isDirectory(p) && SUBDIR.matcher(name).matches()) {
        walkSubdirectory(p, name, visitor);
      } else {
        visitor.unreadable(new UnreadableEntry(Optional.empty(), p.toString(),
            "not part of the directory format (expected <4 lowercase hex>/<60 lowercase hex>.txt or kvformat)"));
      }
    }
  }

  private void walkSubdirectory(Path sub, String prefix, EntryVisitor visitor) throws IOException {
    for (Path f : sortedChildren(sub)) {
      String name = f.getFileName().toString();
      if (isIgnorable(f)) continue;
      if (Files.isRegularFile(f) && ENTRY.matcher(name).matches()) {
        visitFile(f, Bytes32.fromHex(prefix + name.substring(0, 60)), visitor);
      } else {
        visitor.unreadable(new UnreadableEntry(Optional.empty(), f.toString(),
            "malformed entry name (expected 60 lowercase hex digits and .txt)"));
      }
    }
  }

  @Override
  public String format() {
    return StoreFormat.DIRECTORY.marker();
  }
}
