package io.fpp4j.derive;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.proof.boot.Hardfork;
import io.fpp4j.proof.boot.RollupConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The network-upgrade deposits of a block in which a fork activates (its timestamp at or after the activation time and
 * its parent's before), placed after the L1-info deposit and the user deposits. Ecotone, Fjord, Isthmus and Jovian
 * have them; Granite and Holocene deploy nothing. Each is a fixed deposit (OP Stack specs, "Network upgrade automation
 * transactions" of each fork's derivation.md): mint and value zero, not a system transaction, source hash from the
 * "Upgrade-deposited" domain and an intent string. Contract deployments come from a dedicated deployer at nonce 0, so
 * the new implementation's address is fixed and the proxy updates can name it.
 *
 * <p>If several forks activate in the same block, their lists follow each other in fork order, as in op-node.
 */
public final class UpgradeTransactions {
  static final Address DEPOSITOR = L1InfoDeposit.DEPOSITOR;
  static final Address L1_BLOCK_PROXY = L1InfoDeposit.L1_BLOCK;
  static final Address GAS_PRICE_ORACLE_PROXY = Address.fromHex("0x420000000000000000000000000000000000000F");
  static final Address OPERATOR_FEE_VAULT_PROXY = Address.fromHex("0x420000000000000000000000000000000000001B");
  /** {@code upgradeTo(address)} of the ERC-1967 proxies. */
  static final byte[] UPGRADE_TO = {0x36, 0x59, (byte) 0xcf, (byte) 0xe6};

  private static final List<Hardfork> FORKS_WITH_UPGRADES = List.of(Hardfork.ECOTONE, Hardfork.FJORD, Hardfork.ISTHMUS,
      Hardfork.JOVIAN);

  private UpgradeTransactions() {}

  /** The upgrade deposits for the L2 block at {@code l2Time}; empty unless a fork with upgrades activates in it. */
  public static List<DepositTransaction> forBlock(RollupConfig config, long l2Time) {
    List<DepositTransaction> txs = new ArrayList<>();
    for (Hardfork fork : FORKS_WITH_UPGRADES) {
      if (isActivationBlock(config, fork, l2Time)) txs.addAll(of(fork));
    }
    return List.copyOf(txs);
  }

  /** Granite and Holocene deploy nothing; the others do. */
  static boolean hasUpgradeTxs(Hardfork fork) {
    return FORKS_WITH_UPGRADES.contains(fork);
  }

  /** The fork is active at {@code l2Time} and was not a block earlier; at genesis no block is an activation block. */
  public static boolean isActivationBlock(RollupConfig config, Hardfork fork, long l2Time) {
    return l2Time > config.genesis().l2Time() && config.isActive(fork, l2Time)
        && !config.isActive(fork, l2Time - config.blockTime());
  }

  /** The upgrade deposits of one fork's activation block, in the order the spec lists them. */
  public static List<DepositTransaction> of(Hardfork fork) {
    return switch (fork) {
      case ECOTONE -> ecotone();
      case FJORD -> fjord();
      case ISTHMUS -> isthmus();
      case JOVIAN -> jovian();
      default -> List.of();
    };
  }

  // The implementation addresses below are the CREATE addresses of each deployer at nonce 0, as the specs publish them
  // (UpgradeTransactionsTest checks them against the deployments' own addresses).

  static final Address ECOTONE_L1_BLOCK = Address.fromHex("0x07dbe8500fc591d1852B76feE44d5a05e13097Ff");
  static final Address ECOTONE_GAS_PRICE_ORACLE = Address.fromHex("0xb528D11cC114E026F138fE568744c6D45ce6Da7A");

  /** Ecotone (ecotone/derivation.md): new L1Block and GasPriceOracle, proxies pointed at them, setEcotone, EIP-4788. */
  static List<DepositTransaction> ecotone() {
    return List.of(
        deploy("Ecotone: L1 Block Deployment", "0x4210000000000000000000000000000000000000", 375_000,
            UpgradeBytecode.ECOTONE_L1_BLOCK),
        deploy("Ecotone: Gas Price Oracle Deployment", "0x4210000000000000000000000000000000000001", 1_000_000,
            UpgradeBytecode.ECOTONE_GAS_PRICE_ORACLE),
        upgradeTo("Ecotone: L1 Block Proxy Update", L1_BLOCK_PROXY, ECOTONE_L1_BLOCK),
        upgradeTo("Ecotone: Gas Price Oracle Proxy Update", GAS_PRICE_ORACLE_PROXY, ECOTONE_GAS_PRICE_ORACLE),
        call("Ecotone: Gas Price Oracle Set Ecotone", DEPOSITOR, GAS_PRICE_ORACLE_PROXY, 80_000, "0x22b90ab3"),
        // EIP-4788's own sender and gas (0x3d090), so the contract lands at the EIP's address.
        deploy("Ecotone: beacon block roots contract deployment", "0x0B799C86a49DEeb90402691F1041aa3AF2d3C875", 250_000,
            UpgradeBytecode.EIP4788_BEACON_ROOTS));
  }

  static final Address FJORD_GAS_PRICE_ORACLE = Address.fromHex("0xa919894851548179A0750865e7974DA599C0Fac7");

  /** Fjord (fjord/derivation.md): new GasPriceOracle, its proxy pointed at it, setFjord. */
  static List<DepositTransaction> fjord() {
    return List.of(
        deploy("Fjord: Gas Price Oracle Deployment", "0x4210000000000000000000000000000000000002", 1_450_000,
            UpgradeBytecode.FJORD_GAS_PRICE_ORACLE),
        upgradeTo("Fjord: Gas Price Oracle Proxy Update", GAS_PRICE_ORACLE_PROXY, FJORD_GAS_PRICE_ORACLE),
        call("Fjord: Gas Price Oracle Set Fjord", DEPOSITOR, GAS_PRICE_ORACLE_PROXY, 90_000, "0x8e98b106"));
  }

  static final Address ISTHMUS_L1_BLOCK = Address.fromHex("0xFf256497D61dcd71a9e9Ff43967C13fdE1F72D12");
  static final Address ISTHMUS_GAS_PRICE_ORACLE = Address.fromHex("0x93e57A196454CB919193fa9946f14943cf733845");
  static final Address ISTHMUS_OPERATOR_FEE_VAULT = Address.fromHex("0x4fa2Be8cd41504037F1838BcE3bCC93bC68Ff537");

  /**
   * Isthmus (isthmus/derivation.md): new L1Block, GasPriceOracle and OperatorFeeVault, their proxies pointed at them,
   * setIsthmus, EIP-2935.
   */
  static List<DepositTransaction> isthmus() {
    return List.of(
        deploy("Isthmus: L1 Block Deployment", "0x4210000000000000000000000000000000000003", 425_000,
            UpgradeBytecode.ISTHMUS_L1_BLOCK),
        deploy("Isthmus: Gas Price Oracle Deployment", "0x4210000000000000000000000000000000000004", 1_625_000,
            UpgradeBytecode.ISTHMUS_GAS_PRICE_ORACLE),
        deploy("Isthmus: Operator Fee Vault Deployment", "0x4210000000000000000000000000000000000005", 500_000,
            UpgradeBytecode.ISTHMUS_OPERATOR_FEE_VAULT),
        upgradeTo("Isthmus: L1 Block Proxy Update", L1_BLOCK_PROXY, ISTHMUS_L1_BLOCK),
        upgradeTo("Isthmus: Gas Price Oracle Proxy Update", GAS_PRICE_ORACLE_PROXY, ISTHMUS_GAS_PRICE_ORACLE),
        upgradeTo("Isthmus: Operator Fee Vault Proxy Update", OPERATOR_FEE_VAULT_PROXY, ISTHMUS_OPERATOR_FEE_VAULT),
        // The spec's "verify data" snippet prints Fjord's selector; setIsthmus() is 0x291b0383, as its data line says.
        call("Isthmus: Gas Price Oracle Set Isthmus", DEPOSITOR, GAS_PRICE_ORACLE_PROXY, 90_000, "0x291b0383"),
        deploy("Isthmus: EIP-2935 Contract Deployment", "0x3462413Af4609098e1E27A490f554f260213D685", 250_000,
            UpgradeBytecode.EIP2935_HISTORY_STORAGE));
  }

  static final Address JOVIAN_L1_BLOCK = Address.fromHex("0x3Ba4007f5C922FBb33C454B41ea7a1f11E83df2C");
  static final Address JOVIAN_GAS_PRICE_ORACLE = Address.fromHex("0x4f1db3c6AbD250ba86E0928471A8F7DB3AFd88F1");

  /**
   * The intents of Jovian's first four upgrade deposits. The spec text (jovian/derivation.md at specs commit fd72cf7)
   * writes them "Jovian: L1Block Deployment", "Jovian: L1Block Proxy Update", "Jovian: GasPriceOracle Deployment" and
   * "Jovian: GasPriceOracle Proxy Update" (source hashes 0x98faf23b…, 0x08447273…, 0xd939cca6…, 0x46b597e2…). Kona's
   * kona-hardforks, whose Jovian list was finalised together with op-node's (op-rs/kona c978d7cc, "depends on"
   * optimism#17971, the op-node change the specs issue #772 names as the final one) and passed the joint acceptance
   * tests, spells them with spaces, as every earlier fork's spec does. The chain is what a proof must reproduce, so the
   * spaced spelling is used; {@code UpgradeTransactionsTest} pins both sets of hashes.
   */
  static final String[] JOVIAN_INTENTS = {"Jovian: L1 Block Deployment", "Jovian: L1 Block Proxy Update",
      "Jovian: Gas Price Oracle Deployment", "Jovian: Gas Price Oracle Proxy Update"};

  /** Jovian (jovian/derivation.md): new L1Block and its proxy update, new GasPriceOracle and its proxy update, setJovian. */
  static List<DepositTransaction> jovian() {
    return List.of(
        deploy(JOVIAN_INTENTS[0], "0x4210000000000000000000000000000000000006", 447_315, UpgradeBytecode.JOVIAN_L1_BLOCK),
        upgradeTo(JOVIAN_INTENTS[1], L1_BLOCK_PROXY, JOVIAN_L1_BLOCK),
        deploy(JOVIAN_INTENTS[2], "0x4210000000000000000000000000000000000007", 1_750_714,
            UpgradeBytecode.JOVIAN_GAS_PRICE_ORACLE),
        upgradeTo(JOVIAN_INTENTS[3], GAS_PRICE_ORACLE_PROXY, JOVIAN_GAS_PRICE_ORACLE),
        call("Jovian: Gas Price Oracle Set Jovian", DEPOSITOR, GAS_PRICE_ORACLE_PROXY, 90_000, "0xb3d72079"));
  }

  private static DepositTransaction deploy(String intent, String deployer, long gas, UpgradeBytecode code) {
    return new DepositTransaction(SourceHash.upgrade(intent), Address.fromHex(deployer), null, BigInteger.ZERO,
        BigInteger.ZERO, gas, false, code.load());
  }

  private static DepositTransaction upgradeTo(String intent, Address proxy, Address implementation) {
    byte[] data = new byte[4 + 32];
    System.arraycopy(UPGRADE_TO, 0, data, 0, 4);
    Bytes32.leftPad(implementation.toArray()).copyTo(data, 4);
    return new DepositTransaction(SourceHash.upgrade(intent), Address.ZERO, proxy, BigInteger.ZERO, BigInteger.ZERO,
        50_000, false, Bytes.adopt(data));
  }

  private static DepositTransaction call(String intent, Address from, Address to, long gas, String data) {
    return new DepositTransaction(SourceHash.upgrade(intent), from, to, BigInteger.ZERO, BigInteger.ZERO, gas, false,
        Bytes.fromHex(data));
  }
}
