package io.fpp4j.examples.abi;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The preimages of the ABI demo: boot values under local keys and data under every global key type, with
 * a claim (local key 3) that is the keccak of all the global preimages in order. Deterministic.
 */
final class DemoData {
  /** Local key 1 holds the number of preimages to fetch; 3 holds the claim. */
  static final PreimageKey COUNT = PreimageKey.local(1);
  static final PreimageKey CLAIM = PreimageKey.local(3);
  /** Local key 2 lists the 32-byte global keys to fetch, concatenated. */
  static final PreimageKey KEY_LIST = PreimageKey.local(2);

  private DemoData() {}

  /** Every preimage the host serves; {@code validClaim} false makes the claim wrong. */
  static Map<PreimageKey, byte[]> preimages(boolean validClaim) {
    Random rnd = new Random(2718);
    Map<PreimageKey, byte[]> global = new LinkedHashMap<>();
    byte[] hello = "hello world".getBytes(StandardCharsets.US_ASCII);
    global.put(PreimageKey.keccak256Of(hello), hello);
    global.put(PreimageKey.local(4), new byte[0]); // empty preimages are legal (under a hash key only as the hash of "")
    byte[] big = new byte[256 * 1024];
    rnd.nextBytes(big);
    global.put(PreimageKey.keccak256Of(big), big);
    byte[] commitment = new byte[48];
    commitment[0] = (byte) 0xc0; // the commitment of the zero blob
    global.put(PreimageKey.sha256Of(commitment), commitment);
    byte[] z0 = Hex.decode("00".repeat(31) + "01");
    byte[] z1 = Hex.decode("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000");
    global.put(PreimageKey.blob(commitment, z0), new byte[32]);
    global.put(PreimageKey.blob(commitment, z1), new byte[32]);
    byte[] ecrecover = Hex.decode("0000000000000000000000000000000000000001");
    byte[] input = new byte[128];
    rnd.nextBytes(input);
    global.put(PreimageKey.precompile(ecrecover, 3000, input), new byte[] {1}); // success, empty output
    global.put(PreimageKey.fromDigest(PreimageKeyType.GLOBAL_GENERIC, Hashing.keccak256(hello)), hello);

    Map<PreimageKey, byte[]> all = new LinkedHashMap<>();
    byte[] keys = new byte[32 * global.size()];
    int i = 0;
    for (PreimageKey k : global.keySet()) k.copyTo(keys, 32 * i++);
    all.put(COUNT, new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) global.size()});
    all.put(KEY_LIST, keys);
    all.put(CLAIM, validClaim ? claimOf(global.values()) : new byte[32]);
    all.putAll(global);
    return all;
  }

  static byte[] claimOf(Iterable<byte[]> values) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    values.forEach(all::writeBytes);
    return Hashing.keccak256(all.toByteArray());
  }
}
