package io.fpp4j.preimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MemoryPipeTest {
  @Test
  void writerBlocksWhenFullAndResumesAsTheReaderDrains() throws Exception {
    MemoryPipe pipe = new MemoryPipe(4);
    byte[] data = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try {
        pipe.write(data, 0, data.length);
        pipe.closeWriter();
      } catch (java.io.IOException e) {
        throw new RuntimeException(e);
      }
    });
    byte[] got = new byte[10];
    int n = 0;
    while (n < 10) {
      int r = pipe.read(got, n, 3);
      assertThat(r).isBetween(1, 3);
      n += r;
    }
    writer.get();
    assertThat(got).isEqualTo(data);
    assertThat(pipe.read(got, 0, 1)).isEqualTo(-1);
  }

  @Test
  void writerFailsOnceTheReaderClosedInsteadOfBlocking() {
    MemoryPipe pipe = new MemoryPipe(2);
    pipe.closeReader();
    assertThatThrownBy(() -> pipe.write(new byte[5], 0, 5)).hasMessageContaining("broken pipe");
  }

  @Test
  void blockedWriterIsReleasedWhenTheReaderCloses() throws Exception {
    MemoryPipe pipe = new MemoryPipe(2);
    CompletableFuture<Throwable> writer = CompletableFuture.supplyAsync(() -> {
      try {
        pipe.write(new byte[5], 0, 5);
        return null;
      } catch (java.io.IOException e) {
        return e;
      }
    });
    Thread.sleep(50);
    pipe.closeReader();
    assertThat(writer.get()).hasMessageContaining("broken pipe");
  }

  @Test
  void readerSeesBufferedBytesBeforeEndOfStream() throws Exception {
    MemoryPipe pipe = new MemoryPipe(8);
    pipe.write(new byte[] {7, 8}, 0, 2);
    pipe.closeWriter();
    byte[] b = new byte[4];
    assertThat(pipe.read(b, 0, 4)).isEqualTo(2);
    assertThat(pipe.read(b, 0, 4)).isEqualTo(-1);
    assertThat(pipe.read(b, 0, 0)).isZero();
  }
}
