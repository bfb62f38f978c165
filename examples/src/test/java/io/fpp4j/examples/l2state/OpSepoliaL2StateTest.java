package io.fpp4j.examples.l2state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.examples.testing.ChildRun;
import io.fpp4j.proof.testing.Tar;
import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.mpt.StateTrieReader;
import io.fpp4j.mpt.TrieHinter;
import io.fpp4j.mpt.TrieProvider;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageKeyType;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.HeaderJson;
import io.fpp4j.primitives.state.Account;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * The L2 state program on real OP Sepolia data: the parent block of executor fixture 26207961 (Holocene),
 * its header served from the fixture's JSON and its state from the fixture's RocksDB key-value store (keys
 * are bare keccak hashes; the host serves them under 02‖hash[1:]). The expected account values are read
 * independently in this JVM by walking the same key-value map directly, without the oracle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpSepoliaL2StateTest {
  static final long BLOCK = 26207961;
  static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");
  static final Address BASE_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000019");
  static final Bytes32 IMPLEMENTATION_SLOT =
      Bytes32.fromHex("0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc");
  static final long OP_SEPOLIA = 11155420;

  @TempDir static Path tmp;
  Map<Bytes32, byte[]> kv = new HashMap<>();
  Map<PreimageKey, byte[]> preimages = new HashMap<>();
  Header parent;

  @BeforeAll
  void load() throws Exception {
    Path tar = Path.of(System.getProperty("fpp4j.shared"), "fixtures", "op-sepolia-executor", "block-" + BLOCK + ".tar");
    Tar.extract(tar, tmp);
    Path dir = tmp.resolve("block-" + BLOCK);
    JsonNode fixture = new ObjectMapper().readTree(Files.readString(dir.resolve("fixture.json")));
    parent = HeaderJson.parse(fixture.get("parent_header"));
    RocksDB.loadLibrary();
    try (Options options = new Options().setCreateIfMissing(false);
        RocksDB db = RocksDB.openReadOnly(options, dir.resolve("kv").toString());
        RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) kv.put(Bytes32.wrap(it.key()), it.value());
      it.status();
    }
    assertThat(kv).hasSizeGreaterThan(1000);
    for (Map.Entry<Bytes32, byte[]> e : kv.entrySet()) {
      preimages.put(PreimageKey.fromDigest(PreimageKeyType.KECCAK256, e.getKey().toArray()), e.getValue());
    }
    preimages.put(PreimageKey.keccak256Of(parent.encode()), parent.encode());
    assertThat(parent.number()).isEqualTo(BLOCK - 1);
  }

  Map<PreimageKey, byte[]> store(Address address, byte[] claim) {
    Map<PreimageKey, byte[]> m = new HashMap<>(preimages);
    m.put(PreimageKey.local(1), parent.hash().toArray());
    m.put(PreimageKey.local(2), address.toArray());
    m.put(PreimageKey.local(3), claim);
    m.put(PreimageKey.local(4), ByteBuffer.allocate(8).putLong(OP_SEPOLIA).array());
    return m;
  }

  StateTrieReader direct() {
    return new StateTrieReader(parent.stateRoot(), parent.number(), TrieProvider.of(kv), TrieHinter.NOOP);
  }

  @Test
  void l1BlockPredeployAndItsImplementationSlot() throws Exception {
    StateTrieReader state = direct();
    Account account = state.account(L1_BLOCK).orElseThrow();
    Bytes32 impl = state.storage(L1_BLOCK, IMPLEMENTATION_SLOT);
    assertThat(impl.isZero()).isFalse();
    ChildRun.Result r = ChildRun.run(tmp, L2StateProgram.class,
        store(L1_BLOCK, L2StateProgram.encodeClaim(account, IMPLEMENTATION_SLOT, impl)));
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(ExitCode.VALID);
    assertThat(r.hints()).containsExactly("l2-block-header " + parent.hash().toHex(),
        "l2-account-proof 0x" + String.format("%016x", BLOCK - 1) + L1_BLOCK.toHex().substring(2),
        "l2-account-storage-proof 0x" + String.format("%016x", BLOCK - 1) + L1_BLOCK.toHex().substring(2)
            + IMPLEMENTATION_SLOT.toHex().substring(2));
  }

  @Test
  void feeVaultBalanceOffByOneWeiIsInvalid() throws Exception {
    Account vault = direct().account(BASE_FEE_VAULT).orElseThrow();
    assertThat(vault.balance().signum()).isPositive();
    ChildRun.Result ok = ChildRun.run(tmp, L2StateProgram.class,
        store(BASE_FEE_VAULT, L2StateProgram.encodeClaim(vault, null, null)), "op-program");
    assertThat(ok.exitCode()).as(ok.stderr()).isEqualTo(ExitCode.VALID);
    Account wrong = new Account(vault.nonce(), vault.balance().subtract(BigInteger.ONE), vault.storageRoot(), vault.codeHash());
    ChildRun.Result bad = ChildRun.run(tmp, L2StateProgram.class, store(BASE_FEE_VAULT, L2StateProgram.encodeClaim(wrong, null, null)));
    assertThat(bad.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(bad.stderr()).startsWith("Claim is invalid: balance of " + BASE_FEE_VAULT);
  }
}
