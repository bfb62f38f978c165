package io.fpp4j.fpvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeKernelTest {
  @TempDir Path tmp;

  /**
   * A descriptor that is a regular file (a redirect to a log, or a file the parent left open) must be written
   * to, never truncated: opening /proc/self/fd/N without append mode would empty it.
   */
  @Test
  void writingADescriptorThatIsARegularFileDoesNotTruncateIt() throws Exception {
    Path fdDir = Files.createDirectories(tmp.resolve("fd"));
    Path log = tmp.resolve("log");
    Files.writeString(log, "earlier lines\n");
    Files.createSymbolicLink(fdDir.resolve("4"), log);
    NativeKernel kernel = new NativeKernel(fdDir);
    byte[] b = "more\n".getBytes(StandardCharsets.US_ASCII);
    kernel.write(FileDescriptor.HINT_WRITE, b, 0, b.length);
    assertThat(Files.readString(log)).isEqualTo("earlier lines\nmore\n");
  }

  @Test
  void missingDescriptorIsNamed() {
    NativeKernel kernel = new NativeKernel(tmp);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> kernel.read(FileDescriptor.PREIMAGE_READ, new byte[1], 0, 1))
        .hasMessageContaining("descriptor 5 (PREIMAGE_READ) is not open in this process");
  }
}
