package io.fpp4j.proof.hint;

import io.fpp4j.proof.Dialect;

/**
 * Parses hint text into the catalogue's values. Names are matched exactly; the data may have a {@code 0x}
 * prefix or not and may be in either case. The dialect decides what the peers disagree on: the layout of
 * {@code l1-precompile}, {@code l2-account-proof} and {@code l2-payload-witness}, and which names exist.
 */
public final class Hints {
  private Hints() {}

  /**
   * Parses one hint of {@code dialect}.
   *
   * @throws HintParseException naming what is wrong: the text's shape, an unknown name, a name the dialect
   *     does not use, or data of the wrong length or form for the named hint
   */
  public static Hint parse(String text, Dialect dialect) {
    return interpret(RawHint.parse(text), dialect);
  }

  /** Interprets an already split hint; see {@link #parse}. */
  public static Hint interpret(RawHint raw, Dialect dialect) {
    HintType type = HintType.fromWireName(raw.name()).orElseThrow(() -> new HintParseException(
        "unknown hint type '" + raw.name() + "' in hint '" + raw + "'"));
    if (!type.isIn(dialect)) {
      throw new HintParseException("hint type '" + type.wireName() + "' is not sent by " + dialect + " clients");
    }
    byte[] data = raw.data();
    return switch (type) {
      case L1_BLOCK_HEADER, L1_TRANSACTIONS, L1_RECEIPTS, STARTING_L2_OUTPUT, AGREED_PRE_STATE ->
          HashHint.decode(type, data);
      case L2_BLOCK_HEADER, L2_TRANSACTIONS, L2_CODE, L2_STATE_NODE, L2_OUTPUT, L2_OUTPUT_ROOT, L2_RECEIPTS ->
          ChainHashHint.decode(type, dialect, data);
      case L1_BLOB -> BlobHint.decode(data);
      case L1_PRECOMPILE, L1_PRECOMPILE_V2 -> PrecompileHint.decode(type, dialect, data);
      case L2_ACCOUNT_PROOF -> dialect == Dialect.KONA
          ? KonaAccountProofHint.decode(data)
          : OpProgramAccountProofHint.decode(data);
      case L2_ACCOUNT_STORAGE_PROOF -> StorageProofHint.decode(data);
      case L2_PAYLOAD_WITNESS -> dialect == Dialect.KONA
          ? KonaPayloadWitnessHint.decode(data)
          : OpProgramPayloadWitnessHint.decode(data);
      case L2_BLOCK_DATA -> BlockDataHint.decode(data);
    };
  }

  /**
   * The record {@link #interpret} makes of a hint of {@code type} from a client of {@code dialect}, so that a
   * host registering a typed handler per type can be checked when it is built rather than when a hint comes.
   */
  public static Class<? extends Hint> valueType(HintType type, Dialect dialect) {
    return switch (type) {
      case L1_BLOCK_HEADER, L1_TRANSACTIONS, L1_RECEIPTS, STARTING_L2_OUTPUT, AGREED_PRE_STATE -> HashHint.class;
      case L2_BLOCK_HEADER, L2_TRANSACTIONS, L2_CODE, L2_STATE_NODE, L2_OUTPUT, L2_OUTPUT_ROOT, L2_RECEIPTS ->
          ChainHashHint.class;
      case L1_BLOB -> BlobHint.class;
      case L1_PRECOMPILE, L1_PRECOMPILE_V2 -> PrecompileHint.class;
      case L2_ACCOUNT_PROOF -> dialect == Dialect.KONA ? KonaAccountProofHint.class : OpProgramAccountProofHint.class;
      case L2_ACCOUNT_STORAGE_PROOF -> StorageProofHint.class;
      case L2_PAYLOAD_WITNESS -> dialect == Dialect.KONA ? KonaPayloadWitnessHint.class : OpProgramPayloadWitnessHint.class;
      case L2_BLOCK_DATA -> BlockDataHint.class;
    };
  }
}
