package io.fpp4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.mpt.fixtures.ExecutorFixture;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.PayloadAttributes;
import io.fpp4j.primitives.block.HeaderJson;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.primitives.Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    List<Bytes32> fetched = new ArrayList<>();
    ChainSource source = ChainSource.ofPreimages(h -> {
      fetched.add(h);
      return f.kv().get(h);
    });
    RecordingHinter hinter = new RecordingHinter(fetched);
    ExecutionResult r = new BlockExecutor(config, source, hinter).execute(parent, attrs);
    assertThat(r.header().hash()).as(f.name() + " header " + HeaderJson.toJson(r.header()))
        .isEqualTo(Bytes32.fromHex(j.get("expected_block_hash").asText()));

    // Every account read is hinted at the parent's number; every node a collapse needs is hinted before it is read.
    assertThat(hinter.accountBlocks).isNotEmpty().containsOnly(parent.number());
    for (int i = 0; i < hinter.nodes.size(); i++) {
      int from = hinter.fetchedBefore.get(i);
      assertThat(fetched.subList(from, fetched.size())).as("node hinted for a collapse").contains(hinter.nodes.get(i));
    }
  }

  /**
   * The same block from a store whose values were each hash-checked once when loaded, as {@code fpp4j execute}
   * loads its store: the executor then skips its own per-read hashing and must still reach the chain's hash.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tars")
  void reproducesTheBlockHashFromAStoreVerifiedOnLoad(Path tar) throws Exception {
    ExecutorFixture f = ExecutorFixture.load(tar, tmp);
    JsonNode j = f.json();
    Map<Bytes32, byte[]> checked = new HashMap<>();
    f.kv().forEach((k, v) -> {
      if (Bytes32.keccak256(v).equals(k)) checked.put(k, v);
    });
    assertThat(checked).as("keccak preimages in " + f.name()).isNotEmpty();
    ChainSource source = ChainSource.ofPreimages(TrieProvider.verified(checked::get));
    assertThat(source.answersVerified()).isTrue();
    ExecutionResult r = new BlockExecutor(RollupConfig.fromJson(j.get("rollup_config")), source, TrieHinter.NOOP)
        .execute(HeaderJson.parse(j.get("parent_header")), PayloadAttributesJson.parse(j.get("executing_payload")));
    assertThat(r.header().hash()).as(f.name()).isEqualTo(Bytes32.fromHex(j.get("expected_block_hash").asText()));
  }

  /** Records the hints, and for each node hint how many preimages had been read when it came. */
  private static final class RecordingHinter implements TrieHinter {
    final List<Bytes32> fetched;
    final List<Bytes32> nodes = new ArrayList<>();
    final List<Integer> fetchedBefore = new ArrayList<>();
    final Set<Long> accountBlocks = new HashSet<>();

    RecordingHinter(List<Bytes32> fetched) {
      this.fetched = fetched;
    }

    @Override
    public void hintTrieNode(Bytes32 nodeHash) {
      nodes.add(nodeHash);
      fetchedBefore.add(fetched.size());
    }

    @Override
    public void hintAccountProof(Address address, long blockNumber) {
      accountBlocks.add(blockNumber);
    }
  }
}
