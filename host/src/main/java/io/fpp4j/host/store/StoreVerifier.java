package io.fpp4j.host.store;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Re-hashes every keccak256 and sha256 entry of a store and compares bytes 1..31 with the key, as the
 * oracle's verifier does when serving. Other key types cannot be checked from the key alone and are only
 * counted. Entries that cannot be read at all count as bad too.
 */
public final class StoreVerifier {
  private StoreVerifier() {}

  /** One bad entry; {@code key} is absent only when the location does not tell it (a malformed file name). */
  public record Problem(Optional<Bytes32> key, String message) {}

  public record Report(long keccak256Checked, long sha256Checked, long notCheckable, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Walks {@code store}, handing each problem to {@code onProblem} as it is found. */
  public static Report verify(KeyValueStore store, Consumer<Problem> onProblem) {
    long[] counts = new long[3];
    List<Problem> problems = new ArrayList<>();
    Consumer<Problem> report = p -> {
      problems.add(p);
      onProblem.accept(p);
    };
    store.forEach(new EntryVisitor() {
      @Override
      public void entry(Bytes32 key, byte[] value) {
        KeyCategory category = KeyCategory.of(key);
        byte[] digest;
        switch (category) {
          case KECCAK256 -> {
            counts[0]++;
            digest = Hashing.keccak256(value);
          }
          case SHA256 -> {
            counts[1]++;
            digest = Hashing.sha256(value);
          }
          default -> {
            counts[2]++;
            return;
          }
        }
        if (!Arrays.equals(digest, 1, 32, key.toArray(), 1, 32)) {
          report.accept(new Problem(Optional.of(key), key + " (" + category.name().toLowerCase(java.util.Locale.ROOT) + "): the "
              + value.length + "-byte value hashes to " + Hex.prefixed(digest)));
        }
      }

      @Override
      public void unreadable(UnreadableEntry entry) {
        report.accept(new Problem(entry.key(), entry.message()));
      }
    });
    return new Report(counts[0], counts[1], counts[2], List.copyOf(problems));
  }
}
