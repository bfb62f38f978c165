package io.fpp4j.proof.hint;

import io.fpp4j.proof.Dialect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.preimage.PreimageKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The wire text of every hint form, with the concrete strings of op-program-spec 10.3. */
public class HintCatalogueTest {
  static final Bytes32 H1 = Bytes32.fromHex("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
  static final Bytes32 H2 = Bytes32.fromHex("0x2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40");
  static final Address MESSAGE_PASSER = Address.fromHex("4200000000000000000000000000000000000016");

  @Test
  void everyNameIsExact() {
    assertThat(Arrays.stream(HintType.values()).map(HintType::wireName)).containsExactly(
        "l1-block-header", "l1-transactions", "l1-receipts", "l1-blob", "l1-precompile", "l1-precompile-v2",
        "l2-block-header", "l2-transactions", "l2-receipts", "l2-code", "l2-state-node", "l2-output",
        "starting-l2-output", "l2-output-root", "l2-account-proof", "l2-account-storage-proof",
        "l2-payload-witness", "l2-block-data", "agreed-pre-state");
    assertThat(HintType.STARTING_L2_OUTPUT.isIn(Dialect.OP_PROGRAM)).isFalse();
    assertThat(HintType.L2_OUTPUT.isIn(Dialect.KONA)).isFalse();
    assertThat(HintType.L1_PRECOMPILE_V2.isIn(Dialect.KONA)).isFalse();
    assertThat(HintType.L2_ACCOUNT_STORAGE_PROOF.isIn(Dialect.OP_PROGRAM)).isFalse();
  }

  @Test
  void l1BlockHeaderVector() {
    String text = "l1-block-header 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    assertThat(HashHint.l1BlockHeader(H1).encode()).isEqualTo(text);
    for (Dialect d : Dialect.values()) assertThat(Hints.parse(text, d)).isEqualTo(HashHint.l1BlockHeader(H1));
    assertThat(HashHint.l1Transactions(H1).encode()).startsWith("l1-transactions 0x0102");
    assertThat(HashHint.l1Receipts(H1).encode()).startsWith("l1-receipts 0x0102");
  }

  @Test
  void l2BlockHeaderWithAndWithoutChainId() {
    String withChain = "l2-block-header 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20000000000000000a";
    ChainHashHint h = ChainHashHint.of(HintType.L2_BLOCK_HEADER, H1, 10);
    assertThat(h.encode()).isEqualTo(withChain);
    assertThat(Hints.parse(withChain, Dialect.OP_PROGRAM)).isEqualTo(h);
    ChainHashHint bare = ChainHashHint.of(HintType.L2_BLOCK_HEADER, H1);
    assertThat(bare.encode()).isEqualTo("l2-block-header " + H1.toHex());
    assertThat(Hints.parse(bare.encode(), Dialect.KONA)).isEqualTo(bare);
    for (HintType t : new HintType[] {HintType.L2_TRANSACTIONS, HintType.L2_CODE, HintType.L2_STATE_NODE}) {
      assertThat(ChainHashHint.of(t, H1, 10).data()).hasSize(40);
      assertThat(Hints.parse(ChainHashHint.of(t, H1, 10).encode(), Dialect.KONA)).isEqualTo(ChainHashHint.of(t, H1, 10));
    }
  }

  @Test
  void blobHintFortyAndFortyEightBytes() {
    Bytes32 vh = Bytes32.fromHex("010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014");
    String forty = "l1-blob 0x010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014000000006553f100";
    assertThat(BlobHint.of(vh, 1_700_000_000L).encode()).isEqualTo(forty);
    assertThat(Hints.parse(forty, Dialect.KONA)).isEqualTo(BlobHint.of(vh, 1_700_000_000L));
    BlobHint legacy = BlobHint.legacy(vh, 3, 1_700_000_000L);
    assertThat(legacy.encode()).isEqualTo(
        "l1-blob 0x010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c4440140000000000000003000000006553f100");
    assertThat(Hints.parse(legacy.encode(), Dialect.OP_PROGRAM)).isEqualTo(legacy);
  }

  @Test
  void blockDataAccountProofAndAgreedPreStateVectors() {
    String blockData = "l2-block-data 0x" + Hex.encode(H1.toArray()) + Hex.encode(H2.toArray()) + "000000000000000a";
    assertThat(blockData).isEqualTo("l2-block-data 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
        + "2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40000000000000000a");
    assertThat(new BlockDataHint(H1, H2, 10).encode()).isEqualTo(blockData);
    assertThat(Hints.parse(blockData, Dialect.KONA)).isEqualTo(new BlockDataHint(H1, H2, 10));

    String proof = "l2-account-proof 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
        + "4200000000000000000000000000000000000016000000000000000a";
    OpProgramAccountProofHint op = new OpProgramAccountProofHint(H1, MESSAGE_PASSER, 10);
    assertThat(op.encode()).isEqualTo(proof);
    assertThat(op.data()).hasSize(60);
    assertThat(Hints.parse(proof, Dialect.OP_PROGRAM)).isEqualTo(op);

    String pre = "agreed-pre-state 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    assertThat(HashHint.agreedPreState(H1).encode()).isEqualTo(pre);
    assertThat(Hints.parse(pre, Dialect.OP_PROGRAM)).isEqualTo(HashHint.agreedPreState(H1));
  }

  @Test
  void konaAccountAndStorageProofLayouts() {
    KonaAccountProofHint acct = KonaAccountProofHint.of(0x1234, MESSAGE_PASSER);
    assertThat(acct.encode()).isEqualTo("l2-account-proof 0x0000000000001234" + "4200000000000000000000000000000000000016");
    assertThat(Hints.parse(acct.encode(), Dialect.KONA)).isEqualTo(acct);
    KonaAccountProofHint interop = new KonaAccountProofHint(0x1234, MESSAGE_PASSER, OptionalLong.of(10));
    assertThat(interop.data()).hasSize(36);
    assertThat(Hints.parse(interop.encode(), Dialect.KONA)).isEqualTo(interop);

    StorageProofHint slot = StorageProofHint.of(7, MESSAGE_PASSER, H2);
    assertThat(slot.encode()).isEqualTo("l2-account-storage-proof 0x0000000000000007"
        + "4200000000000000000000000000000000000016" + Hex.encode(H2.toArray()));
    assertThat(slot.data()).hasSize(60);
    assertThat(Hints.parse(slot.encode(), Dialect.KONA)).isEqualTo(slot);
    StorageProofHint slotInterop = new StorageProofHint(7, MESSAGE_PASSER, H2, OptionalLong.of(10));
    assertThat(slotInterop.data()).hasSize(68);
    assertThat(Hints.parse(slotInterop.encode(), Dialect.KONA)).isEqualTo(slotInterop);
  }

  @Test
  void agreedOutputHintsOfEachDialect() {
    assertThat(HashHint.startingL2Output(H1).encode()).isEqualTo("starting-l2-output " + H1.toHex());
    assertThat(Hints.parse("starting-l2-output " + H1.toHex(), Dialect.KONA)).isEqualTo(HashHint.startingL2Output(H1));
    assertThat(ChainHashHint.of(HintType.L2_OUTPUT, H1).encode()).isEqualTo("l2-output " + H1.toHex());
    ChainHashHint outputRoot = ChainHashHint.of(HintType.L2_OUTPUT_ROOT, H1, 10);
    assertThat(outputRoot.encode()).isEqualTo("l2-output-root " + H1.toHex() + "000000000000000a");
    assertThat(Hints.parse(outputRoot.encode(), Dialect.KONA)).isEqualTo(outputRoot);
    ChainHashHint receipts = ChainHashHint.of(HintType.L2_RECEIPTS, H1, 10);
    assertThat(Hints.parse(receipts.encode(), Dialect.OP_PROGRAM)).isEqualTo(receipts);
  }

  /** The oracle_kzg fixture of Cannon: the precompile key and the hint data are the same 220 bytes. */
  @Test
  void precompileHintsOfTheThreeForms() {
    Address addr = Address.fromHex("000000000000000000000000000000000000000a");
    byte[] input = Hex.decode(KZG_INPUT_HEX);
    PrecompileHint v2 = PrecompileHint.v2(addr, 50_000, input);
    assertThat(v2.data()).hasSize(220);
    assertThat(v2.encode()).isEqualTo("l1-precompile-v2 0x000000000000000000000000000000000000000a000000000000c350" + KZG_INPUT_HEX);
    assertThat(v2.key()).isEqualTo(PreimageKey.fromHex("06fd5c3c1c5552980c63aee54570c276cbff7532796b4d753132d51a6bedf0c6"));
    assertThat(PreimageKey.keccak256Of(v2.data()))
        .isEqualTo(PreimageKey.fromHex("02fd5c3c1c5552980c63aee54570c276cbff7532796b4d753132d51a6bedf0c6"));
    assertThat(Hints.parse(v2.encode(), Dialect.OP_PROGRAM)).isEqualTo(v2);

    PrecompileHint kona = PrecompileHint.kona(addr, 50_000, input);
    assertThat(kona.encode()).isEqualTo("l1-precompile 0x000000000000000000000000000000000000000a000000000000c350" + KZG_INPUT_HEX);
    assertThat(kona.key()).isEqualTo(v2.key());
    assertThat(Hints.parse(kona.encode(), Dialect.KONA)).isEqualTo(kona);

    // The same text read as op-program's legacy form has no gas: its input starts with the gas bytes.
    PrecompileHint legacy = (PrecompileHint) Hints.parse(kona.encode(), Dialect.OP_PROGRAM);
    assertThat(legacy.requiredGas()).isEmpty();
    assertThat(legacy.input().length()).isEqualTo(200);
    assertThat(legacy.key()).isEqualTo(PreimageKey.legacyPrecompile(addr.toArray(), legacy.input().toArray()));
    // Same key bytes (keccak over the same 220 bytes), but a host would run the precompile on gas ‖ input:
    // the mixing hazard of op-program-spec 13, which is why the dialect must be chosen, not guessed.
    assertThat(legacy.key()).isEqualTo(v2.key());
    assertThat(legacy.input()).isNotEqualTo(Bytes.of(input));
    assertThat(PrecompileHint.legacy(addr, input).encode()).isEqualTo("l1-precompile 0x000000000000000000000000000000000000000a" + KZG_INPUT_HEX);
  }

  @Test
  void konaPayloadWitnessIsParentHashThenRawJson() {
    String attrs = "{\"timestamp\":\"0x67f6a95c\",\"noTxPool\":true}";
    KonaPayloadWitnessHint h = KonaPayloadWitnessHint.of(H1, attrs);
    assertThat(h.encode()).isEqualTo("l2-payload-witness " + H1.toHex() + Hex.encode(attrs.getBytes(StandardCharsets.UTF_8)));
    assertThat(Hints.parse(h.encode(), Dialect.KONA)).isEqualTo(h);
    KonaPayloadWitnessHint withChain = new KonaPayloadWitnessHint(H1, Bytes.of(attrs.getBytes(StandardCharsets.UTF_8)), OptionalLong.of(10));
    assertThat(withChain.encode()).endsWith("7d000000000000000a");
    assertThat(Hints.parse(withChain.encode(), Dialect.KONA)).isEqualTo(withChain);
    // A chain id whose last byte is '}' (125) is still found, because the text then is not one JSON object.
    KonaPayloadWitnessHint brace = new KonaPayloadWitnessHint(H1, Bytes.of(attrs.getBytes(StandardCharsets.UTF_8)), OptionalLong.of(125));
    assertThat(Hints.parse(brace.encode(), Dialect.KONA)).isEqualTo(brace);
    assertThat(h.attributes().get("noTxPool").asBoolean()).isTrue();
  }

  @Test
  void opProgramPayloadWitnessIsHexOfJson() throws Exception {
    String attrs = "{\"timestamp\":\"0x67f6a95c\",\"noTxPool\":true}";
    String json = "{\"parentBlockHash\":\"" + H1.toHex() + "\",\"payloadAttributes\":" + attrs + ",\"chainID\":\"10\"}";
    String text = "l2-payload-witness 0x" + Hex.encode(json.getBytes(StandardCharsets.UTF_8));
    OpProgramPayloadWitnessHint h = new OpProgramPayloadWitnessHint(H1,
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(attrs), OptionalLong.of(10));
    assertThat(h.encode()).isEqualTo(text);
    assertThat(Hints.parse(text, Dialect.OP_PROGRAM)).isEqualTo(h);
    String noChain = "{\"parentBlockHash\":\"" + H1.toHex() + "\",\"payloadAttributes\":" + attrs + "}";
    OpProgramPayloadWitnessHint bare = (OpProgramPayloadWitnessHint) Hints.parse(
        "l2-payload-witness 0x" + Hex.encode(noChain.getBytes(StandardCharsets.UTF_8)), Dialect.OP_PROGRAM);
    assertThat(bare.chainId()).isEmpty();
    assertThat(new String(bare.data(), StandardCharsets.UTF_8)).isEqualTo(noChain);
  }

  @Test
  void parsingAcceptsMissingPrefixAndUpperCase() {
    HashHint expected = HashHint.l1BlockHeader(H1);
    String hex = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    assertThat(Hints.parse("l1-block-header " + hex, Dialect.KONA)).isEqualTo(expected);
    assertThat(Hints.parse("l1-block-header 0x" + hex.toUpperCase(), Dialect.KONA)).isEqualTo(expected);
    assertThat(Hints.parse("l1-block-header 0X" + hex.toUpperCase(), Dialect.OP_PROGRAM)).isEqualTo(expected);
    assertThat(RawHint.parse("fetch-state 7f7fa7f8").data()).containsExactly(0x7f, 0x7f, 0xa7, 0xf8);
    assertThat(RawHint.parse("empty 0x").data()).isEmpty();
    assertThat(RawHint.parse("empty 0x").encode()).isEqualTo("empty 0x");
  }

  @Test
  void parseErrorsNameWhatIsWrong() {
    assertThatThrownBy(() -> Hints.parse("l1-block-header", Dialect.KONA))
        .isInstanceOf(HintParseException.class).hasMessageContaining("no space").hasMessageContaining("l1-block-header");
    assertThatThrownBy(() -> Hints.parse("l1-block-header 0x01 02", Dialect.KONA))
        .hasMessageContaining("more than one space");
    assertThatThrownBy(() -> Hints.parse(" 0x01", Dialect.KONA)).hasMessageContaining("empty type");
    assertThatThrownBy(() -> Hints.parse("l1-block-heder " + H1.toHex(), Dialect.KONA))
        .hasMessageContaining("unknown hint type 'l1-block-heder'");
    assertThatThrownBy(() -> Hints.parse("L1-BLOCK-HEADER " + H1.toHex(), Dialect.KONA))
        .hasMessageContaining("unknown hint type 'L1-BLOCK-HEADER'");
    assertThatThrownBy(() -> Hints.parse("l1-block-header 0xzz", Dialect.KONA))
        .hasMessageContaining("data of hint 'l1-block-header' is not hex").hasMessageContaining("'z'");
    assertThatThrownBy(() -> Hints.parse("l1-block-header 0x012", Dialect.KONA))
        .hasMessageContaining("odd number of digits");
    assertThatThrownBy(() -> Hints.parse("l1-block-header 0x0102", Dialect.KONA))
        .hasMessageContaining("l1-block-header hint data must be 32, got 2 bytes: 0x0102");
    assertThatThrownBy(() -> Hints.parse("l2-block-header 0x" + "00".repeat(33), Dialect.KONA))
        .hasMessageContaining("must be 32 (hash) or 40 (hash ‖ chain id), got 33 bytes");
    assertThatThrownBy(() -> Hints.parse("l1-blob 0x" + "00".repeat(32), Dialect.KONA))
        .hasMessageContaining("l1-blob hint data must be 40").hasMessageContaining("or 48");
    assertThatThrownBy(() -> Hints.parse("l2-receipts " + H1.toHex(), Dialect.KONA))
        .hasMessageContaining("l2-receipts hint data must be 40");
    assertThatThrownBy(() -> Hints.parse("l2-output " + H1.toHex(), Dialect.KONA))
        .hasMessageContaining("'l2-output' is not sent by kona clients");
    assertThatThrownBy(() -> Hints.parse("starting-l2-output " + H1.toHex(), Dialect.OP_PROGRAM))
        .hasMessageContaining("'starting-l2-output' is not sent by op-program clients");
    assertThatThrownBy(() -> Hints.parse("l2-account-proof 0x" + "00".repeat(60), Dialect.KONA))
        .hasMessageContaining("28 (block number ‖ address) or 36");
    assertThatThrownBy(() -> Hints.parse("l2-account-proof 0x" + "00".repeat(28), Dialect.OP_PROGRAM))
        .hasMessageContaining("60 (block hash ‖ address ‖ chain id)");
    assertThatThrownBy(() -> Hints.parse("l1-precompile-v2 0x" + "00".repeat(27), Dialect.OP_PROGRAM))
        .hasMessageContaining("at least 28");
    assertThatThrownBy(() -> Hints.parse("l2-payload-witness " + H1.toHex() + "7b7b", Dialect.KONA))
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> Hints.parse("l2-payload-witness 0x7b", Dialect.OP_PROGRAM))
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> Hints.parse("l2-payload-witness 0x" + Hex.encode("{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
        Dialect.OP_PROGRAM)).hasMessageContaining("parentBlockHash");
  }

  public static final String KZG_INPUT_HEX = "01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b"
      + "564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306"
      + "24d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a1"
      + "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7"
      + "873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a";
}
