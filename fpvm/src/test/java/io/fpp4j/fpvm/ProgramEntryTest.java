package io.fpp4j.fpvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.PreimageKey;
import org.junit.jupiter.api.Test;

class ProgramEntryTest {
  private final RecordingKernel kernel = new RecordingKernel();
  private final OracleClient noOracle = OracleClient.of(
      new io.fpp4j.preimage.PreimageOracle() {
        @Override
        public byte[] get(PreimageKey key) {
          throw new io.fpp4j.preimage.KeyNotFoundException("no preimage for key " + key);
        }

        @Override
        public void getExact(PreimageKey key, byte[] buf) {
          get(key);
        }
      },
      hint -> {});

  @Test
  void exitCodesMatchKonaAndOpProgram() {
    assertThat(ExitCode.VALID).isZero();
    assertThat(ExitCode.INVALID).isEqualTo(1);
    assertThat(ExitCode.FAILURE).isEqualTo(2);
    assertThat(ExitCode.describe(1)).isEqualTo("invalid claim");
  }

  @Test
  void claimThatHoldsExitsZeroQuietly() {
    assertThat(ProgramEntry.execute(oracle -> true, noOracle, kernel)).isEqualTo(0);
    assertThat(kernel.stderr()).isEmpty();
  }

  @Test
  void invalidClaimExitsOneWithTheReason() {
    assertThat(ProgramEntry.execute(oracle -> false, noOracle, kernel)).isEqualTo(1);
    assertThat(kernel.stderr()).isEqualTo("Claim is invalid.\n");
    RecordingKernel k2 = new RecordingKernel();
    assertThat(ProgramEntry.execute(oracle -> {
      throw new InvalidClaimException("output root 0x01 != claimed 0x02");
    }, noOracle, k2)).isEqualTo(1);
    assertThat(k2.stderr()).isEqualTo("Claim is invalid: output root 0x01 != claimed 0x02\n");
  }

  @Test
  void anyOtherFailureExitsTwoWithTheReason() {
    int code = ProgramEntry.execute(oracle -> oracle.get(PreimageKey.local(1)).length == 32, noOracle, kernel);
    assertThat(code).isEqualTo(2);
    assertThat(kernel.stderr()).startsWith("Program failed: io.fpp4j.preimage.KeyNotFoundException: no preimage for key 0x01")
        .contains("at io.fpp4j.fpvm.ProgramEntryTest");
    RecordingKernel k2 = new RecordingKernel();
    assertThat(ProgramEntry.execute(oracle -> {
      throw new StackOverflowError("deep");
    }, noOracle, k2)).isEqualTo(2);
    assertThat(k2.stderr()).startsWith("Program failed: java.lang.StackOverflowError: deep");
  }

  @Test
  void theProgramReadsThroughACacheSoARepeatedKeyIsAskedOnce() {
    java.util.List<String> asked = new java.util.ArrayList<>();
    OracleClient counting = OracleClient.of(new io.fpp4j.preimage.PreimageOracle() {
      @Override
      public byte[] get(PreimageKey key) {
        asked.add("get " + key);
        return new byte[32];
      }

      @Override
      public void getExact(PreimageKey key, byte[] buf) {
        asked.add("getExact " + key);
      }
    }, hint -> asked.add("hint " + hint));
    int code = ProgramEntry.execute(oracle -> {
      oracle.hint("a");
      oracle.get(PreimageKey.local(1));
      oracle.hint("a");
      return oracle.get(PreimageKey.local(1)).length == 32;
    }, counting, kernel);
    assertThat(code).isZero();
    assertThat(asked).containsExactly("hint a", "get " + PreimageKey.local(1), "hint a");
  }

  @Test
  void descriptorsHaveTheAbiNumbers() {
    assertThat(FileDescriptor.values()).extracting(FileDescriptor::number).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(FileDescriptor.of(5)).isEqualTo(FileDescriptor.PREIMAGE_READ);
    assertThatThrownBy(() -> FileDescriptor.of(7)).hasMessageContaining("not an FPVM file descriptor: 7");
    assertThat(FdChannel.hints(kernel).readFd().number()).isEqualTo(3);
    assertThat(FdChannel.hints(kernel).writeFd().number()).isEqualTo(4);
    assertThat(FdChannel.preimages(kernel).readFd().number()).isEqualTo(5);
    assertThat(FdChannel.preimages(kernel).writeFd().number()).isEqualTo(6);
  }
}
