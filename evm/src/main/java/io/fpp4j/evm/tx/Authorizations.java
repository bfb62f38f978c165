package io.fpp4j.evm.tx;

import io.fpp4j.evm.Code;
import io.fpp4j.evm.Gas;
import io.fpp4j.evm.state.WorldState;
import io.fpp4j.precompiles.ecrecover.Ecrecover;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.rlp.RlpWriter;
import io.fpp4j.primitives.tx.Authorization;
import java.math.BigInteger;
import java.util.List;

/**
 * EIP-7702's authorization list, applied after the sender's nonce is incremented and before the call: each
 * valid authorization points its signer's code at a delegate. An authorization that fails a check is skipped;
 * the transaction stays valid and keeps the intrinsic 25,000 gas it paid for it.
 */
public final class Authorizations {
  /** EIP-7702's signing domain: {@code keccak256(0x05 ‖ rlp([chainId, address, nonce]))}. */
  static final byte MAGIC = 0x05;
  /** secp256k1's group order over two: EIP-2's low-s rule, which EIP-7702 applies to authorizations. */
  private static final BigInteger HALF_N =
      new BigInteger("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", 16);

  private Authorizations() {}

  /** The hash an authority signs. */
  public static byte[] signingHash(BigInteger chainId, Address address, long nonce) {
    byte[] rlp = new RlpWriter(64).startList().writeBigInteger(chainId).writeAddress(address).writeLong(nonce)
        .endList().toByteArray();
    byte[] msg = new byte[rlp.length + 1];
    msg[0] = MAGIC;
    System.arraycopy(rlp, 0, msg, 1, rlp.length);
    return Hashing.keccak256(msg);
  }

  /** The signer of {@code a}, or {@code null} if its signature is invalid (parity, r, high s, no point). */
  public static Address authority(Authorization a) {
    if (a.s().compareTo(HALF_N) > 0) return null;
    return Ecrecover.signer(signingHash(a.chainId(), a.address(), a.nonce()), a.yParity(), a.r(), a.s());
  }

  /**
   * Applies {@code list} in order to {@code state} and returns the gas to add to the refund counter: 12,500
   * (PER_EMPTY_ACCOUNT_COST − PER_AUTH_BASE_COST) for each applied authorization whose authority already
   * existed. Each recovered authority is warmed even if a later check skips it, as the EIP orders.
   */
  public static long apply(List<Authorization> list, WorldState state, long chainId) {
    BigInteger chain = BigInteger.valueOf(chainId);
    long refund = 0;
    for (Authorization a : list) {
      if (a.chainId().signum() != 0 && !a.chainId().equals(chain)) continue;
      if (a.nonce() == -1L) continue; // 2^64-1: the authority's nonce could not be incremented (EIP-2681)
      Address authority = authority(a);
      if (authority == null) continue;
      state.warmAddress(authority);
      Code code = state.code(authority);
      if (!code.isEmpty() && code.delegate() == null) continue; // a contract cannot be an authority
      if (state.nonce(authority) != a.nonce()) continue;
      if (state.exists(authority)) refund += Gas.PER_EMPTY_ACCOUNT_COST - Gas.PER_AUTH_BASE_COST;
      // Delegating to the zero address clears the designator and leaves the empty code hash.
      state.setCode(authority, a.address().equals(Address.ZERO) ? Code.EMPTY : Code.delegationTo(a.address()));
      state.setNonce(authority, a.nonce() + 1);
    }
    return refund;
  }
}
