package io.fpp4j.proof.l2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.OutputRoot;
import io.fpp4j.primitives.state.Account;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.ProviderException;
import io.fpp4j.proof.boot.BootInfo;
import io.fpp4j.proof.boot.BootInfoLoader;
import io.fpp4j.proof.boot.ConfigRegistry;
import io.fpp4j.proof.chain.BlockNumberPastHeadException;
import io.fpp4j.testkit.ChainData;
import io.fpp4j.testkit.ChainDataGenerator;
import io.fpp4j.proof.output.AgreedOutput;
import io.fpp4j.proof.testing.MapOracle;
import io.fpp4j.proof.testing.PipeHost;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The L2 provider against a Java host serving generated chain data over OS pipes. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class L2ChainProviderTest {
  static final ChainData CHAIN = ChainDataGenerator.generate(ChainDataGenerator.Options.defaults());
  static final int HEAD = 39;
  static final String HISTORY = "0000f90827f1c53a10cb7a02335b175320002935";

  static L2ChainProvider provider(PipeHost host, int head, Dialect dialect) {
    return L2ChainProvider.builder(host.client(), CHAIN.l2Header(head).hash(), dialect).config(CHAIN.rollupConfig()).build();
  }

  static String u64(long v) {
    return Hex.encode(ByteBuffer.allocate(8).putLong(v).array());
  }

  @Test
  void blockByHashHintsHeaderThenTransactions() throws Exception {
    Header h = CHAIN.l2Header(12);
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      L2Block b = provider(host, HEAD, Dialect.KONA).blockByHash(h.hash());
      assertThat(b.header()).isEqualTo(h);
      assertThat(b.transactions()).isEqualTo(CHAIN.l2Transactions().get(12));
      assertThat(b.transactions().get(0).isDeposit()).isTrue();
      assertThat(host.hints()).containsExactly("l2-block-header " + h.hash().toHex(), "l2-transactions " + h.hash().toHex());
    }
  }

  @Test
  void interopFormsAppendTheChainId() throws Exception {
    Header h = CHAIN.l2Header(3);
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      L2ChainProvider.builder(host.client(), h.hash(), Dialect.KONA).config(CHAIN.rollupConfig()).hintChainId(901)
          .historyShortcut(false).build()
          .blockByHash(h.hash());
      assertThat(host.hints()).containsExactly("l2-block-header " + h.hash().toHex() + u64(901),
          "l2-transactions " + h.hash().toHex() + u64(901));
    }
  }

  @Test
  void beforeIsthmusTheNumberLookupWalksParents() throws Exception {
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      Header found = provider(host, 8, Dialect.KONA).headerByNumber(2);
      assertThat(found).isEqualTo(CHAIN.l2Header(2));
      assertThat(host.hints()).hasSize(7).allMatch(s -> s.startsWith("l2-block-header "));
    }
  }

  @Test
  void afterIsthmusKonaJumpsThroughTheHistoryContract() throws Exception {
    Header head = CHAIN.l2Header(HEAD);
    Header target = CHAIN.l2Header(20);
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      L2Block b = provider(host, HEAD, Dialect.KONA).blockByNumber(20);
      assertThat(b.header()).isEqualTo(target);
      assertThat(host.hints()).containsExactly(
          "l2-block-header " + head.hash().toHex(),
          "l2-account-storage-proof 0x" + u64(HEAD) + HISTORY + Bytes32.fromBigInteger(BigInteger.valueOf(20)).toHex().substring(2),
          "l2-block-header " + target.hash().toHex(),
          "l2-transactions " + target.hash().toHex());
    }
  }

  @Test
  void historyWithoutTheTargetFallsBackToTheParentWalk() throws Exception {
    // Isthmus starts at block 10, so the history holds blocks 9 and later: block 5 is not there.
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      Header found = provider(host, HEAD, Dialect.KONA).headerByNumber(5);
      assertThat(found).isEqualTo(CHAIN.l2Header(5));
      List<String> hints = host.hints();
      assertThat(hints.get(1)).startsWith("l2-account-storage-proof 0x" + u64(HEAD) + HISTORY);
      assertThat(hints.stream().filter(s -> s.startsWith("l2-account-storage-proof"))).hasSize(1);
      assertThat(hints.stream().filter(s -> s.startsWith("l2-block-header"))).hasSize(HEAD - 5 + 1);
    }
  }

  @Test
  void opProgramWalksParentsEvenAfterIsthmus() throws Exception {
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      assertThat(provider(host, HEAD, Dialect.OP_PROGRAM).headerByNumber(30)).isEqualTo(CHAIN.l2Header(30));
      assertThat(host.hints()).hasSize(HEAD - 30 + 1).allMatch(s -> s.startsWith("l2-block-header "));
    }
  }

  @Test
  void numberPastTheHeadIsAnError() throws Exception {
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      assertThatThrownBy(() -> provider(host, 8, Dialect.KONA).headerByNumber(9))
          .isInstanceOf(BlockNumberPastHeadException.class).hasMessage("block number 9 is past the head block 8");
    }
  }

  @Test
  void codeByHash() throws Exception {
    Bytes32 codeHash = CHAIN.l2Account(HEAD, ChainDataGenerator.L2_CONTRACT).codeHash();
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      byte[] code = provider(host, HEAD, Dialect.KONA).codeByHash(codeHash);
      assertThat(Bytes32.keccak256(code)).isEqualTo(codeHash);
      assertThat(code).hasSize(300);
      assertThat(host.events()).containsExactly("hint l2-code " + codeHash.toHex(),
          "get " + PreimageKey.fromDigest(PreimageKeyType.KECCAK256, codeHash.toArray()));
    }
  }

  @Test
  void konaAccountAndStorageWithProofHints() throws Exception {
    Header at = CHAIN.l2Header(25);
    Address c = ChainDataGenerator.L2_CONTRACT;
    Bytes32 slot1 = Bytes32.fromBigInteger(BigInteger.ONE);
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      L2ChainProvider l2 = provider(host, HEAD, Dialect.KONA);
      Account account = l2.account(at, c).orElseThrow();
      assertThat(account).isEqualTo(CHAIN.l2Account(25, c));
      assertThat(l2.storage(at, c, slot1)).isEqualTo(Bytes32.fromBigInteger(BigInteger.valueOf(25)));
      assertThat(l2.storage(at, c, Bytes32.fromBigInteger(BigInteger.valueOf(99)))).isEqualTo(Bytes32.ZERO);
      assertThat(l2.account(at, Address.fromHex("0x00000000000000000000000000000000000000ff"))).isEmpty();
      assertThat(host.hints()).containsExactly(
          "l2-account-proof 0x" + u64(25) + c.toHex().substring(2),
          "l2-account-storage-proof 0x" + u64(25) + c.toHex().substring(2) + slot1.toHex().substring(2),
          "l2-account-storage-proof 0x" + u64(25) + c.toHex().substring(2)
              + Bytes32.fromBigInteger(BigInteger.valueOf(99)).toHex().substring(2),
          "l2-account-proof 0x" + u64(25) + "00000000000000000000000000000000000000ff");
      for (Map.Entry<Address, Account> e : CHAIN.l2Accounts().get(25).entrySet()) {
        assertThat(l2.account(at, e.getKey())).as(e.getKey().toString()).hasValue(e.getValue());
      }
    }
  }

  @Test
  void opProgramHintsTheAccountProofByBlockHashAndEveryStateNode() throws Exception {
    Header at = CHAIN.l2Header(25);
    Address c = ChainDataGenerator.L2_CONTRACT;
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      assertThat(provider(host, HEAD, Dialect.OP_PROGRAM).account(at, c)).hasValue(CHAIN.l2Account(25, c));
      List<String> events = host.events();
      assertThat(events.get(0)).isEqualTo("hint l2-account-proof " + at.hash().toHex() + c.toHex().substring(2) + u64(901));
      // Then pairs: l2-state-node <h>, get 02‖h[1:].
      assertThat(events.size()).isOdd();
      for (int i = 1; i < events.size(); i += 2) {
        assertThat(events.get(i)).startsWith("hint l2-state-node 0x");
        String hash = events.get(i).substring("hint l2-state-node 0x".length());
        assertThat(events.get(i + 1)).isEqualTo("get 0x02" + hash.substring(2));
      }
      assertThat(events.get(1)).isEqualTo("hint l2-state-node " + at.stateRoot().toHex());
    }
  }

  @Test
  void outputRootsMatchTheGeneratorBeforeAndAfterIsthmus() throws Exception {
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      L2ChainProvider l2 = provider(host, HEAD, Dialect.KONA);
      Header pre = CHAIN.l2Header(6);
      assertThat(l2.outputRoot(pre)).isEqualTo(CHAIN.l2Outputs().get(6).hash());
      assertThat(host.hints()).containsExactly(
          "l2-account-proof 0x" + u64(6) + OutputRoot.MESSAGE_PASSER.toHex().substring(2));
      int before = host.events().size();
      Header post = CHAIN.l2Header(30);
      assertThat(l2.outputRoot(post)).isEqualTo(CHAIN.l2Outputs().get(30).hash());
      assertThat(host.events()).as("Isthmus: the storage root is the header's withdrawals root").hasSize(before);
    }
  }

  @Test
  void agreedOutputLeadsToTheSafeHead() throws Exception {
    Map<PreimageKey, byte[]> store = new HashMap<>(CHAIN.preimages());
    store.putAll(CHAIN.bootInputs(Dialect.KONA, 20, 30));
    try (PipeHost host = new PipeHost(store)) {
      BootInfo boot = new BootInfoLoader(Dialect.KONA, ConfigRegistry.empty()).load(host.client());
      assertThat(boot.rollupConfig().l2ChainId()).isEqualTo(901);
      Bytes32 safeHead = AgreedOutput.safeHeadHash(host.client(), boot.agreedL2OutputRoot(), Dialect.KONA);
      assertThat(safeHead).isEqualTo(CHAIN.l2Header(20).hash());
      L2ChainProvider l2 = L2ChainProvider.builder(host.client(), safeHead, Dialect.KONA).config(boot.rollupConfig()).build();
      assertThat(l2.outputRoot(l2.headerByHash(safeHead))).isEqualTo(boot.agreedL2OutputRoot());
    }
  }

  @Test
  void theBuilderNeedsAConfigOrAChainIdAndRejectsContradictions() {
    Bytes32 head = CHAIN.l2Header(HEAD).hash();
    MapOracle oracle = new MapOracle(Map.of());
    assertThatThrownBy(() -> L2ChainProvider.builder(oracle, head, Dialect.KONA).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("an L2ChainProvider needs a rollup config or an L2 chain id");
    long chainId = CHAIN.rollupConfig().l2ChainId();
    assertThatThrownBy(() -> L2ChainProvider.builder(oracle, head, Dialect.KONA).config(CHAIN.rollupConfig())
        .chainId(chainId + 1).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("disagrees with the rollup config's l2_chain_id " + chainId);
    assertThatThrownBy(() -> L2ChainProvider.builder(oracle, head, Dialect.KONA).chainId(chainId).historyShortcut(true)
        .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a rollup config");
    assertThatThrownBy(() -> L2ChainProvider.builder(oracle, head, Dialect.KONA).config(null))
        .isInstanceOf(NullPointerException.class).hasMessage("config");
  }

  @Test
  void withoutAConfigTheParentWalkReachesAnIsthmusBlock() throws Exception {
    // Without a fork schedule there is no EIP-2935 shortcut: only l2-block-header hints, one per parent.
    try (PipeHost host = new PipeHost(CHAIN.preimages())) {
      L2ChainProvider l2 = L2ChainProvider.builder(host.client(), CHAIN.l2Header(HEAD).hash(), Dialect.KONA)
          .chainId(CHAIN.rollupConfig().l2ChainId()).build();
      assertThat(l2.headerByNumber(HEAD - 3)).isEqualTo(CHAIN.l2Header(HEAD - 3));
      assertThat(host.hints()).hasSize(4).allMatch(h -> h.startsWith("l2-block-header "));
    }
  }

  @Test
  void malformedL2HeaderRlpIsNamed() throws Exception {
    byte[] garbage = {(byte) 0xc3, 1, 2, 3};
    Bytes32 hash = Bytes32.keccak256(garbage);
    Map<PreimageKey, byte[]> store = new HashMap<>(CHAIN.preimages());
    store.put(PreimageKey.keccak256Of(garbage), garbage);
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> L2ChainProvider.builder(host.client(), hash, Dialect.KONA).config(CHAIN.rollupConfig()).build()
          .headerByHash(hash))
          .isInstanceOf(ProviderException.class).hasMessageStartingWith("malformed RLP for L2 header " + hash);
    }
  }

  @Test
  void missingStateNodeStopsTheHostWithTheKey() throws Exception {
    Header at = CHAIN.l2Header(25);
    Map<PreimageKey, byte[]> store = new HashMap<>(CHAIN.preimages());
    PreimageKey root = PreimageKey.fromDigest(PreimageKeyType.KECCAK256, at.stateRoot().toArray());
    store.remove(root);
    try (PipeHost host = new PipeHost(store)) {
      assertThatThrownBy(() -> provider(host, HEAD, Dialect.KONA).account(at, ChainDataGenerator.L2_CONTRACT))
          .isInstanceOf(ProviderException.class).hasMessageContaining("account " + ChainDataGenerator.L2_CONTRACT)
          .hasMessageContaining(at.stateRoot().toString());
      assertThat(host.awaitFailure()).hasMessageContaining("no preimage for key " + root);
    }
  }

}
