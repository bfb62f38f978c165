package io.fpp4j.derive;

import io.fpp4j.preimage.BufferLengthMismatchException;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Serves preimages straight from an op-program {@code file} data directory, for tests; hints are counted, not acted on. */
final class FileOracle implements OracleClient {
  private final Path dir;
  final AtomicLong hints = new AtomicLong();

  FileOracle(Path dir) {
    this.dir = dir;
  }

  @Override
  public byte[] get(PreimageKey key) {
    Path p = dir.resolve(key.hex() + ".txt");
    try {
      return Hex.decode(Files.readString(p, StandardCharsets.US_ASCII).trim());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new KeyNotFoundException("no preimage for key " + key + " in " + dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void getExact(PreimageKey key, byte[] buf) {
    byte[] v = get(key);
    if (v.length != buf.length) throw new BufferLengthMismatchException("preimage " + key + " is " + v.length + " bytes, buffer " + buf.length);
    System.arraycopy(v, 0, buf, 0, v.length);
  }

  @Override
  public void hint(String hint) {
    hints.incrementAndGet();
  }
}
