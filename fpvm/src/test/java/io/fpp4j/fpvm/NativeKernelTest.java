package io.fpp4j.fpvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeKernelTest {
  @TempDir Path tmp;

  /**
   * Started by hand, the JVM's own files (class-path jars, a log) sit on descriptors 3 to 6; the program once
   * appended its hints to a jar and broke it. A regular file or a directory is refused, untouched, naming it.
   */
  @Test
  void aDescriptorThatIsARegularFileIsRefusedAndLeftAlone() throws Exception {
    Path fdDir = Files.createDirectories(tmp.resolve("fd"));
    Path jar = tmp.resolve("some.jar");
    Files.writeString(jar, "PK zip bytes");
    Files.createSymbolicLink(fdDir.resolve("4"), jar);
    Files.createSymbolicLink(fdDir.resolve("5"), jar);
    Files.createSymbolicLink(fdDir.resolve("6"), tmp);
    NativeKernel kernel = new NativeKernel(fdDir);
    byte[] b = "more\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> kernel.write(FileDescriptor.HINT_WRITE, b, 0, b.length))
        .hasMessageContaining("descriptor 4 (HINT_WRITE) is the regular file " + jar.toRealPath() + ", not a pipe");
    assertThatThrownBy(() -> kernel.read(FileDescriptor.PREIMAGE_READ, new byte[1], 0, 1))
        .hasMessageContaining("descriptor 5 (PREIMAGE_READ) is the regular file");
    assertThatThrownBy(() -> kernel.write(FileDescriptor.PREIMAGE_WRITE, b, 0, b.length))
        .hasMessageContaining("descriptor 6 (PREIMAGE_WRITE) is the directory");
    assertThat(Files.readString(jar)).isEqualTo("PK zip bytes");
  }

  /** A FIFO, as a JDK 17 host wires its child, is accepted and carries the bytes. */
  @Test
  void aFifoIsAccepted() throws Exception {
    Path fdDir = Files.createDirectories(tmp.resolve("fd"));
    Path fifo = tmp.resolve("hint-fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
    Files.createSymbolicLink(fdDir.resolve("4"), fifo);
    Files.createSymbolicLink(fdDir.resolve("3"), fifo);
    NativeKernel kernel = new NativeKernel(fdDir);
    kernel.input(FileDescriptor.HINT_READ); // the read end first, so the write end has a reader
    byte[] b = "hint".getBytes(StandardCharsets.US_ASCII);
    kernel.write(FileDescriptor.HINT_WRITE, b, 0, b.length);
    kernel.output(FileDescriptor.HINT_WRITE).flush();
    byte[] got = new byte[4];
    int n = kernel.read(FileDescriptor.HINT_READ, got, 0, 4);
    assertThat(new String(got, 0, n, StandardCharsets.US_ASCII)).isEqualTo("hint".substring(0, n));
  }

  @Test
  void missingDescriptorIsNamed() {
    NativeKernel kernel = new NativeKernel(tmp);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> kernel.read(FileDescriptor.PREIMAGE_READ, new byte[1], 0, 1))
        .hasMessageContaining("descriptor 5 (PREIMAGE_READ) is not open in this process");
  }
}
