package io.fpp4j.host;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The data {@link ClaimProgram} needs: an input, its keccak key, a block number and the claim over both. */
final class Fixture {
  static final byte[] INPUT = "fault proofs in java".getBytes(StandardCharsets.UTF_8);
  static final byte[] INPUT_HASH = Hashing.keccak256(INPUT);
  static final PreimageKey INPUT_KEY = PreimageKey.keccak256Of(INPUT);
  /** The hint {@link ClaimProgram} sends for the input: a trie node's hint, since it asks for a preimage by hash. */
  static final String INPUT_HINT = "l2-state-node " + Hex.prefixed(INPUT_HASH);
  static final long BLOCK = 8;
  static final byte[] CLAIM = ClaimProgram.expectedClaim(INPUT, BLOCK);
  static final String WRONG_CLAIM = "0x" + "ee".repeat(32);

  private Fixture() {}

  /** A store directory holding the input. */
  static Path store(Path dir) {
    return TestStores.write(dir, Map.of(INPUT_KEY, INPUT));
  }

  /** A store directory holding nothing. */
  static Path emptyStore(Path dir) {
    return TestStores.write(dir, Map.of());
  }

  /** {@code --local-key} arguments for keys 1, 3, 4. */
  static List<String> localKeys(String claim) {
    return new ArrayList<>(List.of("--local-key", "1=" + Hex.prefixed(INPUT_HASH), "--local-key", "3=" + claim,
        "--local-key", "4=0x0000000000000008"));
  }

  static String claimHex() {
    return Hex.prefixed(CLAIM);
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String classPath() {
    return System.getProperty("java.class.path");
  }
}
