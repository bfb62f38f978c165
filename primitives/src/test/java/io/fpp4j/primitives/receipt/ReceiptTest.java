package io.fpp4j.primitives.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.tx.TxType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptTest {
  // Three OP Sepolia deposit receipts (pre-Regolith nonce 0, Regolith, Canyon), as published in
  // Nethermind's Optimism receipt tests: header, status 1, gas, empty bloom, no logs, nonce [, version].
  static String depositReceipt(String listHeader, String gas, String tail) {
    return "7e" + listHeader + "01" + gas + "b90100" + "00".repeat(256) + "c0" + tail;
  }

  @Test
  void opSepoliaDepositReceipts() {
    String first = depositReceipt("f90109", "82f9f5", "80");
    String regolith = depositReceipt("f9010c", "82b729", "830154f4");
    String canyon = depositReceipt("f9010d", "82ab7b", "83b2557501");
    Receipt a = Receipt.decode2718(Hex.decode(first));
    assertThat(a.type()).isEqualTo(TxType.DEPOSIT);
    assertThat(a.success()).isTrue();
    assertThat(a.cumulativeGasUsed()).isEqualTo(0xf9f5);
    assertThat(a.depositNonce()).isEqualTo(0L);
    assertThat(a.depositReceiptVersion()).isNull();
    Receipt b = Receipt.decode2718(Hex.decode(regolith));
    assertThat(b.depositNonce()).isEqualTo(0x0154f4L);
    assertThat(b.depositReceiptVersion()).isNull();
    Receipt c = Receipt.decode2718(Hex.decode(canyon));
    assertThat(c.depositNonce()).isEqualTo(0xb25575L);
    assertThat(c.depositReceiptVersion()).isEqualTo(1L);
    for (String s : List.of(first, regolith, canyon)) {
      assertThat(Hex.encode(Receipt.decode2718(Hex.decode(s)).encode2718())).isEqualTo(s);
    }
  }

  @Test
  void receiptsWithLogsRoundTripAndBloomMatches() {
    Address emitter = Address.fromHex("0x4200000000000000000000000000000000000010");
    Bytes32 topic = Bytes32.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    Log log = new Log(emitter, List.of(topic, Bytes32.leftPad(new byte[] {1})), Bytes.fromHex("0x" + "00".repeat(31) + "2a"));
    for (TxType t : List.of(TxType.LEGACY, TxType.ACCESS_LIST, TxType.DYNAMIC_FEE, TxType.BLOB, TxType.SET_CODE)) {
      Receipt r = Receipt.of(t, true, 21_000 + t.code(), List.of(log));
      byte[] enc = r.encode2718();
      if (t == TxType.LEGACY) assertThat(enc[0] & 0xff).isGreaterThanOrEqualTo(0xc0);
      else assertThat(enc[0]).isEqualTo((byte) t.code());
      Receipt back = Receipt.decode2718(enc);
      assertThat(back).isEqualTo(r);
      assertThat(back.bloomMatchesLogs()).isTrue();
      assertThat(back.logsBloom().mayContain(emitter)).isTrue();
      assertThat(back.logsBloom().mayContain(topic)).isTrue();
    }
    Receipt failed = Receipt.of(TxType.DYNAMIC_FEE, false, 5, List.of());
    assertThat(Receipt.decode2718(failed.encode2718()).success()).isFalse();
    assertThat(failed.logsBloom()).isEqualTo(Bloom.EMPTY);
  }

  @Test
  void bloomSetsThreeBitsPerItemAndUnionContainsBoth() {
    Log a = new Log(Address.fromHex("0x" + "01".repeat(20)), List.of(), Bytes.EMPTY);
    Log b = new Log(Address.fromHex("0x" + "02".repeat(20)), List.of(), Bytes.EMPTY);
    Bloom ba = Bloom.of(List.of(a));
    int bits = 0;
    for (byte x : ba.toArray()) bits += Integer.bitCount(x & 0xff);
    assertThat(bits).isBetween(1, 3);
    Bloom both = ba.or(Bloom.of(List.of(b)));
    assertThat(both).isEqualTo(Bloom.of(List.of(a, b)));
    assertThat(both.mayContain(a.address())).isTrue();
    assertThat(both.mayContain(b.address())).isTrue();
  }

  @Test
  void preByzantiumReceiptCarriesStateRoot() {
    Receipt r = new Receipt(TxType.LEGACY, Bytes32.fromHex("0x" + "aa".repeat(32)), false, 21000, Bloom.EMPTY,
        List.of(), null, null);
    assertThat(Receipt.decode2718(r.encode2718())).isEqualTo(r);
  }

  @Test
  void badReceiptsAreRejected() {
    assertThatThrownBy(() -> Receipt.decode2718(Hex.decode("05c0"))).hasMessageContaining("unknown receipt type 0x05");
    String badStatus = "f90106" + "02" + "80" + "b90100" + "00".repeat(256) + "c0";
    assertThatThrownBy(() -> Receipt.decode2718(Hex.decode(badStatus)))
        .hasMessageContaining("byte offset 3: receipt status must be empty, 0x01 or a 32-byte state root, got 0x02");
    // Deposit fields on a non-deposit receipt are an extra field.
    String extra = "02f90107" + "01" + "80" + "b90100" + "00".repeat(256) + "c0" + "01";
    assertThatThrownBy(() -> Receipt.decode2718(Hex.decode(extra))).hasMessageContaining("trailing byte(s) after receipt fields");
    assertThatThrownBy(() -> new Receipt(TxType.DYNAMIC_FEE, null, true, 1, Bloom.EMPTY, List.of(), 1L, null))
        .hasMessageContaining("only deposit receipts");
  }

  @Test
  void aLogDecodesFromItsOwnRlpAndRejectsTrailingBytes() {
    Log log = new Log(Address.fromHex("0x" + "03".repeat(20)), List.of(Bytes32.leftPad(new byte[] {7})), Bytes.fromHex("0x2a"));
    io.fpp4j.primitives.rlp.RlpWriter w = new io.fpp4j.primitives.rlp.RlpWriter();
    log.writeTo(w);
    byte[] rlp = w.toByteArray();
    assertThat(Log.decode(rlp)).isEqualTo(log);
    byte[] longer = java.util.Arrays.copyOf(rlp, rlp.length + 1);
    assertThatThrownBy(() -> Log.decode(longer))
        .isInstanceOf(io.fpp4j.primitives.rlp.RlpException.class).hasMessageContaining("trailing byte(s) after log");
  }
}
