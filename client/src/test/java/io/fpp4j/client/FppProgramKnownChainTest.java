package io.fpp4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.proof.Dialect;
import io.fpp4j.testkit.devnet.DevnetFixture;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chain id on local key 5 that the bundled superchain registry knows: the program takes that chain's rollup config
 * from the registry, not from a local key. The devnet's data is not OP Sepolia's, so these runs end without a
 * verdict; what they show is where the configs came from.
 */
class FppProgramKnownChainTest {
  static DevnetFixture.Prepared prepared;

  @BeforeAll
  static void prepare() {
    FppProgramDevnetTest.prepare();
    prepared = FppProgramDevnetTest.prepared;
  }

  /**
   * Kona's map with OP Sepolia's chain id: key 6 (withheld here) is never asked for, and derivation runs with OP
   * Sepolia's genesis, whose L1 genesis lies far past the devnet's L1 head, so the agreed block's L1 origin is not on
   * the chain derivation walks.
   */
  @Test
  void konasMapWithAKnownChainIdTakesTheRegistrysRollupConfig() {
    Map<Long, byte[]> keys = StoreOracle.localKeys(prepared.basicSuccess().konaLocalKeys());
    keys.put(5L, ByteBuffer.allocate(8).putLong(11155420L).array());
    StoreOracle oracle = new StoreOracle(prepared.dataDir(), keys);
    oracle.withheld.add(PreimageKey.local(6));
    FppProgramDevnetTest.Run r = FppProgramDevnetTest.run(oracle, Optional.of(Dialect.KONA));
    assertThat(r.exit()).as("stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).doesNotContain("withheld").contains("is not on the chain of L1 head");
    assertThat(r.out()).contains("kona local keys").doesNotContain("verdict");
  }

  /**
   * op-program's map with a known chain id: the rollup config is the registry's, but the registry holds no L1 chain
   * config and op-program's host serves key 9 only for custom chains, so boot stops and says so.
   */
  @Test
  void opProgramsMapWithAKnownChainIdNeedsAnL1ConfigTheRegistryLacks() {
    Map<Long, byte[]> keys = StoreOracle.localKeys(prepared.basicSuccess().opProgramLocalKeys());
    keys.put(5L, ByteBuffer.allocate(8).putLong(11155420L).array());
    FppProgramDevnetTest.Run r = FppProgramDevnetTest.run(new StoreOracle(prepared.dataDir(), keys), Optional.of(Dialect.OP_PROGRAM));
    assertThat(r.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains("Program failed").contains("no L1 chain config known for L1 chain id 11155111");
  }
}
