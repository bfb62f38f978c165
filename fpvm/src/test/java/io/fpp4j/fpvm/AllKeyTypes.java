package io.fpp4j.fpvm;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Hashing;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One preimage of every key type, shared by the two-process tests. */
final class AllKeyTypes {
  private AllKeyTypes() {}

  static Map<PreimageKey, byte[]> preimages() {
    Map<PreimageKey, byte[]> m = new LinkedHashMap<>();
    byte[] hello = "hello world".getBytes(StandardCharsets.US_ASCII);
    byte[] commitment = new byte[48];
    commitment[0] = (byte) 0xc0;
    byte[] z0 = new byte[32];
    z0[31] = 1;
    byte[] addr = new byte[20];
    addr[19] = 0x0a;
    m.put(PreimageKey.local(0), new byte[] {0, 0, 0, 0, 0, 0, 0, 5});
    m.put(PreimageKey.keccak256Of(hello), hello);
    m.put(PreimageKey.fromDigest(PreimageKeyType.GLOBAL_GENERIC, Hashing.keccak256(hello)), new byte[0]);
    m.put(PreimageKey.sha256Of(commitment), commitment);
    m.put(PreimageKey.blob(commitment, z0), new byte[32]);
    m.put(PreimageKey.precompile(addr, 50_000, new byte[192]), new byte[] {1, 2, 3});
    return m;
  }

  static List<PreimageKey> keys() {
    return List.copyOf(preimages().keySet());
  }

  static byte[] claim() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    preimages().values().forEach(all::writeBytes);
    return Hashing.keccak256(all.toByteArray());
  }
}
