package io.fpp4j.proof.hint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every form of every hint type with concrete bytes: the value encodes to exactly the text the peers' clients
 * write, {@code sendTo} writes that text and nothing else, and parsing the text in each dialect that sends the
 * form gives the value back.
 */
class HintWireFormTest {
  static final String H1 = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
  static final String H2 = "2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40";
  static final String VERSIONED = "010657f37554c781402a22917dee2f75def7ab966d7b770905398eba3c444014";
  static final String PASSER = "4200000000000000000000000000000000000016";
  static final String ECRECOVER = "0000000000000000000000000000000000000001";
  static final String CHAIN_10 = "000000000000000a";
  static final String ATTRIBUTES = "{\"timestamp\":\"0x67f6a95c\",\"noTxPool\":true}";

  static Bytes32 h(String hex) {
    return Bytes32.fromHex(hex);
  }

  /** One form: its value, the exact wire text, the dialects whose clients send it, and the chain it names. */
  record Form(Hint value, String wire, Set<Dialect> dialects, OptionalLong chain) {}

  static final Set<Dialect> BOTH = EnumSet.allOf(Dialect.class);
  static final Set<Dialect> KONA = EnumSet.of(Dialect.KONA);
  static final Set<Dialect> OP = EnumSet.of(Dialect.OP_PROGRAM);
  static final OptionalLong NONE = OptionalLong.empty();
  static final OptionalLong TEN = OptionalLong.of(10);

  static List<Form> forms() throws Exception {
    Address passer = Address.fromHex(PASSER);
    Address ecrecover = Address.fromHex(ECRECOVER);
    byte[] input = Hex.decode("c0ffee");
    String opWitnessJson = "{\"parentBlockHash\":\"0x" + H1 + "\",\"payloadAttributes\":" + ATTRIBUTES + ",\"chainID\":\"10\"}";
    List<Form> f = new ArrayList<>();
    f.add(new Form(HashHint.l1BlockHeader(h(H1)), "l1-block-header 0x" + H1, BOTH, NONE));
    f.add(new Form(HashHint.l1Transactions(h(H1)), "l1-transactions 0x" + H1, BOTH, NONE));
    f.add(new Form(HashHint.l1Receipts(h(H2)), "l1-receipts 0x" + H2, BOTH, NONE));
    f.add(new Form(BlobHint.of(h(VERSIONED), 1_700_000_000L), "l1-blob 0x" + VERSIONED + "000000006553f100", BOTH, NONE));
    f.add(new Form(BlobHint.legacy(h(VERSIONED), 3, 1_700_000_000L),
        "l1-blob 0x" + VERSIONED + "0000000000000003" + "000000006553f100", BOTH, NONE));
    f.add(new Form(PrecompileHint.kona(ecrecover, 3000, input), "l1-precompile 0x" + ECRECOVER + "0000000000000bb8c0ffee", KONA, NONE));
    f.add(new Form(PrecompileHint.legacy(ecrecover, input), "l1-precompile 0x" + ECRECOVER + "c0ffee", OP, NONE));
    f.add(new Form(PrecompileHint.v2(ecrecover, 3000, input), "l1-precompile-v2 0x" + ECRECOVER + "0000000000000bb8c0ffee", OP, NONE));
    f.add(new Form(ChainHashHint.of(HintType.L2_BLOCK_HEADER, h(H1)), "l2-block-header 0x" + H1, BOTH, NONE));
    f.add(new Form(ChainHashHint.of(HintType.L2_BLOCK_HEADER, h(H1), 10), "l2-block-header 0x" + H1 + CHAIN_10, BOTH, TEN));
    f.add(new Form(ChainHashHint.of(HintType.L2_TRANSACTIONS, h(H1)), "l2-transactions 0x" + H1, BOTH, NONE));
    f.add(new Form(ChainHashHint.of(HintType.L2_TRANSACTIONS, h(H1), 10), "l2-transactions 0x" + H1 + CHAIN_10, BOTH, TEN));
    f.add(new Form(ChainHashHint.of(HintType.L2_RECEIPTS, h(H1), 10), "l2-receipts 0x" + H1 + CHAIN_10, BOTH, TEN));
    f.add(new Form(ChainHashHint.of(HintType.L2_RECEIPTS, h(H1)), "l2-receipts 0x" + H1, OP, NONE));
    f.add(new Form(ChainHashHint.of(HintType.L2_CODE, h(H2)), "l2-code 0x" + H2, BOTH, NONE));
    f.add(new Form(ChainHashHint.of(HintType.L2_CODE, h(H2), 10), "l2-code 0x" + H2 + CHAIN_10, BOTH, TEN));
    f.add(new Form(ChainHashHint.of(HintType.L2_STATE_NODE, h(H2)), "l2-state-node 0x" + H2, BOTH, NONE));
    f.add(new Form(ChainHashHint.of(HintType.L2_STATE_NODE, h(H2), 10), "l2-state-node 0x" + H2 + CHAIN_10, BOTH, TEN));
    f.add(new Form(ChainHashHint.of(HintType.L2_OUTPUT, h(H1)), "l2-output 0x" + H1, OP, NONE));
    f.add(new Form(ChainHashHint.of(HintType.L2_OUTPUT, h(H1), 10), "l2-output 0x" + H1 + CHAIN_10, OP, TEN));
    f.add(new Form(HashHint.startingL2Output(h(H1)), "starting-l2-output 0x" + H1, KONA, NONE));
    f.add(new Form(ChainHashHint.of(HintType.L2_OUTPUT_ROOT, h(H1), 10), "l2-output-root 0x" + H1 + CHAIN_10, KONA, TEN));
    f.add(new Form(KonaAccountProofHint.of(0x1234, passer), "l2-account-proof 0x0000000000001234" + PASSER, KONA, NONE));
    f.add(new Form(new KonaAccountProofHint(0x1234, passer, TEN), "l2-account-proof 0x0000000000001234" + PASSER + CHAIN_10,
        KONA, TEN));
    f.add(new Form(new OpProgramAccountProofHint(h(H1), passer, 10), "l2-account-proof 0x" + H1 + PASSER + CHAIN_10, OP, TEN));
    f.add(new Form(StorageProofHint.of(7, passer, h(H2)), "l2-account-storage-proof 0x0000000000000007" + PASSER + H2, KONA, NONE));
    f.add(new Form(new StorageProofHint(7, passer, h(H2), TEN),
        "l2-account-storage-proof 0x0000000000000007" + PASSER + H2 + CHAIN_10, KONA, TEN));
    f.add(new Form(KonaPayloadWitnessHint.of(h(H1), ATTRIBUTES),
        "l2-payload-witness 0x" + H1 + Hex.encode(ATTRIBUTES.getBytes(StandardCharsets.UTF_8)), KONA, NONE));
    f.add(new Form(new KonaPayloadWitnessHint(h(H1), Bytes.of(ATTRIBUTES.getBytes(StandardCharsets.UTF_8)), TEN),
        "l2-payload-witness 0x" + H1 + Hex.encode(ATTRIBUTES.getBytes(StandardCharsets.UTF_8)) + CHAIN_10, KONA, TEN));
    f.add(new Form(new OpProgramPayloadWitnessHint(h(H1), new ObjectMapper().readTree(ATTRIBUTES), TEN),
        "l2-payload-witness 0x" + Hex.encode(opWitnessJson.getBytes(StandardCharsets.UTF_8)), OP, TEN));
    f.add(new Form(new BlockDataHint(h(H1), h(H2), 10), "l2-block-data 0x" + H1 + H2 + CHAIN_10, BOTH, TEN));
    f.add(new Form(HashHint.agreedPreState(h(H2)), "agreed-pre-state 0x" + H2, BOTH, NONE));
    return f;
  }

  @Test
  void everyFormEncodesToItsWireTextAndParsesBackInEachDialectThatSendsIt() throws Exception {
    for (Form form : forms()) {
      assertThat(form.value().encode()).as("%s", form.value()).isEqualTo(form.wire());
      assertThat(form.value().l2ChainId()).as("chain of %s", form.wire()).isEqualTo(form.chain());
      List<String> sent = new ArrayList<>();
      form.value().sendTo(sent::add);
      assertThat(sent).containsExactly(form.wire());
      for (Dialect d : form.dialects()) {
        assertThat(Hints.parse(form.wire(), d)).as("%s in %s", form.wire(), d).isEqualTo(form.value())
            .isExactlyInstanceOf(Hints.valueType(form.value().type(), d));
        assertThat(Hints.parse(form.value().encode(), d).encode()).isEqualTo(form.wire());
      }
    }
  }

  @Test
  void everyTypeOfEachDialectHasAForm() throws Exception {
    for (Dialect d : Dialect.values()) {
      Set<HintType> covered = EnumSet.noneOf(HintType.class);
      for (Form form : forms()) if (form.dialects().contains(d)) covered.add(form.value().type());
      Set<HintType> expected = EnumSet.noneOf(HintType.class);
      for (HintType t : HintType.values()) if (t.isIn(d)) expected.add(t);
      assertThat(covered).as("types of %s", d).isEqualTo(expected);
    }
  }

  /** Where the peers' layouts differ, the same text is a different value, or no value, in the other dialect. */
  @Test
  void formsOfOneDialectReadDifferentlyInTheOther() {
    String kona = "l1-precompile 0x" + ECRECOVER + "0000000000000bb8c0ffee";
    assertThat(Hints.parse(kona, Dialect.OP_PROGRAM))
        .isEqualTo(PrecompileHint.legacy(Address.fromHex(ECRECOVER), Hex.decode("0000000000000bb8c0ffee")));
    assertThatThrownBy(() -> Hints.parse("l2-account-proof 0x0000000000001234" + PASSER, Dialect.OP_PROGRAM))
        .isInstanceOf(HintParseException.class).hasMessageContaining("got 28 bytes");
    assertThatThrownBy(() -> Hints.parse("l2-account-proof 0x" + H1 + PASSER + CHAIN_10, Dialect.KONA))
        .isInstanceOf(HintParseException.class).hasMessageContaining("got 60 bytes");
    assertThatThrownBy(() -> Hints.parse("l2-receipts 0x" + H1, Dialect.KONA))
        .isInstanceOf(HintParseException.class).hasMessageContaining("l2-receipts hint data must be 40 (hash ‖ chain id), got 32 bytes");
    assertThatThrownBy(() -> Hints.parse("l2-payload-witness 0x" + H1 + Hex.encode(ATTRIBUTES.getBytes(StandardCharsets.UTF_8)),
        Dialect.OP_PROGRAM)).isInstanceOf(HintParseException.class).hasMessageContaining("is not JSON");
  }
}
