package io.fpp4j.proof.hint;

import io.fpp4j.proof.Dialect;
import io.fpp4j.preimage.PreimageKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A request to run an L1 precompile in the host. Three forms share two names:
 * <ul>
 *   <li>op-program {@code l1-precompile-v2}: {@code address ‖ u64be(requiredGas) ‖ input};
 *   <li>Kona {@code l1-precompile}: the same v2 layout under the v1 name;
 *   <li>op-program legacy {@code l1-precompile}: {@code address ‖ input}, no gas.
 * </ul>
 * The data, whatever its form, is exactly the preimage of the precompile key's hash.
 */
public record PrecompileHint(HintType type, byte[] address, OptionalLong requiredGas, byte[] input) implements Hint {
  public PrecompileHint {
    if (type != HintType.L1_PRECOMPILE && type != HintType.L1_PRECOMPILE_V2) {
      throw new IllegalArgumentException(type + " is not a precompile hint");
    }
    Objects.requireNonNull(requiredGas, "requiredGas");
    if (type == HintType.L1_PRECOMPILE_V2 && requiredGas.isEmpty()) {
      throw new IllegalArgumentException("l1-precompile-v2 always carries the required gas");
    }
    address = HintBytes.address(address, "precompile address");
    input = input.clone();
  }

  /** op-program's {@code l1-precompile-v2}. */
  public static PrecompileHint v2(byte[] address, long requiredGas, byte[] input) {
    return new PrecompileHint(HintType.L1_PRECOMPILE_V2, address, OptionalLong.of(requiredGas), input);
  }

  /** Kona's {@code l1-precompile}, which has the v2 layout. */
  public static PrecompileHint kona(byte[] address, long requiredGas, byte[] input) {
    return new PrecompileHint(HintType.L1_PRECOMPILE, address, OptionalLong.of(requiredGas), input);
  }

  /** op-program's legacy {@code l1-precompile} without gas. */
  public static PrecompileHint legacy(byte[] address, byte[] input) {
    return new PrecompileHint(HintType.L1_PRECOMPILE, address, OptionalLong.empty(), input);
  }

  @Override
  public byte[] address() {
    return address.clone();
  }

  @Override
  public byte[] input() {
    return input.clone();
  }

  @Override
  public byte[] data() {
    return HintBytes.concat(address, HintBytes.optionalU64(requiredGas), input);
  }

  /** The type-6 key of the result: keccak of {@link #data()} with the gas field exactly when the hint has one. */
  public PreimageKey key() {
    return requiredGas.isPresent()
        ? PreimageKey.precompile(address, requiredGas.getAsLong(), input)
        : PreimageKey.legacyPrecompile(address, input);
  }

  static PrecompileHint decode(HintType type, Dialect dialect, byte[] data) {
    boolean withGas = type == HintType.L1_PRECOMPILE_V2 || dialect == Dialect.KONA;
    int header = withGas ? 28 : 20;
    if (data.length < header) {
      throw HintBytes.wrongLength(type, withGas
          ? "at least 28 (address ‖ gas ‖ input) in the " + dialect + " dialect"
          : "at least 20 (address ‖ input) in the " + dialect + " dialect", data);
    }
    byte[] addr = HintBytes.slice(data, 0, 20);
    byte[] in = HintBytes.slice(data, header, data.length);
    return new PrecompileHint(type, addr, withGas ? OptionalLong.of(HintBytes.u64(data, 20)) : OptionalLong.empty(), in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrecompileHint p && type == p.type && Arrays.equals(address, p.address)
        && requiredGas.equals(p.requiredGas) && Arrays.equals(input, p.input);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, Arrays.hashCode(address), requiredGas, Arrays.hashCode(input));
  }

  @Override
  public String toString() {
    return type + " " + HintBytes.hex(address)
        + (requiredGas.isPresent() ? " gas " + Long.toUnsignedString(requiredGas.getAsLong()) : "")
        + " input " + input.length + " bytes";
  }
}
