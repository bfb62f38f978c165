package io.fpp4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.evm.BlockEnv;
import io.fpp4j.evm.Code;
import io.fpp4j.evm.Evm;
import io.fpp4j.evm.EvmConfig;
import io.fpp4j.evm.UInt256;
import io.fpp4j.evm.state.InMemoryWorldState;
import io.fpp4j.evm.tx.Authorizations;
import io.fpp4j.evm.tx.EvmTransaction;
import io.fpp4j.evm.tx.TransactionProcessor;
import io.fpp4j.evm.tx.TxResult;
import io.fpp4j.precompiles.PrecompileSet;
import io.fpp4j.precompiles.ecrecover.Ecrecover;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.tx.Authorization;
import io.fpp4j.primitives.tx.SetCodeTransaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/**
 * Isthmus accepts EIP-7702 transactions from users: signed with private key 1 (whose address is well known),
 * the sender is recovered, and the authorization (signed with key 2) is applied under the fork's rules.
 */
class SetCodeUserTransactionTest {
  private static final long CHAIN_ID = 11_155_420; // OP Sepolia
  private static final Address KEY_ONE = Address.fromHex("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");
  private static final Address KEY_TWO = Address.fromHex("0x2b5ad5c4795c026514f8317c7a215e218dccd6cf");
  private static final Address DELEGATE = Address.fromHex("0xde1e9a7e00000000000000000000000000000001");
  private static final Address TO = Address.fromHex("0xff00000000000000000000000000000000042069");
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

  private static BigInteger[] sign(BigInteger key, byte[] hash) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(key,
        new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH())));
    BigInteger[] rs = signer.generateSignature(hash);
    if (rs[1].compareTo(CURVE.getN().shiftRight(1)) > 0) rs[1] = CURVE.getN().subtract(rs[1]);
    return rs;
  }

  private static int parity(byte[] hash, BigInteger[] rs, Address want) {
    for (int p = 0; p < 2; p++) if (want.equals(Ecrecover.signer(hash, p, rs[0], rs[1]))) return p;
    throw new IllegalStateException("no parity recovers " + want);
  }

  /** EIP-2718's signing hash, built generically: 0x04 ‖ the RLP list of every field but the signature's three. */
  private static byte[] signingHash(SetCodeTransaction unsigned) {
    RlpWriter full = new RlpWriter();
    unsigned.writeFields(full);
    RlpReader fields = RlpReader.of(full.toByteArray()).readList("transaction");
    RlpWriter w = new RlpWriter().writeRaw(new byte[] {4}).startList();
    for (int i = 0; i < 10; i++) w.writeRaw(fields.readRaw("field"));
    return Hashing.keccak256(w.endList().toByteArray());
  }

  private static SetCodeTransaction signedSetCode(byte[] input) {
    byte[] authHash = Authorizations.signingHash(BigInteger.valueOf(CHAIN_ID), DELEGATE, 0);
    BigInteger[] a = sign(BigInteger.TWO, authHash);
    Authorization auth = new Authorization(BigInteger.valueOf(CHAIN_ID), DELEGATE, 0, parity(authHash, a, KEY_TWO),
        a[0], a[1]);
    SetCodeTransaction unsigned = new SetCodeTransaction(CHAIN_ID, 0, BigInteger.ONE, BigInteger.valueOf(100),
        200_000, TO, BigInteger.ZERO, Bytes.adopt(input), List.of(), List.of(auth), 0, BigInteger.ONE, BigInteger.ONE);
    byte[] hash = signingHash(unsigned);
    BigInteger[] rs = sign(BigInteger.ONE, hash);
    return new SetCodeTransaction(CHAIN_ID, 0, BigInteger.ONE, BigInteger.valueOf(100), 200_000, TO, BigInteger.ZERO,
        Bytes.adopt(input), List.of(), List.of(auth), parity(hash, rs, KEY_ONE), rs[0], rs[1]);
  }

  private static Evm isthmusEvm(InMemoryWorldState s) {
    OpForkRules isthmus = new OpForkRules(true, true, true, true, true, true, true, false);
    BlockEnv env = new BlockEnv(Address.ZERO, 1, 1, 30_000_000, UInt256.ofUnsigned(1), UInt256.ZERO, Bytes32.ZERO, 0,
        n -> Bytes32.ZERO);
    return new Evm(new EvmConfig(isthmus.spec(), CHAIN_ID, PrecompileSet.forFork(isthmus.precompiles())), env, s);
  }

  @Test
  void aSetCodeTransactionIsConvertedWithItsSenderAndAuthorizations() throws Exception {
    SetCodeTransaction tx = signedSetCode(new byte[0]);
    EvmTransaction etx = UserTransactions.user(tx, CHAIN_ID);
    assertThat(etx.type()).isEqualTo(4);
    assertThat(etx.sender()).isEqualTo(KEY_ONE);
    assertThat(etx.authorizationList()).isEqualTo(tx.authorizationList());

    InMemoryWorldState s = new InMemoryWorldState();
    s.putAccount(KEY_ONE, 0, UInt256.ofUnsigned(1_000_000_000_000L), Code.EMPTY, Map.of());
    TxResult r = new TransactionProcessor(isthmusEvm(s)).execute(etx);
    assertThat(r.gasUsed()).isEqualTo(21_000 + 25_000);
    assertThat(s.code(KEY_TWO).delegate()).isEqualTo(DELEGATE);
    assertThat(s.nonce(KEY_TWO)).isEqualTo(1);
  }

  @Test
  void isthmusChargesTheCalldataFloor() throws Exception {
    // 100 non-zero bytes: intrinsic 21,000 + 1,600 = 22,600; floor 21,000 + 10 · 400 tokens = 25,000.
    byte[] data = new byte[100];
    java.util.Arrays.fill(data, (byte) 1);
    InMemoryWorldState s = new InMemoryWorldState();
    s.putAccount(KEY_ONE, 0, UInt256.ofUnsigned(1_000_000_000_000L), Code.EMPTY, Map.of());
    TxResult r = new TransactionProcessor(isthmusEvm(s)).execute(UserTransactions.user(signedSetCode(data), CHAIN_ID));
    // The authorization's 25,000 counts in the intrinsic gas but not in the floor: 47,600 > 25,000.
    assertThat(r.gasUsed()).isEqualTo(21_000 + 1_600 + 25_000);
    EvmTransaction plain = new EvmTransaction(2, KEY_ONE, BigInteger.ONE, BigInteger.valueOf(100_000),
        BigInteger.valueOf(100), BigInteger.ONE, TO, BigInteger.ZERO, data, List.of(), List.of(), BigInteger.ZERO, null);
    assertThat(new TransactionProcessor(isthmusEvm(s)).execute(plain).gasUsed()).isEqualTo(25_000);
  }
}
