package io.fpp4j.proof.l1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.proof.ProviderException;
import io.fpp4j.proof.chain.BlockInfo;
import io.fpp4j.proof.chain.BlockNumberPastHeadException;
import io.fpp4j.testkit.ChainData;
import io.fpp4j.testkit.ChainDataGenerator;
import io.fpp4j.proof.testing.PipeHost;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The L1 provider against a Java host serving generated chain data over OS pipes. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class L1ChainProviderTest {
  static final ChainData CHAIN = ChainDataGenerator.generate(ChainDataGenerator.Options.defaults());

  static PipeHost host() {
    return new PipeHost(CHAIN.preimages());
  }

  @Test
  void headerByHashHintsThenReads() throws Exception {
    Header expected = CHAIN.l1Headers().get(5);
    try (PipeHost host = host()) {
      Header h = new L1ChainProvider(host.client(), CHAIN.l1Head()).headerByHash(expected.hash());
      assertThat(h).isEqualTo(expected);
      assertThat(host.events()).containsExactly("hint l1-block-header " + expected.hash().toHex(),
          "get " + PreimageKey.keccak256Of(expected.encode()));
    }
  }

  @Test
  void blockInfoByNumberWalksBackFromTheHeadOneParentAtATime() throws Exception {
    List<Header> l1 = CHAIN.l1Headers();
    Header target = l1.get(4);
    try (PipeHost host = host()) {
      BlockInfo info = new L1ChainProvider(host.client(), CHAIN.l1Head()).blockInfoByNumber(target.number());
      assertThat(info).isEqualTo(new BlockInfo(target.hash(), target.number(), target.parentHash(), target.timestamp()));
      List<String> expected = reversed(l1.subList(4, l1.size())).stream()
          .map(h -> "l1-block-header " + h.hash().toHex()).toList();
      assertThat(host.hints()).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void numberPastTheHeadIsAnError() throws Exception {
    Header head = CHAIN.l1Headers().get(CHAIN.l1Headers().size() - 1);
    try (PipeHost host = host()) {
      assertThatThrownBy(() -> new L1ChainProvider(host.client(), CHAIN.l1Head()).blockInfoByNumber(head.number() + 1))
          .isInstanceOf(BlockNumberPastHeadException.class)
          .hasMessage("block number " + (head.number() + 1) + " is past the head block " + head.number());
      assertThat(host.hints()).containsExactly("l1-block-header " + head.hash().toHex());
    }
  }

  @Test
  void transactionsAndReceiptsOfABlockWithMoreThan128Items() throws Exception {
    Header big = CHAIN.l1Headers().get(3);
    try (PipeHost host = host()) {
      L1ChainProvider l1 = new L1ChainProvider(host.client(), CHAIN.l1Head());
      assertThat(l1.transactionsByHash(big.hash())).hasSize(130).isEqualTo(CHAIN.l1Transactions().get(3));
      assertThat(l1.receiptsByHash(big.hash())).isEqualTo(CHAIN.l1Receipts().get(3));
      // Kona's order: each list is preceded by its header's hint, then its own.
      assertThat(host.hints()).containsExactly("l1-block-header " + big.hash().toHex(),
          "l1-transactions " + big.hash().toHex(), "l1-block-header " + big.hash().toHex(),
          "l1-receipts " + big.hash().toHex());
    }
  }

  @Test
  void blockWithReceiptsHintsHeaderThenTransactionsThenReceipts() throws Exception {
    Header block = CHAIN.l1Headers().get(2);
    try (PipeHost host = host()) {
      L1ChainProvider.BlockWithReceipts b = new L1ChainProvider(host.client(), CHAIN.l1Head()).blockWithReceipts(block.hash());
      assertThat(b.header()).isEqualTo(block);
      assertThat(b.transactions()).isEqualTo(CHAIN.l1Transactions().get(2));
      assertThat(b.receipts()).isEqualTo(CHAIN.l1Receipts().get(2));
      assertThat(host.hints()).containsExactly("l1-block-header " + block.hash().toHex(),
          "l1-transactions " + block.hash().toHex(), "l1-receipts " + block.hash().toHex());
      // Every trie read comes after the hint that announces it.
      List<String> events = host.events();
      assertThat(events.indexOf("hint l1-receipts " + block.hash().toHex()))
          .isGreaterThan(events.indexOf("hint l1-transactions " + block.hash().toHex()) + 1);
    }
  }

  @Test
  void emptyBlockHasNoTransactionsOrReceipts() throws Exception {
    Header empty = CHAIN.l1Headers().get(4);
    assertThat(CHAIN.l1Transactions().get(4)).isEmpty();
    try (PipeHost host = host()) {
      L1ChainProvider l1 = new L1ChainProvider(host.client(), CHAIN.l1Head());
      assertThat(l1.transactionsByHash(empty.hash())).isEmpty();
      assertThat(l1.receiptsByHash(empty.hash())).isEmpty();
    }
  }

  @Test
  void malformedHeaderRlpNamesTheBlock() throws Exception {
    byte[] garbage = "not a header".getBytes(StandardCharsets.US_ASCII);
    Bytes32 hash = Bytes32.keccak256(garbage);
    Map<PreimageKey, byte[]> store = new HashMap<>(CHAIN.preimages());
    store.put(PreimageKey.keccak256Of(garbage), garbage);
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> new L1ChainProvider(host.client(), hash).headerByHash(hash))
          .isInstanceOf(ProviderException.class).hasMessageStartingWith("malformed RLP for L1 header " + hash);
    }
  }

  @Test
  void preimageOfAnotherHashIsRejected() throws Exception {
    Header a = CHAIN.l1Headers().get(1);
    Header b = CHAIN.l1Headers().get(2);
    Map<PreimageKey, byte[]> store = new HashMap<>(CHAIN.preimages());
    store.put(PreimageKey.keccak256Of(a.encode()), b.encode());
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> new L1ChainProvider(host.client(), a.hash()).headerByHash(a.hash()))
          .isInstanceOf(ProviderException.class).hasMessageContaining("L1 header " + a.hash())
          .hasMessageContaining("hashes to " + b.hash());
    }
  }

  @Test
  void missingPreimageStopsTheHostAndNamesTheKey() throws Exception {
    Bytes32 unknown = Bytes32.fromHex("0x" + "ab".repeat(32));
    try (PipeHost host = host()) {
      assertThatThrownBy(() -> new L1ChainProvider(host.client(), unknown).headerByHash(unknown))
          .isInstanceOf(PreimageOracleException.class).hasMessageContaining("0x02" + "ab".repeat(31));
      assertThat(host.awaitFailure()).hasMessageContaining("no preimage for key 0x02" + "ab".repeat(31));
    }
  }

  @Test
  void missingTrieNodeIsAProviderErrorNamingTheBlock() throws Exception {
    Header block = CHAIN.l1Headers().get(3);
    Map<PreimageKey, byte[]> store = new HashMap<>(CHAIN.preimages());
    store.remove(PreimageKey.fromDigest(io.fpp4j.preimage.PreimageKeyType.KECCAK256, block.receiptsRoot().toArray()));
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> new L1ChainProvider(host.client(), CHAIN.l1Head()).receiptsByHash(block.hash()))
          .isInstanceOf(ProviderException.class).hasMessageContaining("reading the receipts of L1 block " + block.hash());
    }
  }

  static <T> List<T> reversed(List<T> list) {
    List<T> out = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(out);
    return out;
  }
}
