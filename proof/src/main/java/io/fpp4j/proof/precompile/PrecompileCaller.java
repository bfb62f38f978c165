package io.fpp4j.proof.precompile;

import io.fpp4j.preimage.OracleClient;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.ProviderException;
import io.fpp4j.proof.hint.PrecompileHint;
import java.util.Objects;

/**
 * Runs an L1 precompile in the host through the oracle, as the FPVM-accelerated precompiles of both
 * clients do: one hint, then one type-6 key, whose preimage is {@code status ‖ output}.
 *
 * <ul>
 *   <li>{@link Form#KONA}: hint {@code l1-precompile <address ‖ u64be(gas) ‖ input>};
 *   <li>{@link Form#OP_PROGRAM}: hint {@code l1-precompile-v2 <address ‖ u64be(gas) ‖ input>};
 *   <li>{@link Form#OP_PROGRAM_LEGACY}: hint {@code l1-precompile <address ‖ input>} and the gas-free key,
 *       for hosts from before the gas field existed.
 * </ul>
 * In the first two the key is {@code 06 ‖ keccak256(address ‖ u64be(gas) ‖ input)[1:]}: the gas is part of
 * the key, so client and host must agree on it exactly. The client computes it; the host only executes.
 */
public final class PrecompileCaller {
  /** Which hint (and key) to send. */
  public enum Form {
    KONA,
    OP_PROGRAM,
    OP_PROGRAM_LEGACY;

    /** The current form of a dialect. */
    public static Form of(Dialect dialect) {
      return dialect == Dialect.KONA ? KONA : OP_PROGRAM;
    }
  }

  private final OracleClient oracle;
  private final Form form;

  public PrecompileCaller(OracleClient oracle, Dialect dialect) {
    this(oracle, Form.of(dialect));
  }

  public PrecompileCaller(OracleClient oracle, Form form) {
    this.oracle = Objects.requireNonNull(oracle, "oracle");
    this.form = Objects.requireNonNull(form, "form");
  }

  /**
   * The output of a successful call.
   *
   * @throws PrecompileFailedException if the host reports failure (status byte 0)
   * @throws ProviderException if the result is empty or its status byte is neither 0 nor 1
   */
  public byte[] call(Address address, long requiredGas, byte[] input) {
    PrecompileResult r = callForResult(address, requiredGas, input);
    if (!r.success()) {
      throw new PrecompileFailedException("host reports that precompile " + address + " failed (status 0) on "
          + input.length + " bytes of input with " + Long.toUnsignedString(requiredGas) + " gas");
    }
    return r.output().toArray();
  }

  /** The status and output, without turning a failure into an exception. */
  public PrecompileResult callForResult(Address address, long requiredGas, byte[] input) {
    PrecompileHint hint = switch (form) {
      case KONA -> PrecompileHint.kona(address, requiredGas, input);
      case OP_PROGRAM -> PrecompileHint.v2(address, requiredGas, input);
      case OP_PROGRAM_LEGACY -> PrecompileHint.legacy(address, input);
    };
    hint.sendTo(oracle);
    byte[] result = oracle.get(hint.key());
    if (result.length == 0) {
      throw new ProviderException("host returned an empty result for precompile " + address + " (key " + hint.key()
          + "); a result is at least the status byte");
    }
    return switch (result[0]) {
      case 1 -> new PrecompileResult(true, Bytes.of(result, 1, result.length - 1));
      case 0 -> new PrecompileResult(false, Bytes.of(result, 1, result.length - 1));
      default -> throw new ProviderException(String.format(
          "host returned status byte 0x%02x for precompile %s (key %s); only 0 (failure) and 1 (success) exist",
          result[0] & 0xff, address, hint.key()));
    };
  }
}
