package io.fpp4j.host.online;

import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFork;
import io.fpp4j.precompiles.PrecompileSet;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which precompiles the host runs: the peers' whole allow-list, 0x01 (ecrecover), 0x08 (BN254 pairing), 0x0a
 * (KZG point evaluation) and 0x0b–0x11 (BLS12-381, EIP-2537), as L1 runs them since Prague (the precompiles
 * module's {@code PRAGUE} set, without the OP Stack's input caps, which the client applies before hinting). Any
 * other address is refused, as the peers refuse it, even where the precompiles module has a precompile.
 */
final class HostPrecompiles {
  /** The peers' allow-list (kona-host's and op-program's accelerated precompiles). */
  static final List<Integer> ALLOW_LIST = List.of(0x01, 0x08, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11);

  private final Map<Address, Precompile> supported;

  private HostPrecompiles(Map<Address, Precompile> supported) {
    this.supported = Map.copyOf(supported);
  }

  /** Every precompile on the peers' allow-list. */
  public static HostPrecompiles standard() {
    PrecompileSet l1 = PrecompileSet.forFork(PrecompileFork.PRAGUE);
    Map<Address, Precompile> m = new LinkedHashMap<>();
    for (int number : ALLOW_LIST) {
      Address a = address(number);
      Precompile p = l1.get(a);
      if (p == null) throw new IllegalStateException("the precompiles module has no Prague precompile at " + a);
      m.put(a, p);
    }
    return new HostPrecompiles(m);
  }

  /** The precompile at {@code address}, or empty if it is not run by this host. */
  public Optional<Precompile> lookup(Address address) {
    return Optional.ofNullable(supported.get(address));
  }

  /** Why {@code address} cannot be run: it is not on the allow-list. */
  public String refusal(Address address) {
    return "precompile " + address + " is not on the host's allow-list of accelerated precompiles "
        + "(0x01, 0x08, 0x0a, 0x0b-0x11); a client only hints those";
  }

  static Address address(int number) {
    return PrecompileSet.address(number);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    supported.forEach((a, p) -> sb.append(sb.length() == 0 ? "" : ", ").append(Hex.prefixed(a.toArray())).append(' ').append(p.name()));
    return sb.toString();
  }
}
