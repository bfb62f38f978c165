package io.fpp4j.host.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.Hex;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** op-program's two pre-state encodings, from hand-assembled bytes. */
class AgreedPrestateTest {
  static final String OUT_A = "aa".repeat(32);
  static final String OUT_B = "bb".repeat(32);
  /** Version 1, timestamp 0x4b0 (1200), chain 901 (0x385) -> OUT_A, chain 902 (0x386) -> OUT_B. */
  static final String SUPER = "01" + "00000000000004b0"
      + "00".repeat(30) + "0385" + OUT_A
      + "00".repeat(30) + "0386" + OUT_B;

  @Test
  void superRootV1() {
    AgreedPrestate p = AgreedPrestate.parse(Hex.decode(SUPER), "--l2.agreed-prestate");
    assertThat(p.transition()).isFalse();
    assertThat(p.timestamp()).isEqualTo(1200);
    assertThat(p.step()).isZero();
    assertThat(p.pending()).isEmpty();
    assertThat(p.superRoot().outputs()).containsExactly(
        new AgreedPrestate.ChainOutput(BigInteger.valueOf(901), Bytes32.fromHex(OUT_A)),
        new AgreedPrestate.ChainOutput(BigInteger.valueOf(902), Bytes32.fromHex(OUT_B)));
    assertThat(p.root()).isEqualTo(Bytes32.wrap(io.fpp4j.primitives.Hashing.keccak256(Hex.decode(SUPER))));
    assertThat(p.bytes()).isEqualTo(Hex.decode(SUPER));
  }

  @Test
  void transitionStateWithOnePendingBlock() {
    String h = "11".repeat(32), o = "22".repeat(32);
    // 0xff ‖ rlp([superRoot (137 bytes: b8 89), [[h, o]] (f8 44 f8 42 a0 h a0 o), step 3]); payload 139 + 70 + 1 = 210 = 0xd2.
    String rlp = "f8d2" + "b889" + SUPER + "f844" + "f842" + "a0" + h + "a0" + o + "03";
    AgreedPrestate p = AgreedPrestate.parse(Hex.decode("ff" + rlp), "--l2.agreed-prestate");
    assertThat(p.transition()).isTrue();
    assertThat(p.timestamp()).isEqualTo(1200);
    assertThat(p.step()).isEqualTo(3);
    assertThat(p.pending()).containsExactly(new AgreedPrestate.OptimisticBlock(Bytes32.fromHex(h), Bytes32.fromHex(o)));
    assertThat(p.superRoot().outputs()).hasSize(2);
    assertThat(p).hasToString("transition state (step 3) at timestamp 1200 over 2 chain(s), root " + p.root());
  }

  @Test
  void badEncodingsAreNamed() {
    String flag = "--l2.agreed-prestate";
    assertThatThrownBy(() -> AgreedPrestate.parse(new byte[0], flag))
        .hasMessage(flag + " is empty: expected a super root or a transition state");
    assertThatThrownBy(() -> AgreedPrestate.parse(Hex.decode("02" + SUPER.substring(2)), flag))
        .hasMessage(flag + " starts with version byte 0x02: expected 0x01 (super root) or 0xff (transition state)");
    assertThatThrownBy(() -> AgreedPrestate.parse(Hex.decode(SUPER.substring(0, SUPER.length() - 2)), flag))
        .hasMessageStartingWith(flag + " is a 136-byte super root: expected 9 + 64 x N bytes with N >= 1");
    assertThatThrownBy(() -> AgreedPrestate.parse(Hex.decode("01" + "00000000000004b0"), flag))
        .hasMessageStartingWith(flag + " is a 9-byte super root");
    assertThatThrownBy(() -> AgreedPrestate.parse(Hex.decode("fff8d3"), flag))
        .hasMessageStartingWith(flag + " is not a valid transition state: ");
    // A transition state whose inner super root is not version 1.
    String inner = "02" + SUPER.substring(2);
    String rlp = "f88d" + "b889" + inner + "c0" + "80";
    assertThatThrownBy(() -> AgreedPrestate.parse(Hex.decode("ff" + rlp), flag))
        .hasMessage(flag + ": the transition state's super root is not a version-1 super root");
  }

  @Test
  void equalityIsByBytes() {
    AgreedPrestate one = AgreedPrestate.parse(Hex.decode(SUPER), "x");
    AgreedPrestate two = AgreedPrestate.parse(Hex.decode(SUPER), "y");
    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(List.of(one)).contains(two);
  }
}
