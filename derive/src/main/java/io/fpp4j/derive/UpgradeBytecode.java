package io.fpp4j.derive;

import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The init code a network-upgrade deposit deploys, read from the hex resources under
 * {@code io/fpp4j/derive/upgrades/}. Each resource is data copied from the OP Stack specs (its header comments name
 * where from) and states the keccak256 of its bytes; the bytes are checked against it on every load, so a damaged
 * resource fails loudly instead of deriving a different block.
 */
public enum UpgradeBytecode {
  ECOTONE_L1_BLOCK("ecotone-l1-block-deployment"),
  ECOTONE_GAS_PRICE_ORACLE("ecotone-gas-price-oracle-deployment"),
  EIP4788_BEACON_ROOTS("eip4788-beacon-roots-deployment"),
  FJORD_GAS_PRICE_ORACLE("fjord-gas-price-oracle-deployment"),
  ISTHMUS_L1_BLOCK("isthmus-l1-block-deployment"),
  ISTHMUS_GAS_PRICE_ORACLE("isthmus-gas-price-oracle-deployment"),
  ISTHMUS_OPERATOR_FEE_VAULT("isthmus-operator-fee-deployment"),
  EIP2935_HISTORY_STORAGE("eip2935-history-storage-deployment"),
  JOVIAN_L1_BLOCK("jovian-l1-block-deployment"),
  JOVIAN_GAS_PRICE_ORACLE("jovian-gas-price-oracle-deployment");

  private static final String HASH_LINE = "# keccak256 of these bytes: ";
  private final String resource;

  UpgradeBytecode(String name) {
    this.resource = "upgrades/" + name + ".hex";
  }

  /** The init code, checked against the keccak256 its resource states. */
  public Bytes load() {
    String text;
    try (InputStream in = UpgradeBytecode.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("upgrade bytecode resource " + resource + " is missing from the classpath");
      text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read upgrade bytecode resource " + resource, e);
    }
    StringBuilder hex = new StringBuilder();
    Bytes32 stated = null;
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.startsWith(HASH_LINE)) stated = Bytes32.fromHex(l.substring(HASH_LINE.length()));
      else if (!l.isEmpty() && !l.startsWith("#")) hex.append(l);
    }
    if (stated == null) throw new IllegalStateException("upgrade bytecode resource " + resource + " states no keccak256");
    byte[] code = Hex.decode(hex);
    Bytes32 actual = Bytes32.keccak256(code);
    if (!actual.equals(stated)) {
      throw new IllegalStateException("upgrade bytecode resource " + resource + " hashes to " + actual + ", not the stated " + stated);
    }
    return Bytes.adopt(code);
  }
}
