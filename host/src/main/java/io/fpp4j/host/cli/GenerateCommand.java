package io.fpp4j.host.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.store.KeyValueStore;
import io.fpp4j.host.store.PreimageStores;
import io.fpp4j.host.store.StoreFormat;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.state.Account;
import io.fpp4j.testkit.ChainData;
import io.fpp4j.testkit.ChainDataGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fpp4j chain generate}: writes a deterministic L1 and L2 chain made by {@link ChainDataGenerator} as
 * keccak preimages into a store, plus local-key files for the bundled example programs: for the L2 state
 * program one claim that holds and one off by one wei; for the L1 log program a log that an L1 block emitted
 * and the same log with other data. Nothing is downloaded; the same seed gives the same bytes.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a generated L1/L2 chain into a preimage store, with boot inputs for the L2 state and L1 log examples.")
final class GenerateCommand implements Callable<Integer> {
  /** Made on first use: picocli builds every command at each start, and a mapper costs about 400 classes. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Output directory: the store goes to DIR/db, the local-key files beside it.")
  Path out;

  @Option(names = "--data-format", defaultValue = "rocksdb", paramLabel = "FORMAT",
      description = "Store format: rocksdb (default, the embedded database), directory or file.")
  String format;

  @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default 42).")
  long seed;

  private final PrintStream stdout;

  GenerateCommand(PrintStream stdout) {
    this.stdout = stdout;
  }

  @Override
  public Integer call() throws IOException {
    ChainDataGenerator.Options defaults = ChainDataGenerator.Options.defaults();
    ChainData data = ChainDataGenerator.generate(new ChainDataGenerator.Options(seed, defaults.l1Blocks(),
        defaults.l2Blocks(), defaults.l1ChainId(), defaults.l2ChainId(), defaults.isthmusBlock()));
    Files.createDirectories(out);
    Path db = out.resolve("db");
    long bytes = 0;
    try (KeyValueStore store = PreimageStores.open(db, StoreFormat.parse(format, "--data-format"))) {
      for (Map.Entry<PreimageKey, byte[]> e : data.preimages().entrySet()) {
        store.put(e.getKey(), e.getValue());
        bytes += e.getValue().length;
      }
    }
    int block = data.l2Headers().size() - 1;
    Address account = ChainDataGenerator.L2_CONTRACT;
    Account state = data.l2Account(block, account);
    Map<Bytes32, Bytes32> slots = data.l2Storage().get(block).getOrDefault(account, Map.of());
    Bytes32 slot = slots.keySet().stream().sorted().findFirst().orElse(Bytes32.ZERO);
    Bytes32 value = data.l2StorageAt(block, account, slot);
    Account wrong = new Account(state.nonce(), state.balance().add(BigInteger.ONE), state.storageRoot(), state.codeHash());
    byte[] blockHash = data.l2Header(block).hash().toArray();
    long chainId = defaults.l2ChainId();
    writeKeys(out.resolve("l2state-valid.json"), blockHash, account, claim(state, slot, value), chainId);
    writeKeys(out.resolve("l2state-invalid.json"), blockHash, account, claim(wrong, slot, value), chainId);
    L1LogClaim logClaim = L1LogClaim.of(data);
    writeL1LogKeys(out.resolve("l1log-valid.json"), data, logClaim.number(), logClaim.log());
    writeL1LogKeys(out.resolve("l1log-invalid.json"), data, logClaim.number(), logClaim.withOtherData());
    stdout.printf("generated %d L1 and %d L2 blocks (seed %d): %,d preimages, %,d bytes in %s store %s%n",
        data.l1Headers().size(), data.l2Headers().size(), seed, data.preimages().size(), bytes, format, db);
    stdout.printf("claim: account %s after L2 block %d (%s): nonce %d, balance %s wei, slot %s = %s%n",
        account, block, Hex.prefixed(blockHash), state.nonce(), state.balance(), slot, value);
    stdout.printf("L1 log claim: a log of %s in L1 block %d (l1log-valid.json; l1log-invalid.json has other data)%n",
        logClaim.log().address(), logClaim.number());
    return HostExitCode.VALID;
  }

  /** The L2 state example's claim layout: nonce, balance, storage root, code hash, slot, value. */
  private static byte[] claim(Account a, Bytes32 slot, Bytes32 value) {
    ByteBuffer b = ByteBuffer.allocate(168);
    b.putLong(a.nonce()).put(Bytes32.fromBigInteger(a.balance()).toArray()).put(a.storageRoot().toArray())
        .put(a.codeHash().toArray()).put(slot.toArray()).put(value.toArray());
    return b.array();
  }

  /** The last log of the newest L1 block below the head that has one, so the program walks back a little. */
  record L1LogClaim(long number, Log log) {
    static L1LogClaim of(ChainData data) {
      for (int b = data.l1Headers().size() - 2; b >= 0; b--) {
        List<Log> logs = new ArrayList<>();
        for (Receipt r : data.l1Receipts().get(b)) logs.addAll(r.logs());
        if (!logs.isEmpty()) return new L1LogClaim(data.l1Headers().get(b).number(), logs.get(logs.size() - 1));
      }
      throw new IllegalStateException("the generated L1 chain has no logs below its head");
    }

    Log withOtherData() {
      byte[] other = log.data().toArray();
      other = java.util.Arrays.copyOf(other, other.length + 1);
      return new Log(log.address(), log.topics(), Bytes.of(other));
    }
  }

  /** The L1 log example's boot inputs: L1 head hash, block number (u64be), the log's RLP (its receipt encoding). */
  private static void writeL1LogKeys(Path file, ChainData data, long number, Log log) throws IOException {
    Map<String, String> keys = new TreeMap<>();
    keys.put("1", data.l1Head().toHex());
    keys.put("2", Hex.prefixed(ByteBuffer.allocate(8).putLong(number).array()));
    RlpWriter rlp = new RlpWriter();
    log.writeTo(rlp);
    keys.put("3", Hex.prefixed(rlp.toByteArray()));
    writeJson(file, keys);
  }

  private static void writeKeys(Path file, byte[] blockHash, Address account, byte[] claim, long chainId)
      throws IOException {
    Map<String, String> keys = new TreeMap<>();
    keys.put("1", Hex.prefixed(blockHash));
    keys.put("2", account.toString());
    keys.put("3", Hex.prefixed(claim));
    keys.put("4", Hex.prefixed(ByteBuffer.allocate(8).putLong(chainId).array()));
    writeJson(file, keys);
  }

  private static void writeJson(Path file, Map<String, String> keys) throws IOException {
    ObjectNode node = Json.MAPPER.createObjectNode();
    keys.forEach(node::put);
    Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
  }
}
