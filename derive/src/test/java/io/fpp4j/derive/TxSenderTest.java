package io.fpp4j.derive;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.primitives.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/** Signs transactions with private key 1, whose address is well known, and recovers it. */
class TxSenderTest {
  private static final Address KEY_ONE = Address.fromHex("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final Address TO = Address.fromHex("0xff00000000000000000000000000000000042069");

  private static BigInteger[] sign(byte[] hash) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(BigInteger.ONE,
        new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH())));
    BigInteger[] rs = signer.generateSignature(hash);
    if (rs[1].compareTo(CURVE.getN().shiftRight(1)) > 0) rs[1] = CURVE.getN().subtract(rs[1]);
    return rs;
  }

  /** The transaction signed with each parity; exactly one must recover key one. */
  private static void recoversKeyOne(Function<Integer, Transaction> withParity) {
    List<Optional<Address>> senders = List.of(TxSender.of(withParity.apply(0)), TxSender.of(withParity.apply(1)));
    assertThat(senders).filteredOn(s -> s.isPresent() && s.get().equals(KEY_ONE)).hasSize(1);
  }

  @Test
  void recoversTheSenderOfADynamicFeeTransaction() {
    RlpWriter w = new RlpWriter().writeRaw(new byte[] {2});
    w.startList().writeLong(3151908).writeLong(7).writeLong(1).writeLong(100).writeLong(21000).writeAddress(TO).writeLong(0)
        .writeBytes(new byte[] {0, 1}).startList().endList().endList();
    byte[] payload = w.toByteArray();
    BigInteger[] rs = sign(Hashing.keccak256(payload));
    recoversKeyOne(parity -> new DynamicFeeTransaction(3151908, 7, BigInteger.ONE, BigInteger.valueOf(100), 21000, TO,
        BigInteger.ZERO, Bytes.adopt(new byte[] {0, 1}), List.of(), parity, rs[0], rs[1]));
  }

  @Test
  void recoversTheSenderOfEip155AndUnprotectedLegacyTransactions() {
    RlpWriter w = new RlpWriter().startList().writeLong(7).writeLong(100).writeLong(21000).writeAddress(TO).writeLong(0)
        .writeBytes(new byte[] {5}).writeLong(900).writeLong(0).writeLong(0).endList();
    BigInteger[] rs = sign(Hashing.keccak256(w.toByteArray()));
    recoversKeyOne(parity -> new LegacyTransaction(7, BigInteger.valueOf(100), 21000, TO, BigInteger.ZERO,
        Bytes.adopt(new byte[] {5}), 900 * 2 + 35 + parity, rs[0], rs[1]));

    RlpWriter u = new RlpWriter().startList().writeLong(7).writeLong(100).writeLong(21000).writeAddress(TO).writeLong(0)
        .writeBytes(new byte[] {5}).endList();
    BigInteger[] rs2 = sign(Hashing.keccak256(u.toByteArray()));
    recoversKeyOne(parity -> new LegacyTransaction(7, BigInteger.valueOf(100), 21000, TO, BigInteger.ZERO,
        Bytes.adopt(new byte[] {5}), 27 + parity, rs2[0], rs2[1]));
  }

  @Test
  void aSignatureThatRecoversNothingGivesNoSender() {
    Transaction bad = new LegacyTransaction(7, BigInteger.ONE, 21000, TO, BigInteger.ZERO, Bytes.EMPTY, 27, BigInteger.ZERO, BigInteger.ONE);
    assertThat(TxSender.of(bad)).isEmpty();
  }
}
