package io.fpp4j.host.online;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which precompiles the host runs. The peers' allow-list is 0x01 (ecrecover), 0x08 (BN254 pairing), 0x0a
 * (KZG point evaluation) and 0x0b–0x11 (BLS12-381, EIP-2537). This host runs 0x01, 0x0a and 0x0b–0x11 (through
 * blst); the rest (see {@link #UNSUPPORTED}) fail with a message saying so rather than store a made-up result.
 */
public final class HostPrecompiles {
  /** Allow-listed addresses this host cannot run, and why. */
  public static final Map<Address, String> UNSUPPORTED = unsupported();

  private final Map<Address, Precompile> supported;

  private HostPrecompiles(Map<Address, Precompile> supported) {
    this.supported = Map.copyOf(supported);
  }

  /** ecrecover, KZG point evaluation and the EIP-2537 BLS12-381 operations. */
  public static HostPrecompiles standard() {
    Map<Address, Precompile> m = new LinkedHashMap<>(Map.of(address(0x01), new Ecrecover(), address(0x0a), new KzgPointEvaluation()));
    m.putAll(bls12381());
    return new HostPrecompiles(m);
  }

  /** EIP-2537 at the addresses Prague gave it. */
  private static Map<Address, Precompile> bls12381() {
    return Map.of(address(0x0b), new BlsG1Add(), address(0x0c), new BlsG1Msm(), address(0x0d), new BlsG2Add(),
        address(0x0e), new BlsG2Msm(), address(0x0f), new BlsPairingCheck(), address(0x10), new BlsMapFpToG1(),
        address(0x11), new BlsMapFp2ToG2());
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
    m.put(address(0x08), "BN254 pairing) is not supported by this host: no BN254 pairing library is published on Maven Central");
    return Map.copyOf(m);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    supported.forEach((a, p) -> sb.append(sb.length() == 0 ? "" : ", ").append(Hex.prefixed(a.toArray())).append(' ').append(p.name()));
    return sb.toString();
  }
}
