package io.fpp4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.derive.L1InfoDeposit;
import io.fpp4j.derive.SystemConfig;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Bloom;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l2.L2Block;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The safe head's L1 origin, sequence number and system config come back from each L1-info deposit format. */
class SafeHeadTest {
  private static final Address BATCHER = Address.fromHex("0x99c8e26ac6bde6bfa0e01f88d51ff4560f4fd3ee");
  private static final Bytes32 L1_HASH = Bytes32.fromHex("0x" + "5a".repeat(32));

  private static RollupConfig config(String forks) {
    return RollupConfig.parse(("""
        {"genesis": {"l1": {"hash": "0x%s", "number": 1}, "l2": {"hash": "0x%s", "number": 0}, "l2_time": 0},
         "block_time": 2, "seq_window_size": 3600, "channel_timeout": 300, "l1_chain_id": 1, "l2_chain_id": 901%s}
        """).formatted("11".repeat(32), "22".repeat(32), forks));
  }

  private static Header l1Origin() {
    return new Header(Bytes32.ZERO, Hashes.EMPTY_OMMERS_HASH, Address.ZERO, Bytes32.ZERO, Hashes.EMPTY_TRIE_ROOT,
        Hashes.EMPTY_TRIE_ROOT, Bloom.EMPTY, BigInteger.ZERO, 77, 30_000_000, 0, 990, Bytes.EMPTY, Bytes32.ZERO, 0,
        7L, Hashes.EMPTY_TRIE_ROOT, 0L, 0L, Bytes32.ZERO, null);
  }

  private static L2Block l2Block(RollupConfig config, SystemConfig sys, Bytes extraData) {
    DepositTransaction info = L1InfoDeposit.build(config, sys, l1Origin(), L1_HASH, 3, 1000, L1InfoDeposit.CANCUN_BLOB_FRACTION);
    Header h = new Header(Bytes32.ZERO, Hashes.EMPTY_OMMERS_HASH, Address.ZERO, Bytes32.ZERO, Hashes.EMPTY_TRIE_ROOT,
        Hashes.EMPTY_TRIE_ROOT, Bloom.EMPTY, BigInteger.ZERO, 5, sys.gasLimit(), 0, 1000, extraData, Bytes32.ZERO, 0,
        1L, null, null, null, null, null);
    return new L2Block(h, h.hash(), List.of(info));
  }

  private static void roundTrips(RollupConfig config, SystemConfig sys, Bytes extraData) {
    SafeHead safe = SafeHead.of(config, l2Block(config, sys, extraData));
    assertThat(safe.ref().number()).isEqualTo(5);
    assertThat(safe.ref().timestamp()).isEqualTo(1000);
    assertThat(safe.ref().l1OriginNumber()).isEqualTo(77);
    assertThat(safe.ref().l1OriginHash()).isEqualTo(L1_HASH);
    assertThat(safe.ref().sequenceNumber()).isEqualTo(3);
    assertThat(safe.systemConfig()).isEqualTo(sys);
  }

  @Test
  void bedrockFormat() {
    SystemConfig sys = new SystemConfig(BATCHER, Bytes32.fromHex("0x" + "00".repeat(31) + "bc"),
        Bytes32.fromHex("0x" + "00".repeat(29) + "0f4240"), 30_000_000, 0, Bytes32.ZERO);
    roundTrips(config(""), sys, Bytes.EMPTY);
  }

  @Test
  void ecotoneFormat() {
    Bytes32 scalar = Bytes32.fromHex("0x01" + "00".repeat(23) + "000f79c5" + "00000558");
    SystemConfig sys = new SystemConfig(BATCHER, Bytes32.ZERO, scalar, 60_000_000, 0, Bytes32.ZERO);
    roundTrips(config(", \"regolith_time\": 0, \"canyon_time\": 0, \"delta_time\": 0, \"ecotone_time\": 0"), sys, Bytes.EMPTY);
  }

  @Test
  void isthmusFormatWithHoloceneParameters() {
    Bytes32 scalar = Bytes32.fromHex("0x01" + "00".repeat(23) + "000f79c5" + "00000558");
    Bytes32 operatorFee = Bytes32.fromHex("0x" + "00".repeat(20) + "0000abcd" + "0000000000001234");
    long eip1559 = 250L << 32 | 6;
    SystemConfig sys = new SystemConfig(BATCHER, Bytes32.ZERO, scalar, 60_000_000, eip1559, operatorFee);
    roundTrips(config(", \"regolith_time\": 0, \"canyon_time\": 0, \"delta_time\": 0, \"ecotone_time\": 0,"
        + " \"fjord_time\": 0, \"granite_time\": 0, \"holocene_time\": 0, \"isthmus_time\": 0"), sys,
        Bytes.fromHex("0x00000000fa00000006"));
  }

  @Test
  void aBlockWithoutAnL1InfoDepositIsRefused() {
    RollupConfig config = config("");
    L2Block block = l2Block(config, new SystemConfig(BATCHER, Bytes32.ZERO, Bytes32.ZERO, 30_000_000, 0, Bytes32.ZERO), Bytes.EMPTY);
    L2Block empty = new L2Block(block.header(), block.hash(), List.of());
    assertThatThrownBy(() -> SafeHead.of(config, empty)).isInstanceOf(ClientException.class)
        .hasMessageContaining("L2 block 5").hasMessageContaining("does not start with an L1-info deposit");
  }

  @Test
  void aGenesisNumberWithAnotherHashMeansAnotherChain() {
    RollupConfig config = config("");
    Header h = new Header(Bytes32.ZERO, Hashes.EMPTY_OMMERS_HASH, Address.ZERO, Bytes32.ZERO, Hashes.EMPTY_TRIE_ROOT,
        Hashes.EMPTY_TRIE_ROOT, Bloom.EMPTY, BigInteger.ZERO, 0, 30_000_000, 0, 0, Bytes.EMPTY, Bytes32.ZERO, 0,
        1L, null, null, null, null, null);
    assertThatThrownBy(() -> SafeHead.of(config, new L2Block(h, h.hash(), List.of())))
        .isInstanceOf(ClientException.class).hasMessageContaining("does not match the chain");
  }
}
