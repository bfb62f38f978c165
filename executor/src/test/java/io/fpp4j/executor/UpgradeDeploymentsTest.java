package io.fpp4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.derive.UpgradeTransactions;
import io.fpp4j.evm.BlockEnv;
import io.fpp4j.evm.Evm;
import io.fpp4j.evm.EvmConfig;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.evm.tx.TransactionProcessor;
import io.fpp4j.evm.tx.TxResult;
import io.fpp4j.precompiles.PrecompileSet;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.proof.boot.Hardfork;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every contract deployment among derivation's network-upgrade deposits on an empty state and compares what it
 * leaves with the address and code hash the fork's spec publishes ("This transaction MUST deploy a contract with the
 * following code hash"). This checks the bytecode resources and that each deposit's gas limit is enough.
 */
class UpgradeDeploymentsTest {
  private static final OpForkRules JOVIAN = new OpForkRules(true, true, true, true, true, true, true, true);

  /** The deployment at {@code index} of the fork's list lands at {@code address} with code hashing to {@code codeHash}. */
  private static void deploys(Hardfork fork, int index, String address, String codeHash) throws Exception {
    DepositTransaction d = UpgradeTransactions.of(fork).get(index);
    assertThat(d.to()).isNull();
    InMemoryWorldState state = new InMemoryWorldState();
    BlockEnv env = new BlockEnv(Address.ZERO, 1, 1, 30_000_000, UInt256.ZERO, UInt256.ZERO, Bytes32.ZERO, 0, n -> Bytes32.ZERO);
    Evm evm = new Evm(new EvmConfig(JOVIAN.spec(), 10, PrecompileSet.forFork(JOVIAN.precompiles())), env, state);
    TxResult r = new TransactionProcessor(evm).execute(UserTransactions.deposit(d));
    assertThat(r.isSuccess()).as("%s deployment %d succeeds within its %d gas", fork, index, d.gasLimit()).isTrue();
    Address at = Address.fromHex(address);
    assertThat(state.code(at).size()).as("%s deployment %d leaves code at %s", fork, index, address).isPositive();
    assertThat(state.codeHash(at)).as("%s deployment %d code hash", fork, index).isEqualTo(Bytes32.fromHex(codeHash));
  }

  @Test
  void ecotone() throws Exception {
    deploys(Hardfork.ECOTONE, 0, "0x07dbe8500fc591d1852B76feE44d5a05e13097Ff",
        "0xc88a313aa75dc4fbf0b6850d9f9ae41e04243b7008cf3eadb29256d4a71c1dfd");
    deploys(Hardfork.ECOTONE, 1, "0xb528D11cC114E026F138fE568744c6D45ce6Da7A",
        "0x8b71360ea773b4cfaf1ae6d2bd15464a4e1e2e360f786e475f63aeaed8da0ae5");
    // EIP-4788 publishes the contract's code rather than its hash: keccak256 of that runtime code.
    deploys(Hardfork.ECOTONE, 5, "0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02", Bytes32.keccak256(io.fpp4j.primitives.Hex.decode(
        "3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281555f359062001fff015500")).toHex());
  }

  @Test
  void fjord() throws Exception {
    deploys(Hardfork.FJORD, 0, "0xa919894851548179A0750865e7974DA599C0Fac7",
        "0xa88fa50a2745b15e6794247614b5298483070661adacb8d32d716434ed24c6b2");
  }

  @Test
  void isthmus() throws Exception {
    deploys(Hardfork.ISTHMUS, 0, "0xFf256497D61dcd71a9e9Ff43967C13fdE1F72D12",
        "0x8e3fe7a416d3e5f3b7be74ddd4e7e58e516fa3f80b67c6d930e3cd7297da4a4b");
    deploys(Hardfork.ISTHMUS, 1, "0x93e57A196454CB919193fa9946f14943cf733845",
        "0x4d195a9d7caf9fb6d4beaf80de252c626c853afd5868c4f4f8d19c9d301c2679");
    deploys(Hardfork.ISTHMUS, 2, "0x4fa2Be8cd41504037F1838BcE3bCC93bC68Ff537",
        "0x57dc55c9c09ca456fa728f253fe7b895d3e6aae0706104935fe87c7721001971");
    deploys(Hardfork.ISTHMUS, 7, "0x0000F90827F1C53a10cb7A02335B175320002935",
        "0x6e49e66782037c0555897870e29fa5e552daf4719552131a0abce779daec0a5d");
  }

  @Test
  void jovian() throws Exception {
    deploys(Hardfork.JOVIAN, 0, "0x3Ba4007f5C922FBb33C454B41ea7a1f11E83df2C",
        "0x5f885ca815d2cf27a203123e50b8ae204fdca910b6995d90b2d7700cbb9240d1");
    deploys(Hardfork.JOVIAN, 2, "0x4f1db3c6AbD250ba86E0928471A8F7DB3AFd88F1",
        "0xe9fc7c96c4db0d6078e3d359d7e8c982c350a513cb2c31121adf5e1e8a446614");
  }

  @Test
  void everyCreationInTheListsIsCovered() {
    int creations = 0;
    for (Hardfork fork : List.of(Hardfork.ECOTONE, Hardfork.FJORD, Hardfork.ISTHMUS, Hardfork.JOVIAN)) {
      for (DepositTransaction d : UpgradeTransactions.of(fork)) if (d.to() == null) creations++;
    }
    assertThat(creations).isEqualTo(3 + 1 + 4 + 2); // the deploys(...) calls above
  }
}
