package io.fpp4j.precompiles.ecrecover;

import fr.acinq.secp256k1.Secp256k1;
import fr.acinq.secp256k1.Secp256k1CFunctions;
import fr.acinq.secp256k1.Secp256k1Context;
import fr.acinq.secp256k1.Secp256k1Exception;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * secp256k1 public-key recovery, Q = r⁻¹(sR − eG), by one of two interchangeable engines: bitcoin-core's
 * libsecp256k1 (the library geth recovers with) through ACINQ's JNI bindings, several times faster, and
 * BouncyCastle where the native library cannot load (a platform without a bundled native, a JVM that refuses
 * native access). Which one runs is decided once per JVM ({@link #active()}); falling back is said once, on the
 * JDK's platform logger.
 *
 * <p>Both take r and s already checked to lie in [1, n) and a parity of 0 or 1, and neither applies EIP-2's
 * low-s rule (libsecp256k1's recovery accepts a high s; only its verification rejects one): the callers own
 * those rules, so both engines give the same answer for every input they are given.
 */
final class KeyRecovery {
  /**
   * The system property that, set to {@value #JAVA_ONLY}, keeps libsecp256k1 unloaded and recovers with
   * BouncyCastle: to time the two, or to check a block on both.
   */
  static final String ENGINE_PROPERTY = "fpp4j.secp256k1";
  static final String JAVA_ONLY = "bouncycastle";
  /** secp256k1's group order. */
  static final BigInteger N = new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  private KeyRecovery() {}

  /** A way to recover the signer's public key. */
  enum Engine {
    LIBSECP256K1 {
      @Override
      byte[] recover(byte[] hash, byte[] r, byte[] s, int parity) {
        Native.Recoverer lib = Native.LIB;
        if (lib == null) throw new IllegalStateException("libsecp256k1 did not load on this JVM");
        byte[] sig = new byte[64];
        System.arraycopy(r, 0, sig, 0, 32);
        System.arraycopy(s, 0, sig, 32, 32);
        try {
          return lib.recover(sig, hash, parity);
        } catch (Secp256k1Exception noKey) {
          return null; // the library's one answer for "does not recover" (no point with x = r, or infinity)
        }
      }
    },
    BOUNCY_CASTLE {
      @Override
      byte[] recover(byte[] hash, byte[] r, byte[] s, int parity) {
        return Java.recover(hash, r, s, parity);
      }
    };

    /**
     * The signer's uncompressed public key (65 bytes, 04 ‖ x ‖ y) for the big-endian 32-byte {@code r} and
     * {@code s}, both in [1, n), and a parity of 0 or 1; or null if the signature does not recover (r is no
     * point's x, or the sum is at infinity).
     */
    abstract byte[] recover(byte[] hash, byte[] r, byte[] s, int parity);
  }

  /** The engine this JVM uses: libsecp256k1 when it loaded and passed its self-check, else BouncyCastle. */
  static Engine active() {
    return Native.LIB != null ? Engine.LIBSECP256K1 : Engine.BOUNCY_CASTLE;
  }

  /** The engines usable on this JVM, the active one first; for tests that hold them against each other. */
  static List<Engine> usable() {
    return Native.LIB != null ? List.of(Engine.LIBSECP256K1, Engine.BOUNCY_CASTLE) : List.of(Engine.BOUNCY_CASTLE);
  }

  /** libsecp256k1, loaded on first use; in its own class so a JVM that never recovers never loads it. */
  static final class Native {
    /** How libsecp256k1 was reached. */
    enum Route {
      /** Loaded from the cached copy, its JNI functions called directly (what a run normally does). */
      DIRECT,
      /** Through ACINQ's {@code Secp256k1.get()}, which finds and loads the library itself. */
      ACINQ_LOADER,
      /** Not at all: BouncyCastle recovers. */
      NONE
    }

    /** libsecp256k1's recovery: a 64-byte r ‖ s, the 32-byte hash, the parity; the 65-byte key, or it throws. */
    @FunctionalInterface
    interface Recoverer {
      byte[] recover(byte[] sig, byte[] hash, int parity);
    }

    static Route route = Route.NONE;
    /** The library, or null when it could not be loaded or failed its self-check. */
    static final Recoverer LIB = load();

    private static Recoverer load() {
      if (JAVA_ONLY.equals(System.getProperty(ENGINE_PROPERTY))) return null;
      Throwable direct = null;
      try {
        // ACINQ's Secp256k1.get() looks up an Android loader class by name first, and that failed lookup opens
        // every jar on the class path: about 20 ms of a cold start, more than the rest of the loading. With the
        // library already in the cache, loading it here and calling its JNI functions (the same ones its
        // NativeSecp256k1 calls) skips the lookup. The JNI functions bind to this class loader's libraries.
        java.nio.file.Path lib = NativeLibraryCache.prepare().orElse(null);
        if (lib != null) {
          System.load(lib.toString());
          Recoverer jni = (sig, hash, parity) ->
              Secp256k1CFunctions.secp256k1_ecdsa_recover(Secp256k1Context.getContext(), sig, hash, parity);
          selfCheck(jni);
          route = Route.DIRECT;
          return jni;
        }
      } catch (Throwable e) {
        direct = e; // then ACINQ's own loader, which may find a library the cache could not place
      }
      try {
        Secp256k1 acinq = Secp256k1.get();
        Recoverer viaLoader = acinq::ecdsaRecover;
        selfCheck(viaLoader);
        route = Route.ACINQ_LOADER;
        return viaLoader;
      } catch (Throwable e) { // UnsatisfiedLinkError, a missing class, an unsupported platform: all mean "use Java"
        if (direct != null) e.addSuppressed(direct);
        System.getLogger(KeyRecovery.class.getName()).log(System.Logger.Level.WARNING,
            "libsecp256k1 (fr.acinq.secp256k1) is not usable here (" + e + "); secp256k1 recovery (ecrecover, "
                + "transaction senders) falls back to BouncyCastle, which is several times slower");
        return null;
      }
    }

    /**
     * go-ethereum's "ValidKey" ecrecover vector (its s is in the upper half): a library that loads but recovers
     * wrongly, or refuses a high s, is caught here rather than in a block's hash.
     */
    private static void selfCheck(Recoverer lib) {
      byte[] sig = Hex.decode("73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f"
          + "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549");
      byte[] key = lib.recover(sig, Hex.decode("18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c"), 1);
      String address = key.length == 65 ? Hex.encode(Arrays.copyOfRange(Hashing.keccak256(key, 1, 64), 12, 32)) : "?";
      if (!address.equals("a94f5374fce5edbc8e2a8697c15331677e6ebf0b")) {
        throw new IllegalStateException("it recovers geth's ValidKey vector to " + address);
      }
    }
  }

  /** The BouncyCastle engine, in its own class so a JVM on libsecp256k1 never builds BouncyCastle's curve tables. */
  private static final class Java {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

    static byte[] recover(byte[] hash, byte[] r, byte[] s, int parity) {
      byte[] compressed = new byte[33];
      compressed[0] = (byte) (parity == 0 ? 0x02 : 0x03);
      System.arraycopy(r, 0, compressed, 1, 32);
      ECPoint point;
      try {
        point = CURVE.getCurve().decodePoint(compressed);
      } catch (IllegalArgumentException notOnCurve) {
        return null;
      }
      BigInteger rInv = new BigInteger(1, r).modInverse(N);
      BigInteger u1 = new BigInteger(1, hash).negate().multiply(rInv).mod(N);
      BigInteger u2 = new BigInteger(1, s).multiply(rInv).mod(N);
      ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, point, u2).normalize();
      if (q.isInfinity()) return null;
      return q.getEncoded(false);
    }
  }
}
