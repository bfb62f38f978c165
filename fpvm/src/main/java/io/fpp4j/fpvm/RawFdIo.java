package io.fpp4j.fpvm;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code read(2)} and {@code write(2)} on raw descriptor numbers through the JDK's foreign function API
 * ({@code java.lang.foreign}, final in JDK 22), used when the running JVM has it and native access is enabled
 * for this code ({@code --enable-native-access=ALL-UNNAMED}, as the {@code fpp4j} launcher passes). Otherwise
 * {@link #available()} is empty and callers keep to {@code FileInputStream}/{@code FileOutputStream}.
 *
 * <p>Why it exists: a small preimage round trip is two pipe wake-ups, and on the JDK 17 streams each of the four
 * system calls also pays the JNI stream path (field lookups, a copy through a C stack buffer, a region copy).
 * A downcall bound once and inlined by the JIT costs less (measured in {@code docs/performance.md}). No library
 * offers this; the JDK API is the library.
 *
 * <p>The bytecode stays Java 17, so the API is reached through method handles found by reflection once, at class
 * load, and typed with {@code Object} in place of {@code MemorySegment}. Calls go through {@code invokeExact} on
 * {@code static final} handles, which the JIT treats as constants and inlines. Each {@link Buffer} owns a native
 * buffer: a descriptor direction is used by one thread at a time, as every {@code Channel} direction is.
 */
final class RawFdIo {
  /** Bytes moved per system call; a larger request is served in several. */
  static final int CHUNK = 64 * 1024;
  private static final int EINTR = 4;

  private static final MethodHandle READ;   // (Object callState, int fd, Object buffer, long count) -> long
  private static final MethodHandle WRITE;  // (Object callState, int fd, Object buffer, long count) -> long
  private static final MethodHandle TO_NATIVE;   // (Object array, int index, Object segment, Object layout, long offset, int count)
  private static final MethodHandle FROM_NATIVE; // (Object segment, Object layout, long offset, Object array, int index, int count)
  private static final MethodHandle ALLOCATE;    // (Object arena, long bytes) -> Object segment
  private static final MethodHandle GET_INT;     // (Object segment, Object layout, long offset) -> int
  private static final Object AUTO_ARENA;
  private static final Object JAVA_BYTE;
  private static final Object JAVA_INT;
  private static final long ERRNO_OFFSET;
  private static final long STATE_BYTES;
  private static final String UNAVAILABLE;

  static {
    MethodHandle read = null, write = null, toNative = null, fromNative = null, allocate = null, getInt = null;
    Object arena = null, javaByte = null, javaInt = null;
    long errnoOffset = 0, stateBytes = 0;
    String why = null;
    try {
      if (Runtime.version().feature() < 22) throw new UnsupportedOperationException("JDK " + Runtime.version().feature() + " has no final java.lang.foreign");
      if ("false".equals(System.getProperty("fpp4j.rawfd"))) throw new UnsupportedOperationException("-Dfpp4j.rawfd=false");
      Module self = RawFdIo.class.getModule();
      if (!(Boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(self)) {
        throw new UnsupportedOperationException("native access is not enabled (--enable-native-access=ALL-UNNAMED)");
      }
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> linkerC = Class.forName("java.lang.foreign.Linker");
      Class<?> optionC = Class.forName("java.lang.foreign.Linker$Option");
      Class<?> segmentC = Class.forName("java.lang.foreign.MemorySegment");
      Class<?> layoutC = Class.forName("java.lang.foreign.MemoryLayout");
      Class<?> valueLayoutC = Class.forName("java.lang.foreign.ValueLayout");
      Class<?> ofIntC = Class.forName("java.lang.foreign.ValueLayout$OfInt");
      Class<?> descriptorC = Class.forName("java.lang.foreign.FunctionDescriptor");
      Class<?> lookupC = Class.forName("java.lang.foreign.SymbolLookup");
      Class<?> arenaC = Class.forName("java.lang.foreign.Arena");
      Class<?> allocatorC = Class.forName("java.lang.foreign.SegmentAllocator");
      Class<?> pathElementC = Class.forName("java.lang.foreign.MemoryLayout$PathElement");

      Object linker = linkerC.getMethod("nativeLinker").invoke(null);
      Object symbols = linkerC.getMethod("defaultLookup").invoke(linker);
      javaByte = valueLayoutC.getField("JAVA_BYTE").get(null);
      javaInt = valueLayoutC.getField("JAVA_INT").get(null);
      Object javaLong = valueLayoutC.getField("JAVA_LONG").get(null);
      Object address = valueLayoutC.getField("ADDRESS").get(null);
      Object layouts = Array.newInstance(layoutC, 3);
      Array.set(layouts, 0, javaInt);
      Array.set(layouts, 1, address);
      Array.set(layouts, 2, javaLong);
      Object descriptor = descriptorC.getMethod("of", layoutC, layouts.getClass()).invoke(null, javaLong, layouts);
      Object capture = optionC.getMethod("captureCallState", String[].class).invoke(null, (Object) new String[] {"errno"});
      Object options = Array.newInstance(optionC, 1);
      Array.set(options, 0, capture);
      Object stateLayout = optionC.getMethod("captureStateLayout").invoke(null);
      Object path = Array.newInstance(pathElementC, 1);
      Array.set(path, 0, pathElementC.getMethod("groupElement", String.class).invoke(null, "errno"));
      errnoOffset = (Long) layoutC.getMethod("byteOffset", path.getClass()).invoke(stateLayout, path);
      stateBytes = (Long) layoutC.getMethod("byteSize").invoke(stateLayout);

      // downcallHandle is caller-sensitive (a restricted method), so it is called reflectively, once, from here.
      java.lang.reflect.Method downcall = linkerC.getMethod("downcallHandle", segmentC, descriptorC, options.getClass());
      MethodType erased = MethodType.methodType(long.class, Object.class, int.class, Object.class, long.class);
      read = ((MethodHandle) downcall.invoke(linker, symbol(lookupC, symbols, "read"), descriptor, options)).asType(erased);
      write = ((MethodHandle) downcall.invoke(linker, symbol(lookupC, symbols, "write"), descriptor, options)).asType(erased);

      toNative = lookup.findStatic(segmentC, "copy", MethodType.methodType(void.class, Object.class, int.class, segmentC,
              valueLayoutC, long.class, int.class))
          .asType(MethodType.methodType(void.class, Object.class, int.class, Object.class, Object.class, long.class, int.class));
      fromNative = lookup.findStatic(segmentC, "copy", MethodType.methodType(void.class, segmentC, valueLayoutC, long.class,
              Object.class, int.class, int.class))
          .asType(MethodType.methodType(void.class, Object.class, Object.class, long.class, Object.class, int.class, int.class));
      allocate = lookup.findVirtual(allocatorC, "allocate", MethodType.methodType(segmentC, long.class))
          .asType(MethodType.methodType(Object.class, Object.class, long.class));
      getInt = lookup.findVirtual(segmentC, "get", MethodType.methodType(int.class, ofIntC, long.class))
          .asType(MethodType.methodType(int.class, Object.class, Object.class, long.class));
      arena = arenaC.getMethod("ofAuto").invoke(null);
    } catch (Throwable t) {
      why = t instanceof UnsupportedOperationException ? t.getMessage() : "java.lang.foreign could not be bound: " + t;
      read = write = toNative = fromNative = allocate = getInt = null;
    }
    READ = read;
    WRITE = write;
    TO_NATIVE = toNative;
    FROM_NATIVE = fromNative;
    ALLOCATE = allocate;
    GET_INT = getInt;
    AUTO_ARENA = arena;
    JAVA_BYTE = javaByte;
    JAVA_INT = javaInt;
    ERRNO_OFFSET = errnoOffset;
    STATE_BYTES = stateBytes;
    UNAVAILABLE = why;
  }

  private static Object symbol(Class<?> lookupC, Object symbols, String name) throws ReflectiveOperationException {
    Optional<?> found = (Optional<?>) lookupC.getMethod("find", String.class).invoke(symbols, name);
    return found.orElseThrow(() -> new UnsupportedOperationException("the C library has no " + name + "()"));
  }

  private RawFdIo() {}

  /** Whether raw descriptor I/O can be used in this JVM. */
  public static boolean available() {
    return UNAVAILABLE == null;
  }

  /** Why it cannot, or empty if it can (for logs and tests). */
  public static Optional<String> unavailableReason() {
    return Optional.ofNullable(UNAVAILABLE);
  }

  /**
   * The number of the descriptor this process holds open on {@code path} (a FIFO it has just opened), found
   * through {@code /proc/self/fd}: the stream that opened it stays its owner and closes it.
   */
  static int descriptorOf(Path path) throws IOException {
    Path target = path.toAbsolutePath();
    int found = -1;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        Path link;
        try {
          link = Files.readSymbolicLink(fd);
        } catch (IOException gone) {
          continue; // the listing's own descriptor, closed by now
        }
        if (link.equals(target)) {
          if (found >= 0) throw new IOException(path + " is open on descriptors " + found + " and " + fd.getFileName());
          found = Integer.parseInt(fd.getFileName().toString());
        }
      }
    }
    if (found < 0) throw new IOException(path + " is not open in this process");
    return found;
  }

  /** A native buffer and call-state area for one direction of one descriptor; not for concurrent use. */
  public static final class Buffer {
    private final Object segment;
    private final Object state;

    public Buffer() {
      if (!available()) throw new IllegalStateException("raw descriptor I/O is unavailable: " + UNAVAILABLE);
      try {
        segment = ALLOCATE.invokeExact(AUTO_ARENA, (long) CHUNK);
        state = ALLOCATE.invokeExact(AUTO_ARENA, STATE_BYTES);
      } catch (Throwable t) {
        throw new IllegalStateException("could not allocate a native buffer: " + t, t);
      }
    }

    /** One {@code read(2)} of at most {@code min(len, CHUNK)} bytes: the count, or 0 at end of stream. */
    public int read(int fd, byte[] buf, int off, int len) throws IOException {
      int n = Math.min(len, CHUNK);
      try {
        while (true) {
          long r = (long) READ.invokeExact(state, fd, segment, (long) n);
          if (r >= 0) {
            if (r > 0) FROM_NATIVE.invokeExact(segment, JAVA_BYTE, 0L, (Object) buf, off, (int) r);
            return (int) r;
          }
          int errno = errno();
          if (errno != EINTR) throw new IOException("read(" + fd + ") failed: errno " + errno);
        }
      } catch (IOException | RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IOException("read(" + fd + ") failed: " + t, t);
      }
    }

    /** Writes all {@code len} bytes, in as many {@code write(2)} calls as it takes. */
    public void write(int fd, byte[] buf, int off, int len) throws IOException {
      try {
        int done = 0;
        while (done < len) {
          int n = Math.min(len - done, CHUNK);
          TO_NATIVE.invokeExact((Object) buf, off + done, segment, JAVA_BYTE, 0L, n);
          long sent = 0;
          while (sent < n) {
            long w = (long) WRITE.invokeExact(state, fd, sliceAt(sent), (long) (n - sent));
            if (w < 0) {
              int errno = errno();
              if (errno == EINTR) continue;
              throw new IOException("write(" + fd + ") failed: errno " + errno + (errno == 32 ? " (broken pipe: the reader is gone)" : ""));
            }
            sent += w;
          }
          done += n;
        }
      } catch (IOException | RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IOException("write(" + fd + ") failed: " + t, t);
      }
    }

    private Object sliceAt(long offset) throws Throwable {
      return offset == 0 ? segment : SLICE.invokeExact(segment, offset);
    }

    private int errno() throws Throwable {
      return (int) GET_INT.invokeExact(state, JAVA_INT, ERRNO_OFFSET);
    }
  }

  // Only needed after a short write to a pipe, so bound lazily.
  private static final MethodHandle SLICE = bindSlice();

  private static MethodHandle bindSlice() {
    if (UNAVAILABLE != null) return null;
    try {
      Class<?> segmentC = Class.forName("java.lang.foreign.MemorySegment");
      return MethodHandles.publicLookup().findVirtual(segmentC, "asSlice", MethodType.methodType(segmentC, long.class))
          .asType(MethodType.methodType(Object.class, Object.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("java.lang.foreign has no MemorySegment.asSlice(long)", e);
    }
  }
}
