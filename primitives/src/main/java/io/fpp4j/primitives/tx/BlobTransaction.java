package io.fpp4j.primitives.tx;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.rlp.RlpReader;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * EIP-4844 in its canonical (block) form: {@code 0x03 || rlp([chainId, nonce, maxPriorityFeePerGas,
 * maxFeePerGas, gasLimit, to, value, input, accessList, maxFeePerBlobGas, blobVersionedHashes, yParity, r,
 * s])}. A blob transaction cannot create a contract, so {@code to} is required. The network form with
 * blobs, commitments and proofs attached is not accepted here.
 */
public record BlobTransaction(
    long chainId, long nonce, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, long gasLimit, Address to,
    BigInteger value, Bytes input, List<AccessListItem> accessList, BigInteger maxFeePerBlobGas,
    List<Bytes32> blobVersionedHashes, int yParity, BigInteger r, BigInteger s) implements Transaction {

  public BlobTransaction {
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "a blob transaction must have a recipient");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(input, "input");
    accessList = List.copyOf(accessList);
    Objects.requireNonNull(maxFeePerBlobGas, "maxFeePerBlobGas");
    blobVersionedHashes = List.copyOf(blobVersionedHashes);
    Signatures.checkParity(yParity);
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
  }

  @Override
  public TxType type() {
    return TxType.BLOB;
  }

  @Override
  public void writeFields(RlpWriter w) {
    w.startList().writeLong(chainId).writeLong(nonce).writeBigInteger(maxPriorityFeePerGas)
        .writeBigInteger(maxFeePerGas).writeLong(gasLimit).writeAddress(to).writeBigInteger(value)
        .writeBytes(input);
    AccessListItem.writeList(w, accessList);
    w.writeBigInteger(maxFeePerBlobGas).startList();
    for (Bytes32 h : blobVersionedHashes) w.writeBytes32(h);
    w.endList().writeLong(yParity).writeBigInteger(r).writeBigInteger(s).endList();
  }

  static BlobTransaction read(RlpReader r) {
    if (r.hasNext() && r.nextIsList("eip4844 tx chainId")) {
      throw r.errorHere("eip4844 tx in network form (with blob sidecar); only the canonical block form is accepted");
    }
    long chainId = r.readLong("eip4844 tx chainId");
    long nonce = r.readLong("eip4844 tx nonce");
    BigInteger tip = r.readBigInteger(16, "eip4844 tx maxPriorityFeePerGas");
    BigInteger cap = r.readBigInteger(16, "eip4844 tx maxFeePerGas");
    long gas = r.readLong("eip4844 tx gasLimit");
    Address to = r.readAddress("eip4844 tx to");
    BigInteger value = r.readBigInteger(32, "eip4844 tx value");
    Bytes input = r.readByteString("eip4844 tx input");
    List<AccessListItem> al = AccessListItem.readList(r);
    BigInteger blobFee = r.readBigInteger(16, "eip4844 tx maxFeePerBlobGas");
    RlpReader hl = r.readList("eip4844 tx blobVersionedHashes");
    List<Bytes32> hashes = new ArrayList<>();
    while (hl.hasNext()) hashes.add(hl.readBytes32("blob versioned hash"));
    int parity = Signatures.readParity(r, "eip4844 tx yParity");
    BigInteger sr = r.readBigInteger(32, "eip4844 tx r");
    BigInteger ss = r.readBigInteger(32, "eip4844 tx s");
    r.finish("eip4844 tx fields");
    return new BlobTransaction(chainId, nonce, tip, cap, gas, to, value, input, al, blobFee, hashes, parity, sr, ss);
  }
}
