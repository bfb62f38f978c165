package io.fpp4j.proof.hint;

import io.fpp4j.primitives.Hex;
import java.util.Arrays;
import java.util.Objects;

/**
 * The two parts of any hint, {@code <name> <hex data>}, before the name is interpreted: what a host sees
 * first, and the form of hints outside the catalogue (such as the Cannon examples' {@code fetch-state}).
 */
public record RawHint(String name, byte[] data) {
  public RawHint {
    Objects.requireNonNull(name, "name");
    data = data.clone();
  }

  /**
   * Splits {@code text} at its single space and decodes the data. The data may carry a {@code 0x} or
   * {@code 0X} prefix or none and may be upper or lower case, since peers (and older Kona) differ.
   *
   * @throws HintParseException naming what is wrong: no space, more than one space, an empty name, bad hex
   */
  public static RawHint parse(String text) {
    int space = text.indexOf(' ');
    if (space < 0) {
      throw new HintParseException("hint has no space between its type and its data: '" + abbreviate(text) + "'");
    }
    if (text.indexOf(' ', space + 1) >= 0) {
      throw new HintParseException("hint has more than one space (expected '<type> <hex>'): '" + abbreviate(text) + "'");
    }
    String name = text.substring(0, space);
    if (name.isEmpty()) throw new HintParseException("hint has an empty type: '" + abbreviate(text) + "'");
    byte[] data;
    try {
      data = Hex.decode(text.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw new HintParseException("data of hint '" + name + "' is not hex: " + e.getMessage(), e);
    }
    return new RawHint(name, data);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** {@code <name> 0x<lowercase hex>}. */
  public String encode() {
    return name + " 0x" + Hex.encode(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawHint r && name.equals(r.name) && Arrays.equals(data, r.data);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return abbreviate(encode());
  }

  static String abbreviate(String s) {
    return s.length() <= 160 ? s : s.substring(0, 157) + "...";
  }
}
