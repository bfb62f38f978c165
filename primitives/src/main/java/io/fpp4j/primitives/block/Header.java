package io.fpp4j.primitives.block;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.receipt.Bloom;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An execution-layer block header with every field up to Prague (L1) / Isthmus (OP). The fields after
 * {@code nonce} were added by successive forks and are null when absent; they are appended to the RLP
 * list in order, so a later field may only be present if every earlier one is.
 *
 * <p>Integer fields declared {@code long} are unsigned 64-bit values (u64 in the Ethereum spec).
 */
public record Header(
    Bytes32 parentHash,
    Bytes32 ommersHash,
    Address beneficiary,
    Bytes32 stateRoot,
    Bytes32 transactionsRoot,
    Bytes32 receiptsRoot,
    Bloom logsBloom,
    BigInteger difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Bytes32 mixHash,
    long nonce,
    Long baseFeePerGas, // London (EIP-1559)
    Bytes32 withdrawalsRoot, // Shanghai / Canyon (EIP-4895)
    Long blobGasUsed, // Cancun / Ecotone (EIP-4844)
    Long excessBlobGas, // Cancun / Ecotone (EIP-4844)
    Bytes32 parentBeaconBlockRoot, // Cancun / Ecotone (EIP-4788)
    Bytes32 requestsHash) { // Prague / Isthmus (EIP-7685)

  private static final String[] OPTIONAL_NAMES = {
    "baseFeePerGas", "withdrawalsRoot", "blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot", "requestsHash"
  };

  public Header {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(ommersHash, "ommersHash");
    Objects.requireNonNull(beneficiary, "beneficiary");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(transactionsRoot, "transactionsRoot");
    Objects.requireNonNull(receiptsRoot, "receiptsRoot");
    Objects.requireNonNull(logsBloom, "logsBloom");
    Objects.requireNonNull(difficulty, "difficulty");
    Objects.requireNonNull(extraData, "extraData");
    Objects.requireNonNull(mixHash, "mixHash");
    if (difficulty.signum() < 0 || difficulty.bitLength() > 256) {
      throw new IllegalArgumentException("difficulty is not an unsigned 256-bit number: " + difficulty);
    }
    Object[] optional = {baseFeePerGas, withdrawalsRoot, blobGasUsed, excessBlobGas, parentBeaconBlockRoot, requestsHash};
    for (int i = 1; i < optional.length; i++) {
      if (optional[i] != null && optional[i - 1] == null) {
        throw new IllegalArgumentException(
            "header field " + OPTIONAL_NAMES[i] + " is set but the earlier fork field " + OPTIONAL_NAMES[i - 1] + " is not");
      }
    }
  }

  /** The block hash: keccak256 of the RLP encoding. */
  public Bytes32 hash() {
    return Bytes32.wrap(Hashing.keccak256(encode()));
  }

  public byte[] encode() {
    RlpWriter w = new RlpWriter(640);
    w.startList()
        .writeBytes32(parentHash)
        .writeBytes32(ommersHash)
        .writeAddress(beneficiary)
        .writeBytes32(stateRoot)
        .writeBytes32(transactionsRoot)
        .writeBytes32(receiptsRoot)
        .writeBytes(logsBloom.toArray())
        .writeBigInteger(difficulty)
        .writeLong(number)
        .writeLong(gasLimit)
        .writeLong(gasUsed)
        .writeLong(timestamp)
        .writeBytes(extraData)
        .writeBytes32(mixHash)
        .writeBytes(nonceBytes(nonce));
    if (baseFeePerGas != null) w.writeLong(baseFeePerGas);
    if (withdrawalsRoot != null) w.writeBytes32(withdrawalsRoot);
    if (blobGasUsed != null) w.writeLong(blobGasUsed);
    if (excessBlobGas != null) w.writeLong(excessBlobGas);
    if (parentBeaconBlockRoot != null) w.writeBytes32(parentBeaconBlockRoot);
    if (requestsHash != null) w.writeBytes32(requestsHash);
    return w.endList().toByteArray();
  }

  /** Decodes a header's RLP, rejecting non-canonical encodings, unknown extra fields and trailing bytes. */
  public static Header decode(byte[] rlp) {
    RlpReader top = RlpReader.of(rlp);
    RlpReader r = top.readList("header");
    Bytes32 parentHash = r.readBytes32("header.parentHash");
    Bytes32 ommersHash = r.readBytes32("header.ommersHash");
    Address beneficiary = r.readAddress("header.beneficiary");
    Bytes32 stateRoot = r.readBytes32("header.stateRoot");
    Bytes32 txRoot = r.readBytes32("header.transactionsRoot");
    Bytes32 receiptsRoot = r.readBytes32("header.receiptsRoot");
    Bloom bloom = Bloom.wrap(r.readFixed(Bloom.LENGTH, "header.logsBloom"));
    BigInteger difficulty = r.readBigInteger(32, "header.difficulty");
    long number = r.readLong("header.number");
    long gasLimit = r.readLong("header.gasLimit");
    long gasUsed = r.readLong("header.gasUsed");
    long timestamp = r.readLong("header.timestamp");
    Bytes extraData = r.readByteString("header.extraData");
    Bytes32 mixHash = r.readBytes32("header.mixHash");
    long nonce = nonceValue(r.readFixed(8, "header.nonce"));
    Long baseFee = r.hasNext() ? r.readLong("header.baseFeePerGas") : null;
    Bytes32 withdrawalsRoot = r.hasNext() ? r.readBytes32("header.withdrawalsRoot") : null;
    Long blobGasUsed = r.hasNext() ? r.readLong("header.blobGasUsed") : null;
    Long excessBlobGas = r.hasNext() ? r.readLong("header.excessBlobGas") : null;
    Bytes32 beaconRoot = r.hasNext() ? r.readBytes32("header.parentBeaconBlockRoot") : null;
    Bytes32 requestsHash = r.hasNext() ? r.readBytes32("header.requestsHash") : null;
    r.finish("header (requestsHash is the last known field)");
    top.finish("header");
    return new Header(parentHash, ommersHash, beneficiary, stateRoot, txRoot, receiptsRoot, bloom, difficulty,
        number, gasLimit, gasUsed, timestamp, extraData, mixHash, nonce, baseFee, withdrawalsRoot, blobGasUsed,
        excessBlobGas, beaconRoot, requestsHash);
  }

  static byte[] nonceBytes(long nonce) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) b[i] = (byte) (nonce >>> (56 - 8 * i));
    return b;
  }

  static long nonceValue(byte[] b) {
    long v = 0;
    for (byte x : b) v = (v << 8) | (x & 0xff);
    return v;
  }
}
