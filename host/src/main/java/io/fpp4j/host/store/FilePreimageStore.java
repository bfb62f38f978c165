package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * op-program's older {@code file} format: the value of key {@code k} is the file {@code <dir>/0x<k>.txt}
 * (64 lowercase hex digits), holding the value as lowercase hex; {@code <dir>/kvformat} says {@code file}.
 */
public final class FilePreimageStore extends HexFileStore {
  private static final Pattern ENTRY = Pattern.compile("0x[0-9a-f]{64}\\.txt");

  private FilePreimageStore(Path root, boolean readOnly, boolean syncWrites) {
    super(root, readOnly, syncWrites);
  }

  public static FilePreimageStore open(Path dir) {
    return open(dir, false);
  }

  public static FilePreimageStore open(Path dir, boolean syncWrites) {
    prepareWritable(dir, StoreFormat.FILE);
    return new FilePreimageStore(dir, false, syncWrites);
  }

  public static FilePreimageStore openReadOnly(Path dir) {
    prepareReadOnly(dir, StoreFormat.FILE);
    return new FilePreimageStore(dir, true, false);
  }

  @Override
  Path pathOf(Bytes32 key) {
    return root.resolve("0x" + Hex.encode(key.toArray()) + ".txt");
  }

  @Override
  void walk(EntryVisitor visitor) throws IOException {
    for (Path p : sortedChildren(root)) {
      String name = p.getFileName().toString();
      if (isIgnorable(p)) continue;
      if (Files.isRegularFile(p) && ENTRY.matcher(name).matches()) {
        visitFile(p, Bytes32.fromHex(name.substring(2, 66)), visitor);
      } else {
        visitor.unreadable(new UnreadableEntry(Optional.empty(), p.toString(),
            "malformed entry name (the file format expects 0x<64 lowercase hex>.txt or kvformat)"));
      }
    }
  }

  @Override
  public String format() {
    return StoreFormat.FILE.marker();
  }
}
