package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * kona-host's disk store: RocksDB, default column family, Snappy compression, created if missing, keys the
 * raw 32 bytes, values the raw bytes; {@code <dir>/kvformat} says {@code rocksdb}. Unlike kona-host it never
 * destroys the database when closed.
 *
 * <p>Every put goes through RocksDB's write-ahead log before it returns, so data survives the writing
 * process being killed; RocksDB's recovery drops a torn record at the log's tail. Using a closed native
 * handle would crash the JVM, so every call holds a read lock that {@link #close} takes exclusively.
 */
public final class RocksDbPreimageStore implements KeyValueStore {
  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final Options options;
  private final WriteOptions writeOptions;
  private final RocksDB db;
  private final boolean readOnly;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksDbPreimageStore(Path dir, Options options, WriteOptions writeOptions, RocksDB db, boolean readOnly) {
    this.dir = dir;
    this.options = options;
    this.writeOptions = writeOptions;
    this.db = db;
    this.readOnly = readOnly;
  }

  /** Opens or creates a database at {@code dir}, recording the marker if there is none. */
  public static RocksDbPreimageStore open(Path dir) {
    return open(dir, false);
  }

  /** As {@link #open(Path)}; with {@code syncWrites} every put fsyncs the log (survives power loss too). */
  public static RocksDbPreimageStore open(Path dir, boolean syncWrites) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create RocksDB directory " + dir + ": " + e, e);
    }
    FormatMarker.claim(dir, StoreFormat.ROCKSDB);
    Options options = baseOptions().setCreateIfMissing(true);
    WriteOptions writeOptions = new WriteOptions().setSync(syncWrites);
    try {
      return new RocksDbPreimageStore(dir, options, writeOptions, RocksDB.open(options, dir.toString()), false);
    } catch (RocksDBException e) {
      writeOptions.close();
      options.close();
      throw new StoreException("cannot open RocksDB store " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens an existing database for reading only (it replays the write-ahead log in memory and changes no
   * file). Works while another process has the database open for writing, and on untyped stores without
   * a marker such as the executor fixtures.
   */
  public static RocksDbPreimageStore openReadOnly(Path dir) {
    if (!Files.isRegularFile(dir.resolve("CURRENT"))) {
      throw new StoreException("no RocksDB database at " + dir + " (no CURRENT file)");
    }
    FormatMarker.check(dir, StoreFormat.ROCKSDB);
    Options options = baseOptions();
    try {
      return new RocksDbPreimageStore(dir, options, new WriteOptions(), RocksDB.openReadOnly(options, dir.toString()), true);
    } catch (RocksDBException e) {
      options.close();
      throw new StoreException("cannot open RocksDB store " + dir + " read-only: " + e.getMessage(), e);
    }
  }

  private static Options baseOptions() {
    return new Options().setCompressionType(CompressionType.SNAPPY_COMPRESSION);
  }

  @Override
  public Optional<byte[]> getRaw(Bytes32 key) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return Optional.ofNullable(db.get(key.toArray()));
    } catch (RocksDBException e) {
      throw new StoreException("cannot read " + key + " from " + describe() + ": " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void putRaw(Bytes32 key, byte[] value) {
    lock.readLock().lock();
    try {
      ensureWritable(key.toString());
      db.put(writeOptions, key.toArray(), value);
    } catch (RocksDBException e) {
      throw new StoreException("cannot write " + key + " to " + describe() + ": " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** One atomic write batch: after a crash either all of {@code entries} are there or none. */
  @Override
  public void putAllRaw(Map<Bytes32, byte[]> entries) {
    lock.readLock().lock();
    try (WriteBatch batch = new WriteBatch()) {
      ensureWritable(entries.size() + " entries");
      for (Map.Entry<Bytes32, byte[]> e : entries.entrySet()) batch.put(e.getKey().toArray(), e.getValue());
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new StoreException("cannot write a batch of " + entries.size() + " entries to " + describe() + ": "
          + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void forEach(EntryVisitor visitor) {
    lock.readLock().lock();
    try {
      ensureOpen();
      iterate(visitor);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void iterate(EntryVisitor visitor) {
    try (RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] key = it.key();
        if (key.length == 32) {
          visitor.entry(Bytes32.wrap(key), it.value());
        } else {
          visitor.unreadable(new UnreadableEntry(Optional.empty(), describe() + " record with key " + Hex.prefixed(key),
              "key is " + key.length + " bytes long, not 32"));
        }
      }
      it.status();
    } catch (RocksDBException e) {
      throw new StoreException("cannot list " + describe() + ": " + e.getMessage(), e);
    }
  }

  private void ensureOpen() {
    if (closed) throw new StoreException(describe() + " is closed");
  }

  private void ensureWritable(String what) {
    ensureOpen();
    if (readOnly) throw new StoreException(describe() + " was opened read-only; cannot store " + what);
  }

  @Override
  public String format() {
    return StoreFormat.ROCKSDB.marker();
  }

  @Override
  public String describe() {
    return "rocksdb:" + dir;
  }

  /** Closes the database (flushing nothing extra: the log already holds every write). Idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) return;
      closed = true;
      db.close();
      writeOptions.close();
      options.close();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
