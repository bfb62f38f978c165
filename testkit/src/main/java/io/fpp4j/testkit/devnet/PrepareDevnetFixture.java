package io.fpp4j.testkit.devnet;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.block.Header;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@link DevnetFixture#prepare} from a shell, for scripts that run the peers on the devnet proof outside JUnit
 * ({@code interop/compare-programs.sh}): {@code PrepareDevnetFixture SOURCE OUT_DIR}. It prints the prepared
 * layout as {@code key=value} lines (paths, and per case its agreed and claimed L2 block numbers, claim and expected status)
 * for the script to read, and exits 2 naming the problem when the fixture cannot be prepared. The agreed block's
 * number is not in {@code fixture.toml} (only its hash): it is read from the agreed header in the prepared data.
 */
public final class PrepareDevnetFixture {
  private PrepareDevnetFixture() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PrepareDevnetFixture SOURCE_DIR OUT_DIR (SOURCE_DIR: the shared fp-tests-devnet fixture)");
      System.exit(2);
    }
    DevnetFixture.Prepared p;
    try {
      p = DevnetFixture.prepare(Path.of(args[0]), Path.of(args[1]));
    } catch (RuntimeException e) {
      System.err.println("cannot prepare the devnet fixture: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println("data_dir=" + p.dataDir().toAbsolutePath());
    for (String name : DevnetFixture.CASES) {
      DevnetFixture.Case c = p.cases().get(name);
      String key = name.replace('-', '_');
      byte[] agreed = DevnetFixture.read(p.dataDir(), PreimageKey.keccak256(c.l2Head()));
      if (agreed == null) {
        System.err.println("the prepared data in " + p.dataDir() + " has no header for " + name + "'s agreed L2 head " + c.l2Head());
        System.exit(2);
      }
      System.out.println(key + "_agreed_block=" + Header.decode(agreed).number());
      System.out.println(key + "_claim_block=" + c.l2BlockNumber());
      System.out.println(key + "_claim=" + c.l2Claim());
      System.out.println(key + "_expected_status=" + c.expectedStatus());
      System.out.println(key + "_kona_local_keys=" + c.konaLocalKeys().toAbsolutePath());
      System.out.println(key + "_op_program_local_keys=" + c.opProgramLocalKeys().toAbsolutePath());
    }
  }
}
