package io.fpp4j.host.online;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which precompiles the host runs. The peers' allow-list is 0x01 (ecrecover), 0x08 (BN254 pairing), 0x0a
 * (KZG point evaluation) and 0x0b–0x11 (BLS12-381, EIP-2537). This host runs 0x01, 0x08 (its own BN254
 * code) and 0x0a; the others are on the allow-list but have no library on Maven Central it could use (see
 * {@link #UNSUPPORTED}), so a hint for them fails with a message saying so rather than storing a made-up result.
 */
public final class HostPrecompiles {
  /** Allow-listed addresses this host cannot run, and why. */
  public static final Map<Address, String> UNSUPPORTED = unsupported();

  private final Map<Address, Precompile> supported;

  private HostPrecompiles(Map<Address, Precompile> supported) {
    this.supported = Map.copyOf(supported);
  }

  /** ecrecover, BN254 pairing and KZG point evaluation. */
  public static HostPrecompiles standard() {
    return new HostPrecompiles(Map.of(address(0x01), new Ecrecover(), address(0x08), new Bn254Pairing(),
        address(0x0a), new KzgPointEvaluation()));
  }

  /** The precompile at {@code address}, or empty if it is not run by this host. */
  public Optional<Precompile> lookup(Address address) {
    return Optional.ofNullable(supported.get(address));
  }

  /** Why {@code address} cannot be run: not supported here, or not on the allow-list at all. */
  public String refusal(Address address) {
    String why = UNSUPPORTED.get(address);
    if (why != null) return "precompile " + address + " (" + why;
    return "precompile " + address + " is not on the host's allow-list of accelerated precompiles "
        + "(0x01, 0x08, 0x0a, 0x0b-0x11); a client only hints those";
  }

  static Address address(int last) {
    byte[] a = new byte[20];
    a[19] = (byte) last;
    return Address.wrap(a);
  }

  private static Map<Address, String> unsupported() {
    Map<Address, String> m = new LinkedHashMap<>();
    String bls = ") is not supported by this host: no BLS12-381 library on Maven Central offers the EIP-2537 operations";
    m.put(address(0x0b), "BLS12-381 G1 add" + bls);
    m.put(address(0x0c), "BLS12-381 G1 MSM" + bls);
    m.put(address(0x0d), "BLS12-381 G2 add" + bls);
    m.put(address(0x0e), "BLS12-381 G2 MSM" + bls);
    m.put(address(0x0f), "BLS12-381 pairing" + bls);
    m.put(address(0x10), "BLS12-381 map Fp to G1" + bls);
    m.put(address(0x11), "BLS12-381 map Fp2 to G2" + bls);
    return Map.copyOf(m);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    supported.forEach((a, p) -> sb.append(sb.length() == 0 ? "" : ", ").append(Hex.prefixed(a.toArray())).append(' ').append(p.name()));
    return sb.toString();
  }
}
