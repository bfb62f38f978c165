package io.fpp4j.examples.l2state;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.examples.testing.ChildRun;
import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.state.Account;
import io.fpp4j.testkit.ChainData;
import io.fpp4j.testkit.ChainDataGenerator;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The L2 state program as a child process against generated chain data. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class L2StateProgramTest {
  static final ChainData CHAIN = ChainDataGenerator.generate(ChainDataGenerator.Options.defaults());
  static final Address CONTRACT = ChainDataGenerator.L2_CONTRACT;
  static final Bytes32 SLOT1 = Bytes32.fromBigInteger(BigInteger.ONE);

  @TempDir Path tmp;

  static Map<PreimageKey, byte[]> store(int block, Address address, byte[] claim) {
    Map<PreimageKey, byte[]> m = new HashMap<>(CHAIN.preimages());
    m.put(PreimageKey.local(1), CHAIN.l2Header(block).hash().toArray());
    m.put(PreimageKey.local(2), address.toArray());
    m.put(PreimageKey.local(3), claim);
    m.put(PreimageKey.local(4), ByteBuffer.allocate(8).putLong(901).array());
    return m;
  }

  @Test
  void rightAccountAndSlotExitZeroWithKonaHints() throws Exception {
    Header h = CHAIN.l2Header(25);
    Account a = CHAIN.l2Account(25, CONTRACT);
    byte[] claim = L2StateProgram.encodeClaim(a, SLOT1, CHAIN.l2StorageAt(25, CONTRACT, SLOT1));
    ChildRun.Result r = ChildRun.run(tmp, L2StateProgram.class, store(25, CONTRACT, claim));
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(ExitCode.VALID);
    String c = CONTRACT.toHex().substring(2);
    assertThat(r.hints()).containsExactly("l2-block-header " + h.hash().toHex(),
        "l2-account-proof 0x0000000000000019" + c,
        "l2-account-storage-proof 0x0000000000000019" + c + SLOT1.toHex().substring(2));
  }

  @Test
  void oneWrongFieldExitsOneNamingIt() throws Exception {
    Account a = CHAIN.l2Account(25, CONTRACT);
    Account wrong = new Account(a.nonce(), a.balance().add(BigInteger.ONE), a.storageRoot(), a.codeHash());
    ChildRun.Result r = ChildRun.run(tmp, L2StateProgram.class, store(25, CONTRACT, L2StateProgram.encodeClaim(wrong, null, null)));
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(r.stderr()).isEqualTo("Claim is invalid: balance of " + CONTRACT + " at L2 block 25 "
        + CHAIN.l2Header(25).hash() + " is " + a.balance() + ", claimed " + a.balance().add(BigInteger.ONE) + "\n");

    byte[] wrongSlot = L2StateProgram.encodeClaim(a, SLOT1, Bytes32.fromBigInteger(BigInteger.valueOf(24)));
    r = ChildRun.run(tmp, L2StateProgram.class, store(25, CONTRACT, wrongSlot));
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID);
    assertThat(r.stderr()).startsWith("Claim is invalid: slot " + SLOT1);
  }

  @Test
  void absentAccountIsClaimedAsEmpty() throws Exception {
    Address nobody = Address.fromHex("0x00000000000000000000000000000000000000ff");
    ChildRun.Result r = ChildRun.run(tmp, L2StateProgram.class, store(25, nobody, L2StateProgram.encodeClaim(Account.EMPTY, null, null)));
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(ExitCode.VALID);
  }

  @Test
  void opProgramDialectSendsItsAccountProofAndStateNodeHints() throws Exception {
    Header h = CHAIN.l2Header(30);
    Account a = CHAIN.l2Account(30, CONTRACT);
    ChildRun.Result r = ChildRun.run(tmp, L2StateProgram.class, store(30, CONTRACT, L2StateProgram.encodeClaim(a, null, null)),
        "op-program");
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(ExitCode.VALID);
    assertThat(r.hints().get(1)).isEqualTo("l2-account-proof " + h.hash().toHex() + CONTRACT.toHex().substring(2)
        + "0000000000000385");
    assertThat(r.hints().get(2)).isEqualTo("l2-state-node " + h.stateRoot().toHex());
  }

  @Test
  void missingStateNodeIsAProgramFailure() throws Exception {
    Header h = CHAIN.l2Header(25);
    Map<PreimageKey, byte[]> s = store(25, CONTRACT, L2StateProgram.encodeClaim(CHAIN.l2Account(25, CONTRACT), null, null));
    s.remove(PreimageKey.fromHex("02" + Hex.encode(h.stateRoot().toArray()).substring(2)));
    ChildRun.Result r = ChildRun.run(tmp, L2StateProgram.class, s);
    assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.stderr()).startsWith("Program failed: ").contains(h.stateRoot().toString());
  }

  @Test
  void wrongSizedClaimIsAProgramFailure() throws Exception {
    ChildRun.Result r = ChildRun.run(tmp, L2StateProgram.class, store(25, CONTRACT, new byte[10]));
    assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.stderr()).contains("claim (local key 3) must be 104 or 168 bytes, got 10");
  }
}
