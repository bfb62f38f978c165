package io.fpp4j.primitives.receipt;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An event log: RLP {@code [address, [topic...], data]}. */
public record Log(Address address, List<Bytes32> topics, Bytes data) {
  public Log {
    Objects.requireNonNull(address, "address");
    topics = List.copyOf(topics);
    Objects.requireNonNull(data, "data");
  }

  public void writeTo(RlpWriter w) {
    w.startList().writeAddress(address).startList();
    for (Bytes32 t : topics) w.writeBytes32(t);
    w.endList().writeBytes(data).endList();
  }

  /** Decodes one log's RLP {@code [address, [topics…], data]}, rejecting trailing bytes. */
  public static Log decode(byte[] rlp) {
    return RlpReader.decodeWhole(rlp, "log", Log::readFrom);
  }

  public static Log readFrom(RlpReader r) {
    RlpReader l = r.readList("log");
    Address address = l.readAddress("log address");
    RlpReader tr = l.readList("log topics");
    List<Bytes32> topics = new ArrayList<>();
    while (tr.hasNext()) topics.add(tr.readBytes32("log topic"));
    Bytes data = l.readByteString("log data");
    l.finish("log [address, topics, data]");
    return new Log(address, topics, data);
  }
}
