package io.fpp4j.evm.prague;

import static io.fpp4j.evm.prague.PragueWorld.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.evm.Code;
import io.fpp4j.evm.SpecId;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.evm.tx.Authorizations;
import io.fpp4j.evm.tx.EvmTransaction;
import io.fpp4j.evm.tx.InvalidTransactionException;
import io.fpp4j.evm.tx.InvalidTransactionException.Reason;
import io.fpp4j.evm.tx.TxResult;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.tx.Authorization;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EIP-7702 on hand-built cases (no filled Prague state tests are available here). Every gas figure is worked
 * out in the comments from the EIP's constants: PER_EMPTY_ACCOUNT_COST 25,000 in the intrinsic gas per
 * authorization, 12,500 back for an authority that already existed, the refund capped at a fifth of gas used.
 */
class SetCodeTransactionTest {
  private static final BigInteger KEY_A = new BigInteger("a11ce", 16);
  private static final BigInteger KEY_B = new BigInteger("b0b", 16);
  private static final Address A = TestKeys.address(KEY_A);
  private static final Address B = TestKeys.address(KEY_B);
  private static final Address DELEGATE = Address.fromHex("0xde1e9a7e00000000000000000000000000000001");
  /** PUSH1 1 PUSH1 0 SSTORE: 3 + 3 + 22,100 (cold slot 2,100 + set 20,000) = 22,106 gas. */
  private static final byte[] STORE_ONE = Hex.decode("6001600055");
  private static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  private static void assertInvalid(InMemoryWorldState s, SpecId spec, EvmTransaction tx, Reason reason) {
    assertThatThrownBy(() -> run(spec, s, tx)).isInstanceOfSatisfying(InvalidTransactionException.class,
        e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void designatorIsEf0100FollowedByTheAddress() {
    Code c = Code.delegationTo(DELEGATE);
    assertThat(Hex.encode(c.bytes())).isEqualTo("ef0100de1e9a7e00000000000000000000000000000001");
    assertThat(c.delegate()).isEqualTo(DELEGATE);
    assertThat(Code.of(Hex.decode("ef0101de1e9a7e00000000000000000000000000000001")).delegate()).isNull();
    assertThat(Code.of(Hex.decode("ef0100de1e9a7e0000000000000000000000000000000100")).delegate()).isNull();
  }

  @Test
  void signingHashIsKeccakOfMagicAndRlp() {
    // 0x05 ‖ rlp([1, DELEGATE, 7]) = 05 d7 01 94 <20 bytes> 07, written out by hand.
    byte[] msg = Hex.decode("05d70194de1e9a7e0000000000000000000000000000000107");
    assertThat(Authorizations.signingHash(BigInteger.ONE, DELEGATE, 7)).isEqualTo(Hashing.keccak256(msg));
    assertThat(Authorizations.authority(TestKeys.sign(KEY_A, 1, DELEGATE, 7))).isEqualTo(A);
  }

  @Test
  void writesTheDelegationAndChargesTwentyFiveThousandPerAuthorization() throws Exception {
    InMemoryWorldState s = state();
    TxResult r = run(SpecId.PRAGUE, s, setCode(100_000, TO, List.of(TestKeys.sign(KEY_A, CHAIN_ID, DELEGATE, 0))));
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.gasUsed()).isEqualTo(21_000 + 25_000); // A did not exist: no refund
    assertThat(r.refund()).isZero();
    assertThat(s.code(A).bytes()).isEqualTo(Code.delegationTo(DELEGATE).bytes());
    assertThat(s.nonce(A)).isEqualTo(1);
    assertThat(s.nonce(SENDER)).isEqualTo(1);
    assertThat(s.balance(SENDER)).isEqualTo(FUNDS.sub(UInt256.ofUnsigned(46_000 * 12)));
  }

  @Test
  void anExistingAuthorityEarnsTheRefundCappedAtAFifthOfGasUsed() throws Exception {
    InMemoryWorldState s = state();
    s.putAccount(A, 0, UInt256.ONE, Code.EMPTY, Map.of());
    TxResult r = run(SpecId.PRAGUE, s, setCode(100_000, TO, List.of(TestKeys.sign(KEY_A, CHAIN_ID, DELEGATE, 0))));
    // 46,000 used before the refund; 12,500 is owed but only 46,000 / 5 = 9,200 is granted.
    assertThat(r.refund()).isEqualTo(9_200);
    assertThat(r.gasUsed()).isEqualTo(36_800);
    assertThat(s.code(A).delegate()).isEqualTo(DELEGATE);
  }

  @Test
  void skipsInvalidAuthorizationsButKeepsTheTransactionAndItsIntrinsicGas() throws Exception {
    InMemoryWorldState s = state();
    Authorization good = TestKeys.sign(KEY_A, CHAIN_ID, DELEGATE, 0);
    Authorization highS = new Authorization(good.chainId(), good.address(), good.nonce(), good.yParity() ^ 1,
        good.r(), N.subtract(good.s())); // the same signature in its high-s form: EIP-2 rejects it
    List<Authorization> auths = List.of(
        TestKeys.sign(KEY_A, 2, DELEGATE, 0), // another chain
        TestKeys.sign(KEY_A, CHAIN_ID, DELEGATE, 5), // nonce 5, account's is 0
        highS,
        new Authorization(BigInteger.ONE, DELEGATE, 0, 2, good.r(), good.s()), // parity 2
        TestKeys.sign(KEY_B, 0, DELEGATE, 0)); // chain id 0: valid on every chain
    TxResult r = run(SpecId.PRAGUE, s, setCode(200_000, TO, auths));
    assertThat(r.gasUsed()).isEqualTo(21_000 + 5 * 25_000);
    assertThat(s.exists(A)).isFalse();
    assertThat(s.code(B).delegate()).isEqualTo(DELEGATE);
    assertThat(s.nonce(B)).isEqualTo(1);
  }

  @Test
  void theLastOfTwoAuthorizationsBySameAuthorityWins() throws Exception {
    InMemoryWorldState s = state();
    Address other = Address.fromHex("0x00000000000000000000000000000000000000aa");
    run(SpecId.PRAGUE, s, setCode(100_000, TO,
        List.of(TestKeys.sign(KEY_A, CHAIN_ID, DELEGATE, 0), TestKeys.sign(KEY_A, CHAIN_ID, other, 1))));
    assertThat(s.code(A).delegate()).isEqualTo(other);
    assertThat(s.nonce(A)).isEqualTo(2);
  }

  @Test
  void delegatingToTheZeroAddressClearsTheCode() throws Exception {
    InMemoryWorldState s = state();
    s.putAccount(A, 3, UInt256.ZERO, Code.delegationTo(DELEGATE), Map.of());
    TxResult r = run(SpecId.PRAGUE, s, setCode(100_000, TO, List.of(TestKeys.sign(KEY_A, CHAIN_ID, Address.ZERO, 3))));
    assertThat(s.code(A).isEmpty()).isTrue();
    assertThat(s.codeHash(A)).isEqualTo(Code.EMPTY.hash());
    assertThat(s.nonce(A)).isEqualTo(4);
    assertThat(r.gasUsed()).isEqualTo(36_800); // A existed: refund 9,200 (capped)
  }

  @Test
  void anAuthorityWithContractCodeIsSkipped() throws Exception {
    InMemoryWorldState s = state();
    s.putAccount(A, 0, UInt256.ZERO, Code.of(STORE_ONE.clone()), Map.of());
    run(SpecId.PRAGUE, s, setCode(100_000, TO, List.of(TestKeys.sign(KEY_A, CHAIN_ID, DELEGATE, 0))));
    assertThat(s.code(A).bytes()).isEqualTo(STORE_ONE);
    assertThat(s.nonce(A)).isZero();
  }

  @Test
  void theSenderMayAuthorizeItselfAtItsIncrementedNonce() throws Exception {
    InMemoryWorldState s = state();
    TxResult r = run(SpecId.PRAGUE, s, setCode(100_000, TO, List.of(TestKeys.sign(SENDER_KEY, CHAIN_ID, DELEGATE, 1))));
    assertThat(s.code(SENDER).delegate()).isEqualTo(DELEGATE);
    assertThat(s.nonce(SENDER)).isEqualTo(2);
    assertThat(r.gasUsed()).isEqualTo(36_800);
  }

  @Test
  void aTransactionToADelegatedAccountRunsTheDelegatesCodeOnTheAccountsStorage() throws Exception {
    InMemoryWorldState s = state();
    s.putAccount(A, 1, UInt256.ZERO, Code.delegationTo(DELEGATE), Map.of());
    s.putAccount(DELEGATE, 1, UInt256.ZERO, Code.of(STORE_ONE.clone()), Map.of());
    TxResult r = run(SpecId.PRAGUE, s, call(100_000, A, new byte[0], List.of()));
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.gasUsed()).isEqualTo(21_000 + 22_106); // the delegate is warmed for free at the top level
    assertThat(s.storage(A, UInt256.ZERO)).isEqualTo(UInt256.ONE);
    assertThat(s.storage(DELEGATE, UInt256.ZERO)).isEqualTo(UInt256.ZERO);

    // Before Prague the designator is just code starting with 0xEF: an invalid opcode that eats all the gas.
    InMemoryWorldState cancun = state();
    cancun.putAccount(A, 1, UInt256.ZERO, Code.delegationTo(DELEGATE), Map.of());
    cancun.putAccount(DELEGATE, 1, UInt256.ZERO, Code.of(STORE_ONE.clone()), Map.of());
    TxResult c = run(SpecId.CANCUN, cancun, call(100_000, A, new byte[0], List.of()));
    assertThat(c.isSuccess()).isFalse();
    assertThat(c.gasUsed()).isEqualTo(100_000);
  }

  /** CALL(0xffff, A, 0, 0, 0, 0, 0) then STOP: five PUSH1, a PUSH20 and a PUSH2 are 21 gas before the CALL. */
  private static byte[] callA() {
    return Hex.decode("60006000600060006000" + "73" + Hex.encode(A.toArray()) + "61ffff" + "f1" + "00");
  }

  @Test
  void theCallOpcodePaysForTheDelegatesAccessColdOrWarm() throws Exception {
    InMemoryWorldState s = state();
    s.putAccount(A, 1, UInt256.ZERO, Code.delegationTo(DELEGATE), Map.of());
    s.putAccount(DELEGATE, 1, UInt256.ZERO, Code.of(STORE_ONE.clone()), Map.of());
    s.putAccount(TO, 1, UInt256.ZERO, Code.of(callA()), Map.of());
    TxResult r = run(SpecId.PRAGUE, s, call(200_000, TO, new byte[0], List.of()));
    // 21,000 + 21 + CALL (A cold 2,600 + DELEGATE cold 2,600) + the delegate's 22,106 in A's context.
    assertThat(r.gasUsed()).isEqualTo(21_000 + 21 + 5_200 + 22_106);
    assertThat(s.storage(A, UInt256.ZERO)).isEqualTo(UInt256.ONE);

    InMemoryWorldState warm = state();
    warm.putAccount(A, 1, UInt256.ZERO, Code.delegationTo(DELEGATE), Map.of());
    warm.putAccount(DELEGATE, 1, UInt256.ZERO, Code.of(STORE_ONE.clone()), Map.of());
    warm.putAccount(TO, 1, UInt256.ZERO, Code.of(callA()), Map.of());
    TxResult w = run(SpecId.PRAGUE, warm, call(200_000, TO, new byte[0],
        List.of(new EvmTransaction.AccessListEntry(DELEGATE, List.of()))));
    // The access list costs 2,400 and makes the delegate warm: 100 instead of 2,600.
    assertThat(w.gasUsed()).isEqualTo(21_000 + 2_400 + 21 + 2_600 + 100 + 22_106);
  }

  @Test
  void delegatecallIntoADelegatedAccountRunsTheDelegateInTheCallersContext() throws Exception {
    InMemoryWorldState s = state();
    s.putAccount(A, 1, UInt256.ZERO, Code.delegationTo(DELEGATE), Map.of());
    s.putAccount(DELEGATE, 1, UInt256.ZERO, Code.of(STORE_ONE.clone()), Map.of());
    // DELEGATECALL(0xffff, A, 0, 0, 0, 0): four PUSH1, PUSH20, PUSH2 = 18 gas.
    byte[] code = Hex.decode("6000600060006000" + "73" + Hex.encode(A.toArray()) + "61ffff" + "f4" + "00");
    s.putAccount(TO, 1, UInt256.ZERO, Code.of(code), Map.of());
    TxResult r = run(SpecId.PRAGUE, s, call(200_000, TO, new byte[0], List.of()));
    assertThat(r.gasUsed()).isEqualTo(21_000 + 18 + 5_200 + 22_106);
    assertThat(s.storage(TO, UInt256.ZERO)).isEqualTo(UInt256.ONE);
    assertThat(s.storage(A, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void extcodeOpcodesSeeTheDesignatorItself() throws Exception {
    InMemoryWorldState s = state();
    s.putAccount(A, 1, UInt256.ZERO, Code.delegationTo(DELEGATE), Map.of());
    s.putAccount(DELEGATE, 1, UInt256.ZERO, Code.of(STORE_ONE.clone()), Map.of());
    String a = Hex.encode(A.toArray());
    // EXTCODESIZE(A) -> slot 0; EXTCODEHASH(A) -> slot 1; EXTCODECOPY(A, 0, 0, 32); MLOAD(0) -> slot 2.
    byte[] code = Hex.decode("73" + a + "3b600055" + "73" + a + "3f600155"
        + "60206000600073" + a + "3c" + "600051600255" + "00");
    s.putAccount(TO, 1, UInt256.ZERO, Code.of(code), Map.of());
    TxResult r = run(SpecId.PRAGUE, s, call(300_000, TO, new byte[0], List.of()));
    assertThat(r.isSuccess()).isTrue();
    byte[] designator = Code.delegationTo(DELEGATE).bytes();
    assertThat(s.storage(TO, UInt256.ZERO)).isEqualTo(UInt256.ofUnsigned(23));
    assertThat(s.storage(TO, UInt256.ONE).toBytes32().toArray()).isEqualTo(Hashing.keccak256(designator));
    byte[] padded = java.util.Arrays.copyOf(designator, 32);
    assertThat(s.storage(TO, UInt256.ofUnsigned(2)).toBytes32().toArray()).isEqualTo(padded);
  }

  @Test
  void aDelegatedSenderIsStillAnEoaFromPrague() throws Exception {
    InMemoryWorldState s = state();
    s.putAccount(SENDER, 0, FUNDS, Code.delegationTo(DELEGATE), Map.of());
    assertThat(run(SpecId.PRAGUE, s, call(21_000, TO, new byte[0], List.of())).isSuccess()).isTrue();

    InMemoryWorldState cancun = state();
    cancun.putAccount(SENDER, 0, FUNDS, Code.delegationTo(DELEGATE), Map.of());
    assertInvalid(cancun, SpecId.CANCUN, call(21_000, TO, new byte[0], List.of()), Reason.SENDER_NOT_EOA);
  }

  @Test
  void validationRejectsAnEmptyListACreationAndTypeFourBeforePrague() {
    InMemoryWorldState s = state();
    Authorization auth = TestKeys.sign(KEY_A, CHAIN_ID, DELEGATE, 0);
    assertInvalid(s, SpecId.PRAGUE, setCode(100_000, TO, List.of()), Reason.SET_CODE_EMPTY_AUTHORIZATIONS);
    assertInvalid(s, SpecId.PRAGUE, setCode(100_000, null, List.of(auth)), Reason.SET_CODE_CREATE);
    assertInvalid(s, SpecId.CANCUN, setCode(100_000, TO, List.of(auth)), Reason.TYPE_NOT_SUPPORTED);
    // 21,000 + 25,000 intrinsic: one gas less is invalid.
    assertInvalid(s, SpecId.PRAGUE, setCode(45_999, TO, List.of(auth)), Reason.INTRINSIC_GAS);
    assertThat(s.nonce(SENDER)).isZero();
    assertThat(s.exists(A)).isFalse();
  }
}
