package io.fpp4j.proof.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.preimage.PreimageOracleException;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.proof.testing.MapOracle;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootInputsTest {
  private static final String HASH = "0x" + "ab".repeat(32);
  private static final String ADDRESS = "0x4200000000000000000000000000000000000016";

  private static MapOracle oracle() {
    Map<PreimageKey, byte[]> m = new HashMap<>();
    m.put(PreimageKey.local(1), Hex.decode(HASH));
    m.put(PreimageKey.local(2), Hex.decode("00000000000000ff"));
    m.put(PreimageKey.local(3), Hex.decode(ADDRESS));
    m.put(PreimageKey.local(4), "{\"chainId\":10}".getBytes(StandardCharsets.UTF_8));
    m.put(PreimageKey.local(5), "{not json".getBytes(StandardCharsets.UTF_8));
    m.put(PreimageKey.local(6), Hex.decode("ffffffffffffffff"));
    m.put(PreimageKey.local(12), "{\"chainId\":10} {\"chainId\":11}".getBytes(StandardCharsets.UTF_8));
    m.put(PreimageKey.local(13), " \n".getBytes(StandardCharsets.UTF_8));
    return new MapOracle(m);
  }

  @Test
  void readsEachTypeFromItsLocalKey() {
    BootInputs boot = BootInputs.of(oracle());
    assertThat(boot.bytes32(1)).isEqualTo(Bytes32.fromHex(HASH));
    assertThat(boot.u64(2)).isEqualTo(255);
    assertThat(boot.u64(6)).as("an unsigned u64 above 2^63").isEqualTo(-1L);
    assertThat(boot.address(3)).isEqualTo(Address.fromHex(ADDRESS));
    assertThat(boot.json(4).get("chainId").asLong()).isEqualTo(10);
    assertThat(boot.bytes(2, 4, 8)).hasSize(8);
  }

  @Test
  void wrongSizesNameTheKeyByIndexAndMeaning() {
    BootInputs named = BootInputs.of(oracle()).named(3, "account address");
    assertThatThrownBy(() -> named.bytes32(3)).isInstanceOf(BootException.class)
        .hasMessage("account address (local key 3) must be 32 bytes, got 20");
    assertThatThrownBy(() -> named.u64(3)).isInstanceOf(BootException.class)
        .hasMessage("account address (local key 3) must be an 8-byte big-endian u64, got 20 bytes");
    assertThatThrownBy(() -> BootInputs.of(oracle()).address(1)).isInstanceOf(BootException.class)
        .hasMessage("local key 1 must be 20 bytes, got 32");
    assertThatThrownBy(() -> named.bytes(3, 104, 168)).isInstanceOf(BootException.class)
        .hasMessage("account address (local key 3) must be 104 or 168 bytes, got 20");
  }

  @Test
  void aMissingKeyNamesWhatWasWanted() {
    BootInputs boot = BootInputs.of(oracle()).named(9, "L1 chain config");
    assertThatThrownBy(() -> boot.bytes32(9)).isInstanceOf(PreimageOracleException.class)
        .hasMessageStartingWith("could not read the L1 chain config (local key 9, " + PreimageKey.local(9) + "): ");
    assertThatThrownBy(() -> boot.u64(8)).isInstanceOf(PreimageOracleException.class)
        .hasMessageStartingWith("could not read local key 8 (" + PreimageKey.local(8) + "): ");
  }

  @Test
  void malformedJsonAndParserFailuresNameTheKey() {
    BootInputs boot = BootInputs.of(oracle()).named(5, "dependency set").named(1, "claimed log");
    assertThatThrownBy(() -> boot.json(5)).isInstanceOf(BootException.class)
        .hasMessageStartingWith("dependency set (local key 5) is not JSON: ");
    assertThatThrownBy(() -> boot.parse(1, b -> RlpReader.of(b).readBytes("log"))).isInstanceOf(BootException.class)
        .hasMessageStartingWith("claimed log (local key 1): ");
    assertThat(boot.parse(4, b -> ChainConfig.parse(b, boot.describe(4))).chainId()).isEqualTo(10);
  }

  @Test
  void jsonWithAnythingAfterTheValueOrNoValueIsRefused() {
    BootInputs boot = BootInputs.of(oracle()).named(12, "dependency set");
    assertThatThrownBy(() -> boot.json(12)).isInstanceOf(BootException.class)
        .hasMessageStartingWith("dependency set (local key 12) is not JSON: ").hasMessageContaining("Trailing token");
    assertThatThrownBy(() -> boot.json(13)).isInstanceOf(BootException.class)
        .hasMessage("local key 13 is empty, not JSON");
  }

  @Test
  void namingReturnsANewReader() {
    BootInputs plain = BootInputs.of(oracle());
    BootInputs named = plain.named(1, "L1 head");
    assertThat(plain.describe(1)).isEqualTo("local key 1");
    assertThat(named.describe(1)).isEqualTo("L1 head (local key 1)");
    assertThat(named.named(1, "L2 block hash").describe(1)).isEqualTo("L2 block hash (local key 1)");
  }
}
