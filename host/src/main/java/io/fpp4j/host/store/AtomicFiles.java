package io.fpp4j.host.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Whole-file writes that a crash cannot tear: the content goes to a temporary file in the target's own
 * directory, which is then renamed over the target (rename is atomic within one file system). A reader sees
 * the old file, the new file, or no file, never a prefix.
 */
final class AtomicFiles {
  /**
   * Temporary files are named {@code <target name>.<random>.tmp}. op-program names its own
   * {@code 0x<key>.txt.<digits>} in the store root, and kona-host (Rust {@code tempfile}) {@code .tmp<random>}
   * next to the target. No entry or marker name looks like any of these, so a directory walk can tell the
   * leftovers of a killed writer of either peer from entries.
   */
  private static final Pattern TEMP_NAME = Pattern.compile(".*\\.txt\\..+|.*\\.tmp|\\.tmp.*");

  private AtomicFiles() {}

  static boolean isTempName(String fileName) {
    return TEMP_NAME.matcher(fileName).matches();
  }

  /**
   * Writes {@code content} to {@code target} atomically. With {@code sync} the data and the directory entry
   * are forced to the device, so the write also survives a power loss, not only a process crash.
   */
  static void write(Path target, byte[] content, boolean sync) throws IOException {
    Path dir = target.getParent();
    Path tmp = createTemp(dir, target.getFileName().toString());
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) ch.write(buf);
        if (sync) ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system of " + dir + " cannot rename atomically", e);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    if (sync) forceDirectory(dir);
  }

  private static Path createTemp(Path dir, String targetName) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path tmp = dir.resolve(targetName + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try {
        Files.createFile(tmp);
        return tmp;
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 16) throw e;
      }
    }
  }

  private static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
