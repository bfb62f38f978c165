package io.fpp4j.examples.abi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.fpvm.ExitCode;
import org.junit.jupiter.api.Test;

/** The README's demo, as a test: two real processes, every key type, both verdicts. */
class AbiDemoTest {
  @Test
  void validClaimExitsZeroAndWrongClaimExitsOne() throws Exception {
    assertThat(AbiDemo.run(true)).isEqualTo(ExitCode.VALID);
    assertThat(AbiDemo.run(false)).isEqualTo(ExitCode.INVALID);
  }

  @Test
  void demoDataCoversEveryKeyType() {
    assertThat(DemoData.preimages(true).keySet()).extracting(k -> k.type())
        .contains(io.fpp4j.preimage.PreimageKeyType.values());
  }
}
