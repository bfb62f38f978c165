package io.fpp4j.primitives.rlp;

import io.fpp4j.primitives.Bytes;
import java.util.ArrayList;
import java.util.List;

/** A decoded RLP value as a tree: a byte string or a list of items. */
public sealed interface RlpItem permits RlpItem.Str, RlpItem.Lst {

  /** A byte string. */
  record Str(Bytes bytes) implements RlpItem {
    public static Str of(byte[] b) {
      return new Str(Bytes.of(b));
    }
  }

  /** A list of items. */
  record Lst(List<RlpItem> items) implements RlpItem {
    public Lst {
      items = List.copyOf(items);
    }

    public static Lst of(RlpItem... items) {
      return new Lst(List.of(items));
    }
  }

  /** Decodes exactly one item spanning the whole input. */
  static RlpItem decode(byte[] input) {
    RlpReader r = RlpReader.of(input);
    RlpItem item = read(r, 0);
    r.finish("the top-level item");
    return item;
  }

  /** The canonical encoding of this item. */
  default byte[] encode() {
    RlpWriter w = new RlpWriter();
    write(w, this);
    return w.toByteArray();
  }

  private static void write(RlpWriter w, RlpItem item) {
    if (item instanceof Str s) {
      w.writeBytes(s.bytes());
    } else {
      w.startList();
      for (RlpItem i : ((Lst) item).items()) write(w, i);
      w.endList();
    }
  }

  private static RlpItem read(RlpReader r, int depth) {
    if (depth > 1024) throw r.errorHere("lists nested more than 1024 deep");
    if (r.nextIsList("an item")) {
      RlpReader inner = r.readList("a list");
      List<RlpItem> items = new ArrayList<>();
      while (inner.hasNext()) items.add(read(inner, depth + 1));
      return new Lst(items);
    }
    return new Str(r.readByteString("a string"));
  }
}
