package io.fpp4j.testkit.devnet;

import io.fpp4j.primitives.Bytes32;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * op-program v1.19.0 host's flags for an offline run on the prepared devnet fixture: one list shared by the host and
 * interop tests that drive op-program's host (or give its flags to a drop-in host), so they cannot drift apart.
 *
 * <p>{@code --l2.custom} serves chain id MaxUint64, so the client reads the chain's configs from local keys 6, 7 and
 * 9 (devnet chain 1337 is in no registry); fpp4j implies it from {@code --rollup.config} and accepts it.
 */
public final class OpProgramOfflineFlags {
  private OpProgramOfflineFlags() {}

  /** The boot inputs given on the command line; a test may choose its own L1 head, claim and block. */
  public record Inputs(Bytes32 l1Head, Bytes32 l2Head, Bytes32 l2OutputRoot, Bytes32 l2Claim, long l2BlockNumber) {
    public Inputs {
      Objects.requireNonNull(l1Head, "l1Head");
      Objects.requireNonNull(l2Head, "l2Head");
      Objects.requireNonNull(l2OutputRoot, "l2OutputRoot");
      Objects.requireNonNull(l2Claim, "l2Claim");
    }

    /** A fixture case's own inputs. */
    public static Inputs of(DevnetFixture.Case c) {
      return new Inputs(c.l1Head(), c.l2Head(), c.l2OutputRoot(), c.l2Claim(), c.l2BlockNumber());
    }
  }

  /** The flags for case {@code c} on the prepared {@code file} data directory, running {@code client}. */
  public static List<String> of(DevnetFixture.Prepared fixture, DevnetFixture.Case c, Path client) {
    return of(fixture, Inputs.of(c), fixture.dataDir(), "file", client);
  }

  /** The flags for {@code inputs} on {@code dataDir} in op-program's {@code dataFormat}, running {@code client}. */
  public static List<String> of(DevnetFixture.Prepared fixture, Inputs inputs, Path dataDir, String dataFormat,
                                Path client) {
    return List.of(
        "--l1.head", inputs.l1Head().toHex(),
        "--l2.head", inputs.l2Head().toHex(),
        "--l2.outputroot", inputs.l2OutputRoot().toHex(),
        "--l2.claim", inputs.l2Claim().toHex(),
        "--l2.blocknumber", Long.toString(inputs.l2BlockNumber()),
        "--l2.custom",
        "--rollup.config", fixture.rollupConfig().toString(),
        "--l2.genesis", fixture.l2Genesis().toString(),
        "--l1.chainconfig", fixture.l1ChainConfig().toString(),
        "--datadir", dataDir.toString(),
        "--data.format", dataFormat,
        "--exec", client.toString());
  }
}
