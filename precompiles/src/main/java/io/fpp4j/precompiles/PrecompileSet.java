package io.fpp4j.precompiles;

import io.fpp4j.primitives.Address;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The precompiles in force at one fork, by address. Immutable. */
public final class PrecompileSet {
  private final Map<Address, Precompile> byAddress;

  private PrecompileSet(Map<Address, Precompile> byAddress) {
    // Sorted once here, so that addresses() is in address order whatever order the caller built the map in.
    this.byAddress = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(byAddress)));
  }

  /** A set of exactly these precompiles. */
  public static PrecompileSet of(Map<Address, Precompile> byAddress) {
    return new PrecompileSet(byAddress);
  }

  /** The set in force at {@code fork}. */
  public static PrecompileSet forFork(PrecompileFork fork) {
    return PrecompileTables.forFork(fork);
  }

  /** The precompile at {@code address}, or {@code null} if there is none (the EVM's hot path: no Optional). */
  public Precompile get(Address address) {
    return byAddress.get(address);
  }

  public boolean contains(Address address) {
    return byAddress.containsKey(address);
  }

  /** Every address in the set, in address order: warm from the start of each transaction since Berlin. */
  public Set<Address> addresses() {
    return byAddress.keySet();
  }

  /** This set with {@code precompile} added at {@code address}, or replacing the one there. */
  public PrecompileSet with(Address address, Precompile precompile) {
    Map<Address, Precompile> m = new LinkedHashMap<>(byAddress);
    m.put(address, precompile);
    return new PrecompileSet(m);
  }

  /** The address {@code 0x00…00nn}, where precompiles live. */
  public static Address address(int number) {
    byte[] a = new byte[Address.LENGTH];
    a[18] = (byte) (number >>> 8);
    a[19] = (byte) number;
    return Address.wrap(a);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    byAddress.forEach((a, p) -> sb.append(sb.length() == 0 ? "" : ", ").append(a).append(' ').append(p.name()));
    return sb.toString();
  }
}
