package io.fpp4j.proof.hint;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.proof.Dialect;
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
public record PrecompileHint(HintType type, Address address, OptionalLong requiredGas, Bytes input) implements Hint {
  public PrecompileHint {
    if (type != HintType.L1_PRECOMPILE && type != HintType.L1_PRECOMPILE_V2) {
      throw new IllegalArgumentException(type + " is not a precompile hint");
    }
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(requiredGas, "requiredGas");
    Objects.requireNonNull(input, "input");
    if (type == HintType.L1_PRECOMPILE_V2 && requiredGas.isEmpty()) {
      throw new IllegalArgumentException("l1-precompile-v2 always carries the required gas");
    }
  }

  /** op-program's {@code l1-precompile-v2}. */
  public static PrecompileHint v2(Address address, long requiredGas, byte[] input) {
    return new PrecompileHint(HintType.L1_PRECOMPILE_V2, address, OptionalLong.of(requiredGas), Bytes.of(input));
  }

  /** Kona's {@code l1-precompile}, which has the v2 layout. */
  public static PrecompileHint kona(Address address, long requiredGas, byte[] input) {
    return new PrecompileHint(HintType.L1_PRECOMPILE, address, OptionalLong.of(requiredGas), Bytes.of(input));
  }

  /** op-program's legacy {@code l1-precompile} without gas. */
  public static PrecompileHint legacy(Address address, byte[] input) {
    return new PrecompileHint(HintType.L1_PRECOMPILE, address, OptionalLong.empty(), Bytes.of(input));
  }

  @Override
  public byte[] data() {
    return HintBytes.concat(address.toArray(), HintBytes.optionalU64(requiredGas), input.unsafeArray());
  }

  /** The type-6 key of the result: keccak of {@link #data()} with the gas field exactly when the hint has one. */
  public PreimageKey key() {
    return requiredGas.isPresent()
        ? PreimageKey.precompile(address.toArray(), requiredGas.getAsLong(), input.unsafeArray())
        : PreimageKey.legacyPrecompile(address.toArray(), input.unsafeArray());
  }

  static PrecompileHint decode(HintType type, Dialect dialect, byte[] data) {
    boolean withGas = type == HintType.L1_PRECOMPILE_V2 || dialect == Dialect.KONA;
    int header = withGas ? 28 : 20;
    if (data.length < header) {
      throw HintBytes.wrongLength(type, withGas
          ? "at least 28 (address ‖ gas ‖ input) in the " + dialect + " dialect"
          : "at least 20 (address ‖ input) in the " + dialect + " dialect", data);
    }
    return new PrecompileHint(type, HintBytes.address(data, 0),
        withGas ? OptionalLong.of(HintBytes.u64(data, 20)) : OptionalLong.empty(),
        Bytes.of(data, header, data.length - header));
  }

  @Override
  public String toString() {
    return type + " " + address
        + (requiredGas.isPresent() ? " gas " + Long.toUnsignedString(requiredGas.getAsLong()) : "")
        + " input " + input.length() + " bytes";
  }
}
