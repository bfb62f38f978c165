package io.fpp4j.testkit.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdInputStream;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.blob.RootsOfUnity;
import io.fpp4j.proof.boot.LocalKeys;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Turns the shared {@code fp-tests-devnet} fixture (a 2024 op-program run on an OP devnet, see the fixtures'
 * README) into inputs today's hosts and clients accept:
 *
 * <ul>
 *   <li>{@code data/}: op-program's {@code file} format ({@code 0x<key>.txt} holding hex, plus {@code kvformat}),
 *       the archive's entries without macOS {@code ._*} metadata, plus
 *       <ul>
 *         <li>every blob field element again under today's key {@code 05 ‖ keccak(commitment ‖ z_i)[1:]}, z_i the
 *             i-th bit-reversed root of unity (the data keys it by z = i, as clients before 2025 did), with the
 *             80-byte key preimage under its keccak key, as the host's blob handler stores it;
 *         <li>the empty trie's root node (keccak256(0x80) → 0x80), which Kona reads for a block without receipts;
 *       </ul>
 *   <li>{@code rollup.json}; {@code l2-genesis.json} without {@code terminalTotalDifficultyPassed} (op-program
 *       v1.19.0 refuses it); {@code l1-chain-config.json}: chain 3151908 with every fork through Cancun at genesis and
 *       Cancun's blob schedule (the devnet's L1 headers have Cancun's 20 fields);
 *   <li>{@code <case>/kona-local-keys.json} and {@code <case>/op-program-local-keys.json} for each case: the
 *       local-key maps a host serves ({@code --local-keys} JSON: decimal index → hex).
 * </ul>
 *
 * Idempotent: the result is built in a scratch directory and moved into place, and a later call finds it and
 * returns at once.
 */
public final class DevnetFixture {
  /** The cases of the fixture, each a directory with a {@code fixture.toml}. */
  public static final List<String> CASES = List.of("basic-success", "basic-faulty-claim");
  /** The directory holding the archive and configs; the other cases share its data. */
  static final String DATA_CASE = "basic-success";
  /** Bumped when the prepared layout changes, so a stale cache is rebuilt. */
  private static final String LAYOUT_VERSION = "1";
  private static final String DONE_MARKER = "prepared-v" + LAYOUT_VERSION;
  private static final long L1_CHAIN_ID = 3151908L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The keccak256 of the RLP empty string, the root of an empty trie, whose node is {@code 0x80}. */
  public static final Bytes32 EMPTY_TRIE_ROOT =
      Bytes32.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  private DevnetFixture() {}

  /** One case's boot inputs, as {@code fixture.toml} gives them, with its local-key files. */
  public record Case(String name, int expectedStatus, Bytes32 l1Head, Bytes32 l2Head, Bytes32 l2OutputRoot,
                     Bytes32 l2Claim, long l2BlockNumber, long l2ChainId, Path konaLocalKeys, Path opProgramLocalKeys) {}

  /** Where everything was written. */
  public record Prepared(Path root, Path dataDir, Path rollupConfig, Path l2Genesis, Path l1ChainConfig,
                         Map<String, Case> cases) {
    public Case basicSuccess() {
      return cases.get("basic-success");
    }

    public Case basicFaultyClaim() {
      return cases.get("basic-faulty-claim");
    }
  }

  /** The fixture's source directory, under the {@code fpp4j.shared} system property (the parent pom sets it). */
  public static Path source() {
    String shared = System.getProperty("fpp4j.shared");
    if (shared == null) throw new IllegalStateException("system property fpp4j.shared is not set (the parent pom's surefire sets it)");
    return Path.of(shared, "fixtures", "fp-tests-devnet");
  }

  /** Prepares the fixture from {@link #source()} into {@code outDir}; see the class comment. */
  public static Prepared prepare(Path outDir) {
    return prepare(source(), outDir);
  }

  /** Prepares the fixture at {@code source} into {@code outDir}. */
  public static Prepared prepare(Path source, Path outDir) {
    Path src = source.resolve(DATA_CASE);
    for (String f : List.of("witness-db.tar.zst", "rollup.json", "genesis.json.zst", "fixture.toml")) {
      if (!Files.isRegularFile(src.resolve(f))) throw new IllegalArgumentException("devnet fixture file " + src.resolve(f) + " is missing");
    }
    try {
      if (!Files.exists(outDir.resolve(DONE_MARKER))) build(source, outDir);
      return describe(source, outDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the devnet fixture from " + source + " into " + outDir + ": " + e, e);
    }
  }

  private static Prepared describe(Path source, Path out) throws IOException {
    Map<String, Case> cases = new LinkedHashMap<>();
    for (String name : CASES) {
      FixtureToml toml = FixtureToml.read(source.resolve(name).resolve("fixture.toml"));
      cases.put(name, new Case(name, (int) toml.integer("expected-status"), toml.hash("inputs.l1-head"),
          toml.hash("inputs.l2-head"), toml.hash("inputs.l2-output-root"), toml.hash("inputs.l2-claim"),
          toml.integer("inputs.l2-block-number"), toml.integer("inputs.l2-chain-id"),
          out.resolve(name).resolve("kona-local-keys.json"), out.resolve(name).resolve("op-program-local-keys.json")));
    }
    return new Prepared(out, out.resolve("data"), out.resolve("rollup.json"), out.resolve("l2-genesis.json"),
        out.resolve("l1-chain-config.json"), Map.copyOf(cases));
  }

  private static void build(Path source, Path out) throws IOException {
    Files.createDirectories(out.getParent() == null ? out.toAbsolutePath().getParent() : out.getParent());
    Path scratch = Files.createTempDirectory(out.toAbsolutePath().getParent(), out.getFileName() + ".tmp");
    try {
      Path src = source.resolve(DATA_CASE);
      Path data = Files.createDirectory(scratch.resolve("data"));
      Map<Bytes32, byte[]> blobKeyPreimages = extract(src.resolve("witness-db.tar.zst"), data);
      addRootKeyedFieldElements(data, blobKeyPreimages);
      put(data, PreimageKey.keccak256(EMPTY_TRIE_ROOT), new byte[] {(byte) 0x80});
      Files.writeString(data.resolve("kvformat"), "file", StandardCharsets.US_ASCII);

      JsonNode rollup = JSON.readTree(src.resolve("rollup.json").toFile());
      JSON.writeValue(scratch.resolve("rollup.json").toFile(), rollup);
      ObjectNode genesis;
      try (InputStream in = new ZstdInputStream(new BufferedInputStream(Files.newInputStream(src.resolve("genesis.json.zst"))))) {
        genesis = (ObjectNode) JSON.readTree(in);
      }
      ((ObjectNode) genesis.get("config")).remove("terminalTotalDifficultyPassed");
      JSON.writeValue(scratch.resolve("l2-genesis.json").toFile(), genesis);
      ObjectNode l1Config = l1ChainConfig();
      JSON.writeValue(scratch.resolve("l1-chain-config.json").toFile(), l1Config);

      Prepared layout = describe(source, scratch);
      for (Case c : layout.cases().values()) {
        Files.createDirectories(c.konaLocalKeys().getParent());
        writeLocalKeys(c.konaLocalKeys(), konaLocalKeys(c, rollup, l1Config));
        writeLocalKeys(c.opProgramLocalKeys(), opProgramLocalKeys(c, rollup, genesis.get("config"), l1Config));
      }
      Files.writeString(scratch.resolve(DONE_MARKER), "prepared from " + source + "\n");
      deleteTree(out);
      Files.move(scratch, out, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(scratch);
    }
  }

  /**
   * Writes every archive entry into {@code data}; returns the 80-byte keccak preimages ({@code commitment ‖ z}) the
   * data holds for blob keys, by blob key digest, which is how the index-keyed field elements are found.
   */
  private static Map<Bytes32, byte[]> extract(Path archive, Path data) throws IOException {
    Map<Bytes32, byte[]> blobKeyPreimages = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new ZstdInputStream(new BufferedInputStream(Files.newInputStream(archive))))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = Path.of(entry.getName()).getFileName().toString();
        if (!entry.isFile() || name.startsWith("._")) continue; // macOS metadata, not preimages
        if (!name.matches("0x[0-9a-f]{64}\\.txt")) throw new IOException("unexpected entry " + entry.getName() + " in " + archive);
        byte[] hex = tar.readAllBytes();
        Path target = data.resolve(name);
        Files.write(target, hex);
        if (hex.length == 2 + 160 || hex.length == 160) { // 80 bytes: possibly commitment ‖ z
          Bytes32 key = Bytes32.fromHex(name.substring(0, 66));
          byte[] value = Hex.decode(new String(hex, StandardCharsets.US_ASCII).trim());
          if (key.get(0) == PreimageKeyType.KECCAK256.code()) blobKeyPreimages.put(key, value);
        }
      }
    }
    return blobKeyPreimages;
  }

  /**
   * For each commitment whose 4,096 index-keyed field elements are all present, stores each again under the root
   * of unity's key, with that key's preimage. A commitment with elements missing is left as it is.
   *
   * <p>The two key forms collide once: the first root of unity is 1, so today's key of element 0 is the old key of
   * element 1. Today's meaning wins there (all elements are read before any is written), so a client that still
   * asks by index reads element 0 at index 1 and gets a corrupted blob. kona-proof 0.3.0's {@code OracleBlobProvider}
   * (the newest on crates.io) is such a client; the Kona peer program brings its own provider (see
   * {@code interop/kona-program/src/blob.rs} and docs/interop.md).
   */
  private static void addRootKeyedFieldElements(Path data, Map<Bytes32, byte[]> keccakPreimages) throws IOException {
    Map<Bytes32, byte[]> commitments = new LinkedHashMap<>();
    for (byte[] body : keccakPreimages.values()) {
      if (body.length != 80) continue;
      byte[] commitment = Arrays.copyOf(body, 48);
      commitments.putIfAbsent(Bytes32.wrap(Hashing.keccak256(commitment)), commitment);
    }
    for (byte[] commitment : commitments.values()) {
      List<byte[]> elements = new ArrayList<>(RootsOfUnity.FIELD_ELEMENTS_PER_BLOB);
      for (int i = 0; i < RootsOfUnity.FIELD_ELEMENTS_PER_BLOB; i++) {
        byte[] element = read(data, PreimageKey.blob(commitment, indexZ(i)));
        if (element == null) break;
        elements.add(element);
      }
      if (elements.size() != RootsOfUnity.FIELD_ELEMENTS_PER_BLOB) continue;
      for (int i = 0; i < elements.size(); i++) {
        byte[] body = PreimageKey.blobKeyPreimage(commitment, RootsOfUnity.z(i));
        put(data, PreimageKey.keccak256Of(body), body);
        put(data, PreimageKey.blob(commitment, RootsOfUnity.z(i)), elements.get(i));
      }
    }
  }

  /** The evaluation point old clients used for field element {@code i}: {@code i} as a 32-byte big-endian number. */
  public static byte[] indexZ(int i) {
    byte[] z = new byte[32];
    ByteBuffer.wrap(z, 24, 8).putLong(i);
    return z;
  }

  /** Reads a preimage from an op-program {@code file} directory, or null if absent. */
  public static byte[] read(Path data, PreimageKey key) throws IOException {
    Path p = data.resolve("0x" + key.hex().replaceFirst("^0x", "") + ".txt");
    if (!Files.exists(p)) return null;
    return Hex.decode(Files.readString(p, StandardCharsets.US_ASCII).trim());
  }

  private static void put(Path data, PreimageKey key, byte[] value) throws IOException {
    Files.writeString(data.resolve("0x" + key.hex().replaceFirst("^0x", "") + ".txt"), Hex.encode(value), StandardCharsets.US_ASCII);
  }

  private static ObjectNode l1ChainConfig() {
    ObjectNode c = JSON.createObjectNode();
    c.put("chainId", L1_CHAIN_ID);
    for (String block : List.of("homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock",
        "constantinopleBlock", "petersburgBlock", "istanbulBlock", "berlinBlock", "londonBlock", "mergeNetsplitBlock")) {
      c.put(block, 0);
    }
    c.put("terminalTotalDifficulty", 0);
    c.put("shanghaiTime", 0);
    c.put("cancunTime", 0);
    ObjectNode cancun = c.putObject("blobSchedule").putObject("cancun");
    cancun.put("target", 3);
    cancun.put("max", 6);
    cancun.put("baseFeeUpdateFraction", 3338477);
    return c;
  }

  /** Kona's map as kona-host builds it from a rollup config file: chain id 0, rollup config 6, L1 config 7. */
  private static Map<Long, byte[]> konaLocalKeys(Case c, JsonNode rollup, JsonNode l1Config) throws IOException {
    Map<Long, byte[]> m = common(c);
    m.put(LocalKeys.Kona.L2_CHAIN_ID, u64(0));
    m.put(LocalKeys.Kona.ROLLUP_CONFIG, JSON.writeValueAsBytes(rollup));
    m.put(LocalKeys.Kona.L1_CONFIG, JSON.writeValueAsBytes(l1Config));
    return m;
  }

  /** op-program's map for a custom chain: chain id MaxUint64, L2 chain config 6, rollup config 7, L1 config 9. */
  private static Map<Long, byte[]> opProgramLocalKeys(Case c, JsonNode rollup, JsonNode l2Config, JsonNode l1Config)
      throws IOException {
    Map<Long, byte[]> m = common(c);
    m.put(LocalKeys.OpProgram.L2_CHAIN_ID, u64(LocalKeys.CUSTOM_CHAIN_ID));
    m.put(LocalKeys.OpProgram.L2_CHAIN_CONFIG, JSON.writeValueAsBytes(l2Config));
    m.put(LocalKeys.OpProgram.ROLLUP_CONFIG, JSON.writeValueAsBytes(rollup));
    m.put(LocalKeys.OpProgram.L1_CHAIN_CONFIG, JSON.writeValueAsBytes(l1Config));
    return m;
  }

  private static Map<Long, byte[]> common(Case c) {
    Map<Long, byte[]> m = new LinkedHashMap<>();
    m.put(LocalKeys.L1_HEAD, c.l1Head().toArray());
    m.put(LocalKeys.L2_OUTPUT_ROOT, c.l2OutputRoot().toArray());
    m.put(LocalKeys.L2_CLAIM, c.l2Claim().toArray());
    m.put(LocalKeys.L2_CLAIM_BLOCK_NUMBER, u64(c.l2BlockNumber()));
    return m;
  }

  private static void writeLocalKeys(Path file, Map<Long, byte[]> keys) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    keys.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> o.put(Long.toUnsignedString(e.getKey()), "0x" + Hex.encode(e.getValue())));
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), o);
  }

  private static byte[] u64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
    }
  }
}
