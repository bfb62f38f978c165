package io.fpp4j.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.block.HeaderJson;
import io.fpp4j.primitives.receipt.Bloom;
import io.fpp4j.primitives.receipt.Log;
import io.fpp4j.primitives.receipt.Receipt;
import io.fpp4j.primitives.tx.AccessListItem;
import io.fpp4j.primitives.tx.AccessListTransaction;
import io.fpp4j.primitives.tx.Authorization;
import io.fpp4j.primitives.tx.BlobTransaction;
import io.fpp4j.primitives.tx.DepositTransaction;
import io.fpp4j.primitives.tx.DynamicFeeTransaction;
import io.fpp4j.primitives.tx.LegacyTransaction;
import io.fpp4j.primitives.tx.SetCodeTransaction;
import io.fpp4j.primitives.tx.Transaction;
import io.fpp4j.primitives.tx.Transactions;
import io.fpp4j.primitives.tx.TxType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random headers, transactions and receipts survive encode/decode unchanged, byte for byte. Each case
 * number seeds its own generator (and picks the type round-robin), so a failure names its reproducer.
 */
class EncodingPropertiesTest {
  static LongStream cases300() {
    return LongStream.range(0, 300);
  }

  static LongStream cases600() {
    return LongStream.range(0, 600);
  }

  static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  static Bytes32 b32(Random r) {
    return Bytes32.wrap(bytes(r, 32));
  }

  static Address addr(Random r) {
    return Address.wrap(bytes(r, 20));
  }

  /** Unsigned values of every width, with small and zero values common (their encodings are special). */
  static BigInteger uint(Random r, int maxBytes) {
    int n = r.nextInt(4) == 0 ? 0 : r.nextInt(maxBytes + 1);
    return new BigInteger(1, bytes(r, n));
  }

  static long u64(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> r.nextInt(200);
      case 2 -> -1L - r.nextInt(3); // 2^64 - 1 and just below
      default -> r.nextLong();
    };
  }

  static List<AccessListItem> accessList(Random r) {
    List<AccessListItem> out = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      List<Bytes32> keys = new ArrayList<>();
      for (int k = r.nextInt(3); k > 0; k--) keys.add(b32(r));
      out.add(new AccessListItem(addr(r), keys));
    }
    return out;
  }

  static Transaction randomTx(Random r, int type) {
    Bytes input = Bytes.adopt(bytes(r, r.nextInt(3) == 0 ? 0 : r.nextInt(300)));
    Address to = r.nextInt(5) == 0 ? null : addr(r);
    Address toRequired = addr(r);
    return switch (type) {
      case 0 -> new LegacyTransaction(u64(r), uint(r, 16), u64(r), to, uint(r, 32), input,
          r.nextBoolean() ? 27 + r.nextInt(2) : 35 + (r.nextLong() & 0xffff_ffffL), uint(r, 32), uint(r, 32));
      case 1 -> new AccessListTransaction(u64(r), u64(r), uint(r, 16), u64(r), to, uint(r, 32), input, accessList(r),
          r.nextInt(2), uint(r, 32), uint(r, 32));
      case 2 -> new DynamicFeeTransaction(u64(r), u64(r), uint(r, 16), uint(r, 16), u64(r), to, uint(r, 32), input,
          accessList(r), r.nextInt(2), uint(r, 32), uint(r, 32));
      case 3 -> {
        List<Bytes32> hashes = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) hashes.add(b32(r));
        yield new BlobTransaction(u64(r), u64(r), uint(r, 16), uint(r, 16), u64(r), toRequired, uint(r, 32), input,
            accessList(r), uint(r, 16), hashes, r.nextInt(2), uint(r, 32), uint(r, 32));
      }
      case 4 -> {
        List<Authorization> auths = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          auths.add(new Authorization(uint(r, 32), addr(r), u64(r), r.nextInt(256), uint(r, 32), uint(r, 32)));
        }
        yield new SetCodeTransaction(u64(r), u64(r), uint(r, 16), uint(r, 16), u64(r), toRequired, uint(r, 32), input,
            accessList(r), auths, r.nextInt(2), uint(r, 32), uint(r, 32));
      }
      default -> new DepositTransaction(b32(r), addr(r), to, uint(r, 16), uint(r, 32), u64(r), r.nextBoolean(), input);
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases600")
  void transactionsRoundTripByteIdentically(long seed) {
    int type = (int) (seed % 6);
    Random r = new Random(seed);
    Transaction tx = randomTx(r, type);
    byte[] enc = tx.encode2718();
    Transaction back = Transactions.decode2718(enc);
    assertThat(back).isEqualTo(tx);
    assertThat(back.encode2718()).isEqualTo(enc);
    assertThat(back.isDeposit()).isEqualTo(type == 5);
    assertThat(back.hash()).isEqualTo(Bytes32.keccak256(enc));
  }

  /** A transaction with one byte changed either fails with an RlpException or is a different canonical one. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases600")
  void corruptedTransactionsFailCleanlyOrStayCanonical(long seed) {
    Random r = new Random(seed);
    byte[] enc = randomTx(r, (int) (seed % 6)).encode2718();
    byte[] bad = enc.clone();
    bad[r.nextInt(bad.length)] = (byte) r.nextInt(256);
    EncodingFuzzTest.transactionIsStrict(bad);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases300")
  void headersRoundTripThroughRlpAndJson(long seed) {
    int forkFields = (int) (seed % 7);
    Random r = new Random(seed);
    Header h = new Header(b32(r), b32(r), addr(r), b32(r), b32(r), b32(r), Bloom.wrap(bytes(r, 256)), uint(r, 32),
        u64(r), u64(r), u64(r), u64(r), Bytes.adopt(bytes(r, r.nextInt(40))), b32(r), r.nextLong(),
        forkFields > 0 ? u64(r) : null, forkFields > 1 ? b32(r) : null, forkFields > 2 ? u64(r) : null,
        forkFields > 3 ? u64(r) : null, forkFields > 4 ? b32(r) : null, forkFields > 5 ? b32(r) : null);
    byte[] enc = h.encode();
    assertThat(Header.decode(enc)).isEqualTo(h);
    assertThat(HeaderJson.parse(HeaderJson.toJson(h).toString())).isEqualTo(h);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("cases300")
  void receiptsRoundTrip(long seed) {
    Random r = new Random(seed);
    TxType type = TxType.values()[(int) (seed % TxType.values().length)];
    List<Log> logs = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      List<Bytes32> topics = new ArrayList<>();
      for (int t = r.nextInt(5); t > 0; t--) topics.add(b32(r));
      logs.add(new Log(addr(r), topics, Bytes.adopt(bytes(r, r.nextInt(100)))));
    }
    Long nonce = type == TxType.DEPOSIT && r.nextBoolean() ? u64(r) : null;
    Long version = nonce != null && r.nextBoolean() ? (long) r.nextInt(3) : null;
    Receipt receipt = new Receipt(type, null, r.nextBoolean(), u64(r), Bloom.of(logs), logs, nonce, version);
    byte[] enc = receipt.encode2718();
    assertThat(Receipt.decode2718(enc)).isEqualTo(receipt);
    assertThat(Receipt.decode2718(enc).encode2718()).isEqualTo(enc);
  }
}
