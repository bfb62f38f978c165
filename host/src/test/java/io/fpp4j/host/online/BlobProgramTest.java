package io.fpp4j.host.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.RunOutcome;
import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;
import io.fpp4j.precompiles.kzg.TestBlobs;
import io.fpp4j.primitives.Hex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The production blob and precompile handlers behind the real CLI and server loop: a client program reads
 * a generated blob that the host fetches from a local beacon API, and an ecrecover result the host computes.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlobProgramTest {
  int run(RpcStub beacon, String claim, AtomicReference<RunOutcome> outcome) {
    List<String> args = List.of("host", "single", "--native", "--program", BlobProgram.class.getName(),
        "--l1-head", Hex.prefixed(BlobHandlerTest.VERSIONED), "--agreed-l2-head-hash", GethOnlineTest.ZERO,
        "--agreed-l2-output-root", GethOnlineTest.ZERO, "--claimed-l2-output-root", claim,
        "--claimed-l2-block-number", Long.toString(BlobHandlerTest.TIMESTAMP), "--l2-chain-id", "901",
        // Never contacted: the program sends no block hints.
        "--l1-node-address", "http://127.0.0.1:9", "--l2-node-address", "http://127.0.0.1:9",
        "--l1-beacon-address", beacon.url(), "--retry", "bounded", "--retry-attempts", "2");
    return Main.run(args.toArray(String[]::new), HostWiring.defaults().withOutcomes(outcome::set),
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  RpcStub beacon() throws Exception {
    RpcStub beacon = new RpcStub();
    beacon.get("/eth/v1/beacon/genesis", 200, "{\"data\":{\"genesis_time\":\"" + BlobHandlerTest.GENESIS + "\"}}");
    beacon.get("/eth/v1/config/spec", 200, "{\"data\":{\"SECONDS_PER_SLOT\":\"12\"}}");
    beacon.get("/eth/v1/beacon/blobs/" + BlobHandlerTest.SLOT, 200,
        BlobHandlerTest.blobsJson(TestBlobs.blob("another"), BlobHandlerTest.BLOB));
    return beacon;
  }

  @Test
  void aClientReadsABlobAndAPrecompileResultFetchedByTheHost() throws Exception {
    byte[] result = Hex.decode("01" + PrecompileHandlerTest.GETH_VECTOR_OUTPUT);
    String claim = Hex.prefixed(BlobProgram.claim(BlobHandlerTest.BLOB, result));
    AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    try (RpcStub beacon = beacon()) {
      assertThat(run(beacon, claim, outcome)).as(String.valueOf(outcome.get() == null ? null : outcome.get().summary()))
          .isEqualTo(HostExitCode.VALID);
    }
    // 1 commitment + 4096 × 2 blob entries + Kona's proof entry (2), then the precompile's two entries.
    assertThat(outcome.get().fetch().preimagesFetched()).isEqualTo(1 + 2 * 4097 + 2);
    assertThat(outcome.get().fetch().fetches()).isEqualTo(2);
  }

  @Test
  void aWrongClaimAboutTheBlobIsInvalid() throws Exception {
    byte[] other = TestBlobs.blob("another");
    String claim = Hex.prefixed(BlobProgram.claim(other, Hex.decode("01" + PrecompileHandlerTest.GETH_VECTOR_OUTPUT)));
    AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    try (RpcStub beacon = beacon()) {
      assertThat(run(beacon, claim, outcome)).isEqualTo(HostExitCode.INVALID);
    }
  }
}
