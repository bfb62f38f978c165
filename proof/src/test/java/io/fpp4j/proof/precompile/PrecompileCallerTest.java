package io.fpp4j.proof.precompile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hex;
import io.fpp4j.proof.Dialect;
import io.fpp4j.proof.ProviderException;
import io.fpp4j.proof.testing.PipeHost;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cannon's oracle_kzg fixture: KZG point evaluation (0x0a) with 50,000 gas. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PrecompileCallerTest {
  static final Address KZG = Address.fromHex("0x000000000000000000000000000000000000000a");
  static final byte[] INPUT = Hex.decode(io.fpp4j.proof.hint.HintCatalogueTest.KZG_INPUT_HEX);
  static final PreimageKey KEY = PreimageKey.fromHex("06fd5c3c1c5552980c63aee54570c276cbff7532796b4d753132d51a6bedf0c6");
  static final String OUTPUT = "0000000000000000000000000000000000000000000000000000000000001000"
      + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

  @Test
  void opProgramSendsV2HintThenGetsTheGasKey() throws Exception {
    try (PipeHost host = new PipeHost(Map.of(KEY, Hex.decode("01" + OUTPUT)))) {
      byte[] out = new PrecompileCaller(host.client(), Dialect.OP_PROGRAM).call(KZG, 50_000, INPUT);
      assertThat(Hex.encode(out)).isEqualTo(OUTPUT);
      assertThat(host.events()).containsExactly(
          "hint l1-precompile-v2 0x000000000000000000000000000000000000000a000000000000c350"
              + io.fpp4j.proof.hint.HintCatalogueTest.KZG_INPUT_HEX,
          "get " + KEY);
    }
  }

  @Test
  void konaSendsTheV2LayoutUnderTheV1NameAndTheSameKey() throws Exception {
    try (PipeHost host = new PipeHost(Map.of(KEY, Hex.decode("01" + OUTPUT)))) {
      byte[] out = new PrecompileCaller(host.client(), Dialect.KONA).call(KZG, 50_000, INPUT);
      assertThat(Hex.encode(out)).isEqualTo(OUTPUT);
      assertThat(host.hints()).containsExactly("l1-precompile 0x000000000000000000000000000000000000000a000000000000c350"
          + io.fpp4j.proof.hint.HintCatalogueTest.KZG_INPUT_HEX);
      assertThat(host.events().get(1)).isEqualTo("get " + KEY);
    }
  }

  @Test
  void legacyFormHasNoGasInHintOrKey() throws Exception {
    PreimageKey legacy = PreimageKey.legacyPrecompile(KZG.toArray(), INPUT);
    try (PipeHost host = new PipeHost(Map.of(legacy, Hex.decode("01")))) {
      byte[] out = new PrecompileCaller(host.client(), PrecompileCaller.Form.OP_PROGRAM_LEGACY).call(KZG, 50_000, INPUT);
      assertThat(out).isEmpty();
      assertThat(host.hints()).containsExactly("l1-precompile 0x000000000000000000000000000000000000000a"
          + io.fpp4j.proof.hint.HintCatalogueTest.KZG_INPUT_HEX);
    }
  }

  @Test
  void statusZeroIsAFailedCall() throws Exception {
    try (PipeHost host = new PipeHost(Map.of(KEY, Hex.decode("00")))) {
      PrecompileCaller caller = new PrecompileCaller(host.client(), Dialect.OP_PROGRAM);
      assertThatThrownBy(() -> caller.call(KZG, 50_000, INPUT)).isInstanceOf(PrecompileFailedException.class)
          .hasMessage("host reports that precompile 0x000000000000000000000000000000000000000a failed (status 0) on 192 "
              + "bytes of input with 50000 gas");
      PrecompileResult r = caller.callForResult(KZG, 50_000, INPUT);
      assertThat(r.success()).isFalse();
      assertThat(r.output().isEmpty()).isTrue();
    }
  }

  @Test
  void emptyOrUnknownStatusIsABadHost() throws Exception {
    try (PipeHost host = new PipeHost(Map.of(KEY, new byte[0]))) {
      assertThatThrownBy(() -> new PrecompileCaller(host.client(), Dialect.KONA).call(KZG, 50_000, INPUT))
          .isInstanceOf(ProviderException.class).isNotInstanceOf(PrecompileFailedException.class)
          .hasMessageContaining("empty result for precompile 0x000000000000000000000000000000000000000a (key " + KEY + ")");
    }
    try (PipeHost host = new PipeHost(Map.of(KEY, Hex.decode("02ff")))) {
      assertThatThrownBy(() -> new PrecompileCaller(host.client(), Dialect.KONA).call(KZG, 50_000, INPUT))
          .isInstanceOf(ProviderException.class).hasMessageContaining("status byte 0x02");
    }
  }
}
