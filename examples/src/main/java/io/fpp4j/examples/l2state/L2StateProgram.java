package io.fpp4j.examples.l2state;

import io.fpp4j.fpvm.InvalidClaimException;
import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.fpvm.ProgramEntry;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.state.Account;
import io.fpp4j.proof.Dialect;
import io.fpp4j.preimage.CachingOracle;
import io.fpp4j.proof.l2.L2ChainProvider;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Checks a claim about an account in the L2 state after a block: it reads the block's header by hash, walks
 * the state trie to the account (and optionally its storage trie to one slot), and exits 0 if the claimed
 * account state is right, 1 if not (2 if the data cannot be read).
 *
 * <p>Boot inputs (local keys):
 * <ol>
 *   <li>the L2 block hash (32 bytes);
 *   <li>the account address (20 bytes);
 *   <li>the claim: {@code u64be(nonce) ‖ balance[32] ‖ storageRoot[32] ‖ codeHash[32]} (104 bytes), optionally
 *       followed by {@code slot[32] ‖ value[32]} (168 bytes); an absent account is claimed as the empty one;
 *   <li>the L2 chain id (8 bytes), which op-program's account-proof hint carries.
 * </ol>
 * The first argument picks the hint dialect: {@code kona} (default) or {@code op-program}.
 */
public final class L2StateProgram implements FaultProofProgram {
  public static final int CLAIM_BYTES = 104;
  public static final int CLAIM_WITH_SLOT_BYTES = 168;

  private final Dialect dialect;

  /** Kona's hints, for a host running the program in its own JVM ({@code fpp4j host serve --native --program}). */
  public L2StateProgram() {
    this(Dialect.KONA);
  }

  public L2StateProgram(Dialect dialect) {
    this.dialect = dialect;
  }

  public static void main(String[] args) {
    Dialect dialect = args.length > 0 && args[0].equals("op-program") ? Dialect.OP_PROGRAM : Dialect.KONA;
    ProgramEntry.main(new L2StateProgram(dialect));
  }

  @Override
  public boolean run(OracleClient oracle) throws InvalidClaimException {
    return check(oracle, dialect);
  }

  /** The claim bytes for an account (and optionally a slot and its value). */
  public static byte[] encodeClaim(Account account, Bytes32 slot, Bytes32 value) {
    ByteBuffer b = ByteBuffer.allocate(slot == null ? CLAIM_BYTES : CLAIM_WITH_SLOT_BYTES);
    b.putLong(account.nonce()).put(Bytes32.fromBigInteger(account.balance()).toArray())
        .put(account.storageRoot().toArray()).put(account.codeHash().toArray());
    if (slot != null) b.put(slot.toArray()).put(value.toArray());
    return b.array();
  }

  static boolean check(OracleClient raw, Dialect dialect) throws InvalidClaimException {
    OracleClient oracle = new CachingOracle(raw);
    Bytes32 blockHash = Bytes32.wrap(exact(oracle.get(PreimageKey.local(1)), 32, "L2 block hash (local key 1)"));
    Address address = Address.wrap(exact(oracle.get(PreimageKey.local(2)), 20, "account address (local key 2)"));
    byte[] claim = oracle.get(PreimageKey.local(3));
    if (claim.length != CLAIM_BYTES && claim.length != CLAIM_WITH_SLOT_BYTES) {
      throw new IllegalArgumentException("claim (local key 3) must be 104 or 168 bytes, got " + claim.length);
    }
    long chainId = ByteBuffer.wrap(exact(oracle.get(PreimageKey.local(4)), 8, "L2 chain id (local key 4)")).getLong();

    L2ChainProvider l2 = L2ChainProvider.builder(oracle, blockHash, dialect).chainId(chainId).build();
    Header header = l2.headerByHash(blockHash);
    Account actual = l2.account(header, address).orElse(Account.EMPTY);
    ByteBuffer c = ByteBuffer.wrap(claim);
    long nonce = c.getLong();
    BigInteger balance = new BigInteger(1, bytes(c, 32));
    Bytes32 storageRoot = Bytes32.wrap(bytes(c, 32));
    Bytes32 codeHash = Bytes32.wrap(bytes(c, 32));
    String where = address + " at L2 block " + Long.toUnsignedString(header.number()) + " " + blockHash;
    if (nonce != actual.nonce()) throw mismatch("nonce", Long.toUnsignedString(nonce), Long.toUnsignedString(actual.nonce()), where);
    if (!balance.equals(actual.balance())) throw mismatch("balance", balance.toString(), actual.balance().toString(), where);
    if (!storageRoot.equals(actual.storageRoot())) throw mismatch("storage root", storageRoot.toString(), actual.storageRoot().toString(), where);
    if (!codeHash.equals(actual.codeHash())) throw mismatch("code hash", codeHash.toString(), actual.codeHash().toString(), where);
    if (claim.length == CLAIM_WITH_SLOT_BYTES) {
      Bytes32 slot = Bytes32.wrap(bytes(c, 32));
      Bytes32 value = Bytes32.wrap(bytes(c, 32));
      Bytes32 stored = l2.storage(header, address, slot);
      if (!value.equals(stored)) throw mismatch("slot " + slot, value.toString(), stored.toString(), where);
    }
    return true;
  }

  private static InvalidClaimException mismatch(String field, String claimed, String actual, String where) {
    return new InvalidClaimException(field + " of " + where + " is " + actual + ", claimed " + claimed);
  }

  private static byte[] bytes(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }

  private static byte[] exact(byte[] v, int n, String what) {
    if (v.length != n) throw new IllegalArgumentException(what + " must be " + n + " bytes, got " + v.length);
    return v;
  }
}
