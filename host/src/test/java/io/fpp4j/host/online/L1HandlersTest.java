package io.fpp4j.host.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.store.MemoryPreimageStore;
import io.fpp4j.mpt.OrderedListWalker;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.Transactions;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.hint.HashHint;
import io.fpp4j.proof.hint.HintType;
import io.fpp4j.proof.hint.Hints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The L1 block handlers against a local JSON-RPC server that serves generated blocks. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class L1HandlersTest {
  RpcStub node;
  BlockHandlers handlers;
  MemoryPreimageStore store = new MemoryPreimageStore();
  final ChainData.Block block = ChainData.block("b1", 100, ChainData.transactions("b1", false));
  final ChainData.Block empty = ChainData.block("empty", 101, List.of());

  @BeforeEach
  void start() throws Exception {
    node = new RpcStub();
    serve(block);
    serve(empty);
    handlers = new BlockHandlers(new EthSource(new JsonRpcClient(node.url(), "L1 execution node", Duration.ofSeconds(10)), "L1"));
  }

  void serve(ChainData.Block b) {
    node.on("eth_getBlockByHash", params -> {
      String hash = params.get(0).asText();
      for (ChainData.Block x : List.of(block, empty)) {
        if (x.hash().toHex().equals(hash)) return ChainData.blockJson(x, params.get(1).asBoolean());
      }
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    });
    node.on("eth_getBlockReceipts", params -> {
      for (ChainData.Block x : List.of(block, empty)) {
        if (x.hash().toHex().equals(params.get(0).asText())) return ChainData.receiptsJson(x);
      }
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    });
  }

  @AfterEach
  void stop() {
    node.close();
  }

  /** An L1 hint as the host parses it (both dialects read L1 block hints alike). */
  static HashHint hint(String type, byte[] data) {
    return (HashHint) Hints.parse(type + " " + Hex.prefixed(data), Dialect.KONA);
  }

  @Test
  void headerIsStoredAsItsRlpUnderTheBlockHash() throws Exception {
    handlers.header().handle(hint("l1-block-header", block.hash().toArray()), store);
    assertThat(Stored.of(store)).containsExactlyEntriesOf(
        Map.of(Stored.key(2, block.hash()), Hex.prefixed(block.header().encode())));
    assertThat(node.calls("eth_getBlockByHash")).singleElement()
        .satisfies(c -> assertThat(c.params().toString()).isEqualTo("[\"" + block.hash().toHex() + "\",false]"));
  }

  @Test
  void transactionsAreStoredAsEveryNodeOfTheirTrie() throws Exception {
    handlers.transactions().handle(hint("l1-transactions", block.hash().toArray()), store);
    assertThat(Stored.of(store)).isEqualTo(Stored.trie(block.txItems())).hasSizeGreaterThan(1);
    assertThat(node.calls("eth_getBlockByHash").get(0).params().get(1).asBoolean()).isTrue();
    // A client walking the trie from the header's root through the store gets every transaction back.
    List<byte[]> walked = OrderedListWalker.walkBytes(block.header().transactionsRoot(),
        h -> store.get(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, h.toArray())).orElse(null));
    assertThat(walked.stream().map(b -> Transactions.decode2718(b).hash()).toList())
        .isEqualTo(block.txs().stream().map(t -> t.hash()).toList());
  }

  @Test
  void anEmptyTransactionListStoresTheEmptyTrieNode() throws Exception {
    handlers.transactions().handle(hint("l1-transactions", empty.hash().toArray()), store);
    assertThat(Stored.of(store)).containsExactlyEntriesOf(Map.of(
        "0x02e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421", "0x80"));
    assertThat(Stored.key(2, Hashes.EMPTY_TRIE_ROOT)).isEqualTo("0x02e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  }

  @Test
  void receiptsAreStoredAsEveryNodeOfTheirTrie() throws Exception {
    handlers.receipts().handle(hint("l1-receipts", block.hash().toArray()), store);
    assertThat(Stored.of(store)).isEqualTo(Stored.trie(block.receiptItems()));
    List<byte[]> walked = OrderedListWalker.walkBytes(block.header().receiptsRoot(),
        h -> store.get(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, h.toArray())).orElse(null));
    assertThat(walked.stream().map(Receipt::decode2718).toList()).isEqualTo(block.receipts());
    assertThat(node.calls("eth_getBlockReceipts")).singleElement()
        .satisfies(c -> assertThat(c.params().toString()).isEqualTo("[\"" + block.hash().toHex() + "\"]"));
  }

  @Test
  void noReceiptsStoreTheEmptyTrieNode() throws Exception {
    handlers.receipts().handle(hint("l1-receipts", empty.hash().toArray()), store);
    assertThat(Stored.of(store)).containsExactlyEntriesOf(Map.of(Stored.key(2, Hashes.EMPTY_TRIE_ROOT), "0x80"));
  }

  @Test
  void badHintLengthsAreInvalidHints() {
    HintHandlerRegistry registry = HintHandlerRegistry.builder(Dialect.OP_PROGRAM)
        .register(HintType.L1_BLOCK_HEADER, HashHint.class, handlers.header())
        .register(HintType.L1_TRANSACTIONS, HashHint.class, handlers.transactions())
        .register(HintType.L1_RECEIPTS, HashHint.class, handlers.receipts()).build();
    for (String type : List.of("l1-block-header", "l1-transactions", "l1-receipts")) {
      assertThat(Routing.invalid(registry, Routing.hint(type, new byte[31])))
          .hasMessage("hint '" + type + " 0x" + "00".repeat(31) + "': " + type + " hint data must be 32, got 31 bytes: 0x" + "00".repeat(31));
      assertThat(Routing.invalid(registry, Routing.hint(type, new byte[40])))
          .hasMessageEndingWith(": " + type + " hint data must be 32, got 40 bytes: 0x" + "00".repeat(40));
    }
    assertThat(node.calls).isEmpty();
    assertThat(store.size()).isZero();
  }

  @Test
  void anUnknownBlockIsAFailedFetchNamingTheBlockAndTheNode() {
    byte[] unknown = ChainData.h("nope").toArray();
    assertThatThrownBy(() -> handlers.header().handle(hint("l1-block-header", unknown), store))
        .isInstanceOf(RpcException.class)
        .hasMessage("L1 execution node " + node.url() + " does not have L1 block " + Hex.prefixed(unknown)
            + " (eth_getBlockByHash returned null)");
  }

  @Test
  void aHeaderThatDoesNotHashToTheRequestedBlockIsRejected() {
    node.on("eth_getBlockByHash", params -> {
      ObjectNode o = ChainData.blockJson(block, false);
      o.remove("hash");
      return o;
    });
    byte[] other = empty.hash().toArray();
    assertThatThrownBy(() -> handlers.header().handle(hint("l1-block-header", other), store))
        .isInstanceOf(RpcException.class)
        .hasMessage("eth_getBlockByHash on L1 execution node " + node.url() + " asked for " + Hex.prefixed(other)
            + " returned block " + block.hash());
    assertThat(store.size()).isZero();
  }

  @Test
  void transactionsThatDoNotMatchTheHeaderRootAreRejected() {
    node.on("eth_getBlockByHash", params -> {
      ObjectNode o = ChainData.blockJson(block, true);
      ((com.fasterxml.jackson.databind.node.ArrayNode) o.get("transactions")).remove(0);
      return o;
    });
    assertThatThrownBy(() -> handlers.transactions().handle(hint("l1-transactions", block.hash().toArray()), store))
        .isInstanceOf(RpcException.class)
        .hasMessageStartingWith("transactions of L1 block " + block.hash() + ": the 5 items the node returned make a trie with root ")
        .hasMessageEndingWith(", but the block header says " + block.header().transactionsRoot());
    assertThat(store.size()).isZero();
  }

  @Test
  void aTransactionWhoseFieldsDoNotMatchItsHashIsRejected() {
    node.on("eth_getBlockByHash", params -> {
      ObjectNode o = ChainData.blockJson(block, true);
      ((ObjectNode) o.get("transactions").get(2)).put("nonce", "0x63");
      return o;
    });
    assertThatThrownBy(() -> handlers.transactions().handle(hint("l1-transactions", block.hash().toArray()), store))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("returned data that does not check out: L1 block " + block.hash() + " transaction 2 says hash "
            + block.txs().get(2).hash() + " but its fields encode to a ");
  }

  @Test
  void jsonRpcErrorsNameTheMethodAndEndpoint() {
    node.on("eth_getBlockReceipts", params -> {
      throw new RpcStub.RpcError(-32000, "receipts unavailable");
    });
    assertThatThrownBy(() -> handlers.receipts().handle(hint("l1-receipts", block.hash().toArray()), store))
        .isInstanceOf(RpcException.class)
        .hasMessage("eth_getBlockReceipts on L1 execution node " + node.url() + " returned error -32000 \"receipts unavailable\"")
        .extracting(e -> ((RpcException) e).rpcErrorCode()).isEqualTo(-32000);
  }

  @Test
  void httpErrorsAndMalformedAnswersAreReported() throws Exception {
    JsonRpcClient c = new JsonRpcClient(node.url(), "L1 execution node", Duration.ofSeconds(5));
    String where = "eth_chainId on L1 execution node " + node.url();
    node.rawPost = new RpcStub.Get(503, "busy");
    assertThatThrownBy(() -> c.call("eth_chainId")).hasMessage(where + " answered HTTP 503: busy")
        .extracting(e -> ((RpcException) e).httpStatus()).isEqualTo(503);
    node.rawPost = new RpcStub.Get(200, "not json");
    assertThatThrownBy(() -> c.call("eth_chainId")).hasMessage(where + " answered with invalid JSON: not json");
    node.rawPost = new RpcStub.Get(200, "[1]");
    assertThatThrownBy(() -> c.call("eth_chainId")).hasMessage(where + " answered with [1], not a JSON-RPC response object");
    node.rawPost = new RpcStub.Get(200, "{\"jsonrpc\":\"2.0\",\"id\":1}");
    assertThatThrownBy(() -> c.call("eth_chainId")).hasMessage(where + " answered without a result: {\"jsonrpc\":\"2.0\",\"id\":1}");
    node.rawPost = null;
    node.on("eth_chainId", p -> TextNode.valueOf("0xa"));
    assertThat(c.call("eth_chainId").asText()).isEqualTo("0xa");
    assertThat(node.calls("eth_chainId").get(0).params()).isEmpty();
  }

  @Test
  void aSlowNodeTimesOutWithAMessageNamingTheCall() throws Exception {
    node.on("eth_getBlockByHash", params -> {
      Thread.sleep(3_000);
      return ChainData.blockJson(block, false);
    });
    BlockHandlers slow = new BlockHandlers(new EthSource(new JsonRpcClient(node.url(), "L1 execution node", Duration.ofMillis(300)), "L1"));
    assertThatThrownBy(() -> slow.header().handle(hint("l1-block-header", block.hash().toArray()), store))
        .isInstanceOf(RpcException.class)
        .hasMessage("eth_getBlockByHash on L1 execution node " + node.url() + " timed out after 300 ms");
  }

  @Test
  void anUnreachableNodeIsAFailedFetch() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    BlockHandlers gone = new BlockHandlers(new EthSource(new JsonRpcClient("http://127.0.0.1:" + port, "L1 execution node",
        Duration.ofSeconds(5)), "L1"));
    assertThatThrownBy(() -> gone.header().handle(hint("l1-block-header", block.hash().toArray()), store))
        .isInstanceOf(RpcException.class)
        .hasMessageStartingWith("eth_getBlockByHash on L1 execution node http://127.0.0.1:" + port + " failed: java.net.ConnectException");
  }

  @Test
  void endpointUrlsAreChecked() {
    assertThatThrownBy(() -> new JsonRpcClient("localhost:8545", "L1 execution node"))
        .hasMessage("the L1 execution node URL 'localhost:8545' must be an http:// or https:// URL with a host");
    assertThatThrownBy(() -> new JsonRpcClient("http://bad host", "L1 execution node"))
        .hasMessageStartingWith("the L1 execution node URL 'http://bad host' is not a valid URL: ");
  }
}
