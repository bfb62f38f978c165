package io.fpp4j.executor;

import io.fpp4j.primitives.block.PayloadAttributes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.mpt.fixtures.ExecutorFixture;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.HeaderJson;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l2.L2ChainProvider;
import io.fpp4j.proof.testing.MapOracle;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fixture block executed through the preimage oracle, as the fault-proof program does, with Kona's hints. */
class OracleExecutionTest {
  @TempDir Path tmp;

  @Test
  void executesAFixtureBlockThroughTheOracle() throws Exception {
    ExecutorFixture f = ExecutorFixture.load(ExecutorFixture.fixturesDir().resolve("block-26207961.tar"), tmp);
    JsonNode j = f.json();
    RollupConfig config = RollupConfig.fromJson(j.get("rollup_config"));
    Header parent = HeaderJson.parse(j.get("parent_header"));
    Map<PreimageKey, byte[]> store = new HashMap<>();
    f.kv().forEach((h, v) -> store.put(PreimageKey.keccak256(h), v));
    store.put(PreimageKey.keccak256(parent.hash()), parent.encode());
    MapOracle oracle = new MapOracle(store);
    L2ChainProvider l2 = L2ChainProvider.builder(oracle, parent.hash(), Dialect.KONA).config(config).build();

    ExecutionResult r = OracleExecution.execute(config, l2, parent, PayloadAttributesJson.parse(j.get("executing_payload")));

    assertThat(r.header().hash()).isEqualTo(Bytes32.fromHex(j.get("expected_block_hash").asText()));
    assertThat(oracle.events()).anyMatch(e -> e.startsWith("hint l2-account-proof "));
    assertThat(oracle.events()).anyMatch(e -> e.startsWith("hint l2-account-storage-proof "));
  }
}
