package io.fpp4j.host.online;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which precompiles the host runs: the peers' whole allow-list, 0x01 (ecrecover, BouncyCastle), 0x08 (BN254
 * pairing, own code: no library on Maven Central), 0x0a (KZG point evaluation, c-kzg) and 0x0b–0x11
 * (BLS12-381, EIP-2537, through blst). Any other address is refused, as the peers refuse it.
 */
public final class HostPrecompiles {
  private final Map<Address, Precompile> supported;

  private HostPrecompiles(Map<Address, Precompile> supported) {
    this.supported = Map.copyOf(supported);
  }

  /** Every precompile on the peers' allow-list. */
  public static HostPrecompiles standard() {
    Map<Address, Precompile> m = new LinkedHashMap<>();
    m.put(address(0x01), new Ecrecover());
    m.put(address(0x08), new Bn254Pairing());
    m.put(address(0x0a), new KzgPointEvaluation());
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

  /** Why {@code address} cannot be run: it is not on the allow-list. */
  public String refusal(Address address) {
    return "precompile " + address + " is not on the host's allow-list of accelerated precompiles "
        + "(0x01, 0x08, 0x0a, 0x0b-0x11); a client only hints those";
  }

  static Address address(int last) {
    byte[] a = new byte[20];
    a[19] = (byte) last;
    return Address.wrap(a);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    supported.forEach((a, p) -> sb.append(sb.length() == 0 ? "" : ", ").append(Hex.prefixed(a.toArray())).append(' ').append(p.name()));
    return sb.toString();
  }
}
