package io.fpp4j.host.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fpp4j.host.OnlineEndpoints;
import io.fpp4j.host.local.KonaSingleChainInputs;
import io.fpp4j.host.local.OpProgramInputs;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.HintKind;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.MemoryPreimageStore;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.block.OutputRoot;
import io.fpp4j.proof.hint.RawHint;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The L2 handlers of both dialects against a local JSON-RPC server with a generated OP block and state. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class L2HandlersTest {
  static final Address USER = ChainData.a("user");
  static final Bytes32 SLOT = ChainData.h("slot");
  static final byte[] CODE = Hex.decode("6080604052348015600f57600080fd5b50");

  RpcStub node;
  @TempDir Path tmp;
  final MemoryPreimageStore store = new MemoryPreimageStore();
  final TestState state = new TestState()
      .account(OutputRoot.MESSAGE_PASSER, 0, 0, Map.of(ChainData.h("w1"), BigInteger.ONE, ChainData.h("w2"), BigInteger.TWO))
      .account(USER, 5, 1_000, Map.of(SLOT, BigInteger.valueOf(0xbeef)));
  ChainData.Block block;
  ChainData.Block next;
  OutputRoot output;
  HintHandlerRegistry kona;
  HintHandlerRegistry op;

  @BeforeEach
  void start() throws Exception {
    block = ChainData.withStateRoot(ChainData.block("l2", 100, ChainData.transactions("l2", true)), state.root());
    next = ChainData.block("l2-next", 101, List.of());
    output = new OutputRoot(state.root(), state.accounts.get(OutputRoot.MESSAGE_PASSER).storageRoot(), block.hash());
    node = new RpcStub();
    node.on("eth_chainId", p -> TextNode.valueOf("0x385"));
    node.on("eth_getBlockByHash", p -> p.get(0).asText().equals(block.hash().toHex())
        ? ChainData.blockJson(block, p.get(1).asBoolean()) : NullNode.getInstance());
    node.on("eth_getBlockByNumber", p -> p.get(0).asText().equals("0x65") ? ChainData.blockJson(next, false) : NullNode.getInstance());
    node.on("eth_getBlockReceipts", p -> ChainData.receiptsJson(block));
    node.on("eth_getProof", p -> {
      List<Bytes32> slots = new java.util.ArrayList<>();
      p.get(1).forEach(s -> slots.add(Bytes32.fromHex(s.asText())));
      return state.proofJson(Address.fromHex(p.get(0).asText()), slots);
    });
    OnlineHandlerFactory factory = new OnlineHandlerFactory(Duration.ofSeconds(10), HostPrecompiles.standard());
    OnlineEndpoints endpoints = new OnlineEndpoints("http://127.0.0.1:9", node.url(), "http://127.0.0.1:9",
        Map.of("enable-experimental-witness-endpoint", "true", "l2.experimental", node.url()));
    kona = factory.create(new KonaSingleChainInputs(Bytes32.ZERO, block.hash(), output.hash(), Bytes32.ZERO, 101, 901L, null, null),
        endpoints);
    Path rollup = Files.writeString(tmp.resolve("rollup.json"), "{\"l2_chain_id\": 901}");
    Path genesis = Files.writeString(tmp.resolve("genesis.json"), "{\"config\": {\"chainId\": 901}}");
    op = factory.create(new OpProgramInputs(Bytes32.ZERO, block.hash(), output.hash(), Bytes32.ZERO, 101, null, rollup, genesis, null),
        endpoints);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  static Routing.Fed handler(HintHandlerRegistry r, String type) {
    return Routing.handler(r, type);
  }

  static RawHint hint(String type, byte[]... parts) {
    return Routing.hint(type, parts);
  }

  static Map<String, String> keccakEntries(List<byte[]> values) {
    Map<String, String> out = new TreeMap<>();
    for (byte[] v : values) out.put(Stored.key(2, io.fpp4j.primitives.Hashing.keccak256(v)), Hex.prefixed(v));
    return out;
  }

  @Test
  void registriesHaveEachPeersHintsAndKinds() {
    assertThat(Routing.names(kona)).containsExactly("l1-block-header", "l1-transactions", "l1-receipts", "l1-blob", "l1-precompile",
        "l2-block-header", "l2-transactions", "l2-code", "starting-l2-output", "l2-state-node", "l2-account-proof",
        "l2-account-storage-proof", "l2-payload-witness");
    assertThat(Routing.names(op)).containsExactly("l1-block-header", "l1-transactions", "l1-receipts", "l1-blob", "l1-precompile",
        "l1-precompile-v2", "l2-block-header", "l2-transactions", "l2-receipts", "l2-code", "l2-state-node", "l2-output",
        "l2-account-proof", "l2-payload-witness", "l2-block-data");
    assertThat(Routing.names(kona).stream().filter(t -> Routing.kind(kona, t) != HintKind.ORDINARY))
        .containsExactly("l2-payload-witness");
    assertThat(Routing.kind(kona, "l2-payload-witness")).isEqualTo(HintKind.BULK);
    assertThat(Routing.kind(op, "l2-account-proof")).isEqualTo(HintKind.BULK);
    assertThat(Routing.kind(op, "l2-payload-witness")).isEqualTo(HintKind.BULK);
    assertThat(Routing.kind(op, "l2-block-data")).isEqualTo(HintKind.EAGER);
    assertThat(Routing.names(op).stream().filter(t -> Routing.kind(op, t) == HintKind.ORDINARY)).hasSize(12);
    assertThat(kona.dialect()).isEqualTo(io.fpp4j.proof.Dialect.KONA);
    assertThat(op.dialect()).isEqualTo(io.fpp4j.proof.Dialect.OP_PROGRAM);
  }

  @Test
  void konaHeaderAndTransactionHintsStoreOneThingEach() throws Exception {
    handler(kona, "l2-block-header").handle(hint("l2-block-header", block.hash().toArray()), store);
    assertThat(Stored.of(store)).containsExactlyEntriesOf(Map.of(Stored.key(2, block.hash()), Hex.prefixed(block.header().encode())));
    MemoryPreimageStore txs = new MemoryPreimageStore();
    handler(kona, "l2-transactions").handle(hint("l2-transactions", block.hash().toArray(), ChainData.u64(901)), txs);
    assertThat(Stored.of(txs)).isEqualTo(Stored.trie(block.txItems()));
    assertThat(block.txs().get(0).isDeposit()).isTrue();
  }

  @Test
  void opProgramBlockHintsStoreHeaderAndTransactions() throws Exception {
    for (String type : List.of("l2-block-header", "l2-transactions")) {
      MemoryPreimageStore s = new MemoryPreimageStore();
      handler(op, type).handle(hint(type, block.hash().toArray()), s);
      Map<String, String> expected = new TreeMap<>(Stored.trie(block.txItems()));
      expected.put(Stored.key(2, block.hash()), Hex.prefixed(block.header().encode()));
      assertThat(Stored.of(s)).isEqualTo(expected);
    }
  }

  @Test
  void opProgramReceiptsIncludeDepositReceipts() throws Exception {
    handler(op, "l2-receipts").handle(hint("l2-receipts", block.hash().toArray(), ChainData.u64(901)), store);
    assertThat(Stored.of(store)).isEqualTo(Stored.trie(block.receiptItems()));
    assertThat(block.receipts().get(0).depositNonce()).isEqualTo(77L);
    // op-program's host reads a bare hash as its default chain's, as it does for its other hash hints.
    MemoryPreimageStore bare = new MemoryPreimageStore();
    handler(op, "l2-receipts").handle(hint("l2-receipts", block.hash().toArray()), bare);
    assertThat(Stored.of(bare)).isEqualTo(Stored.of(store));
  }

  @Test
  void aChainIdOtherThanTheNodesIsAnInvalidHint() {
    assertThatThrownBy(() -> handler(kona, "l2-block-header").handle(hint("l2-block-header", block.hash().toArray(), ChainData.u64(10)), store))
        .isInstanceOf(InvalidHintException.class)
        .hasMessageEndingWith(" is for chain 10 but the L2 node " + node.url() + " serves chain 901; this host serves a single chain");
    assertThat(Routing.invalid(kona, hint("l2-code", new byte[36]))).hasMessage("hint 'l2-code 0x" + "00".repeat(36)
        + "': l2-code hint data must be 32 (hash) or 40 (hash ‖ chain id), got 36 bytes: 0x" + "00".repeat(36));
    assertThat(store.size()).isZero();
  }

  @Test
  void codeIsFetchedWithGethsCodePrefixThenByBareHash() throws Exception {
    Bytes32 codeHash = Bytes32.keccak256(CODE);
    node.on("debug_dbGet", p -> {
      if (p.get(0).asText().equals("0x63" + codeHash.toHex().substring(2))) return TextNode.valueOf(Hex.prefixed(CODE));
      throw new RpcStub.RpcError(-32000, "leveldb: not found");
    });
    handler(kona, "l2-code").handle(hint("l2-code", codeHash.toArray()), store);
    assertThat(Stored.of(store)).containsExactlyEntriesOf(Map.of(Stored.key(2, codeHash), Hex.prefixed(CODE)));
    assertThat(node.calls("debug_dbGet")).hasSize(1);

    // An older database keeps code under the bare hash.
    node.on("debug_dbGet", p -> {
      if (p.get(0).asText().equals(codeHash.toHex())) return TextNode.valueOf(Hex.prefixed(CODE));
      throw new RpcStub.RpcError(-32000, "leveldb: not found");
    });
    MemoryPreimageStore s2 = new MemoryPreimageStore();
    handler(op, "l2-code").handle(hint("l2-code", codeHash.toArray(), ChainData.u64(901)), s2);
    assertThat(Stored.of(s2)).isEqualTo(Stored.of(store));
    assertThat(node.calls("debug_dbGet").stream().map(c -> c.params().get(0).asText()).toList())
        .containsExactly("0x63" + codeHash.toHex().substring(2), "0x63" + codeHash.toHex().substring(2), codeHash.toHex());
  }

  @Test
  void aValueThatDoesNotHashToItsKeyIsRejected() {
    Bytes32 nodeHash = ChainData.h("some node");
    node.on("debug_dbGet", p -> TextNode.valueOf("0xc0"));
    assertThatThrownBy(() -> handler(op, "l2-state-node").handle(hint("l2-state-node", nodeHash.toArray()), store))
        .isInstanceOf(RpcException.class)
        .hasMessage("L2 state node " + nodeHash + ": the node returned 1 bytes hashing to " + Bytes32.keccak256(new byte[] {(byte) 0xc0})
            + ", not " + nodeHash);
    assertThat(store.size()).isZero();
  }

  @Test
  void stateNodesComeFromDebugDbGet() throws Exception {
    byte[] rootNode = state.proofNodes(USER, List.of()).get(0);
    Bytes32 root = state.root();
    assertThat(Bytes32.keccak256(rootNode)).isEqualTo(root);
    node.on("debug_dbGet", p -> p.get(0).asText().equals(root.toHex()) ? TextNode.valueOf(Hex.prefixed(rootNode)) : NullNode.getInstance());
    handler(kona, "l2-state-node").handle(hint("l2-state-node", root.toArray()), store);
    assertThat(Stored.of(store)).containsExactlyEntriesOf(Map.of(Stored.key(2, root), Hex.prefixed(rootNode)));
  }

  @Test
  void opProgramAccountProofAsksSlotZeroByBlockHash() throws Exception {
    handler(op, "l2-account-proof").handle(hint("l2-account-proof", block.hash().toArray(), USER.toArray(), ChainData.u64(901)), store);
    assertThat(Stored.of(store)).isEqualTo(keccakEntries(state.proofNodes(USER, List.of(Bytes32.ZERO))));
    assertThat(node.calls("eth_getProof").get(0).params().toString())
        .isEqualTo("[\"" + USER.toHex() + "\",[\"" + Bytes32.ZERO.toHex() + "\"],{\"blockHash\":\"" + block.hash().toHex() + "\"}]");
    assertThat(Routing.invalid(op, hint("l2-account-proof", block.hash().toArray(), USER.toArray())))
        .hasMessageContaining("l2-account-proof hint data must be 60 (block hash ‖ address ‖ chain id) in the op-program dialect, "
            + "got 52 bytes");
  }

  @Test
  void konaAccountAndStorageProofsAskByBlockNumber() throws Exception {
    handler(kona, "l2-account-proof").handle(hint("l2-account-proof", ChainData.u64(100), USER.toArray()), store);
    assertThat(Stored.of(store)).isEqualTo(keccakEntries(state.proofNodes(USER, List.of())));
    assertThat(node.calls("eth_getProof").get(0).params().toString()).isEqualTo("[\"" + USER.toHex() + "\",[],\"0x64\"]");

    MemoryPreimageStore s2 = new MemoryPreimageStore();
    handler(kona, "l2-account-storage-proof").handle(
        hint("l2-account-storage-proof", ChainData.u64(100), USER.toArray(), SLOT.toArray(), ChainData.u64(901)), s2);
    assertThat(Stored.of(s2)).isEqualTo(keccakEntries(state.proofNodes(USER, List.of(SLOT))));
    assertThat(node.calls("eth_getProof").get(1).params().toString())
        .isEqualTo("[\"" + USER.toHex() + "\",[\"" + SLOT.toHex() + "\"],\"0x64\"]");
    // The stored nodes let a client read the slot through the state root.
    io.fpp4j.mpt.StateTrieReader reader = new io.fpp4j.mpt.StateTrieReader(state.root(), 100,
        h -> s2.get(io.fpp4j.preimage.PreimageKey.fromDigest(io.fpp4j.preimage.PreimageKeyType.KECCAK256, h.toArray())).orElse(null),
        io.fpp4j.mpt.TrieHinter.NOOP);
    assertThat(reader.storage(USER, SLOT).toBigInteger()).isEqualTo(BigInteger.valueOf(0xbeef));
    assertThat(Routing.invalid(kona, hint("l2-account-storage-proof", new byte[28])))
        .hasMessageContaining("l2-account-storage-proof hint data must be 60 (block number ‖ address ‖ slot) or 68 (… ‖ chain id), "
            + "got 28 bytes");
  }

  @Test
  void outputRootsAreComputedFromTheAgreedHeadAndChecked() throws Exception {
    Map<String, String> expected = Map.of(Stored.key(2, output.hash()), Hex.prefixed(output.encode()));
    handler(kona, "starting-l2-output").handle(hint("starting-l2-output", output.hash().toArray()), store);
    assertThat(Stored.of(store)).containsExactlyEntriesOf(expected);
    MemoryPreimageStore s2 = new MemoryPreimageStore();
    handler(op, "l2-output").handle(hint("l2-output", output.hash().toArray()), s2);
    assertThat(Stored.of(s2)).containsExactlyEntriesOf(expected);
    assertThat(node.calls("eth_getProof").get(0).params().toString())
        .isEqualTo("[\"0x4200000000000000000000000000000000000016\",[],{\"blockHash\":\"" + block.hash().toHex() + "\"}]");

    Bytes32 wrong = ChainData.h("wrong root");
    assertThatThrownBy(() -> handler(op, "l2-output").handle(hint("l2-output", wrong.toArray()), new MemoryPreimageStore()))
        .isInstanceOf(InvalidHintException.class)
        .hasMessageEndingWith(": the output root of the agreed L2 head " + block.hash() + " (block 100) is " + output.hash() + ", not "
            + wrong + "; the agreed head and output root given to the host do not match");
  }

  @Test
  void aProofThatContradictsTheStateRootIsRejected() {
    node.on("eth_getProof", p -> {
      ObjectNode o = state.proofJson(OutputRoot.MESSAGE_PASSER, List.of());
      o.put("storageHash", Hashes.EMPTY_TRIE_ROOT.toHex());
      return o;
    });
    assertThatThrownBy(() -> handler(op, "l2-output").handle(hint("l2-output", output.hash().toArray()), store))
        .isInstanceOf(RpcException.class).hasMessageContaining("eth_getProof on L2 execution node " + node.url()
            + " returned data that does not check out: eth_getProof for 0x4200000000000000000000000000000000000016 claims");
    assertThat(store.size()).isZero();
  }

  static final String ATTRIBUTES = "{\"timestamp\":\"0x6553f100\",\"prevRandao\":\"0x" + "00".repeat(32)
      + "\",\"suggestedFeeRecipient\":\"0x4200000000000000000000000000000000000011\",\"transactions\":[],\"noTxPool\":true,"
      + "\"gasLimit\":\"0x1c9c380\"}";

  void serveWitness() {
    node.on("debug_executePayload", p -> RpcStub.JSON.readTree("{\"state\":[\"0xc0\",\"0xc180\"],\"codes\":[\"0x6000\"],"
        + "\"keys\":[\"0x" + USER.toHex().substring(2) + "\"]}"));
  }

  @Test
  void opProgramPayloadWitnessStoresStateAndCodes() throws Exception {
    serveWitness();
    String json = "{\"parentBlockHash\":\"" + block.hash().toHex() + "\",\"payloadAttributes\":" + ATTRIBUTES + ",\"chainID\":\"901\"}";
    handler(op, "l2-payload-witness").handle(hint("l2-payload-witness", json.getBytes(StandardCharsets.UTF_8)), store);
    assertThat(Stored.of(store)).isEqualTo(keccakEntries(List.of(Hex.decode("c0"), Hex.decode("c180"), Hex.decode("6000"))));
    assertThat(node.calls("debug_executePayload").get(0).params().toString())
        .isEqualTo("[\"" + block.hash().toHex() + "\"," + ATTRIBUTES + "]");
  }

  @Test
  void konaPayloadWitnessAlsoStoresKeysAndAcceptsATrailingChainId() throws Exception {
    serveWitness();
    byte[] attrs = ATTRIBUTES.getBytes(StandardCharsets.UTF_8);
    handler(kona, "l2-payload-witness").handle(hint("l2-payload-witness", block.hash().toArray(), attrs, ChainData.u64(901)), store);
    assertThat(Stored.of(store)).isEqualTo(keccakEntries(List.of(Hex.decode("c0"), Hex.decode("c180"), Hex.decode("6000"), USER.toArray())));
    assertThat(node.calls("debug_executePayload").get(0).params().get(1).toString()).isEqualTo(ATTRIBUTES);
  }

  @Test
  void aWitnessTheNodeCannotGiveIsSkippedAndAMalformedOneIsInvalid() throws Exception {
    // No debug_executePayload on the node: nothing stored, no failure (the per-node hints take over).
    handler(kona, "l2-payload-witness").handle(hint("l2-payload-witness", block.hash().toArray(), ATTRIBUTES.getBytes()), store);
    assertThat(store.size()).isZero();
    assertThat(node.calls("debug_executePayload")).hasSize(1);
    assertThat(Routing.invalid(op, hint("l2-payload-witness", "{\"x\":1}".getBytes())))
        .hasMessageEndingWith(": op-program l2-payload-witness has no string field parentBlockHash");
    assertThat(Routing.invalid(kona, hint("l2-payload-witness", block.hash().toArray(), "{oops".getBytes())))
        .hasMessageEndingWith(": l2-payload-witness data after the 32-byte parent hash is not a JSON object "
            + "(with or without a trailing 8-byte chain id): {oops");
    assertThat(node.calls("debug_executePayload")).hasSize(1);
  }

  @Test
  void withoutAnExperimentalEndpointThePayloadWitnessIsIgnored() throws Exception {
    HintHandlerRegistry plain = new OnlineHandlerFactory().create(
        new KonaSingleChainInputs(Bytes32.ZERO, block.hash(), output.hash(), Bytes32.ZERO, 101, 901L, null, null),
        new OnlineEndpoints("http://127.0.0.1:9", node.url(), "http://127.0.0.1:9"));
    serveWitness();
    handler(plain, "l2-payload-witness").handle(hint("l2-payload-witness", block.hash().toArray(), ATTRIBUTES.getBytes()), store);
    assertThat(store.size()).isZero();
    assertThat(node.calls).isEmpty();
  }

  @Test
  void blockDataForTheCanonicalSuccessorNeedsNothingAndOtherwiseIsRefused() throws Exception {
    handler(op, "l2-block-data").handle(hint("l2-block-data", block.hash().toArray(), next.hash().toArray(), ChainData.u64(901)), store);
    assertThat(store.size()).isZero();
    Bytes32 optimistic = ChainData.h("optimistic");
    assertThatThrownBy(() -> handler(op, "l2-block-data").handle(
        hint("l2-block-data", block.hash().toArray(), optimistic.toArray(), ChainData.u64(901)), store))
        .isInstanceOf(InvalidHintException.class)
        .hasMessageEndingWith(": block " + optimistic + " is not the canonical successor of " + block.hash() + " (that is "
            + next.hash() + "); re-executing a non-canonical block is not supported by this host");
  }
}
