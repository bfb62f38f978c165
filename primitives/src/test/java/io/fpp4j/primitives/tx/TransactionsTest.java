package io.fpp4j.primitives.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.rlp.RlpException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionsTest {
  // Signature values and fields shared by the wevm/ox hash vectors below (published hashes).
  static final BigInteger R = new BigInteger("acf664dcd984d082b68c434feb66ac684711babdeefe6f101bf8df88fc367a37", 16);
  static final BigInteger S = new BigInteger("5e0800058a9b5c2250bed60ee969a45b7445e562a8298c2d222d114e6dfbfcb9", 16);
  static final Address TO = Address.fromHex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
  static final BigInteger ONE_ETH = BigInteger.TEN.pow(18);
  static final BigInteger GWEI = BigInteger.TEN.pow(9);

  static void assertRoundTrip(Transaction tx) {
    byte[] enc = tx.encode2718();
    Transaction back = Transactions.decode2718(enc);
    assertThat(back).isEqualTo(tx);
    assertThat(back.encode2718()).isEqualTo(enc);
  }

  @Test
  void eip155ExampleFromTheEip() {
    // The signed example transaction in EIP-155 (nonce 9, 20 gwei, 21000 gas, chain id 1).
    String raw = "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";
    Transaction tx = Transactions.decode2718(Hex.decode(raw));
    assertThat(tx).isInstanceOf(LegacyTransaction.class);
    LegacyTransaction l = (LegacyTransaction) tx;
    assertThat(l.nonce()).isEqualTo(9);
    assertThat(l.gasPrice()).isEqualTo(BigInteger.valueOf(20).multiply(GWEI));
    assertThat(l.gasLimit()).isEqualTo(21000);
    assertThat(l.to()).isEqualTo(Address.fromHex("0x3535353535353535353535353535353535353535"));
    assertThat(l.value()).isEqualTo(ONE_ETH);
    assertThat(l.v()).isEqualTo(37);
    assertThat(l.isProtected()).isTrue();
    assertThat(l.chainId()).isEqualTo(1L);
    assertThat(l.yParity()).isZero();
    assertThat(l.isDeposit()).isFalse();
    assertThat(Hex.encode(tx.encode2718())).isEqualTo(raw);
  }

  @Test
  void legacyWithoutEip155() {
    LegacyTransaction tx = new LegacyTransaction(665, GWEI, 21000, TO, ONE_ETH, Bytes.EMPTY, 27, R, S);
    assertThat(tx.isProtected()).isFalse();
    assertThat(tx.chainId()).isNull();
    assertRoundTrip(tx);
    // Contract creation: empty "to".
    assertRoundTrip(new LegacyTransaction(0, GWEI, 53000, null, BigInteger.ZERO, Bytes.fromHex("6000"), 28, R, S));
  }

  @Test
  void legacyHashMatchesOxVector() {
    // ox signs with chain id 1, so v = 1 * 2 + 35 + parity 0.
    LegacyTransaction tx = new LegacyTransaction(665, GWEI, 21000, TO, ONE_ETH, Bytes.EMPTY, 37, R, S);
    assertThat(tx.hash()).isEqualTo(Bytes32.fromHex("0x5e427e088ae00b084b41e198c52440aa43b2d6f8f1f01246fd25d4e9b6ebfdab"));
    assertRoundTrip(tx);
  }

  @Test
  void eip2930HashMatchesOxVector() {
    AccessListTransaction tx = new AccessListTransaction(1, 665, GWEI, 21000, TO, ONE_ETH, Bytes.EMPTY,
        List.of(new AccessListItem(Address.ZERO, List.of(Bytes32.fromHex("0x" + "00".repeat(31) + "01")))), 0, R, S);
    assertThat(tx.hash()).isEqualTo(Bytes32.fromHex("0xfcf39cca082499fb8b96317cc525a6697d65cf7bc8d7fc30d9e8d9b4c45d9a51"));
    assertThat(tx.encode2718()[0]).isEqualTo((byte) 0x01);
    assertRoundTrip(tx);
  }

  @Test
  void eip1559HashMatchesOxVector() {
    DynamicFeeTransaction tx = new DynamicFeeTransaction(1, 665, GWEI, BigInteger.valueOf(13).multiply(GWEI), 21000,
        TO, ONE_ETH, Bytes.EMPTY, List.of(), 0, R, S);
    assertThat(tx.hash()).isEqualTo(Bytes32.fromHex("0x57e6a86fac2dc4b827f6d77d869d625aebf88a71790a740bc859badf556d43c4"));
    assertRoundTrip(tx);
  }

  @Test
  void eip4844HashMatchesOxVector() {
    BlobTransaction tx = new BlobTransaction(1, 665, GWEI, GWEI, 21000, TO, ONE_ETH, Bytes.EMPTY, List.of(),
        BigInteger.ZERO, List.of(Bytes32.fromHex("0x01" + "00".repeat(31))), 0, R, S);
    assertThat(tx.hash()).isEqualTo(Bytes32.fromHex("0xf3920f47c878feb9c81f159612c8a324fbd7dbf82ec937bf348e3d42e712a03d"));
    assertRoundTrip(tx);
  }

  @Test
  void eip7702HashesMatchOxVectors() {
    SetCodeTransaction empty = new SetCodeTransaction(1, 665, GWEI, BigInteger.valueOf(13).multiply(GWEI), 21000, TO,
        ONE_ETH, Bytes.EMPTY, List.of(), List.of(), 0, R, S);
    assertThat(empty.hash()).isEqualTo(Bytes32.fromHex("0xa5ccd813e459b9154917af19270091cf3312bd759af08e0e18cd2560ef586cf4"));
    assertRoundTrip(empty);
    SetCodeTransaction withAuth = new SetCodeTransaction(1, 665, GWEI, GWEI, 21000, TO, ONE_ETH, Bytes.EMPTY,
        List.of(), List.of(new Authorization(BigInteger.ONE, TO, 665, 0, R, S)), 0, R, S);
    assertThat(withAuth.hash()).isEqualTo(Bytes32.fromHex("0x4a9abf64aff5c1d427018902dbf0ba32436cfee5226a97e2618a55e9710d18ae"));
    assertRoundTrip(withAuth);
  }

  @Test
  void authorizationWithOddParityStillDecodes() {
    // An authorization with a bad signature is skipped by the EVM, so it must decode.
    SetCodeTransaction tx = new SetCodeTransaction(10, 1, GWEI, GWEI, 50000, TO, BigInteger.ZERO, Bytes.EMPTY,
        List.of(), List.of(new Authorization(BigInteger.ZERO, TO, 3, 27, R, S)), 1, R, S);
    assertRoundTrip(tx);
  }

  @Test
  void depositIsRecognisedAndRoundTrips() {
    DepositTransaction d = new DepositTransaction(Bytes32.fromHex("0x" + "ab".repeat(32)),
        Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001"),
        Address.fromHex("0x4200000000000000000000000000000000000015"), BigInteger.ZERO, BigInteger.ZERO, 1_000_000,
        false, Bytes.fromHex("0x440a5e20"));
    byte[] enc = d.encode2718();
    assertThat(enc[0]).isEqualTo((byte) 0x7e);
    Transaction back = Transactions.decode2718(enc);
    assertThat(back.isDeposit()).isTrue();
    assertThat(back.type()).isEqualTo(TxType.DEPOSIT);
    assertThat(back).isEqualTo(d);
    assertRoundTrip(new DepositTransaction(d.sourceHash(), d.from(), null, BigInteger.TEN.pow(20), BigInteger.ONE,
        21000, true, Bytes.EMPTY));
  }

  @Test
  void blockBodyFormWrapsTypedTransactionsInStrings() {
    LegacyTransaction legacy = new LegacyTransaction(665, GWEI, 21000, TO, ONE_ETH, Bytes.EMPTY, 37, R, S);
    DynamicFeeTransaction dyn = new DynamicFeeTransaction(1, 665, GWEI, GWEI, 21000, TO, ONE_ETH, Bytes.EMPTY,
        List.of(), 1, R, S);
    byte[] body = Transactions.encodeBodyList(List.of(legacy, dyn));
    assertThat(Transactions.decodeBodyList(body)).containsExactly(legacy, dyn);
  }

  @Test
  void badEnvelopesAreRejectedWithReasons() {
    assertThatThrownBy(() -> Transactions.decode2718(new byte[0])).hasMessageContaining("empty transaction envelope");
    assertThatThrownBy(() -> Transactions.decode2718(Hex.decode("05c0")))
        .isInstanceOf(RlpException.class).hasMessageContaining("unknown EIP-2718 transaction type 0x05");
    DynamicFeeTransaction dyn = new DynamicFeeTransaction(1, 665, GWEI, GWEI, 21000, TO, ONE_ETH, Bytes.EMPTY,
        List.of(), 1, R, S);
    byte[] enc = dyn.encode2718();
    byte[] withExtra = java.util.Arrays.copyOf(enc, enc.length + 1);
    assertThatThrownBy(() -> Transactions.decode2718(withExtra)).hasMessageContaining("trailing byte");
    byte[] truncated = java.util.Arrays.copyOf(enc, enc.length - 1);
    assertThatThrownBy(() -> Transactions.decode2718(truncated)).hasMessageContaining("remain");
    // yParity 2 in a typed transaction.
    DynamicFeeTransaction p1 = new DynamicFeeTransaction(1, 0, BigInteger.ZERO, BigInteger.ZERO, 0, TO,
        BigInteger.ZERO, Bytes.EMPTY, List.of(), 1, BigInteger.ONE, BigInteger.ONE);
    byte[] e1 = p1.encode2718();
    // The payload ends with yParity 0x01, r 0x01, s 0x01: patch the parity byte to 0x02.
    e1[e1.length - 3] = 0x02;
    assertThatThrownBy(() -> Transactions.decode2718(e1)).hasMessageContaining("eip1559 tx yParity must be 0 or 1, got 2");
    // Legacy v below 35 and not 27/28.
    LegacyTransaction l = new LegacyTransaction(0, BigInteger.ZERO, 0, TO, BigInteger.ZERO, Bytes.EMPTY, 27,
        BigInteger.ONE, BigInteger.ONE);
    byte[] le = l.encode2718();
    le[le.length - 3] = 30;
    assertThatThrownBy(() -> Transactions.decode2718(le)).hasMessageContaining("legacy tx v must be 27, 28 or at least 35");
    // A "to" of 19 bytes.
    assertThatThrownBy(() -> Transactions.decode2718(Hex.decode("7ef83a" + "a0" + "00".repeat(32) + "93" + "11".repeat(19) + "8080808080")))
        .isInstanceOf(RlpException.class).hasMessageContaining("deposit tx from must be 20 bytes, got 19");
  }
}
