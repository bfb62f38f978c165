package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.Transactions;
import io.fpp4j.proof.boot.Hardfork;
import io.fpp4j.proof.boot.RollupConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each fork's upgrade deposits against the values the OP Stack specs publish (specs commit fd72cf7: source hashes,
 * senders, targets, gas, calldata) and against the whole encodings Kona ships as test vectors (the keccak256 of
 * op-rs/kona crates/protocol/hardforks/src/bytecode/{ecotone,fjord,isthmus}_tx_N.hex at commit cdb9be24, which the specs
 * do not list). The deployed code hashes the specs publish are checked by executing the deployments, in the executor
 * module's UpgradeDeploymentsTest.
 */
class UpgradeTransactionsTest {
  private static final Address DEPOSITOR = Address.fromHex("0xDeaDDEaDDeAdDeAdDEAdDEaddeAddEAdDEAd0001");
  private static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");
  private static final Address GPO = Address.fromHex("0x420000000000000000000000000000000000000F");

  /** One expected deposit: its source hash, sender, target (null: a creation), gas and (for calls) calldata. */
  private record Expected(String sourceHash, String from, String to, long gas, String data) {}

  private static void check(List<DepositTransaction> txs, List<Expected> expected) {
    assertThat(txs).hasSize(expected.size());
    for (int i = 0; i < txs.size(); i++) {
      DepositTransaction tx = txs.get(i);
      Expected e = expected.get(i);
      assertThat(tx.sourceHash()).as("tx %d source hash", i).isEqualTo(Bytes32.fromHex(e.sourceHash));
      assertThat(tx.from()).as("tx %d from", i).isEqualTo(Address.fromHex(e.from));
      assertThat(tx.to()).as("tx %d to", i).isEqualTo(e.to == null ? null : Address.fromHex(e.to));
      assertThat(tx.gasLimit()).as("tx %d gas", i).isEqualTo(e.gas);
      assertThat(tx.mint()).isEqualTo(BigInteger.ZERO);
      assertThat(tx.value()).isEqualTo(BigInteger.ZERO);
      assertThat(tx.isSystemTransaction()).isFalse();
      if (e.data != null) assertThat(tx.input()).as("tx %d data", i).isEqualTo(Bytes.fromHex(e.data));
      else assertThat(tx.input().toArray()).as("tx %d init code", i).startsWith((byte) 0x60);
    }
  }

  private static List<String> hashes(List<DepositTransaction> txs) {
    List<String> out = new ArrayList<>();
    for (DepositTransaction tx : txs) out.add(Bytes32.keccak256(tx.encode2718()).toHex());
    return out;
  }

  @Test
  void ecotoneMatchesTheSpecAndKonasEncodings() {
    List<DepositTransaction> txs = UpgradeTransactions.of(Hardfork.ECOTONE);
    check(txs, List.of(
        new Expected("0x877a6077205782ea15a6dc8699fa5ebcec5e0f4389f09cb8eda09488231346f8",
            "0x4210000000000000000000000000000000000000", null, 375_000, null),
        new Expected("0xa312b4510adf943510f05fcc8f15f86995a5066bd83ce11384688ae20e6ecf42",
            "0x4210000000000000000000000000000000000001", null, 1_000_000, null),
        new Expected("0x18acb38c5ff1c238a7460ebc1b421fa49ec4874bdf1e0a530d234104e5e67dbc", "0x" + "00".repeat(20),
            L1_BLOCK.toString(), 50_000, "0x3659cfe600000000000000000000000007dbe8500fc591d1852b76fee44d5a05e13097ff"),
        new Expected("0xee4f9385eceef498af0be7ec5862229f426dec41c8d42397c7257a5117d9230a", "0x" + "00".repeat(20),
            GPO.toString(), 50_000, "0x3659cfe6000000000000000000000000b528d11cc114e026f138fe568744c6d45ce6da7a"),
        new Expected("0x0c1cb38e99dbc9cbfab3bb80863380b0905290b37eb3d6ab18dc01c1f3e75f93", DEPOSITOR.toString(),
            GPO.toString(), 80_000, "0x22b90ab3"),
        new Expected("0x69b763c48478b9dc2f65ada09b3d92133ec592ea715ec65ad6e7f3dc519dc00c",
            "0x0B799C86a49DEeb90402691F1041aa3AF2d3C875", null, 0x3d090,
            "0x60618060095f395ff33373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281555f359062001fff015500")));
    assertThat(hashes(txs)).containsExactly(
        "0x50549bed9a83ba7238893970780b458ed3d543f299d6f69f7a5d0b32d7cd71a7",
        "0xf8e8dd83c100c9eb137fa372cdda2cf854f79b6e8cfc604c5e54d970c05cb6dc",
        "0x9f2b2d34dfa2cb55cceb9860cade0cb03cfbd7ff1dd07d48b4708b29a46b4a24",
        "0xedbfdad1f44ea830b863eac45eca4408398351b30511826012882059625963d2",
        "0x91f762393442ac507c6852211b62445d82c9b58bae34726ecef2f10b4156f027",
        "0x5b7915f2a55ce67519e6d8f65248918f4e62f545706af2bf02549bb9782c03f3");
  }

  @Test
  void fjordMatchesTheSpecAndKonasEncodings() {
    List<DepositTransaction> txs = UpgradeTransactions.of(Hardfork.FJORD);
    check(txs, List.of(
        new Expected("0x86122c533fdcb89b16d8713174625e44578a89751d96c098ec19ab40a51a8ea3",
            "0x4210000000000000000000000000000000000002", null, 1_450_000, null),
        new Expected("0x1e6bb0c28bfab3dc9b36ffb0f721f00d6937f33577606325692db0965a7d58c6", "0x" + "00".repeat(20),
            GPO.toString(), 50_000, "0x3659cfe6000000000000000000000000a919894851548179a0750865e7974da599c0fac7"),
        new Expected("0xbac7bb0d5961cad209a345408b0280a0d4686b1b20665e1b0f9cdafd73b19b6b", DEPOSITOR.toString(),
            GPO.toString(), 90_000, "0x8e98b106")));
    assertThat(hashes(txs)).containsExactly(
        "0xaafd55b14e021a2c04628606e42dbe58cc9c86b6ed695a8b9ccf258e28963e5e",
        "0x2f63bbe08a66796dde569281a58a53e0b0f64b7aa067297e9c70455fb8e375bc",
        "0x7cedc4f1c428928cdfb9b340bda3060102c71ad23f982678471b222ba8a756e1");
  }

  @Test
  void isthmusMatchesTheSpecAndKonasEncodings() {
    List<DepositTransaction> txs = UpgradeTransactions.of(Hardfork.ISTHMUS);
    check(txs, List.of(
        new Expected("0x3b2d0821ca2411ad5cd3595804d1213d15737188ae4cbd58aa19c821a6c211bf",
            "0x4210000000000000000000000000000000000003", null, 425_000, null),
        new Expected("0xfc70b48424763fa3fab9844253b4f8d508f91eb1f7cb11a247c9baec0afb8035",
            "0x4210000000000000000000000000000000000004", null, 1_625_000, null),
        new Expected("0x107a570d3db75e6110817eb024f09f3172657e920634111ce9875d08a16daa96",
            "0x4210000000000000000000000000000000000005", null, 500_000, null),
        new Expected("0xebe8b5cb10ca47e0d8bda8f5355f2d66711a54ddeb0ef1d30e29418c9bf17a0e", "0x" + "00".repeat(20),
            L1_BLOCK.toString(), 50_000, "0x3659cfe6000000000000000000000000ff256497d61dcd71a9e9ff43967c13fde1f72d12"),
        new Expected("0xecf2d9161d26c54eda6b7bfdd9142719b1e1199a6e5641468d1bf705bc531ab0", "0x" + "00".repeat(20),
            GPO.toString(), 50_000, "0x3659cfe600000000000000000000000093e57a196454cb919193fa9946f14943cf733845"),
        new Expected("0xad74e1adb877ccbe176b8fa1cc559388a16e090ddbe8b512f5b37d07d887a927", "0x" + "00".repeat(20),
            "0x420000000000000000000000000000000000001B", 50_000,
            "0x3659cfe60000000000000000000000004fa2be8cd41504037f1838bce3bcc93bc68ff537"),
        new Expected("0x3ddf4b1302548dd92939826e970f260ba36167f4c25f18390a5e8b194b295319", DEPOSITOR.toString(),
            GPO.toString(), 90_000, "0x291b0383"),
        new Expected("0xbfb734dae514c5974ddf803e54c1bc43d5cdb4a48ae27e1d9b875a5a150b553a",
            "0x3462413Af4609098e1E27A490f554f260213D685", null, 250_000,
            "0x60538060095f395ff33373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f35600143038111604257611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff60014303065500")));
    assertThat(hashes(txs)).containsExactly(
        "0x4557f1142fedd52d571b070a290aa8683a03f7aac7929967858af7aab48cd4cc",
        "0x9412bd3fa72eb1dbec94fd2297d44a8b86cb1f55966324e6cc7d57decc92c1f6",
        "0xa9e6286eadd53ecf7bb2bff668c4fcb62305a8b3e4b584c30f7d4f90046ee75e",
        "0xe992e00998b34075506d2726a274db07a62af6cdd9d527bfda9128114603cfbd",
        "0xb6560306ccb0e772b132a8a6dd78244c0d7ac270c80baba40f95006184926c30",
        "0xf162acc8ebbaf9237755736b62331a4817fe27bbbe3712f473ecfa8fee499f7c",
        "0xbf2fef09f73279373fce8acd2968ca4fd1d10ba88bf10993b6a69c33d913f01b",
        "0xf3ddde30514a8d00b0b92f14b9ce6b3170ea30f5f45b1afdc0905801134ffefe");
  }

  @Test
  void jovianFollowsTheSpecWithKonasIntents() {
    check(UpgradeTransactions.of(Hardfork.JOVIAN), List.of(
        new Expected("0xbb1a656f65401240fac3db12e7a79ebb954b11e62f7626eb11691539b798d3bf",
            "0x4210000000000000000000000000000000000006", null, 447_315, null),
        new Expected("0xf3275f829340521028f9ad5bce4ecb1c64a45d448794effa2a77674627338e76", "0x" + "00".repeat(20),
            L1_BLOCK.toString(), 50_000, "0x3659cfe60000000000000000000000003ba4007f5c922fbb33c454b41ea7a1f11e83df2c"),
        new Expected("0x239b7021a6c2cf3a918481242bbb5a9499057f24501539467536c691bb133962",
            "0x4210000000000000000000000000000000000007", null, 1_750_714, null),
        new Expected("0xa70c60aa53b8c1c0d52b39b1e901e7d7c09f7819595cb24048a6bb1983b401ff", "0x" + "00".repeat(20),
            GPO.toString(), 50_000, "0x3659cfe60000000000000000000000004f1db3c6abd250ba86e0928471a8f7db3afd88f1"),
        new Expected("0xe836db6a959371756f8941be3e962d000f7e12a32e49e2c9ca42ba177a92716c", DEPOSITOR.toString(),
            GPO.toString(), 90_000, "0xb3d72079")));
  }

  /** The spec text's spelling of Jovian's intents gives the hashes it publishes; UpgradeTransactions does not use it. */
  @Test
  void theJovianSpecsOwnIntentSpellingGivesItsPublishedHashes() {
    assertThat(SourceHash.upgrade("Jovian: L1Block Deployment"))
        .isEqualTo(Bytes32.fromHex("0x98faf23b9795967bc0b1c543144739d50dba3ea40420e77ad6ca9848dbfb62e8"));
    assertThat(SourceHash.upgrade("Jovian: L1Block Proxy Update"))
        .isEqualTo(Bytes32.fromHex("0x08447273a4fbce97bc8c515f97ac74efc461f6a4001553712f31ebc11288bad2"));
    assertThat(SourceHash.upgrade("Jovian: GasPriceOracle Deployment"))
        .isEqualTo(Bytes32.fromHex("0xd939cca6eca7bd0ee0c7e89f7e5b5cf7bf6f7afe7b6966bb45dfb95344b31545"));
    assertThat(SourceHash.upgrade("Jovian: GasPriceOracle Proxy Update"))
        .isEqualTo(Bytes32.fromHex("0x46b597e2d8346ed7749b46734074361e0b41a0ab9af7afda5bb4e367e072bcb8"));
    for (DepositTransaction tx : UpgradeTransactions.of(Hardfork.JOVIAN)) {
      assertThat(tx.sourceHash().toHex()).doesNotStartWith("0x98faf23b").doesNotStartWith("0x08447273")
          .doesNotStartWith("0xd939cca6").doesNotStartWith("0x46b597e2");
    }
  }

  @Test
  void graniteAndHoloceneHaveNone() {
    assertThat(UpgradeTransactions.of(Hardfork.GRANITE)).isEmpty();
    assertThat(UpgradeTransactions.of(Hardfork.HOLOCENE)).isEmpty();
    assertThat(UpgradeTransactions.hasUpgradeTxs(Hardfork.HOLOCENE)).isFalse();
    assertThat(UpgradeTransactions.hasUpgradeTxs(Hardfork.JOVIAN)).isTrue();
  }

  @Test
  void onlyTheActivationBlockGetsThemAndForksSharingOneFollowEachOther() {
    // Genesis at 1000, blocks every 2 s: Ecotone and Fjord both activate at 1004, Isthmus at 1007 (block 1008).
    RollupConfig config = TestConfigs.config(0, 1004, 1004, 1004, 1007);
    assertThat(UpgradeTransactions.forBlock(config, 1002)).isEmpty();
    List<DepositTransaction> both = UpgradeTransactions.forBlock(config, 1004);
    List<DepositTransaction> expected = new ArrayList<>(UpgradeTransactions.of(Hardfork.ECOTONE));
    expected.addAll(UpgradeTransactions.of(Hardfork.FJORD));
    assertThat(both).isEqualTo(expected);
    assertThat(UpgradeTransactions.forBlock(config, 1006)).isEmpty();
    assertThat(UpgradeTransactions.forBlock(config, 1008)).isEqualTo(UpgradeTransactions.of(Hardfork.ISTHMUS));
    assertThat(UpgradeTransactions.forBlock(config, 1010)).isEmpty();
    // Forks active at genesis never get them.
    assertThat(UpgradeTransactions.forBlock(TestConfigs.config(0, 0, 0, 0, 0, 0), 1000)).isEmpty();
    assertThat(UpgradeTransactions.forBlock(TestConfigs.config(0, 0, 0, 0, 0, 1002), 1002))
        .isEqualTo(UpgradeTransactions.of(Hardfork.JOVIAN));
  }

  @Test
  void theyDecodeBackFromTheirEncodings() {
    for (Hardfork fork : List.of(Hardfork.ECOTONE, Hardfork.FJORD, Hardfork.ISTHMUS, Hardfork.JOVIAN)) {
      for (DepositTransaction tx : UpgradeTransactions.of(fork)) {
        assertThat(Transactions.decode2718(tx.encode2718())).isEqualTo(tx);
      }
    }
  }

  @Test
  void everyBytecodeResourceMatchesItsStatedHash() {
    for (UpgradeBytecode code : UpgradeBytecode.values()) assertThat(code.load().toArray()).isNotEmpty();
  }
}
