package io.fpp4j.host.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.host.serve.HintHandlerRegistry;
import io.fpp4j.host.serve.InvalidHintException;
import io.fpp4j.host.store.MemoryPreimageStore;
import io.fpp4j.precompiles.bls.BlsTestPoints;
import io.fpp4j.precompiles.bn254.Bn254Inputs;
import io.fpp4j.precompiles.ecrecover.EcrecoverVectors;
import io.fpp4j.precompiles.kzg.TestBlobs;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.hint.Hint;
import io.fpp4j.proof.hint.HintType;
import io.fpp4j.proof.hint.Hints;
import io.fpp4j.proof.hint.PrecompileHint;
import io.fpp4j.proof.hint.RawHint;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Precompile hints: keys and stored values for success and failure, layouts, and the allow-list. */
class PrecompileHandlerTest {
  static final String ECRECOVER = "0000000000000000000000000000000000000001";
  static final String KZG = "000000000000000000000000000000000000000a";
  static final String BN254 = "0000000000000000000000000000000000000008";
  /** go-ethereum's ecRecover "ValidKey" vector (also checked against a live geth in GethOnlineTest). */
  static final String GETH_VECTOR_INPUT = EcrecoverVectors.GETH_VALID_KEY_INPUT;
  static final String GETH_VECTOR_OUTPUT = EcrecoverVectors.GETH_VALID_KEY_OUTPUT;
  static final String KZG_SUCCESS = "0000000000000000000000000000000000000000000000000000000000001000"
      + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

  final MemoryPreimageStore store = new MemoryPreimageStore();
  final PrecompileHandler handler = new PrecompileHandler(HostPrecompiles.standard());
  /** The layout with gas: Kona's {@code l1-precompile} and op-program's {@code l1-precompile-v2}. */
  final Layout v2 = hint -> Hints.interpret(hint, hint.name().equals("l1-precompile-v2") ? Dialect.OP_PROGRAM : Dialect.KONA);
  /** op-program's legacy {@code l1-precompile}: address ‖ input. */
  final Layout legacy = hint -> Hints.interpret(hint, Dialect.OP_PROGRAM);

  /** Feeds the handler a hint read in the dialect that has one layout, as a host of that dialect reads it. */
  @FunctionalInterface
  interface Layout {
    Hint read(RawHint hint);
  }

  void handle(Layout layout, RawHint hint, PreimageStore store) {
    handler.handle((PrecompileHint) layout.read(hint), store);
  }

  static RawHint hint(String type, String hexData) {
    return new RawHint(type, Hex.decode(hexData));
  }

  /** The two entries a precompile hint stores: keccak(data) → data, precompile(data) → result. */
  static Map<String, String> expected(String hexData, String hexResult) {
    byte[] data = Hex.decode(hexData);
    byte[] digest = Hashing.keccak256(data);
    return Map.of(Stored.key(2, digest), "0x" + hexData, Stored.key(6, digest), "0x" + hexResult);
  }

  @Test
  void ecrecoverSuccessStoresStatusOneAndTheAddressUnderTheGasKey() {
    String data = ECRECOVER + "0000000000000bb8" + GETH_VECTOR_INPUT; // required gas 3000
    handle(v2, hint("l1-precompile-v2", data), store);
    assertThat(Stored.of(store)).containsExactlyInAnyOrderEntriesOf(expected(data, "01" + GETH_VECTOR_OUTPUT));
    // The key is the one clients and the on-chain oracle compute.
    PreimageKey key = PreimageKey.precompile(Hex.decode(ECRECOVER), 3000, Hex.decode(GETH_VECTOR_INPUT));
    assertThat(store.get(key)).hasValueSatisfying(v -> assertThat(Hex.encode(v)).isEqualTo("01" + GETH_VECTOR_OUTPUT));
  }

  @Test
  void legacyLayoutKeysTheAddressAndInputWithoutGas() {
    String data = ECRECOVER + GETH_VECTOR_INPUT;
    handle(legacy, hint("l1-precompile", data), store);
    assertThat(Stored.of(store)).containsExactlyInAnyOrderEntriesOf(expected(data, "01" + GETH_VECTOR_OUTPUT));
    assertThat(store.get(PreimageKey.legacyPrecompile(Hex.decode(ECRECOVER), Hex.decode(GETH_VECTOR_INPUT)))).isPresent();
  }

  @Test
  void anEcrecoverThatDoesNotRecoverIsStoredAsASuccessWithEmptyOutput() {
    byte[] badV = Hex.decode(GETH_VECTOR_INPUT);
    badV[63] = 29;
    String data = ECRECOVER + "0000000000000bb8" + Hex.encode(badV);
    handle(v2, hint("l1-precompile", data), store);
    assertThat(Stored.of(store)).containsExactlyInAnyOrderEntriesOf(expected(data, "01"));
  }

  @Test
  void kzgPointEvaluationSuccessAndFailure() {
    byte[] input = TestBlobs.pointEvaluationInput(TestBlobs.blob("precompile"), "z");
    String data = KZG + "000000000000c350" + Hex.encode(input); // required gas 50000
    handle(v2, hint("l1-precompile", data), store);
    assertThat(Stored.of(store)).containsExactlyInAnyOrderEntriesOf(expected(data, "01" + KZG_SUCCESS));

    MemoryPreimageStore failed = new MemoryPreimageStore();
    byte[] wrongY = input.clone();
    wrongY[95] ^= 1;
    String bad = KZG + "000000000000c350" + Hex.encode(wrongY);
    handle(v2, hint("l1-precompile", bad), failed);
    assertThat(Stored.of(failed)).containsExactlyInAnyOrderEntriesOf(expected(bad, "00"));
  }

  @Test
  void addressesOffTheAllowListAreRefused() {
    String modexp = "0000000000000000000000000000000000000005";
    assertThatThrownBy(() -> handle(v2, hint("l1-precompile-v2", modexp + "0000000000000bb8" + "00"), store))
        .isInstanceOf(InvalidHintException.class)
        .hasMessageEndingWith(": precompile 0x0000000000000000000000000000000000000005 is not on the host's allow-list of "
            + "accelerated precompiles (0x01, 0x08, 0x0a, 0x0b-0x11); a client only hints those");
    assertThat(store.size()).isZero();
  }

  @Test
  void bn254PairingSuccessAndFailureEndToEnd() {
    String word1 = "00".repeat(31) + "01";
    // Kona's gas for k pairs is 34000·k + 45000 (113000 = 0x1b968 for two); the host keys by it but ignores it.
    String data = BN254 + "000000000001b968" + Bn254Inputs.JEFF1;
    handle(v2, hint("l1-precompile", data), store);
    assertThat(Stored.of(store)).containsExactlyInAnyOrderEntriesOf(expected(data, "01" + word1));
    PreimageKey key = PreimageKey.precompile(Hex.decode(BN254), 113000, Hex.decode(Bn254Inputs.JEFF1));
    assertThat(store.get(key)).hasValueSatisfying(v -> assertThat(Hex.encode(v)).isEqualTo("01" + word1));

    // A product that is not one is still a successful call, with output word 0.
    MemoryPreimageStore notOne = new MemoryPreimageStore();
    String jeff6 = BN254 + "000000000001b968" + Bn254Inputs.JEFF6;
    handle(v2, hint("l1-precompile", jeff6), notOne);
    assertThat(Stored.of(notOne)).containsExactlyInAnyOrderEntriesOf(expected(jeff6, "01" + "00".repeat(32)));

    // 383 bytes: the call fails, status 0 and no output.
    MemoryPreimageStore failed = new MemoryPreimageStore();
    String badLength = BN254 + Bn254Inputs.JEFF1.substring(2);
    handle(legacy, hint("l1-precompile", badLength), failed);
    assertThat(Stored.of(failed)).containsExactlyInAnyOrderEntriesOf(expected(badLength, "00"));
  }

  @Test
  void theWholeAllowListIsRunAndNothingElse() {
    HostPrecompiles standard = HostPrecompiles.standard();
    for (int a = 0; a <= 0x20; a++) {
      boolean allowListed = a == 0x01 || a == 0x08 || a == 0x0a || (a >= 0x0b && a <= 0x11);
      assertThat(standard.lookup(HostPrecompiles.address(a)).isPresent()).as("precompile 0x%02x", a).isEqualTo(allowListed);
    }
  }

  @Test
  void blsPrecompilesAreServedEndToEnd() {
    // G1ADD(G1, G1) = 2·G1 (EIP-2537 vector), required gas 375.
    String g1Add = "000000000000000000000000000000000000000b" + "0000000000000177" + BlsTestPoints.G1 + BlsTestPoints.G1;
    handle(v2, hint("l1-precompile", g1Add), store);
    assertThat(Stored.of(store)).containsExactlyInAnyOrderEntriesOf(expected(g1Add, "01" + BlsTestPoints.TWO_G1));

    // A pairing check that holds, e(G1, G2)·e(−G1, G2) = 1, in the legacy layout.
    MemoryPreimageStore pairing = new MemoryPreimageStore();
    String check = "000000000000000000000000000000000000000f" + BlsTestPoints.G1 + BlsTestPoints.G2 + BlsTestPoints.NEG_G1 + BlsTestPoints.G2;
    handle(legacy, hint("l1-precompile", check), pairing);
    assertThat(Stored.of(pairing)).containsExactlyInAnyOrderEntriesOf(expected(check, "01" + "00".repeat(31) + "01"));

    // A failing call (G1 MSM of no pairs) stores status 0 and no output.
    MemoryPreimageStore failed = new MemoryPreimageStore();
    String empty = "000000000000000000000000000000000000000c" + "0000000000000000";
    handle(v2, hint("l1-precompile-v2", empty), failed);
    assertThat(Stored.of(failed)).containsExactlyInAnyOrderEntriesOf(expected(empty, "00"));

  }

  @Test
  void shortHintsAreInvalid() {
    HintHandlerRegistry op = HintHandlerRegistry.builder(Dialect.OP_PROGRAM)
        .register(HintType.L1_PRECOMPILE_V2, PrecompileHint.class, handler)
        .register(HintType.L1_PRECOMPILE, PrecompileHint.class, handler).build();
    String gasless = ECRECOVER + "00000000000bb8";
    assertThat(Routing.invalid(op, hint("l1-precompile-v2", gasless))).hasMessage("hint 'l1-precompile-v2 0x" + gasless
        + "': l1-precompile-v2 hint data must be at least 28 (address ‖ gas ‖ input) in the op-program dialect, got 27 bytes: 0x"
        + gasless);
    assertThat(Routing.invalid(op, hint("l1-precompile", ECRECOVER.substring(2)))).hasMessageEndingWith(
        ": l1-precompile hint data must be at least 20 (address ‖ input) in the op-program dialect, got 19 bytes: 0x"
            + ECRECOVER.substring(2));
    assertThat(store.size()).isZero();
  }
}
