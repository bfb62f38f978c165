package io.fpp4j.proof.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Bytes32;
import io.fpp4j.primitives.block.OutputRoot;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.ProviderException;
import io.fpp4j.proof.testing.PipeHost;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AgreedOutputTest {
  static final OutputRoot OUTPUT = new OutputRoot(Bytes32.fromHex("0x" + "aa".repeat(32)),
      Bytes32.fromHex("0x" + "bb".repeat(32)), Bytes32.fromHex("0x" + "cc".repeat(32)));

  @Test
  void outputRootVectorOfKona() {
    OutputRoot o = new OutputRoot(Bytes32.leftPad(new byte[] {(byte) 0xbe, (byte) 0xef}),
        Bytes32.leftPad(new byte[] {(byte) 0xba, (byte) 0xbe}), Bytes32.leftPad(new byte[] {(byte) 0xc0, (byte) 0xde}));
    assertThat(o.hash()).isEqualTo(Bytes32.fromHex("0x0c39fb6b07cf6694b13e63e59f7b15255be1c93a4d6d3e0da6c99729647c0d11"));
  }

  @Test
  void konaHintsStartingL2OutputAndReadsTheSafeHead() throws Exception {
    Bytes32 root = OUTPUT.hash();
    try (PipeHost host = new PipeHost(Map.of(PreimageKey.keccak256Of(OUTPUT.encode()), OUTPUT.encode()))) {
      assertThat(AgreedOutput.safeHeadHash(host.client(), root, Dialect.KONA)).isEqualTo(OUTPUT.blockHash());
      assertThat(host.events()).containsExactly("hint starting-l2-output " + root.toHex(),
          "get " + PreimageKey.keccak256Of(OUTPUT.encode()));
    }
  }

  @Test
  void opProgramHintsL2OutputWithOrWithoutChainId() throws Exception {
    Bytes32 root = OUTPUT.hash();
    try (PipeHost host = new PipeHost(Map.of(PreimageKey.keccak256Of(OUTPUT.encode()), OUTPUT.encode()))) {
      assertThat(AgreedOutput.read(host.client(), root, Dialect.OP_PROGRAM, OptionalLong.empty())).isEqualTo(OUTPUT);
      assertThat(AgreedOutput.read(host.client(), root, Dialect.OP_PROGRAM, OptionalLong.of(10))).isEqualTo(OUTPUT);
      assertThat(host.hints()).containsExactly("l2-output " + root.toHex(), "l2-output " + root.toHex() + "000000000000000a");
    }
  }

  @Test
  void nonZeroVersionIsRejected() throws Exception {
    byte[] v1 = OUTPUT.encode();
    v1[31] = 1;
    PreimageKey key = PreimageKey.keccak256Of(v1);
    Bytes32 root = Bytes32.keccak256(v1);
    try (PipeHost host = new PipeHost(Map.of(key, v1))) {
      assertThatThrownBy(() -> AgreedOutput.safeHeadHash(host.client(), root, Dialect.KONA))
          .isInstanceOf(UnknownOutputVersionException.class)
          .hasMessage("output root " + root + " has version 0x" + "00".repeat(31) + "01; only version 0 is defined");
    }
  }

  @Test
  void preimageOfAnotherRootIsRejected() throws Exception {
    Bytes32 root = OUTPUT.hash();
    byte[] other = OUTPUT.encode();
    other[127] ^= 1;
    try (PipeHost host = new PipeHost(Map.of(PreimageKey.keccak256Of(OUTPUT.encode()), other))) {
      assertThatThrownBy(() -> AgreedOutput.safeHeadHash(host.client(), root, Dialect.KONA))
          .isInstanceOf(ProviderException.class).hasMessageContaining("preimage of output root " + root + " hashes to");
    }
  }
}
