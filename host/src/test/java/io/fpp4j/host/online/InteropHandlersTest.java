package io.fpp4j.host.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fpp4j.host.OnlineEndpoints;
import io.fpp4j.host.local.AgreedPrestate;
import io.fpp4j.host.local.OpProgramInteropInputs;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.HintKind;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.MemoryPreimageStore;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.block.OutputRoot;
import io.fpp4j.proof.hint.RawHint;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * op-program's interop hints against two local L2 nodes (chains 901 and 902): routing by the chain id in each
 * hint, {@code l2-output} at the agreed pre-state's timestamp, and {@code agreed-pre-state} from the flags.
 */
class InteropHandlersTest {
  static final long TIMESTAMP = 1_200;

  /** One L2 chain: a node answering for one block, whose state has the message passer. */
  static final class Chain implements AutoCloseable {
    final long chainId;
    final TestState state;
    final ChainData.Block block;
    final OutputRoot output;
    final RpcStub node;

    Chain(long chainId, long number) throws IOException {
      this.chainId = chainId;
      state = new TestState().account(OutputRoot.MESSAGE_PASSER, 0, 0, Map.of(ChainData.h("w" + chainId), BigInteger.valueOf(chainId)));
      block = ChainData.withStateRoot(ChainData.block("l2-" + chainId, number, ChainData.transactions("l2-" + chainId, true)),
          state.root());
      output = new OutputRoot(state.root(), state.accounts.get(OutputRoot.MESSAGE_PASSER).storageRoot(), block.hash());
      node = new RpcStub();
      node.on("eth_chainId", p -> TextNode.valueOf(ChainData.q(chainId)));
      node.on("eth_getBlockByHash", p -> p.get(0).asText().equals(block.hash().toHex())
          ? ChainData.blockJson(block, p.get(1).asBoolean()) : NullNode.getInstance());
      node.on("eth_getBlockByNumber", p -> p.get(0).asText().equals(ChainData.q(number))
          ? ChainData.blockJson(block, p.get(1).asBoolean()) : NullNode.getInstance());
      node.on("eth_getBlockReceipts", p -> ChainData.receiptsJson(block));
      node.on("eth_getProof", p -> {
        List<Bytes32> slots = new ArrayList<>();
        p.get(1).forEach(s -> slots.add(Bytes32.fromHex(s.asText())));
        return state.proofJson(Address.fromHex(p.get(0).asText()), slots);
      });
    }

    @Override
    public void close() {
      node.close();
    }
  }

  @TempDir Path tmp;
  Chain a;
  Chain b;
  AgreedPrestate prestate;
  HintHandlerRegistry registry;
  final MemoryPreimageStore store = new MemoryPreimageStore();

  /** A rollup config with just the fields fpp4j reads. */
  static String rollupJson(long chainId, long genesisNumber, long genesisTime, long blockTime) {
    return "{\"genesis\": {\"l1\": {\"hash\": \"" + ChainData.h("l1g").toHex() + "\", \"number\": 1}, \"l2\": {\"hash\": \""
        + ChainData.h("l2g" + chainId).toHex() + "\", \"number\": " + genesisNumber + "}, \"l2_time\": " + genesisTime + "},"
        + " \"block_time\": " + blockTime + ", \"seq_window_size\": 3600, \"channel_timeout\": 300, \"l1_chain_id\": 900,"
        + " \"l2_chain_id\": " + chainId + "}";
  }

  static byte[] superRoot(long timestamp, long[] chainIds, Bytes32[] outputs) {
    byte[] out = new byte[9 + 64 * chainIds.length];
    out[0] = 1;
    for (int i = 0; i < 8; i++) out[1 + i] = (byte) (timestamp >>> (56 - 8 * i));
    for (int c = 0; c < chainIds.length; c++) {
      Bytes32.leftPad(BigInteger.valueOf(chainIds[c]).toByteArray()).copyTo(out, 9 + 64 * c);
      outputs[c].copyTo(out, 9 + 64 * c + 32);
    }
    return out;
  }

  @BeforeEach
  void start() throws Exception {
    // Chain 901: genesis block 0 at 1000, 2 s blocks -> block 100 at 1200. Chain 902: genesis block 40 at 1140, 1 s -> 100.
    a = new Chain(901, 100);
    b = new Chain(902, 100);
    Path rollupA = Files.writeString(tmp.resolve("rollup-901.json"), rollupJson(901, 0, 1000, 2));
    Path rollupB = Files.writeString(tmp.resolve("rollup-902.json"), rollupJson(902, 40, 1140, 1));
    Path genesisA = Files.writeString(tmp.resolve("genesis-901.json"), "{\"config\": {\"chainId\": 901}}");
    Path genesisB = Files.writeString(tmp.resolve("genesis-902.json"), "{\"config\": {\"chainId\": 902}}");
    prestate = AgreedPrestate.parse(superRoot(TIMESTAMP, new long[] {901, 902}, new Bytes32[] {a.output.hash(), b.output.hash()}), "test");
    OpProgramInteropInputs inputs = new OpProgramInteropInputs(ChainData.h("l1head"), prestate, ChainData.h("claim"), TIMESTAMP + 1,
        List.of(rollupA, rollupB), List.of(genesisA, genesisB), null, null);
    registry = new OnlineHandlerFactory(Duration.ofSeconds(10), HostPrecompiles.standard())
        .create(inputs, new OnlineEndpoints("http://127.0.0.1:9", a.node.url(), "http://127.0.0.1:9",
            Map.of("l2", b.node.url() + "," + a.node.url())));
  }

  /** The same two chains served by kona-host's {@code super} dialect. */
  HintHandlerRegistry kona() {
    return new OnlineHandlerFactory(Duration.ofSeconds(10), HostPrecompiles.standard())
        .create(new io.fpp4j.host.local.KonaInteropInputs(ChainData.h("l1head"), prestate, ChainData.h("claim"), TIMESTAMP + 1,
            List.of(tmp.resolve("rollup-901.json"), tmp.resolve("rollup-902.json")), null, null),
            new OnlineEndpoints("http://127.0.0.1:9", a.node.url(), "http://127.0.0.1:9",
                Map.of("l2", a.node.url() + "," + b.node.url(), "enable-experimental-witness-endpoint", "false")));
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  Routing.Fed handler(String type) {
    return Routing.handler(registry, type);
  }

  static RawHint hint(String type, byte[]... parts) {
    return Routing.hint(type, parts);
  }

  @Test
  void registryHasOpProgramsInteropHints() {
    assertThat(Routing.names(registry)).containsExactly("l1-block-header", "l1-transactions", "l1-receipts", "l1-blob", "l1-precompile",
        "l1-precompile-v2", "l2-block-header", "l2-transactions", "l2-receipts", "l2-code", "l2-state-node", "l2-output",
        "l2-account-proof", "l2-payload-witness", "l2-block-data", "agreed-pre-state");
    assertThat(Routing.kind(registry, "l2-account-proof")).isEqualTo(HintKind.BULK);
    assertThat(Routing.kind(registry, "l2-block-data")).isEqualTo(HintKind.EAGER);
    assertThat(Routing.kind(registry, "agreed-pre-state")).isEqualTo(HintKind.ORDINARY);
  }

  @Test
  void outputOfEachChainAtThePrestatesTimestamp() throws Exception {
    handler("l2-output").handle(hint("l2-output", a.output.hash().toArray(), ChainData.u64(901)), store);
    handler("l2-output").handle(hint("l2-output", b.output.hash().toArray(), ChainData.u64(902)), store);
    assertThat(Stored.of(store)).containsExactlyInAnyOrderEntriesOf(Map.of(
        Stored.key(2, a.output.hash()), Hex.prefixed(a.output.encode()),
        Stored.key(2, b.output.hash()), Hex.prefixed(b.output.encode())));
    // Each chain's block was looked up by the number its rollup config gives for the timestamp.
    assertThat(a.node.calls("eth_getBlockByNumber")).hasSize(1);
    assertThat(a.node.calls("eth_getBlockByNumber").get(0).params().get(0).asText()).isEqualTo("0x64");
    assertThat(b.node.calls("eth_getBlockByNumber").get(0).params().get(0).asText()).isEqualTo("0x64");
  }

  @Test
  void blockNumberFromTimestampUsesWholeBlockTimes() {
    io.fpp4j.proof.boot.RollupConfig rc = io.fpp4j.proof.boot.RollupConfig.parse(rollupJson(901, 0, 1000, 2));
    assertThat(InteropOutputHandler.blockAt(rc, 1000)).isZero();
    assertThat(InteropOutputHandler.blockAt(rc, 1201)).isEqualTo(100);
    assertThat(InteropOutputHandler.blockAt(rc, 1202)).isEqualTo(101);
    assertThatThrownBy(() -> InteropOutputHandler.blockAt(rc, 999))
        .hasMessage("timestamp 999 is before the genesis of L2 chain 901 (1000)");
  }

  @Test
  void wrongOutputRootIsRefusedWithBothRoots() {
    Bytes32 wrong = ChainData.h("not the output");
    assertThatThrownBy(() -> handler("l2-output").handle(hint("l2-output", wrong.toArray(), ChainData.u64(901)), store))
        .isInstanceOf(InvalidHintException.class)
        .hasMessageContaining("the output of L2 chain 901 at the pre-state's timestamp 1200 (block 100, " + a.block.hash() + ") is "
            + a.output.hash() + ", not " + wrong);
    assertThat(store.size()).isZero();
  }

  @Test
  void hintsGoToTheNodeOfTheirChain() throws Exception {
    handler("l2-block-header").handle(hint("l2-block-header", b.block.hash().toArray(), ChainData.u64(902)), store);
    assertThat(Stored.of(store)).containsEntry(Stored.key(2, b.block.hash()), Hex.prefixed(b.block.header().encode()));
    assertThat(b.node.calls("eth_getBlockByHash")).hasSize(1);
    assertThat(a.node.calls("eth_getBlockByHash")).isEmpty();
    handler("l2-receipts").handle(hint("l2-receipts", a.block.hash().toArray(), ChainData.u64(901)), store);
    assertThat(a.node.calls("eth_getBlockReceipts")).hasSize(1);
    assertThat(b.node.calls("eth_getBlockReceipts")).isEmpty();
  }

  @Test
  void chainsWithoutANodeAndHintsWithoutAChainAreRefused() {
    assertThatThrownBy(() -> handler("l2-block-header").handle(hint("l2-block-header", a.block.hash().toArray(), ChainData.u64(903)), store))
        .isInstanceOf(InvalidHintException.class)
        .hasMessageContaining("is for L2 chain 903, which no --l2 endpoint serves (")
        .hasMessageContaining(a.node.url() + " serves 901")
        .hasMessageContaining(b.node.url() + " serves 902");
    assertThatThrownBy(() -> handler("l2-state-node").handle(hint("l2-state-node", a.block.hash().toArray()), store))
        .isInstanceOf(InvalidHintException.class)
        .hasMessageContaining("carries no chain id (32 bytes), but this interop run serves 2 L2 chains");
  }

  @Test
  void konaSuperHasItsInteropHintsAndRequiresChainIds() throws Exception {
    HintHandlerRegistry k = kona();
    assertThat(Routing.names(k)).containsExactly("l1-block-header", "l1-transactions", "l1-receipts", "l1-blob", "l1-precompile",
        "l2-block-header", "l2-transactions", "l2-receipts", "l2-code", "l2-state-node", "l2-account-proof",
        "l2-account-storage-proof", "l2-payload-witness", "agreed-pre-state", "l2-output-root", "l2-block-data");
    assertThat(Routing.kind(k, "l2-payload-witness")).isEqualTo(HintKind.BULK);
    assertThat(Routing.kind(k, "l2-block-data")).isEqualTo(HintKind.EAGER);
    Routing.handler(k, "l2-output-root").handle(hint("l2-output-root", b.output.hash().toArray(), ChainData.u64(902)), store);
    assertThat(Stored.of(store)).containsExactlyEntriesOf(Map.of(Stored.key(2, b.output.hash()), Hex.prefixed(b.output.encode())));
    // Kona's header hint stores the header alone (op-program's also stores the transactions).
    MemoryPreimageStore headers = new MemoryPreimageStore();
    Routing.handler(k, "l2-block-header").handle(hint("l2-block-header", a.block.hash().toArray(), ChainData.u64(901)), headers);
    assertThat(Stored.of(headers)).containsExactlyEntriesOf(Map.of(Stored.key(2, a.block.hash()), Hex.prefixed(a.block.header().encode())));
    // Kona's account proof: u64 block number ‖ address ‖ chain id.
    MemoryPreimageStore proof = new MemoryPreimageStore();
    Routing.handler(k, "l2-account-proof").handle(hint("l2-account-proof", ChainData.u64(100),
        OutputRoot.MESSAGE_PASSER.toArray(), ChainData.u64(902)), proof);
    assertThat(proof.size()).isPositive();
    assertThat(b.node.calls("eth_getProof")).hasSize(2);
    assertThatThrownBy(() -> Routing.handler(k, "l2-state-node").handle(hint("l2-state-node", a.block.hash().toArray()), store))
        .isInstanceOf(InvalidHintException.class)
        .hasMessageContaining("carries no chain id (32 bytes), but kona-host's interop hints must end with one");
  }

  @Test
  void aNodeThatIsDownHidesOnlyItsOwnChain() throws Exception {
    OpProgramInteropInputs inputs = new OpProgramInteropInputs(ChainData.h("l1head"), prestate, ChainData.h("claim"), TIMESTAMP + 1,
        List.of(tmp.resolve("rollup-901.json"), tmp.resolve("rollup-902.json")),
        List.of(tmp.resolve("genesis-901.json"), tmp.resolve("genesis-902.json")), null, null);
    String down = "http://127.0.0.1:9"; // the discard port: nothing listens, the connection is refused
    HintHandlerRegistry r = new OnlineHandlerFactory(Duration.ofSeconds(10), HostPrecompiles.standard())
        .create(inputs, new OnlineEndpoints(down, down, down, Map.of("l2", down + "," + b.node.url())));
    Routing.Fed output = Routing.handler(r, "l2-output");
    output.handle(hint("l2-output", b.output.hash().toArray(), ChainData.u64(902)), store);
    assertThat(Stored.of(store)).containsKey(Stored.key(2, b.output.hash()));
    // Chain 901 may be the one the unreachable node serves: a retryable RPC failure, not an invalid hint.
    assertThatThrownBy(() -> output.handle(hint("l2-output", a.output.hash().toArray(), ChainData.u64(901)), store))
        .isInstanceOf(RpcException.class)
        .hasMessageStartingWith("cannot tell which --l2 endpoint serves L2 chain 901 for hint l2-output " + a.output.hash()
            + ", chain 901: ")
        .hasMessageContaining("eth_chainId on L2 execution node " + down + " failed");
  }

  @Test
  void oneChainRunsAcceptOpProgramHintsWithoutAChainId() throws Exception {
    OpProgramInteropInputs one = new OpProgramInteropInputs(ChainData.h("l1head"), AgreedPrestate.parse(
        superRoot(TIMESTAMP, new long[] {901}, new Bytes32[] {a.output.hash()}), "test"), ChainData.h("claim"), TIMESTAMP + 1,
        List.of(tmp.resolve("rollup-901.json")), List.of(tmp.resolve("genesis-901.json")), null, null);
    HintHandlerRegistry r = new OnlineHandlerFactory(Duration.ofSeconds(10), HostPrecompiles.standard())
        .create(one, new OnlineEndpoints("http://127.0.0.1:9", a.node.url(), "http://127.0.0.1:9"));
    Routing.handler(r, "l2-output").handle(hint("l2-output", a.output.hash().toArray()), store);
    assertThat(Stored.of(store)).containsKey(Stored.key(2, a.output.hash()));
  }

  @Test
  void agreedPrestateIsServedUnderItsRootOnly() throws Exception {
    Bytes32 root = Bytes32.wrap(Hashing.keccak256(prestate.bytes()));
    handler("agreed-pre-state").handle(hint("agreed-pre-state", root.toArray()), store);
    assertThat(Stored.of(store)).containsExactlyEntriesOf(Map.of(Stored.key(2, root), Hex.prefixed(prestate.bytes())));
    Bytes32 other = ChainData.h("another pre-state");
    assertThatThrownBy(() -> handler("agreed-pre-state").handle(hint("agreed-pre-state", other.toArray()), store))
        .isInstanceOf(InvalidHintException.class)
        .hasMessageContaining("asks for pre-state " + other + ", but the host's --l2.agreed-prestate is " + root);
  }
}
