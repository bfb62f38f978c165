package io.fpp4j.primitives.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashes;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.receipt.Bloom;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class HeaderTest {
  static Header mainnetGenesis() {
    return new Header(Bytes32.ZERO, Hashes.EMPTY_OMMERS_HASH, Address.ZERO,
        Bytes32.fromHex("0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544"),
        Hashes.EMPTY_TRIE_ROOT, Hashes.EMPTY_TRIE_ROOT, Bloom.EMPTY, BigInteger.valueOf(17_179_869_184L), 0, 5000, 0, 0,
        Bytes.fromHex("0x11bbe8db4e347b4e8c937c1c8370e4b5ed33adb3db69cbdb7a38e1e50b1b82fa"), Bytes32.ZERO, 0x42,
        null, null, null, null, null, null);
  }

  @Test
  void mainnetGenesisHash() {
    Header g = mainnetGenesis();
    assertThat(g.hash()).isEqualTo(Bytes32.fromHex("0xd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3"));
    assertThat(Header.decode(g.encode())).isEqualTo(g);
  }

  @Test
  void frontierHeaderFromRlpRoundTripsAndHashes() {
    // A mainnet Frontier-era header and its hash, as published in the ciri client's test suite.
    String rlp = "f90218a0d33c9dde9fff0ebaa6e71e8b26d2bda15ccf111c7af1b633698ac847667f0fb4a01dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d493479452bc44d5378309ee2abf1539bf71de1b7d7be3b5a0ed98aa4b5b19c82fb35364f08508ae0a6dec665fa57663dca94c5d70554cde10a0447cbd8c48f498a6912b10831cdff59c7fbfcbbe735ca92883d4fa06dcd7ae54a07fa0f6ca2a01823208d80801edad37e3e3a003b55c89319b45eb1f97862ad229b9010000"
        + "00".repeat(255)
        + "860b6b4beb1e8e830f423f832fefd8830386588456bfb40598d783010303844765746887676f312e342e32856c696e7578a05b10f4a08a6c209d426f6158bd24b574f4f7b7aa0099c67c14a1f693b4dd04d088f491f46b60fe04b3";
    byte[] bytes = Hex.decode(rlp);
    Header h = Header.decode(bytes);
    assertThat(h.number()).isEqualTo(0x0f423f); // block 999,999
    assertThat(h.baseFeePerGas()).isNull();
    assertThat(h.encode()).isEqualTo(bytes);
    assertThat(h.hash()).isEqualTo(Bytes32.fromHex("0xb4fbadf8ea452b139718e2700dc1135cfc81145031c84b7ab27cd710394f7b38"));
  }

  static Header isthmusLike() {
    Header g = mainnetGenesis();
    return new Header(g.parentHash(), g.ommersHash(), Address.fromHex("0x4200000000000000000000000000000000000011"),
        g.stateRoot(), g.transactionsRoot(), g.receiptsRoot(), g.logsBloom(), BigInteger.ZERO, 30_000_000L,
        60_000_000L, 1_234_567L, 1_746_000_000L, Bytes.fromHex("0x00000000fa00000006"), Bytes32.fromHex("0x" + "11".repeat(32)),
        0, 252L, Hashes.EMPTY_TRIE_ROOT, 0L, 0L, Bytes32.fromHex("0x" + "22".repeat(32)),
        Bytes32.fromHex("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  }

  @Test
  void everyForkFieldRoundTripsThroughRlpAndJson() {
    Header h = isthmusLike();
    assertThat(Header.decode(h.encode())).isEqualTo(h);
    ObjectNode json = HeaderJson.toJson(h);
    assertThat(json.get("requestsHash").asText()).isEqualTo(h.requestsHash().toHex());
    assertThat(json.get("baseFeePerGas").asText()).isEqualTo("0xfc");
    assertThat(HeaderJson.parse(json.toString())).isEqualTo(h);
    // Dropping trailing fork fields gives older headers, which also round-trip.
    json.remove("requestsHash");
    json.remove("hash");
    Header cancun = HeaderJson.parse(json);
    assertThat(cancun.requestsHash()).isNull();
    assertThat(Header.decode(cancun.encode())).isEqualTo(cancun);
    assertThat(cancun.hash()).isNotEqualTo(h.hash());
  }

  @Test
  void laterForkFieldWithoutEarlierOneIsRejected() {
    Header g = mainnetGenesis();
    assertThatThrownBy(() -> new Header(g.parentHash(), g.ommersHash(), g.beneficiary(), g.stateRoot(),
            g.transactionsRoot(), g.receiptsRoot(), g.logsBloom(), g.difficulty(), 1, 1, 0, 0, Bytes.EMPTY,
            Bytes32.ZERO, 0, 7L, null, 0L, 0L, null, null))
        .hasMessageContaining("blobGasUsed is set but the earlier fork field withdrawalsRoot is not");
  }

  @Test
  void jsonHashMismatchAndBadQuantitiesAreReported() {
    ObjectNode json = HeaderJson.toJson(isthmusLike());
    ObjectNode wrongHash = json.deepCopy().put("hash", "0x" + "00".repeat(32));
    assertThatThrownBy(() -> HeaderJson.parse(wrongHash)).hasMessageContaining("header JSON says hash 0x0000");
    ObjectNode leadingZero = json.deepCopy().put("gasUsed", "0x012d687");
    assertThatThrownBy(() -> HeaderJson.parse(leadingZero)).hasMessageContaining("header.gasUsed has leading zero digits");
    ObjectNode missing = json.deepCopy();
    missing.remove("stateRoot");
    assertThatThrownBy(() -> HeaderJson.parse(missing)).hasMessageContaining("lacks the required field stateRoot");
    ObjectNode shortRoot = json.deepCopy().put("receiptsRoot", "0x1234");
    assertThatThrownBy(() -> HeaderJson.parse(shortRoot)).hasMessageContaining("receiptsRoot must be 32 bytes, got 2");
    ObjectNode badNumber = json.deepCopy().put("number", "0x+1");
    assertThatThrownBy(() -> HeaderJson.parse(badNumber)).hasMessageContaining("non-hex character");
  }

  @Test
  void extraFieldInRlpIsRejected() {
    byte[] enc = isthmusLike().encode();
    // Append a 22nd field: rewrite the list with one more item.
    io.fpp4j.primitives.rlp.RlpWriter w = new io.fpp4j.primitives.rlp.RlpWriter().startList();
    io.fpp4j.primitives.rlp.RlpReader r = io.fpp4j.primitives.rlp.RlpReader.of(enc).readList("h");
    while (r.hasNext()) w.writeRaw(r.readRaw("f"));
    byte[] extended = w.writeLong(1).endList().toByteArray();
    assertThatThrownBy(() -> Header.decode(extended)).hasMessageContaining("trailing byte(s) after header (requestsHash is the last known field)");
  }

  @Test
  void outputRootV0Vector() {
    // kona-protocol's OutputRoot test vector (kona.md 4.9).
    OutputRoot o = new OutputRoot(Bytes32.leftPad(Hex.decode("beef")), Bytes32.leftPad(Hex.decode("babe")),
        Bytes32.leftPad(Hex.decode("c0de")));
    assertThat(o.hash()).isEqualTo(Bytes32.fromHex("0x0c39fb6b07cf6694b13e63e59f7b15255be1c93a4d6d3e0da6c99729647c0d11"));
    byte[] pre = o.encode();
    assertThat(pre).hasSize(128);
    assertThat(Hex.encode(pre, 0, 32)).isEqualTo("00".repeat(32));
    assertThat(OutputRoot.decode(pre)).isEqualTo(o);
    pre[31] = 1;
    assertThatThrownBy(() -> OutputRoot.decode(pre)).hasMessageContaining("unknown output root version");
    assertThatThrownBy(() -> OutputRoot.decode(new byte[96])).hasMessageContaining("128 bytes, got 96");
  }

  @Test
  void withdrawalRoundTrip() {
    Withdrawal w = new Withdrawal(15, 8000, Address.fromHex("0x" + "ab".repeat(20)), 32_000_000_000L);
    assertThat(Withdrawal.decode(w.encode())).isEqualTo(w);
    assertThat(Hex.encode(new Withdrawal(0, 0, Address.ZERO, 0).encode())).isEqualTo("d88080" + "94" + "00".repeat(20) + "80");
  }
}
