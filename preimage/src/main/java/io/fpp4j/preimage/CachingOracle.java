package io.fpp4j.preimage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A thread-safe LRU cache in front of an oracle, bounded in bytes rather than entries (Kona's is 1,024
 * entries whatever their size, so one blob fetch, 4,097 requests, empties it).
 *
 * <p>The budget is split into segments by key type, each evicting only its own least recently used entries:
 * blob field elements get {@link #BLOB_SHARE}, precompile results {@link #PRECOMPILE_SHARE}, and everything
 * else (local, keccak and sha256 keys: headers, trie nodes, code) the rest. Reading a whole blob therefore
 * evicts only older blob elements, never the trie nodes a provider is about to revisit. An entry larger
 * than a quarter of its segment is not cached at all, so one huge preimage cannot flush a segment either.
 *
 * <p>Each entry is charged its value length plus {@link #ENTRY_OVERHEAD} bytes for the key and map node.
 * Hints pass straight through, every time (a host keys its prefetch on the last hint, so deduplicating them
 * would change what it fetches). Misses are fetched outside the segment's lock; two threads missing the same
 * key may both ask the oracle, which then serializes the requests.
 */
public final class CachingOracle implements OracleClient {
  /** Bytes charged per entry on top of its value: the 32-byte key, the map node and array headers. */
  public static final int ENTRY_OVERHEAD = 96;
  /** Share of the budget for blob field elements: room for half a blob's 4,096 elements per 1 MiB. */
  public static final double BLOB_SHARE = 0.25;
  /** Share of the budget for precompile results. */
  public static final double PRECOMPILE_SHARE = 1.0 / 16;
  /** The default budget: 32 MiB, about 100,000 trie nodes. */
  public static final long DEFAULT_MAX_BYTES = 32L << 20;

  private final OracleClient inner;
  private final long maxBytes;
  private final Map<PreimageKeyType, Segment> segments = new EnumMap<>(PreimageKeyType.class);

  public CachingOracle(OracleClient inner) {
    this(inner, DEFAULT_MAX_BYTES);
  }

  /** @param maxBytes the total budget of all segments; at least 16 KiB */
  public CachingOracle(OracleClient inner, long maxBytes) {
    if (maxBytes < 16 * 1024) throw new IllegalArgumentException("cache budget must be at least 16 KiB, got " + maxBytes);
    this.inner = inner;
    this.maxBytes = maxBytes;
    long blob = (long) (maxBytes * BLOB_SHARE);
    long precompile = (long) (maxBytes * PRECOMPILE_SHARE);
    Segment general = new Segment("general", maxBytes - blob - precompile);
    Segment blobs = new Segment("blob", blob);
    Segment precompiles = new Segment("precompile", precompile);
    for (PreimageKeyType t : PreimageKeyType.values()) {
      segments.put(t, switch (t) {
        case BLOB -> blobs;
        case PRECOMPILE -> precompiles;
        default -> general;
      });
    }
  }

  @Override
  public byte[] get(PreimageKey key) {
    Segment s = segments.get(key.type());
    byte[] cached = s.lookup(key);
    if (cached != null) return cached.clone();
    byte[] value = inner.get(key);
    s.store(key, value.clone());
    return value;
  }

  @Override
  public void getExact(PreimageKey key, byte[] buf) {
    Segment s = segments.get(key.type());
    byte[] cached = s.lookup(key);
    if (cached != null) {
      if (cached.length != buf.length) {
        throw new BufferLengthMismatchException("cached preimage " + key + " is " + cached.length
            + " bytes, but the caller's buffer is " + buf.length);
      }
      System.arraycopy(cached, 0, buf, 0, buf.length);
      return;
    }
    inner.getExact(key, buf);
    s.store(key, buf.clone());
  }

  /** The cached preimages from the cache, and the rest in one {@link PreimageOracle#getAll} of the inner oracle. */
  @Override
  public List<byte[]> getAll(List<PreimageKey> keys) {
    byte[][] out = new byte[keys.size()][];
    List<PreimageKey> missing = new ArrayList<>();
    int[] missingAt = new int[keys.size()];
    for (int i = 0; i < out.length; i++) {
      byte[] cached = segments.get(keys.get(i).type()).lookup(keys.get(i));
      if (cached != null) {
        out[i] = cached.clone();
      } else {
        missingAt[missing.size()] = i;
        missing.add(keys.get(i));
      }
    }
    if (!missing.isEmpty()) {
      List<byte[]> fetched = inner.getAll(missing);
      for (int j = 0; j < missing.size(); j++) {
        byte[] value = fetched.get(j);
        segments.get(missing.get(j).type()).store(missing.get(j), value.clone());
        out[missingAt[j]] = value;
      }
    }
    return List.of(out);
  }

  @Override
  public void hint(String hint) {
    inner.hint(hint);
  }

  /** Drops every entry (Kona's {@code FlushableCache::flush}, used on a pipeline reset). */
  public void flush() {
    for (Segment s : distinctSegments()) s.clear();
  }

  /** Bytes charged across all segments; never above {@link #maxBytes()}. */
  public long bytes() {
    long n = 0;
    for (Segment s : distinctSegments()) n += s.bytes();
    return n;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public long hits() {
    long n = 0;
    for (Segment s : distinctSegments()) n += s.hits();
    return n;
  }

  public long misses() {
    long n = 0;
    for (Segment s : distinctSegments()) n += s.misses();
    return n;
  }

  /** Entries held for keys of this type's segment (types sharing a segment report the same count). */
  public int entries(PreimageKeyType type) {
    return segments.get(type).entries();
  }

  private Iterable<Segment> distinctSegments() {
    return new java.util.LinkedHashSet<>(segments.values());
  }

  /** One LRU map with its own byte budget. */
  private static final class Segment {
    private final String name;
    private final long capacity;
    private final long maxEntryBytes;
    private final LinkedHashMap<PreimageKey, byte[]> map = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    Segment(String name, long capacity) {
      this.name = name;
      this.capacity = capacity;
      this.maxEntryBytes = capacity / 4;
    }

    synchronized byte[] lookup(PreimageKey key) {
      byte[] v = map.get(key);
      if (v != null) hits++;
      else misses++;
      return v;
    }

    synchronized void store(PreimageKey key, byte[] value) {
      long cost = cost(value);
      if (cost > maxEntryBytes) return;
      byte[] old = map.put(key, value);
      if (old != null) bytes -= cost(old);
      bytes += cost;
      Iterator<Map.Entry<PreimageKey, byte[]>> it = map.entrySet().iterator();
      while (bytes > capacity && it.hasNext()) {
        Map.Entry<PreimageKey, byte[]> eldest = it.next();
        bytes -= cost(eldest.getValue());
        it.remove();
      }
    }

    synchronized void clear() {
      map.clear();
      bytes = 0;
    }

    synchronized long bytes() {
      return bytes;
    }

    synchronized int entries() {
      return map.size();
    }

    synchronized long hits() {
      return hits;
    }

    synchronized long misses() {
      return misses;
    }

    private static long cost(byte[] v) {
      return (long) v.length + ENTRY_OVERHEAD;
    }

    @Override
    public String toString() {
      return name + " segment of " + capacity + " bytes";
    }
  }
}
