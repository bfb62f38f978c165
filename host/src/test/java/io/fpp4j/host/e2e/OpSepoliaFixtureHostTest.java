package io.fpp4j.host.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.examples.l2state.L2StateProgram;
import io.fpp4j.host.HostExitCode;
import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;
import io.fpp4j.host.store.KeyValueStore;
import io.fpp4j.host.store.PreimageStores;
import io.fpp4j.host.store.StoreFormat;
import io.fpp4j.mpt.StateTrieReader;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.HeaderJson;
import io.fpp4j.primitives.state.Account;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * The L2 state example on real OP Sepolia data, served by the host through the CLI: the executor fixture's
 * untyped keccak RocksDB store is converted through the untyped-keccak adapter into a typed store, the parent
 * header (which the fixture keeps as JSON) is added, and the program runs in exec mode on descriptors 3 to 6.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpSepoliaFixtureHostTest {
  private static final long BLOCK = 26207961;
  private static final Address BASE_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000019");
  @TempDir Path tmp;

  private static int cli(String... args) {
    return Main.run(args, HostWiring.defaults().withStreams(System.out, System.err, ProcessBuilder.Redirect.DISCARD,
        ProcessBuilder.Redirect.DISCARD), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  @Test
  void feeVaultAccountOnRealDataValidAndOffByOneWei() throws Exception {
    Path tar = Path.of(System.getProperty("fpp4j.shared"), "fixtures", "op-sepolia-executor", "block-" + BLOCK + ".tar");
    Process untar = new ProcessBuilder("tar", "-xf", tar.toString(), "-C", tmp.toString()).redirectErrorStream(true).start();
    untar.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(untar.waitFor()).isZero();
    Path fixture = tmp.resolve("block-" + BLOCK);
    Header parent = HeaderJson.parse(new ObjectMapper().readTree(Files.readString(fixture.resolve("fixture.json")))
        .get("parent_header"));

    // The expected account, read directly from the fixture's key-value pairs without any oracle.
    Map<Bytes32, byte[]> kv = new HashMap<>();
    RocksDB.loadLibrary();
    try (Options o = new Options(); RocksDB db = RocksDB.openReadOnly(o, fixture.resolve("kv").toString());
        RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) kv.put(Bytes32.wrap(it.key()), it.value());
    }
    Account vault = new StateTrieReader(parent.stateRoot(), parent.number(), TrieProvider.of(kv), TrieHinter.NOOP)
        .account(BASE_FEE_VAULT).orElseThrow();

    Path typed = tmp.resolve("typed");
    assertThat(cli("store", "convert", "--from", fixture.resolve("kv").toString(), "--from-untyped-keccak",
        "--to", typed.toString(), "--to-format", "rocksdb")).isZero();
    try (KeyValueStore store = PreimageStores.open(typed, StoreFormat.ROCKSDB)) {
      store.put(PreimageKey.keccak256Of(parent.encode()), parent.encode());
    }

    for (BigInteger delta : List.of(BigInteger.ZERO, BigInteger.ONE)) {
      Account claimed = new Account(vault.nonce(), vault.balance().add(delta), vault.storageRoot(), vault.codeHash());
      int code = cli("host", "serve", "--data-dir", typed.toString(),
          "--local-key", "1=" + parent.hash().toHex(),
          "--local-key", "2=" + BASE_FEE_VAULT.toHex(),
          "--local-key", "3=" + Hex.prefixed(L2StateProgram.encodeClaim(claimed, null, null)),
          "--local-key", "4=" + Hex.prefixed(ByteBuffer.allocate(8).putLong(11155420).array()),
          "--exec", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--",
          "-cp", System.getProperty("java.class.path"), L2StateProgram.class.getName());
      assertThat(code).isEqualTo(delta.signum() == 0 ? HostExitCode.VALID : HostExitCode.INVALID);
    }
  }
}
