package io.fpp4j.testkit;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.OutputRoot;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.state.Account;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.boot.LocalKeys;
import io.fpp4j.proof.boot.RollupConfig;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ChainDataGenerator} made: an L1 and an L2 chain, every keccak preimage a host needs to serve
 * them (headers, transaction/receipt/state/storage trie nodes, code, output-root preimages), the configs,
 * and the plain values (accounts, storage) the data was built from, for checking what a program reads.
 */
public record ChainData(
    Map<PreimageKey, byte[]> preimages,
    List<Header> l1Headers,
    List<List<Transaction>> l1Transactions,
    List<List<Receipt>> l1Receipts,
    List<Header> l2Headers,
    List<List<Transaction>> l2Transactions,
    List<OutputRoot> l2Outputs,
    List<Map<Address, Account>> l2Accounts,
    List<Map<Address, Map<Bytes32, Bytes32>>> l2Storage,
    RollupConfig rollupConfig,
    byte[] rollupConfigJson,
    byte[] l1ConfigJson,
    byte[] l2ChainConfigJson) {

  public ChainData {
    preimages = Map.copyOf(preimages);
  }

  public Bytes32 l1Head() {
    return l1Headers.get(l1Headers.size() - 1).hash();
  }

  public Header l2Header(int number) {
    return l2Headers.get(number);
  }

  /** The account at {@code address} after L2 block {@code number}, or null if absent. */
  public Account l2Account(int number, Address address) {
    return l2Accounts.get(number).get(address);
  }

  /** Storage slot {@code slot} of {@code address} after L2 block {@code number} (zero if absent). */
  public Bytes32 l2StorageAt(int number, Address address, Bytes32 slot) {
    return l2Storage.get(number).getOrDefault(address, Map.of()).getOrDefault(slot, Bytes32.ZERO);
  }

  /**
   * The local keys of a single-chain game from L2 block {@code agreed} to {@code claimed} with the L1 head at
   * the last L1 block, in the key map of {@code dialect}: Kona gets chain id 0 with the rollup config on key 6
   * and the L1 config on key 7; op-program gets the custom-chain marker with keys 6, 7 and 9.
   */
  public Map<PreimageKey, byte[]> bootInputs(Dialect dialect, int agreed, int claimed) {
    Map<PreimageKey, byte[]> m = new HashMap<>();
    m.put(PreimageKey.local(LocalKeys.L1_HEAD), l1Head().toArray());
    m.put(PreimageKey.local(LocalKeys.L2_OUTPUT_ROOT), l2Outputs.get(agreed).hash().toArray());
    m.put(PreimageKey.local(LocalKeys.L2_CLAIM), l2Outputs.get(claimed).hash().toArray());
    m.put(PreimageKey.local(LocalKeys.L2_CLAIM_BLOCK_NUMBER), u64(l2Headers.get(claimed).number()));
    if (dialect == Dialect.KONA) {
      m.put(PreimageKey.local(LocalKeys.L2_CHAIN_ID), u64(0));
      m.put(PreimageKey.local(LocalKeys.Kona.ROLLUP_CONFIG), rollupConfigJson.clone());
      m.put(PreimageKey.local(LocalKeys.Kona.L1_CONFIG), l1ConfigJson.clone());
    } else {
      m.put(PreimageKey.local(LocalKeys.L2_CHAIN_ID), u64(LocalKeys.CUSTOM_CHAIN_ID));
      m.put(PreimageKey.local(LocalKeys.OpProgram.L2_CHAIN_CONFIG), l2ChainConfigJson.clone());
      m.put(PreimageKey.local(LocalKeys.OpProgram.ROLLUP_CONFIG), rollupConfigJson.clone());
      m.put(PreimageKey.local(LocalKeys.OpProgram.L1_CHAIN_CONFIG), l1ConfigJson.clone());
    }
    return m;
  }

  private static byte[] u64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }
}
