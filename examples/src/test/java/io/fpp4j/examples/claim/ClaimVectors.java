package io.fpp4j.examples.claim;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hex;
import java.util.LinkedHashMap;
import java.util.Map;

/** The preimages of Cannon's ClaimTestOracle, as listed in op-program-spec 10.2. */
final class ClaimVectors {
  static final String PRE_HASH = "7f7fa7f8fea0d8d22fb5225f32264f463eee3bd2513cbee93da6560338e0615e";
  static final String DIFF_HASH = "24decc5be5a9ccc776fa2738bc15b7abd3c33cc7a5bca6fe62202f43b0bd1769";
  static final String CLAIM = "02fffffd00003004";

  private ClaimVectors() {}

  static Map<PreimageKey, byte[]> locals(String claim) {
    Map<PreimageKey, byte[]> m = new LinkedHashMap<>();
    m.put(PreimageKey.fromHex("0100000000000000000000000000000000000000000000000000000000000000"), Hex.decode(PRE_HASH));
    m.put(PreimageKey.fromHex("0100000000000000000000000000000000000000000000000000000000000001"), Hex.decode(DIFF_HASH));
    m.put(PreimageKey.fromHex("0100000000000000000000000000000000000000000000000000000000000002"), Hex.decode(claim));
    return m;
  }

  /** Installed by the test host when "fetch-state <pre hash>" arrives. */
  static Map<PreimageKey, byte[]> state(String s) {
    return Map.of(PreimageKey.fromHex("027fa7f8fea0d8d22fb5225f32264f463eee3bd2513cbee93da6560338e0615e"), Hex.decode(s));
  }

  /** Installed by the test host when "fetch-diff <diff hash>" arrives. */
  static Map<PreimageKey, byte[]> diff() {
    Map<PreimageKey, byte[]> m = new LinkedHashMap<>();
    m.put(PreimageKey.fromHex("02decc5be5a9ccc776fa2738bc15b7abd3c33cc7a5bca6fe62202f43b0bd1769"), Hex.decode(
        "d4c69e49e83a6047f46e42b2d053a1f0c6e70ea42862e5ef4ad66b3666c5e2af"
            + "d2ed8d75f801ae8a206c07ff9b104f0e005238dcd1cbaf844fd9f40d63174c56"));
    m.put(PreimageKey.fromHex("02c69e49e83a6047f46e42b2d053a1f0c6e70ea42862e5ef4ad66b3666c5e2af"), Hex.decode("0000000000000003"));
    m.put(PreimageKey.fromHex("02ed8d75f801ae8a206c07ff9b104f0e005238dcd1cbaf844fd9f40d63174c56"), Hex.decode("0000000000000004"));
    return m;
  }
}
