package io.fpp4j.executor;

import io.fpp4j.evm.Code;
import io.fpp4j.evm.state.WorldState;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.boot.RollupConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Canyon's irregular state change: in the first Canyon block (Canyon active at its timestamp but not two
 * seconds before, the reference executors' test), the create2 deployer's code is set at its well-known
 * address before any transaction. The bytecode is protocol data (create2-deployer.hex, 1,584 bytes), checked
 * against the code hash the Canyon specification gives.
 */
final class Create2Deployer {
  static final Address ADDRESS = Address.fromHex("0x13b0D85CcB8bf860b6b79AF3029fCA081AE9beF2");
  static final Bytes32 CODE_HASH = Bytes32.fromHex("0xb0550b5b431e30d38000efb7107aaa0ade03d48a7198a140edda9d27134468b2");

  private Create2Deployer() {}

  static boolean isActivationBlock(RollupConfig config, long timestamp) {
    return OpForkRules.at(config, timestamp).canyon() && !OpForkRules.at(config, timestamp < 2 ? 0 : timestamp - 2).canyon();
  }

  static void deploy(WorldState state) {
    state.beginTransaction();
    state.setCode(ADDRESS, code());
    state.endTransaction(false);
  }

  static Code code() {
    try (InputStream in = Create2Deployer.class.getResourceAsStream("create2-deployer.hex")) {
      if (in == null) throw new IllegalStateException("resource create2-deployer.hex is missing from the executor jar");
      Code c = Code.of(Hex.decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim()));
      if (!c.hash().equals(CODE_HASH)) {
        throw new IllegalStateException("create2-deployer.hex hashes to " + c.hash() + ", not Canyon's " + CODE_HASH);
      }
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
