package io.fpp4j.examples.l2state;

import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.fpvm.InvalidClaimException;
import io.fpp4j.fpvm.ProgramEntry;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.Header;
import io.fpp4j.primitives.state.Account;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.boot.BootInputs;
import io.fpp4j.proof.l2.L2ChainProvider;
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

  /** The claim bytes for an account (and optionally a slot and its value). */
  public static byte[] encodeClaim(Account account, Bytes32 slot, Bytes32 value) {
    ByteBuffer b = ByteBuffer.allocate(slot == null ? CLAIM_BYTES : CLAIM_WITH_SLOT_BYTES);
    b.putLong(account.nonce()).put(Bytes32.fromBigInteger(account.balance()).toArray())
        .put(account.storageRoot().toArray()).put(account.codeHash().toArray());
    if (slot != null) b.put(slot.toArray()).put(value.toArray());
    return b.array();
  }

  @Override
  public boolean run(OracleClient oracle) throws InvalidClaimException {
    BootInputs boot = BootInputs.of(oracle).named(1, "L2 block hash").named(2, "account address").named(3, "claim")
        .named(4, "L2 chain id");
    Bytes32 blockHash = boot.bytes32(1);
    Address address = boot.address(2);
    byte[] claim = boot.bytes(3, CLAIM_BYTES, CLAIM_WITH_SLOT_BYTES);
    L2ChainProvider l2 = L2ChainProvider.builder(oracle, blockHash, dialect).chainId(boot.u64(4)).build();

    Header header = l2.headerByHash(blockHash);
    Account actual = l2.account(header, address).orElse(Account.EMPTY);
    String where = address + " at L2 block " + Long.toUnsignedString(header.number()) + " " + blockHash;
    expect("nonce", Long.toUnsignedString(ByteBuffer.wrap(claim).getLong()), Long.toUnsignedString(actual.nonce()), where);
    expect("balance", Bytes32.wrap(claim, 8).toBigInteger(), actual.balance(), where);
    expect("storage root", Bytes32.wrap(claim, 40), actual.storageRoot(), where);
    expect("code hash", Bytes32.wrap(claim, 72), actual.codeHash(), where);
    if (claim.length == CLAIM_WITH_SLOT_BYTES) {
      Bytes32 slot = Bytes32.wrap(claim, 104);
      expect("slot " + slot, Bytes32.wrap(claim, 136), l2.storage(header, address, slot), where);
    }
    return true;
  }

  private static void expect(String field, Object claimed, Object actual, String where) throws InvalidClaimException {
    if (!claimed.equals(actual)) throw new InvalidClaimException(field + " of " + where + " is " + actual + ", claimed " + claimed);
  }
}
