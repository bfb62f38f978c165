package io.fpp4j.precompiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StandardPrecompilesTest {
  static Stream<Arguments> factories() {
    return Stream.of(
        Arguments.of("sha256", (Supplier<Precompile>) StandardPrecompiles::sha256, "SHA-256", 60L),
        Arguments.of("ripemd160", (Supplier<Precompile>) StandardPrecompiles::ripemd160, "RIPEMD-160", 600L),
        Arguments.of("identity", (Supplier<Precompile>) StandardPrecompiles::identity, "identity", 15L),
        Arguments.of("modexp", (Supplier<Precompile>) StandardPrecompiles::modexp, "modexp", 200L),
        Arguments.of("bn254Add", (Supplier<Precompile>) StandardPrecompiles::bn254Add, "BN254 add", 150L),
        Arguments.of("bn254Mul", (Supplier<Precompile>) StandardPrecompiles::bn254Mul, "BN254 mul", 6000L),
        Arguments.of("blake2f", (Supplier<Precompile>) StandardPrecompiles::blake2f, "BLAKE2 F", 0L),
        Arguments.of("p256Verify", (Supplier<Precompile>) StandardPrecompiles::p256Verify, "P256VERIFY", 3450L));
  }

  /** Each factory gives the precompile its name says, recognisable by its name and its price for empty input. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("factories")
  void eachFactoryGivesItsPrecompile(String factory, Supplier<Precompile> supplier, String name, long emptyGas) {
    Precompile precompile = supplier.get();
    assertThat(precompile.name()).isEqualTo(name);
    assertThat(precompile.gas(new byte[0])).isEqualTo(emptyGas);
    assertThat(supplier.get()).as("stateless, so shared").isSameAs(precompile);
  }
}
