package io.fpp4j.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.mpt.BuiltTrie;
import io.fpp4j.mpt.OrderedTrie;
import io.fpp4j.mpt.TrieBuilder;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.OutputRoot;
import io.fpp4j.primitives.receipt.Bloom;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.state.Account;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.TxType;
import io.fpp4j.proof.boot.RollupConfig;
import io.fpp4j.proof.l2.L2ChainProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Makes deterministic, realistic chain data for tests and demos, since nothing may be downloaded: an L1 chain
 * of Prague-style headers with transactions (legacy and EIP-1559) and receipts with logs, and an OP Stack L2
 * chain whose blocks start with an L1-info deposit, whose state holds the L2ToL1MessagePasser (gaining a
 * withdrawal every other block), the L1Block predeploy, a contract with code, user accounts and, once Isthmus
 * is active, the EIP-2935 history contract. Every L2 block gets its version-0 output root; from Isthmus on
 * its header's withdrawals root is the message passer's storage root, as the fork specifies.
 *
 * <p>Everything is written as keccak preimages keyed the way a host serves them. Signatures are random
 * numbers (nothing in a fault-proof client checks them); all hashes and roots are real.
 */
public final class ChainDataGenerator {
  public static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");
  public static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");
  public static final Address DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");
  /** An L1 contract whose events the generated L1 receipts carry. */
  public static final Address L1_PORTAL = Address.fromHex("0x16fc5058f25648194471939df75cf27a2fdc48bc");
  /** A contract with code on L2, for {@code l2-code} reads. */
  public static final Address L2_CONTRACT = Address.fromHex("0x00000000000000000000000000000000c0ffee00");
  public static final Bytes32 TRANSFER_TOPIC =
      Bytes32.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
  /** sha256 of nothing: the requests hash of a Prague/Isthmus block without requests. */
  static final Bytes32 EMPTY_REQUESTS_HASH =
      Bytes32.fromHex("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /** What to generate. */
  public record Options(long seed, int l1Blocks, int l2Blocks, long l1ChainId, long l2ChainId, int isthmusBlock) {
    /** 12 L1 blocks (one with 130 transactions), 40 L2 blocks, Isthmus from L2 block 10. */
    public static Options defaults() {
      return new Options(42, 12, 40, 900, 901, 10);
    }
  }

  private final Options o;
  private final Random random;
  private final Map<PreimageKey, byte[]> preimages = new HashMap<>();

  private ChainDataGenerator(Options options) {
    this.o = options;
    this.random = new Random(options.seed());
  }

  public static ChainData generate(Options options) {
    return new ChainDataGenerator(options).run();
  }

  private ChainData run() {
    List<Header> l1Headers = new ArrayList<>();
    List<List<Transaction>> l1Txs = new ArrayList<>();
    List<List<Receipt>> l1Receipts = new ArrayList<>();
    generateL1(l1Headers, l1Txs, l1Receipts);

    long l2Genesis = l1Headers.get(0).timestamp() + 24;
    List<Header> l2Headers = new ArrayList<>();
    List<List<Transaction>> l2Txs = new ArrayList<>();
    List<OutputRoot> outputs = new ArrayList<>();
    List<Map<Address, Account>> accounts = new ArrayList<>();
    List<Map<Address, Map<Bytes32, Bytes32>>> storage = new ArrayList<>();
    generateL2(l2Genesis, l1Headers, l2Headers, l2Txs, outputs, accounts, storage);

    long isthmusTime = l2Genesis + 2L * o.isthmusBlock();
    byte[] rollupJson = rollupConfigJson(l1Headers.get(0), l2Headers.get(0), isthmusTime);
    byte[] l1Json = json(m -> {
      m.put("chainId", o.l1ChainId());
      m.put("cancunTime", 0);
      m.put("pragueTime", 0);
    });
    byte[] l2Json = json(m -> {
      m.put("chainId", o.l2ChainId());
      m.put("bedrockBlock", 0);
      m.put("isthmusTime", isthmusTime);
    });
    return new ChainData(preimages, List.copyOf(l1Headers), List.copyOf(l1Txs), List.copyOf(l1Receipts),
        List.copyOf(l2Headers), List.copyOf(l2Txs), List.copyOf(outputs), List.copyOf(accounts), List.copyOf(storage),
        RollupConfig.parse(rollupJson), rollupJson, l1Json, l2Json);
  }

  // ---------------------------------------------------------------- L1

  private void generateL1(List<Header> headers, List<List<Transaction>> txsOut, List<List<Receipt>> receiptsOut) {
    Bytes32 parent = randomHash();
    long number = 7_000_000;
    long timestamp = 1_740_000_000;
    for (int b = 0; b < o.l1Blocks(); b++) {
      int n = b == 3 ? 130 : b % 5 == 4 ? 0 : 1 + random.nextInt(6);
      List<Transaction> txs = new ArrayList<>();
      List<Receipt> receipts = new ArrayList<>();
      long cumulative = 0;
      for (int i = 0; i < n; i++) {
        Transaction tx = i % 3 == 2 ? legacyTx(i) : dynamicFeeTx(o.l1ChainId(), i);
        txs.add(tx);
        cumulative += 21_000 + random.nextInt(100_000);
        List<Log> logs = new ArrayList<>();
        int nLogs = random.nextInt(3);
        for (int l = 0; l < nLogs; l++) logs.add(randomLog(l == 0 ? L1_PORTAL : randomAddress()));
        receipts.add(Receipt.of(tx.type(), random.nextInt(10) != 0, cumulative, logs));
      }
      Header h = new Header(parent, Hashes.EMPTY_OMMERS_HASH, randomAddress(), randomHash(),
          storeOrdered(encodeTxs(txs)), storeOrdered(encodeReceipts(receipts)), bloomOf(receipts), BigInteger.ZERO,
          number + b, 36_000_000, cumulative, timestamp + 12L * b, Bytes.of(new byte[] {'f', 'p', 'p'}), randomHash(), 0,
          7L + random.nextInt(100), Hashes.EMPTY_TRIE_ROOT, 0L, 0L, randomHash(), EMPTY_REQUESTS_HASH);
      storeKeccak(h.encode());
      headers.add(h);
      txsOut.add(List.copyOf(txs));
      receiptsOut.add(List.copyOf(receipts));
      parent = h.hash();
    }
  }

  // ---------------------------------------------------------------- L2

  private void generateL2(long genesisTime, List<Header> l1, List<Header> headers, List<List<Transaction>> txsOut,
                          List<OutputRoot> outputs, List<Map<Address, Account>> accountsOut,
                          List<Map<Address, Map<Bytes32, Bytes32>>> storageOut) {
    byte[] code = new byte[300];
    random.nextBytes(code);
    code[0] = 0x60; // PUSH1, so it looks like EVM code
    storeKeccak(code);
    Bytes32 codeHash = Bytes32.wrap(Hashing.keccak256(code));
    byte[] passerCode = new byte[120];
    random.nextBytes(passerCode);
    storeKeccak(passerCode);

    List<Address> users = new ArrayList<>();
    for (int i = 0; i < 5; i++) users.add(randomAddress());
    Map<Address, long[]> nonces = new LinkedHashMap<>();
    Map<Address, BigInteger> balances = new LinkedHashMap<>();
    for (Address u : users) {
      nonces.put(u, new long[] {0});
      balances.put(u, BigInteger.TEN.pow(18 + random.nextInt(3)));
    }
    Map<Bytes32, Bytes32> passerStorage = new TreeMap<>();
    Map<Bytes32, Bytes32> history = new TreeMap<>();
    Map<Bytes32, Bytes32> contractStorage = new TreeMap<>();
    for (int i = 0; i < 4; i++) contractStorage.put(Bytes32.fromBigInteger(BigInteger.valueOf(i)), randomHash());

    Bytes32 parent = Bytes32.ZERO;
    for (int n = 0; n < o.l2Blocks(); n++) {
      boolean isthmus = n >= o.isthmusBlock();
      Header origin = l1.get(Math.min(l1.size() - 1, n / 6));
      List<Transaction> txs = new ArrayList<>();
      List<Receipt> receipts = new ArrayList<>();
      long cumulative = 0;
      if (n > 0) {
        byte[] info = new byte[164];
        random.nextBytes(info);
        txs.add(new DepositTransaction(randomHash(), DEPOSITOR, L1_BLOCK, BigInteger.ZERO, BigInteger.ZERO, 1_000_000,
            false, Bytes.of(info)));
        cumulative += 50_000;
        receipts.add(new Receipt(TxType.DEPOSIT, null, true, cumulative, Bloom.EMPTY, List.of(), (long) n, 1L));
        int userTxs = random.nextInt(4);
        for (int i = 0; i < userTxs; i++) {
          Address from = users.get(random.nextInt(users.size()));
          long nonce = nonces.get(from)[0]++;
          txs.add(dynamicFeeTx(o.l2ChainId(), nonce));
          balances.put(from, balances.get(from).subtract(BigInteger.valueOf(1_000_000_000L + random.nextInt(1000))));
          cumulative += 21_000;
          receipts.add(Receipt.of(TxType.DYNAMIC_FEE, true, cumulative, List.of()));
        }
        if (n % 2 == 0) passerStorage.put(randomHash(), Bytes32.fromBigInteger(BigInteger.ONE));
        contractStorage.put(Bytes32.fromBigInteger(BigInteger.ONE), Bytes32.fromBigInteger(BigInteger.valueOf(n)));
      }
      // EIP-2935: at the start of each Isthmus block the parent's hash is stored at slot (n-1) % 8191.
      if (isthmus && n > 0) {
        history.put(Bytes32.fromBigInteger(BigInteger.valueOf((n - 1) % L2ChainProvider.HISTORY_SERVE_WINDOW)), parent);
      }
      Map<Bytes32, Bytes32> l1Block = new TreeMap<>();
      l1Block.put(Bytes32.fromBigInteger(BigInteger.ZERO), Bytes32.fromBigInteger(BigInteger.valueOf(origin.number())));
      l1Block.put(Bytes32.fromBigInteger(BigInteger.ONE), Bytes32.fromBigInteger(BigInteger.valueOf(origin.timestamp())));
      l1Block.put(Bytes32.fromBigInteger(BigInteger.TWO), origin.hash());

      Map<Address, Map<Bytes32, Bytes32>> storage = new LinkedHashMap<>();
      storage.put(OutputRoot.MESSAGE_PASSER, Map.copyOf(passerStorage));
      storage.put(L1_BLOCK, Map.copyOf(l1Block));
      storage.put(L2_CONTRACT, Map.copyOf(contractStorage));
      if (!history.isEmpty()) storage.put(L2ChainProvider.HISTORY_STORAGE_ADDRESS, Map.copyOf(history));

      Map<Address, Account> accounts = new LinkedHashMap<>();
      Bytes32 passerRoot = storeStorageTrie(passerStorage);
      accounts.put(OutputRoot.MESSAGE_PASSER, new Account(0, BigInteger.ZERO, passerRoot, Bytes32.keccak256(passerCode)));
      accounts.put(L1_BLOCK, new Account(0, BigInteger.ZERO, storeStorageTrie(l1Block), Bytes32.keccak256(passerCode)));
      accounts.put(L2_CONTRACT, new Account(1, BigInteger.valueOf(n), storeStorageTrie(contractStorage), codeHash));
      if (!history.isEmpty()) {
        accounts.put(L2ChainProvider.HISTORY_STORAGE_ADDRESS,
            new Account(1, BigInteger.ZERO, storeStorageTrie(history), Bytes32.keccak256(passerCode)));
      }
      for (Address u : users) {
        accounts.put(u, new Account(nonces.get(u)[0], balances.get(u), Hashes.EMPTY_TRIE_ROOT, Hashes.EMPTY_CODE_HASH));
      }
      Bytes32 stateRoot = storeStateTrie(accounts);

      byte[] extra = {0, 0, 0, 0, (byte) 250, 0, 0, 0, 6}; // Holocene: version 0, denominator 250, elasticity 6
      Header h = new Header(parent, Hashes.EMPTY_OMMERS_HASH, SEQUENCER_FEE_VAULT, stateRoot,
          storeOrdered(encodeTxs(txs)), storeOrdered(encodeReceipts(receipts)), bloomOf(receipts), BigInteger.ZERO, n,
          30_000_000, cumulative, genesisTime + 2L * n, Bytes.of(extra), randomHash(), 0, 252L,
          isthmus ? passerRoot : Hashes.EMPTY_TRIE_ROOT, 0L, 0L, randomHash(), isthmus ? EMPTY_REQUESTS_HASH : null);
      storeKeccak(h.encode());
      OutputRoot out = new OutputRoot(stateRoot, passerRoot, h.hash());
      storeKeccak(out.encode());
      headers.add(h);
      txsOut.add(List.copyOf(txs));
      outputs.add(out);
      accountsOut.add(Map.copyOf(accounts));
      storageOut.add(Map.copyOf(storage));
      parent = h.hash();
    }
  }

  // ---------------------------------------------------------------- tries and preimages

  private Bytes32 storeOrdered(List<byte[]> items) {
    BuiltTrie t = OrderedTrie.build(items);
    storeNodes(t);
    return t.root();
  }

  private Bytes32 storeStorageTrie(Map<Bytes32, Bytes32> slots) {
    List<TrieBuilder.Entry> entries = new ArrayList<>();
    for (Map.Entry<Bytes32, Bytes32> e : slots.entrySet()) {
      if (e.getValue().isZero()) continue;
      byte[] value = new RlpWriter().writeBigInteger(e.getValue().toBigInteger()).toByteArray();
      entries.add(new TrieBuilder.Entry(Hashing.keccak256(e.getKey().toArray()), value));
    }
    BuiltTrie t = TrieBuilder.build(entries, true);
    storeNodes(t);
    return t.root();
  }

  private Bytes32 storeStateTrie(Map<Address, Account> accounts) {
    List<TrieBuilder.Entry> entries = new ArrayList<>();
    for (Map.Entry<Address, Account> e : accounts.entrySet()) {
      entries.add(new TrieBuilder.Entry(e.getKey().keccak256().toArray(), e.getValue().encode()));
    }
    BuiltTrie t = TrieBuilder.build(entries, true);
    storeNodes(t);
    return t.root();
  }

  private void storeNodes(BuiltTrie t) {
    for (byte[] node : t.nodes().values()) storeKeccak(node);
  }

  private void storeKeccak(byte[] preimage) {
    preimages.put(PreimageKey.keccak256Of(preimage), preimage.clone());
  }

  private static List<byte[]> encodeTxs(List<Transaction> txs) {
    List<byte[]> out = new ArrayList<>();
    for (Transaction t : txs) out.add(t.encode2718());
    return out;
  }

  private static List<byte[]> encodeReceipts(List<Receipt> receipts) {
    List<byte[]> out = new ArrayList<>();
    for (Receipt r : receipts) out.add(r.encode2718());
    return out;
  }

  private static Bloom bloomOf(List<Receipt> receipts) {
    Bloom b = Bloom.EMPTY;
    for (Receipt r : receipts) b = b.or(r.logsBloom());
    return b;
  }

  // ---------------------------------------------------------------- random values

  private Transaction dynamicFeeTx(long chainId, long nonce) {
    byte[] input = new byte[random.nextInt(70)];
    random.nextBytes(input);
    return new DynamicFeeTransaction(chainId, nonce, BigInteger.valueOf(1_000_000 + random.nextInt(1000)),
        BigInteger.valueOf(2_000_000_000L + random.nextInt(1000)), 21_000 + random.nextInt(200_000), randomAddress(),
        BigInteger.valueOf(random.nextInt(1_000_000)), Bytes.of(input), List.of(), random.nextInt(2), randomScalar(),
        randomScalar());
  }

  private Transaction legacyTx(long nonce) {
    return new LegacyTransaction(nonce, BigInteger.valueOf(3_000_000_000L + random.nextInt(1000)), 21_000,
        randomAddress(), BigInteger.valueOf(random.nextInt(1_000_000)), Bytes.EMPTY, 27 + random.nextInt(2),
        randomScalar(), randomScalar());
  }

  private Log randomLog(Address address) {
    byte[] data = new byte[32 * random.nextInt(3)];
    random.nextBytes(data);
    return new Log(address, List.of(TRANSFER_TOPIC, randomHash(), randomHash()), Bytes.of(data));
  }

  private BigInteger randomScalar() {
    return new BigInteger(255, random).add(BigInteger.ONE);
  }

  private Bytes32 randomHash() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Bytes32.wrap(b);
  }

  private Address randomAddress() {
    byte[] b = new byte[20];
    random.nextBytes(b);
    return Address.wrap(b);
  }

  // ---------------------------------------------------------------- configs

  private byte[] rollupConfigJson(Header l1Genesis, Header l2Genesis, long isthmusTime) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ObjectNode genesis = root.putObject("genesis");
    genesis.putObject("l1").put("number", l1Genesis.number()).put("hash", l1Genesis.hash().toHex());
    genesis.putObject("l2").put("number", l2Genesis.number()).put("hash", l2Genesis.hash().toHex());
    genesis.put("l2_time", l2Genesis.timestamp());
    genesis.putObject("system_config")
        .put("batcherAddr", "0x00000000000000000000000000000000000ba7c4")
        .put("overhead", Bytes32.ZERO.toHex())
        .put("scalar", Bytes32.fromBigInteger(BigInteger.valueOf(684_000)).toHex())
        .put("gasLimit", 30_000_000);
    root.put("block_time", 2);
    root.put("max_sequencer_drift", 600);
    root.put("seq_window_size", 3600);
    root.put("channel_timeout", 300);
    root.put("granite_channel_timeout", 50);
    root.put("l1_chain_id", o.l1ChainId());
    root.put("l2_chain_id", o.l2ChainId());
    for (String fork : new String[] {"regolith_time", "canyon_time", "delta_time", "ecotone_time", "fjord_time",
        "granite_time", "holocene_time"}) {
      root.put(fork, 0);
    }
    root.put("isthmus_time", isthmusTime);
    root.put("batch_inbox_address", "0xff00000000000000000000000000000000000901");
    root.put("deposit_contract_address", L1_PORTAL.toHex());
    root.put("l1_system_config_address", "0x0000000000000000000000000000000000005c00");
    try {
      return mapper.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] json(java.util.function.Consumer<ObjectNode> fill) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode node = mapper.createObjectNode();
    fill.accept(node);
    try {
      return mapper.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
