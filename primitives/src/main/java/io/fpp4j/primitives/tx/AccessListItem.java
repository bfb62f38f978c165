package io.fpp4j.primitives.tx;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One EIP-2930 access-list entry: {@code [address, [storageKey...]]}. */
public record AccessListItem(Address address, List<Bytes32> storageKeys) {
  public AccessListItem {
    Objects.requireNonNull(address, "address");
    storageKeys = List.copyOf(storageKeys);
  }

  static void writeList(RlpWriter w, List<AccessListItem> list) {
    w.startList();
    for (AccessListItem item : list) {
      w.startList().writeAddress(item.address).startList();
      for (Bytes32 k : item.storageKeys) w.writeBytes32(k);
      w.endList().endList();
    }
    w.endList();
  }

  static List<AccessListItem> readList(RlpReader r) {
    RlpReader l = r.readList("accessList");
    List<AccessListItem> out = new ArrayList<>();
    while (l.hasNext()) {
      RlpReader e = l.readList("access list entry");
      Address a = e.readAddress("access list address");
      RlpReader keys = e.readList("access list storage keys");
      List<Bytes32> ks = new ArrayList<>();
      while (keys.hasNext()) ks.add(keys.readBytes32("access list storage key"));
      e.finish("access list entry [address, storageKeys]");
      out.add(new AccessListItem(a, ks));
    }
    return out;
  }
}
