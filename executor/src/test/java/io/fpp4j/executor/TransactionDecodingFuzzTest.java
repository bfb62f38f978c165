package io.fpp4j.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fpp4j.evm.tx.EvmTransaction;
import io.fpp4j.primitives.rlp.RlpException;
import io.fpp4j.primitives.tx.AccessListTransaction;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.Transactions;

/**
 * The executor's path from a payload's raw EIP-2718 bytes to the EVM's transaction: decode (strict, so an accepted
 * envelope re-encodes to itself), then a deposit converts directly and a user transaction has its sender recovered
 * from the signature. Junk signatures (r or s zero or past the curve order, high s, points off the curve, any
 * y-parity) must end in {@link UserTransactions.Rejected}, never in another exception; the recovery is
 * deterministic. Inputs live under
 * {@code src/test/resources/io/fpp4j/executor/TransactionDecodingFuzzTestInputs/rawTransaction/}.
 */
class TransactionDecodingFuzzTest {
  private static final long CHAIN_ID = 901;

  @FuzzTest(maxDuration = "10m")
  void rawTransaction(byte[] raw) {
    Transaction tx;
    try {
      tx = Transactions.decode2718(raw);
    } catch (RlpException e) {
      assertThat(e.offset()).isBetween(0, raw.length);
      return;
    }
    assertThat(tx.encode2718()).isEqualTo(raw);
    if (tx instanceof DepositTransaction d) {
      EvmTransaction e = UserTransactions.deposit(d);
      assertThat(e.sender()).isEqualTo(d.from());
      assertThat(e.deposit()).isNotNull();
      return;
    }
    for (long chainId : new long[] {CHAIN_ID, ownChainId(tx)}) {
      EvmTransaction first;
      try {
        first = UserTransactions.user(tx, chainId);
      } catch (UserTransactions.Rejected e) {
        assertThat(e.getMessage()).isNotBlank();
        continue;
      }
      assertThat(first.sender()).isNotNull();
      assertThat(first.type()).isEqualTo(tx.type().code());
      try {
        assertThat(UserTransactions.user(tx, chainId).sender()).isEqualTo(first.sender());
      } catch (UserTransactions.Rejected e) {
        throw new AssertionError("recovered once, then rejected: " + e.getMessage(), e);
      }
    }
  }

  /** The chain id the transaction signs for, so that recovery itself is reached, not only the chain-id check. */
  private static long ownChainId(Transaction tx) {
    if (tx instanceof LegacyTransaction t) return t.isProtected() ? t.chainId() : CHAIN_ID;
    if (tx instanceof AccessListTransaction t) return t.chainId();
    if (tx instanceof DynamicFeeTransaction t) return t.chainId();
    return CHAIN_ID;
  }
}
