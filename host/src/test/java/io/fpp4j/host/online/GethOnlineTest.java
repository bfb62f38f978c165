package io.fpp4j.host.online;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.RunOutcome;
import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;
import io.fpp4j.host.store.MemoryPreimageStore;
import io.fpp4j.precompiles.Precompile;
import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.precompiles.ecrecover.Ecrecover;
import io.fpp4j.precompiles.kzg.KzgPointEvaluation;
import io.fpp4j.precompiles.kzg.TestBlobs;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.JsonQuantity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host online against a real Ethereum node: geth {@code --dev} on loopback, built from the Go module
 * proxy. The test sends transactions of several kinds, then runs the host (exec and native modes, Kona's
 * flags) serving {@link L1WalkProgram}, which walks every block from the head to genesis through the
 * oracle while the host fetches headers, transactions and receipts from geth over JSON-RPC. The claim is
 * computed independently from geth's per-transaction JSON answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GethOnlineTest {
  static final String ZERO = "0x" + "00".repeat(32);
  /** Init code: MSTORE 42 at 0, LOG1(offset 0, size 32, topic 0x11..11), STOP. */
  static final String LOG_INIT = "0x602a6000527f" + "11".repeat(32) + "60206000a100";
  /** Init code returning the 10-byte runtime code 0x600160005260206000f3. */
  static final String CODE_INIT = "0x69600160005260206000f3600052600a6016f3";

  @TempDir Path tmp;
  GethDev geth;
  String dev;
  final List<String> sent = new ArrayList<>();
  String contractWithCode;
  JsonNode head;

  @BeforeAll
  @Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void startGethAndSendTransactions(@TempDir Path dir) throws Exception {
    Path binary = GethDev.binary();
    geth = GethDev.start(binary, dir);
    dev = geth.devAccount();
    String ecrecoverInput = "0x18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c"
        + "000000000000000000000000000000000000000000000000000000000000001c"
        + "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
        + "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549";
    List<Map<String, Object>> txs = List.of(
        Map.of("from", dev, "to", "0x000000000000000000000000000000000000beef", "value", "0x1"),
        Map.of("from", dev, "data", LOG_INIT),
        Map.of("from", dev, "data", "0xfe", "gas", "0x30000"), // INVALID opcode: a failed transaction
        Map.of("from", dev, "to", "0x0000000000000000000000000000000000000001", "data", ecrecoverInput),
        Map.of("from", dev, "to", "0x000000000000000000000000000000000000beef", "value", "0x2", "gasPrice", "0x77359400"),
        Map.of("from", dev, "to", "0x000000000000000000000000000000000000beef", "value", "0x3", "gasPrice", "0x77359400",
            "accessList", List.of(Map.of("address", "0x000000000000000000000000000000000000beef",
                "storageKeys", List.of(ZERO)))),
        Map.of("from", dev, "data", CODE_INIT));
    // Nonces are set here: geth --dev derives a missing one from its pool, and a block sealed in the middle of the
    // batch can make two sends pick the same nonce ("replacement transaction underpriced", seen once in a full run).
    long nonce = JsonQuantity.parseU64(geth.rpc.call("eth_getTransactionCount", dev, "pending").asText(), "nonce");
    for (Map<String, Object> tx : txs) {
      Map<String, Object> withNonce = new java.util.HashMap<>(tx);
      withNonce.put("nonce", JsonQuantity.format(nonce++));
      sent.add(geth.rpc.call("eth_sendTransaction", withNonce).asText());
    }
    for (String h : sent) geth.receipt(h);
    contractWithCode = geth.receipt(sent.get(sent.size() - 1)).get("contractAddress").asText();
    head = geth.rpc.call("eth_getBlockByNumber", "latest", false);
  }

  @AfterAll
  void stopGeth() throws Exception {
    if (geth != null) geth.close();
  }

  /** The walk's claim, from geth's JSON: blocks by number and receipts one transaction at a time. */
  byte[] expectedClaim() throws Exception {
    L1Digest d = new L1Digest();
    for (long n = JsonQuantity.parseU64(head.get("number").asText(), "number"); n >= 0; n--) {
      JsonNode b = geth.rpc.call("eth_getBlockByNumber", JsonQuantity.format(n), false);
      d.block(Hex.decode(b.get("hash").asText()), b.get("transactions").size());
      for (JsonNode tx : b.get("transactions")) {
        JsonNode r = geth.rpc.call("eth_getTransactionReceipt", tx.asText());
        List<L1Digest.LogEntry> logs = new ArrayList<>();
        for (JsonNode l : r.get("logs")) {
          List<byte[]> topics = new ArrayList<>();
          for (JsonNode t : l.get("topics")) topics.add(Hex.decode(t.asText()));
          logs.add(new L1Digest.LogEntry(Hex.decode(l.get("address").asText()), topics, Hex.decode(l.get("data").asText())));
        }
        d.tx(Hex.decode(tx.asText()), r.get("status").asText().equals("0x1"),
            JsonQuantity.parseU64(r.get("cumulativeGasUsed").asText(), "cumulativeGasUsed"), logs);
      }
    }
    return d.digest();
  }

  long blocksWithTransactions() throws Exception {
    long n = 0;
    for (long b = 0; b < depth(); b++) {
      if (geth.rpc.call("eth_getBlockByNumber", JsonQuantity.format(b), false).get("transactions").size() > 0) n++;
    }
    return n;
  }

  long depth() {
    return JsonQuantity.parseU64(head.get("number").asText(), "number") + 1;
  }

  record Run(int exitCode, RunOutcome outcome, String childErr) {}

  Run host(String claim, List<String> modeArgs) throws Exception {
    AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    Path childOut = tmp.resolve("child.out"), childErr = tmp.resolve("child.err");
    HostWiring wiring = HostWiring.defaults()
        .withStreams(System.out, System.err, ProcessBuilder.Redirect.to(childOut.toFile()), ProcessBuilder.Redirect.to(childErr.toFile()))
        .withOutcomes(outcome::set);
    List<String> args = new ArrayList<>(List.of("host", "single", "--l1-head", head.get("hash").asText(),
        "--agreed-l2-head-hash", ZERO, "--agreed-l2-output-root", ZERO, "--claimed-l2-output-root", claim,
        "--claimed-l2-block-number", Long.toString(depth()), "--l2-chain-id", "901",
        "--l1-node-address", geth.url, "--l2-node-address", geth.url,
        // Never contacted: the walk sends no blob hints, and handlers connect lazily.
        "--l1-beacon-address", "http://127.0.0.1:9",
        "--retry", "bounded", "--retry-attempts", "3"));
    args.addAll(modeArgs);
    StringWriter cliErr = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), wiring, new PrintWriter(new StringWriter()), new PrintWriter(cliErr));
    String err = Files.exists(childErr) ? Files.readString(childErr) : "";
    return new Run(code, outcome.get(), err + cliErr);
  }

  static List<String> exec() {
    return List.of("--exec", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--",
        "-cp", System.getProperty("java.class.path"), L1WalkProgram.class.getName());
  }

  @Test
  void execModeWalksL1FetchedFromGethAndAcceptsTheTrueClaim() throws Exception {
    assertThat(depth()).isGreaterThanOrEqualTo(3);
    Run r = host(Hex.prefixed(expectedClaim()), exec());
    assertThat(r.exitCode()).as(r.childErr() + "\n" + (r.outcome() == null ? "" : r.outcome().summary())).isEqualTo(HostExitCode.VALID);
    assertThat(r.outcome().serve().stats().hints()).isEqualTo(3 * depth());
    // Every header is fetched; a list only when its root node is not already stored (all empty lists share
    // the node 0x80 under the empty root, and two blocks with identical receipts share their trie).
    assertThat(r.outcome().fetch().fetches()).isBetween(depth() + blocksWithTransactions() + 1, depth() + 2 * blocksWithTransactions() + 1);
    assertThat(r.outcome().fetch().failedFetches()).isZero();
    assertThat(r.outcome().fetch().preimagesFetched()).isGreaterThanOrEqualTo(depth() + blocksWithTransactions());
    assertThat(r.outcome().summary()).contains("verdict: valid claim (program exit 0)");
  }

  @Test
  void execModeRejectsAWrongClaimWithExitOne() throws Exception {
    byte[] wrong = expectedClaim();
    wrong[31] ^= 1;
    Run r = host(Hex.prefixed(wrong), exec());
    assertThat(r.exitCode()).as(r.childErr()).isEqualTo(HostExitCode.INVALID);
    assertThat(r.outcome().summary()).contains("verdict: invalid claim (program exit 1)");
  }

  @Test
  void nativeModeServesTheSameWalk() throws Exception {
    Run r = host(Hex.prefixed(expectedClaim()), List.of("--native", "--program", L1WalkProgram.class.getName()));
    assertThat(r.exitCode()).as(r.childErr()).isEqualTo(HostExitCode.VALID);
    assertThat(r.outcome().serve().stats().hints()).isEqualTo(3 * depth());
  }

  /**
   * The bundled L1 example program ({@code examples} module, {@code L1LogProgram}) as a child process: it walks
   * back from the head to the block of the log-emitting transaction and finds the claimed log in its receipts,
   * with the production handlers fetching from geth. A log that was never emitted is an invalid claim.
   */
  @Test
  void theL1ExampleProgramFindsALogEmittedOnGeth() throws Exception {
    JsonNode receipt = geth.receipt(sent.get(1));
    JsonNode log = receipt.get("logs").get(0);
    long number = JsonQuantity.parseU64(receipt.get("blockNumber").asText(), "blockNumber");
    io.fpp4j.primitives.receipt.Log emitted = new io.fpp4j.primitives.receipt.Log(
        io.fpp4j.primitives.Address.fromHex(log.get("address").asText()), List.of(Bytes32.fromHex(log.get("topics").get(0).asText())),
        io.fpp4j.primitives.Bytes.of(Hex.decode(log.get("data").asText())));
    assertThat(emitted.topics().get(0).toHex()).isEqualTo("0x" + "11".repeat(32));
    assertThat(runExample(emitted, number).exitCode()).isEqualTo(HostExitCode.VALID);

    io.fpp4j.primitives.receipt.Log never = new io.fpp4j.primitives.receipt.Log(emitted.address(),
        List.of(Bytes32.fromHex("0x" + "22".repeat(32))), emitted.data());
    RunOutcome invalid = runExample(never, number);
    assertThat(invalid.exitCode()).isEqualTo(HostExitCode.INVALID);
    assertThat(Files.readString(tmp.resolve("example.err"))).contains("receipts of L1 block " + number + " ").contains("has a log from " + emitted.address());
  }

  RunOutcome runExample(io.fpp4j.primitives.receipt.Log claimed, long number) {
    io.fpp4j.host.local.LocalInputs locals = io.fpp4j.host.local.LocalInputs.builder("test")
        .put(1, Hex.decode(head.get("hash").asText())).put(2, ChainData.u64(number))
        .put(3, io.fpp4j.examples.l1log.L1LogProgram.encodeClaim(claimed)).build();
    var handlers = new OnlineHandlerFactory().create(konaInputs(ZERO, ZERO),
        new io.fpp4j.host.OnlineEndpoints(geth.url, geth.url, "http://127.0.0.1:9"));
    io.fpp4j.host.HostPlan plan = new io.fpp4j.host.HostPlan(io.fpp4j.host.Mode.EXEC,
        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
            io.fpp4j.examples.l1log.L1LogProgram.class.getName()),
        null, io.fpp4j.host.mode.NativeMode.Transport.OS_PIPE, null, null, locals, handlers,
        new io.fpp4j.host.serve.RetryPolicy.Bounded(3, io.fpp4j.host.serve.Backoff.BOUNDED_DEFAULT),
        io.fpp4j.host.serve.FetchListener.NONE, "L1 log", Duration.ofSeconds(30));
    return new io.fpp4j.host.HostLauncher(io.fpp4j.host.TestStores.opener(), new io.fpp4j.host.mode.StdioKernel(System.out, System.err),
        ProcessBuilder.Redirect.to(tmp.resolve("example.out").toFile()), ProcessBuilder.Redirect.to(tmp.resolve("example.err").toFile()))
        .launch(plan);
  }

  /** The JSON the handlers re-encode must give exactly geth's own bytes for headers and receipts. */
  @Test
  void storedBytesAreGethsOwnRawEncodings() throws Exception {
    OnlineHandlerFactory factory = new OnlineHandlerFactory(Duration.ofSeconds(20), HostPrecompiles.standard());
    var registry = factory.create(konaInputs(ZERO, ZERO), new io.fpp4j.host.OnlineEndpoints(geth.url, geth.url, "http://127.0.0.1:9"));
    for (long n = 0; n < depth(); n++) {
      JsonNode b = geth.rpc.call("eth_getBlockByNumber", JsonQuantity.format(n), false);
      Bytes32 hash = Bytes32.fromHex(b.get("hash").asText());
      MemoryPreimageStore store = new MemoryPreimageStore();
      Routing.handle(registry, "l1-block-header " + hash.toHex(), store);
      byte[] raw = Hex.decode(geth.rpc.call("debug_getRawHeader", hash.toHex()).asText());
      assertThat(Stored.of(store)).containsExactlyEntriesOf(Map.of(Stored.key(2, hash), Hex.prefixed(raw)));

      store = new MemoryPreimageStore();
      Routing.handle(registry, "l1-receipts " + hash.toHex(), store);
      List<byte[]> rawReceipts = new ArrayList<>();
      for (JsonNode rr : geth.rpc.call("debug_getRawReceipts", hash.toHex())) rawReceipts.add(Hex.decode(rr.asText()));
      assertThat(Stored.of(store)).isEqualTo(Stored.trie(rawReceipts));

      store = new MemoryPreimageStore();
      Routing.handle(registry, "l1-transactions " + hash.toHex(), store);
      List<byte[]> rawTxs = new ArrayList<>();
      for (JsonNode th : b.get("transactions")) rawTxs.add(Hex.decode(geth.rpc.call("eth_getRawTransactionByHash", th.asText()).asText()));
      assertThat(Stored.of(store)).isEqualTo(Stored.trie(rawTxs));
    }
  }

  /**
   * The host's precompiles against geth's own ({@code eth_call} to the precompile address): the same output
   * for every success and a failure exactly where geth's call fails. ecrecover gets a signature made by
   * geth's dev account, the go-ethereum vector, malformed signatures and random ones.
   */
  @Test
  void precompilesAgreeWithGeth() throws Exception {
    List<byte[]> ecrecoverInputs = new ArrayList<>();
    String message = "0x" + Hex.encode("fpp4j online".getBytes());
    byte[] sig = Hex.decode(geth.rpc.call("eth_sign", dev, message).asText());
    byte[] prefixed = ("\u0019Ethereum Signed Message:\n" + "fpp4j online".length() + "fpp4j online").getBytes();
    byte[] signed = new byte[128];
    System.arraycopy(io.fpp4j.primitives.Hashing.keccak256(prefixed), 0, signed, 0, 32);
    signed[63] = sig[64];
    System.arraycopy(sig, 0, signed, 64, 64);
    ecrecoverInputs.add(signed);
    ecrecoverInputs.add(Hex.decode(PrecompileHandlerTest.GETH_VECTOR_INPUT));
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 24; i++) {
      byte[] in = new byte[i % 6 == 5 ? 100 : 128];
      random.nextBytes(in);
      if (i % 4 != 3) java.util.Arrays.fill(in, 32, 63, (byte) 0);
      if (i % 3 != 2 && in.length > 63) in[63] = (byte) (27 + (i & 1));
      ecrecoverInputs.add(in);
    }
    Precompile ecrecover = new Ecrecover();
    int recovered = 0;
    for (byte[] in : ecrecoverInputs) {
      String ours = Hex.prefixed(ecrecover.run(in));
      String geths = geth.rpc.call("eth_call", Map.of("to", "0x0000000000000000000000000000000000000001", "data", Hex.prefixed(in)),
          "latest").asText();
      assertThat(ours).as("ecrecover(%s)", Hex.prefixed(in)).isEqualTo(geths);
      if (!ours.equals("0x")) recovered++;
    }
    assertThat(Hex.encode(ecrecover.run(signed))).endsWith(dev.substring(2).toLowerCase());
    assertThat(recovered).as("random signatures that recover some key").isGreaterThan(5).isLessThan(ecrecoverInputs.size());

    Precompile kzg = new KzgPointEvaluation();
    byte[] valid = TestBlobs.pointEvaluationInput(TestBlobs.blob("geth"), "geth-z");
    List<byte[]> kzgInputs = new ArrayList<>(List.of(valid, java.util.Arrays.copyOf(valid, 191)));
    for (int pos : new int[] {3, 40, 90, 100, 150}) {
      byte[] bad = valid.clone();
      bad[pos] ^= 1;
      kzgInputs.add(bad);
    }
    for (byte[] in : kzgInputs) {
      String ours;
      try {
        ours = Hex.prefixed(kzg.run(in));
      } catch (PrecompileFailure f) {
        ours = "failure";
      }
      String geths;
      try {
        geths = geth.rpc.call("eth_call", Map.of("to", "0x000000000000000000000000000000000000000a", "data", Hex.prefixed(in),
            "gas", "0x100000"), "latest").asText();
      } catch (RpcException e) {
        geths = "failure";
      }
      assertThat(ours).as("point evaluation of %s", Hex.prefixed(in)).isEqualTo(geths);
    }
    assertThat(Hex.prefixed(kzg.run(valid))).isEqualTo("0x" + PrecompileHandlerTest.KZG_SUCCESS);
  }

  /** The L2 state handlers against geth as the L2 node: code, trie nodes, proofs and the output root. */
  @Test
  void l2StateHandlersFetchFromGeth() throws Exception {
    Bytes32 headHash = Bytes32.fromHex(head.get("hash").asText());
    Bytes32 stateRoot = Bytes32.fromHex(head.get("stateRoot").asText());
    JsonNode passer = geth.rpc.call("eth_getProof", io.fpp4j.primitives.block.OutputRoot.MESSAGE_PASSER.toHex(), List.of(),
        head.get("hash").asText());
    // An L1 dev chain has no message passer; geth describes the absent account with zero hashes, and its
    // storage root is the empty trie's.
    assertThat(passer.get("storageHash").asText()).isEqualTo(ZERO);
    io.fpp4j.primitives.block.OutputRoot output = new io.fpp4j.primitives.block.OutputRoot(stateRoot,
        io.fpp4j.primitives.Hashes.EMPTY_TRIE_ROOT, headHash);
    Bytes32 outputRoot = output.hash();
    var registry = new OnlineHandlerFactory(Duration.ofSeconds(20), HostPrecompiles.standard())
        .create(konaInputs(headHash.toHex(), outputRoot.toHex()), new io.fpp4j.host.OnlineEndpoints(geth.url, geth.url, "http://127.0.0.1:9"));
    MemoryPreimageStore store = new MemoryPreimageStore();

    byte[] code = Hex.decode(geth.rpc.call("eth_getCode", contractWithCode, "latest").asText());
    assertThat(Hex.encode(code)).isEqualTo("600160005260206000f3");
    Bytes32 codeHash = Bytes32.keccak256(code);
    Routing.handle(registry, "l2-code " + codeHash.toHex(), store);
    assertThat(store.get(keccakKey(codeHash))).hasValueSatisfying(v -> assertThat(v).isEqualTo(code));

    Routing.handle(registry, "l2-state-node " + stateRoot.toHex(), store);
    assertThat(store.get(keccakKey(stateRoot))).hasValueSatisfying(v -> assertThat(Bytes32.keccak256(v)).isEqualTo(stateRoot));

    String number = Hex.encode(ChainData.u64(depth() - 1));
    Routing.handle(registry, "l2-account-proof 0x" + number + dev.substring(2), store);
    Routing.handle(registry, "l2-account-storage-proof 0x" + number + contractWithCode.substring(2) + "00".repeat(32), store);
    for (String account : List.of(dev, contractWithCode)) {
      JsonNode proof = geth.rpc.call("eth_getProof", account, List.of(ZERO), head.get("hash").asText());
      for (JsonNode node : proof.get("accountProof")) {
        assertThat(store.get(PreimageKey.keccak256Of(Hex.decode(node.asText())))).as("account proof node of %s", account).isPresent();
      }
    }
    // A client reading state through the store finds the dev account's balance and the contract's slot 0.
    io.fpp4j.mpt.StateTrieReader reader = new io.fpp4j.mpt.StateTrieReader(stateRoot, depth() - 1,
        h -> store.get(keccakKey(h)).orElse(null), io.fpp4j.mpt.TrieHinter.NOOP);
    assertThat(reader.account(io.fpp4j.primitives.Address.fromHex(dev)).orElseThrow().balance())
        .isEqualTo(JsonQuantity.parseBig(geth.rpc.call("eth_getBalance", dev, head.get("hash").asText()).asText(), 256, "balance"));
    assertThat(reader.storage(io.fpp4j.primitives.Address.fromHex(contractWithCode), Bytes32.ZERO)).isEqualTo(Bytes32.ZERO);

    Routing.handle(registry, "starting-l2-output " + outputRoot.toHex(), store);
    assertThat(store.get(keccakKey(outputRoot))).hasValueSatisfying(v -> assertThat(Hex.prefixed(v)).isEqualTo(Hex.prefixed(output.encode())));
  }

  static io.fpp4j.host.local.KonaSingleChainInputs konaInputs(String agreedHead, String agreedOutput) {
    return new io.fpp4j.host.local.KonaSingleChainInputs(Bytes32.ZERO, Bytes32.fromHex(agreedHead), Bytes32.fromHex(agreedOutput),
        Bytes32.ZERO, 1, 901L, null, null);
  }

  static PreimageKey keccakKey(Bytes32 h) {
    return PreimageKey.fromDigest(PreimageKeyType.KECCAK256, h.toArray());
  }
}
