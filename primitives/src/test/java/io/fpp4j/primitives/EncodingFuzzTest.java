package io.fpp4j.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.Transactions;
import java.util.List;

/**
 * The Ethereum and OP decoders fed arbitrary bytes: headers, every EIP-2718 transaction envelope
 * (deposits included), receipts and block-body transaction lists. Every format here is canonical, so an
 * accepted input must re-encode to itself; a refused one must be refused with an RlpException that
 * names the offset. Inputs live under
 * {@code src/test/resources/io/fpp4j/primitives/EncodingFuzzTestInputs/<method>/}.
 */
class EncodingFuzzTest {
  static void rejectedCleanly(RlpException e, byte[] data) {
    assertThat(e.offset()).isBetween(0, data.length);
    assertThat(e.getMessage()).startsWith("RLP error at byte offset ");
  }

  static void transactionIsStrict(byte[] data) {
    Transaction tx;
    try {
      tx = Transactions.decode2718(data);
    } catch (RlpException e) {
      rejectedCleanly(e, data);
      return;
    }
    assertThat(tx.encode2718()).isEqualTo(data);
    assertThat(tx.hash()).isEqualTo(Bytes32.keccak256(data));
  }

  @FuzzTest(maxDuration = "10m")
  void transaction(byte[] data) {
    transactionIsStrict(data);
  }

  @FuzzTest(maxDuration = "10m")
  void header(byte[] data) {
    Header h;
    try {
      h = Header.decode(data);
    } catch (RlpException e) {
      rejectedCleanly(e, data);
      return;
    }
    assertThat(h.encode()).isEqualTo(data);
    assertThat(Header.decode(h.encode())).isEqualTo(h);
  }

  @FuzzTest(maxDuration = "10m")
  void receipt(byte[] data) {
    Receipt r;
    try {
      r = Receipt.decode2718(data);
    } catch (RlpException e) {
      rejectedCleanly(e, data);
      return;
    }
    assertThat(r.encode2718()).isEqualTo(data);
  }

  @FuzzTest(maxDuration = "10m")
  void bodyTransactions(byte[] data) {
    List<Transaction> txs;
    try {
      txs = Transactions.decodeBodyList(data);
    } catch (RlpException e) {
      rejectedCleanly(e, data);
      return;
    }
    assertThat(Transactions.encodeBodyList(txs)).isEqualTo(data);
  }
}
