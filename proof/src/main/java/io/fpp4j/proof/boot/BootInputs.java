package io.fpp4j.proof.boot;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageOracle;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A program's boot inputs: the values under local (type 1) keys, read and checked by type. Every error
 * names the key by its index and, if the program gave one, by its meaning, for example
 * {@code "L1 head (local key 1) must be 32 bytes, got 20"}; a host that does not serve a key gives a
 * {@link PreimageOracleException} saying which input was wanted.
 *
 * <pre>{@code
 * BootInputs boot = BootInputs.of(oracle).named(1, "L1 head").named(2, "block number");
 * Bytes32 head = boot.bytes32(1);
 * long number = boot.u64(2);
 * }</pre>
 *
 * <p>Each read asks the oracle (local keys are never hinted); a program that reads a key twice should run
 * behind a cache, as {@code ProgramEntry} gives it. Immutable: {@link #named} returns a new reader.
 */
public final class BootInputs {
  private final PreimageOracle oracle;
  private final Map<Long, String> meanings;

  private BootInputs(PreimageOracle oracle, Map<Long, String> meanings) {
    this.oracle = Objects.requireNonNull(oracle, "oracle");
    this.meanings = meanings;
  }

  /** A reader whose errors name keys by index only, until {@link #named} gives them meanings. */
  public static BootInputs of(PreimageOracle oracle) {
    return new BootInputs(oracle, Map.of());
  }

  /** This reader with {@code meaning} (for example {@code "L1 head"}) used for local key {@code index} in errors. */
  public BootInputs named(long index, String meaning) {
    Map<Long, String> m = new HashMap<>(meanings);
    m.put(index, Objects.requireNonNull(meaning, "meaning"));
    return new BootInputs(oracle, Map.copyOf(m));
  }

  /** How errors name local key {@code index}: {@code "L1 head (local key 1)"}, or {@code "local key 1"}. */
  public String describe(long index) {
    String key = "local key " + Long.toUnsignedString(index);
    String meaning = meanings.get(index);
    return meaning == null ? key : meaning + " (" + key + ")";
  }

  /** The value of local key {@code index}, of any length. */
  public byte[] bytes(long index) {
    PreimageKey key = PreimageKey.local(index);
    try {
      return oracle.get(key);
    } catch (PreimageOracleException e) {
      String meaning = meanings.get(index);
      String what = meaning == null ? "local key " + Long.toUnsignedString(index) + " (" + key + ")"
          : "the " + meaning + " (local key " + Long.toUnsignedString(index) + ", " + key + ")";
      throw new PreimageOracleException("could not read " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * The value of local key {@code index}, which must be {@code length} bytes long or one of
   * {@code otherLengths}.
   *
   * @throws BootException naming the key, the lengths allowed and the length served
   */
  public byte[] bytes(long index, int length, int... otherLengths) {
    byte[] v = bytes(index);
    if (v.length == length) return v;
    StringBuilder allowed = new StringBuilder().append(length);
    for (int other : otherLengths) {
      if (v.length == other) return v;
      allowed.append(" or ").append(other);
    }
    throw new BootException(describe(index) + " must be " + allowed + " bytes, got " + v.length);
  }

  /** A 32-byte value: a hash or an output root. */
  public Bytes32 bytes32(long index) {
    return Bytes32.wrap(bytes(index, 32));
  }

  /** A 20-byte account address. */
  public Address address(long index) {
    return Address.wrap(bytes(index, Address.LENGTH));
  }

  /** An 8-byte big-endian u64 (a block number, a chain id), as a Java long holding the unsigned value. */
  public long u64(long index) {
    byte[] v = bytes(index);
    if (v.length != 8) {
      throw new BootException(describe(index) + " must be an 8-byte big-endian u64, got " + v.length + " bytes");
    }
    return ByteBuffer.wrap(v).getLong();
  }

  /**
   * The value parsed as JSON (a config or a dependency set); any JSON value, not only an object, and nothing
   * after it (as serde_json and Go's {@code json.Unmarshal} refuse trailing content).
   */
  public JsonNode json(long index) {
    byte[] v = bytes(index);
    try {
      JsonNode node = JsonTreeReader.read(v);
      if (node == null || node.isMissingNode()) throw new BootException(describe(index) + " is empty, not JSON");
      return node;
    } catch (IOException e) {
      throw new BootException(describe(index) + " is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The value decoded by {@code parser} (for example {@code RollupConfig::parse}); an
   * {@link IllegalArgumentException} from it, which malformed configs and RLP throw, becomes a
   * {@link BootException} that names the key before the parser's own message.
   */
  public <T> T parse(long index, Function<byte[], T> parser) {
    byte[] v = bytes(index);
    try {
      return parser.apply(v);
    } catch (IllegalArgumentException e) {
      throw new BootException(describe(index) + ": " + e.getMessage(), e);
    }
  }
}
