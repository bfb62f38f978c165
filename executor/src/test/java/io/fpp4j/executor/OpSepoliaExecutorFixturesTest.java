package io.fpp4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.mpt.fixtures.ExecutorFixture;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.primitives.block.HeaderJson;
import io.fpp4j.proof.boot.RollupConfig;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eight OP Sepolia blocks, executed statelessly from their preimages alone: each must reproduce the
 * block hash the chain has.
 */
class OpSepoliaExecutorFixturesTest {
  @TempDir Path tmp;

  static Stream<Path> tars() throws Exception {
    return ExecutorFixture.tars().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tars")
  void reproducesTheBlockHash(Path tar) throws Exception {
    ExecutorFixture f = ExecutorFixture.load(tar, tmp);
    JsonNode j = f.json();
    RollupConfig config = RollupConfig.fromJson(j.get("rollup_config"));
    Header parent = HeaderJson.parse(j.get("parent_header"));
    PayloadAttributes attrs = PayloadAttributesJson.parse(j.get("executing_payload"));
    ChainSource source = ChainSource.ofPreimages(f.kv()::get);
    ExecutionResult r = new BlockExecutor(config, source, TrieHinter.NOOP).execute(parent, attrs);
    assertThat(r.header().hash()).as(f.name() + " header " + HeaderJson.toJson(r.header()))
        .isEqualTo(Bytes32.fromHex(j.get("expected_block_hash").asText()));
  }
}
