package io.fpp4j.fpvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw descriptor I/O through java.lang.foreign. The build runs every test with native access enabled, so on the
 * JDK 25 pass this path is the one the whole suite uses; on JDK 17 it must say why it is off.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RawFdIoTest {
  @TempDir Path tmp;

  @Test
  void onWhenTheJvmHasTheForeignApiAndNativeAccessIsOn() {
    if (Runtime.version().feature() >= 22) {
      assertThat(RawFdIo.unavailableReason()).isEmpty();
      assertThat(RawFdIo.available()).isTrue();
    } else {
      assertThat(RawFdIo.available()).isFalse();
      assertThat(RawFdIo.unavailableReason()).hasValue("JDK " + Runtime.version().feature() + " has no final java.lang.foreign");
      assertThatThrownBy(RawFdIo.Buffer::new).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("raw descriptor I/O is unavailable: JDK ");
    }
  }

  /** A FIFO opened at both ends by this process, with the descriptor numbers behind the streams. */
  private record Fifo(FileInputStream in, FileOutputStream out, int readFd, int writeFd) {}

  // Both ends name the same FIFO, so each number is found while only its own end is open.

  private Fifo fifo(String name) throws Exception {
    Path p = tmp.resolve(name);
    assertThat(new ProcessBuilder("mkfifo", p.toString()).start().waitFor()).isZero();
    FileInputStream in;
    try (RandomAccessFile hold = new RandomAccessFile(p.toFile(), "rw")) { // so the read end's open cannot block
      in = new FileInputStream(p.toFile());
    }
    int readFd = RawFdIo.descriptorOf(p);
    FileOutputStream out = new FileOutputStream(p.toFile());
    int writeFd = -1;
    for (int fd : openOn(p)) if (fd != readFd) writeFd = fd;
    return new Fifo(in, out, readFd, writeFd);
  }

  private static java.util.List<Integer> openOn(Path p) throws IOException {
    java.util.List<Integer> fds = new java.util.ArrayList<>();
    try (var list = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) list::iterator) {
        try {
          if (java.nio.file.Files.readSymbolicLink(fd).equals(p)) fds.add(Integer.parseInt(fd.getFileName().toString()));
        } catch (IOException gone) {
          // the listing's own descriptor
        }
      }
    }
    return fds;
  }

  @Test
  void moreThanAChunkArrivesIntactThenEndOfStreamReadsAsZero() throws Exception {
    assumeTrue(RawFdIo.available(), () -> "raw descriptor I/O is off: " + RawFdIo.unavailableReason().orElse(""));
    Fifo f = fifo("data");
    byte[] data = new byte[3 * RawFdIo.CHUNK + 123];
    new SplittableRandom(7).nextBytes(data);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (FileOutputStream owner = f.out()) {
        new RawFdIo.Buffer().write(f.writeFd(), data, 0, data.length);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    RawFdIo.Buffer reader = new RawFdIo.Buffer();
    byte[] got = new byte[data.length];
    int done = 0;
    while (done < got.length) {
      int n = reader.read(f.readFd(), got, done, got.length - done);
      assertThat(n).isPositive().isLessThanOrEqualTo(RawFdIo.CHUNK);
      done += n;
    }
    writer.join();
    assertThat(Arrays.equals(got, data)).isTrue();
    assertThat(reader.read(f.readFd(), new byte[8], 0, 8)).as("end of stream").isZero();
    f.in().close();
  }

  @Test
  void aWriteWithNoReaderLeftFailsNamingTheBrokenPipe() throws Exception {
    assumeTrue(RawFdIo.available(), () -> "raw descriptor I/O is off: " + RawFdIo.unavailableReason().orElse(""));
    Fifo f = fifo("broken");
    f.in().close();
    try (FileOutputStream owner = f.out()) {
      assertThatThrownBy(() -> new RawFdIo.Buffer().write(f.writeFd(), new byte[10], 0, 10))
          .isInstanceOf(IOException.class).hasMessage("write(" + f.writeFd() + ") failed: errno 32 (broken pipe: the reader is gone)");
    }
  }

  @Test
  void aDescriptorThatIsNotOpenIsAnErrorNamingIt() {
    assumeTrue(RawFdIo.available(), () -> "raw descriptor I/O is off: " + RawFdIo.unavailableReason().orElse(""));
    assertThatThrownBy(() -> new RawFdIo.Buffer().read(987, new byte[4], 0, 4))
        .isInstanceOf(IOException.class).hasMessage("read(987) failed: errno 9");
    assertThatThrownBy(() -> RawFdIo.descriptorOf(tmp.resolve("nothing")))
        .isInstanceOf(IOException.class).hasMessageEndingWith("nothing is not open in this process");
  }
}
