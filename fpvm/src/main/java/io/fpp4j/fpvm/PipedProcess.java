package io.fpp4j.fpvm;

import io.fpp4j.preimage.Channel;
import io.fpp4j.preimage.StreamChannel;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process whose descriptors 3 to 6 are pipes to this process: how a host runs a program in exec
 * mode, and how a client (or a test) runs a host that expects an FPVM's descriptors.
 *
 * <p>{@link ProcessBuilder} cannot map descriptors above 2, so on JDK 17 the wiring uses four FIFOs in a
 * private directory and {@code /bin/sh -c 'exec "$@" 3<f3 4>f4 5<f5 6>f6'}. The child always reads 3 and 5
 * and writes 4 and 6, whatever its role, so this side always writes 3 and 5 and reads 4 and 6:
 * {@link #hintChannel()} reads 4 and writes 3, {@link #preimageChannel()} reads 6 and writes 5.
 *
 * <p>Opening a FIFO blocks until the other side opens it. If the child dies before opening its ends (a
 * missing shell, a crash), a watchdog opens the missing peers itself so nothing hangs, and {@link #start}
 * fails with the child's exit code.
 */
public final class PipedProcess implements Closeable {
  private static final String WIRING = "exec \"$@\" 3<\"$FPP4J_FD3\" 4>\"$FPP4J_FD4\" 5<\"$FPP4J_FD5\" 6>\"$FPP4J_FD6\"";

  private final Process process;
  private final Channel hintChannel;
  private final Channel preimageChannel;

  private PipedProcess(Process process, Channel hintChannel, Channel preimageChannel) {
    this.process = process;
    this.hintChannel = hintChannel;
    this.preimageChannel = preimageChannel;
  }

  /**
   * Starts {@code command} (taken from {@code builder}, whose environment, directory, error-stream merge and redirects of
   * descriptors 0 to 2 are kept) with pipes on descriptors 3 to 6.
   *
   * @param openTimeout how long the child may take to open its ends before it is killed
   * @throws IOException if the child could not be started or died or stalled before opening its ends
   */
  public static PipedProcess start(ProcessBuilder builder, Duration openTimeout) throws IOException {
    return start(builder, openTimeout, WIRING);
  }

  /** As {@link #start(ProcessBuilder, Duration)} with another shell script; tests use it to fake a dying child. */
  static PipedProcess start(ProcessBuilder builder, Duration openTimeout, String wiring) throws IOException {
    List<String> command = builder.command();
    if (command.isEmpty()) throw new IllegalArgumentException("no command to run");
    Path dir = Files.createTempDirectory("fpp4j-fifo-", PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    Path[] fifo = new Path[7];
    Process child = null;
    try {
      List<String> mkfifo = new ArrayList<>(List.of("mkfifo", "-m", "600"));
      for (int fd = 3; fd <= 6; fd++) {
        fifo[fd] = dir.resolve("fd" + fd);
        mkfifo.add(fifo[fd].toString());
      }
      runQuietly(mkfifo);

      List<String> shell = new ArrayList<>(List.of("/bin/sh", "-c", wiring, "sh"));
      shell.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(shell)
          .directory(builder.directory())
          .redirectInput(builder.redirectInput())
          .redirectOutput(builder.redirectOutput())
          .redirectError(builder.redirectError())
          // Dropping this would leave the child's stderr on a pipe nobody reads, which blocks a chatty child.
          .redirectErrorStream(builder.redirectErrorStream());
      pb.environment().clear();
      pb.environment().putAll(builder.environment());
      for (int fd = 3; fd <= 6; fd++) pb.environment().put("FPP4J_FD" + fd, fifo[fd].toString());
      child = pb.start();

      Ends ends = openEnds(child, fifo, openTimeout);
      if (RawFdIo.available()) {
        // The streams keep owning the descriptors; the channels only borrow their numbers, found while the
        // FIFOs still have their names.
        try {
          return new PipedProcess(child,
              rawChannel(fifo[4], fifo[3], ends.in4, ends.out3), rawChannel(fifo[6], fifo[5], ends.in6, ends.out5));
        } catch (IOException | RuntimeException e) {
          closeAll(List.of(ends.out3, ends.in4, ends.out5, ends.in6));
          throw e;
        }
      }
      return new PipedProcess(child, new StreamChannel(ends.in4, ends.out3), new StreamChannel(ends.in6, ends.out5));
    } catch (IOException | RuntimeException e) {
      if (child != null) child.destroyForcibly();
      throw e;
    } finally {
      // Open descriptors outlive their names; nothing is left on disk.
      for (int fd = 3; fd <= 6; fd++) if (fifo[fd] != null) Files.deleteIfExists(fifo[fd]);
      Files.deleteIfExists(dir);
    }
  }

  private record Ends(OutputStream out3, InputStream in4, OutputStream out5, InputStream in6) {}

  private static Channel rawChannel(Path readFifo, Path writeFifo, InputStream in, OutputStream out) throws IOException {
    int readFd = RawFdIo.descriptorOf(readFifo);
    int writeFd = RawFdIo.descriptorOf(writeFifo);
    return new RawFdChannel(readFd, writeFd, () -> {
      try (InputStream i = in; OutputStream o = out) {
        // closes both descriptors
      }
    });
  }

  /** Opens this side's ends in the order the shell opens the child's, under a watchdog. */
  private static Ends openEnds(Process child, Path[] fifo, Duration timeout) throws IOException {
    CompletableFuture<Ends> opening = CompletableFuture.supplyAsync(() -> {
      try {
        OutputStream out3 = new FileOutputStream(fifo[3].toFile());
        InputStream in4 = new FileInputStream(fifo[4].toFile());
        OutputStream out5 = new FileOutputStream(fifo[5].toFile());
        InputStream in6 = new FileInputStream(fifo[6].toFile());
        return new Ends(out3, in4, out5, in6);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, command -> {
      Thread t = new Thread(command, "fpp4j-fifo-open");
      t.setDaemon(true);
      t.start();
    });
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        Ends ends = opening.get(50, TimeUnit.MILLISECONDS);
        return ends;
      } catch (TimeoutException e) {
        if (!child.isAlive()) {
          unblock(fifo, opening);
          throw new IOException("child process exited with code " + child.exitValue()
              + " before opening descriptors 3 to 6");
        }
        if (System.nanoTime() > deadline) {
          child.destroyForcibly();
          unblock(fifo, opening);
          throw new IOException("child process did not open descriptors 3 to 6 within " + timeout + "; killed it");
        }
      } catch (ExecutionException e) {
        throw new IOException("could not open the pipes to the child: " + e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        child.destroyForcibly();
        unblock(fifo, opening);
        throw new IOException("interrupted while wiring the child's descriptors", e);
      }
    }
  }

  /** Opens the counterpart of each FIFO in turn, which releases whichever open is blocked, then closes all. */
  private static void unblock(Path[] fifo, CompletableFuture<Ends> opening) {
    List<Closeable> opened = new ArrayList<>();
    try {
      for (int fd = 3; fd <= 6 && !opening.isDone(); fd++) {
        // This side writes 3 and 5 and reads 4 and 6; the counterpart is the other mode.
        opened.add(fd % 2 == 1 ? new FileInputStream(fifo[fd].toFile()) : new FileOutputStream(fifo[fd].toFile()));
      }
      Ends ends = opening.join();
      closeAll(List.of(ends.out3, ends.in4, ends.out5, ends.in6));
    } catch (IOException | RuntimeException ignored) {
      // best effort: the caller is already failing with the child's fate
    } finally {
      closeAll(opened);
    }
  }

  private static void closeAll(List<? extends Closeable> all) {
    for (Closeable c : all) {
      try {
        c.close();
      } catch (IOException ignored) {
        // closing after a failure
      }
    }
  }

  private static void runQuietly(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      byte[] out = p.getInputStream().readAllBytes(); // a pipe from a finished child: no seek involved
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + new String(out).trim());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running " + command.get(0), e);
    }
  }

  /** This side of the child's hint channel: reads what the child writes on 4, writes what it reads on 3. */
  public Channel hintChannel() {
    return hintChannel;
  }

  /** This side of the child's preimage channel: reads the child's descriptor 6, writes its descriptor 5. */
  public Channel preimageChannel() {
    return preimageChannel;
  }

  public Process process() {
    return process;
  }

  /** Waits for the child to exit and returns its exit code. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** Closes this side's ends (the child sees end of stream) and kills the child if it is still running. */
  @Override
  public void close() throws IOException {
    try (Channel h = hintChannel; Channel p = preimageChannel) {
      // both closed
    } finally {
      if (process.isAlive()) {
        try {
          if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          process.destroyForcibly();
        }
      }
    }
  }
}
