package io.fpp4j.precompiles;

import static io.fpp4j.precompiles.PrecompileSet.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.primitives.Address;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Which precompile is at which address in which fork, and the OP Stack's input caps. */
class PrecompileTablesTest {
  static final List<Integer> BERLIN = List.of(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09);
  static final List<Integer> CANCUN = with(BERLIN, 0x0a);
  static final List<Integer> PRAGUE = with(CANCUN, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11);
  static final List<Integer> FJORD = with(CANCUN, 0x100);
  static final List<Integer> ISTHMUS = with(PRAGUE, 0x100);

  static List<Integer> with(List<Integer> base, Integer... more) {
    List<Integer> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return List.copyOf(out);
  }

  static Map<PrecompileFork, List<Integer>> expectedAddresses() {
    Map<PrecompileFork, List<Integer>> m = new EnumMap<>(PrecompileFork.class);
    m.put(PrecompileFork.BERLIN, BERLIN);
    m.put(PrecompileFork.OP_BEDROCK, BERLIN);
    m.put(PrecompileFork.CANCUN, CANCUN);
    m.put(PrecompileFork.OP_ECOTONE, CANCUN);
    m.put(PrecompileFork.OP_FJORD, FJORD);
    m.put(PrecompileFork.OP_GRANITE, FJORD);
    m.put(PrecompileFork.PRAGUE, PRAGUE);
    m.put(PrecompileFork.OP_ISTHMUS, ISTHMUS);
    m.put(PrecompileFork.OP_JOVIAN, ISTHMUS);
    return m;
  }

  static List<Address> addresses(List<Integer> numbers) {
    List<Address> out = new ArrayList<>();
    for (int n : numbers) out.add(address(n));
    return out;
  }

  @ParameterizedTest
  @EnumSource(PrecompileFork.class)
  void eachForkHasExactlyItsAddressesInAddressOrder(PrecompileFork fork) {
    List<Integer> expected = expectedAddresses().get(fork);
    assertThat(expected).as("every fork has an expectation").isNotNull();
    assertThat(PrecompileSet.forFork(fork).addresses()).containsExactlyElementsOf(addresses(expected));
  }

  @Test
  void theNamesAreTheExpectedPrecompiles() {
    PrecompileSet prague = PrecompileSet.forFork(PrecompileFork.PRAGUE);
    assertThat(prague.get(address(0x01)).name()).isEqualTo("ecrecover");
    assertThat(prague.get(address(0x02)).name()).isEqualTo("SHA-256");
    assertThat(prague.get(address(0x03)).name()).isEqualTo("RIPEMD-160");
    assertThat(prague.get(address(0x04)).name()).isEqualTo("identity");
    assertThat(prague.get(address(0x05)).name()).isEqualTo("modexp");
    assertThat(prague.get(address(0x06)).name()).isEqualTo("BN254 add");
    assertThat(prague.get(address(0x07)).name()).isEqualTo("BN254 mul");
    assertThat(prague.get(address(0x08)).name()).isEqualTo("BN254 pairing");
    assertThat(prague.get(address(0x0a)).name()).isEqualTo("KZG point evaluation");
    assertThat(prague.get(address(0x0b)).name()).isEqualTo("BLS12-381 G1 add");
    assertThat(prague.get(address(0x0c)).name()).isEqualTo("BLS12-381 G1 MSM");
    assertThat(prague.get(address(0x0d)).name()).isEqualTo("BLS12-381 G2 add");
    assertThat(prague.get(address(0x0e)).name()).isEqualTo("BLS12-381 G2 MSM");
    assertThat(prague.get(address(0x0f)).name()).isEqualTo("BLS12-381 pairing check");
    assertThat(prague.get(address(0x10)).name()).isEqualTo("BLS12-381 map Fp to G1");
    assertThat(prague.get(address(0x11)).name()).isEqualTo("BLS12-381 map Fp2 to G2");
    assertThat(prague.get(address(0x09)).name()).isEqualTo("BLAKE2 F");
    assertThat(prague.get(address(0x100))).as("RIP-7212 is OP's, not Ethereum Prague's").isNull();
    assertThat(PrecompileSet.forFork(PrecompileFork.OP_FJORD).get(address(0x100)).name()).isEqualTo("P256VERIFY");
    assertThat(prague.contains(address(0x12))).isFalse();
  }

  /** (fork, address, cap or -1 for none) for the four precompiles the OP Stack caps. */
  static List<Arguments> caps() {
    List<Arguments> a = new ArrayList<>();
    for (PrecompileFork f : PrecompileFork.values()) {
      a.add(Arguments.of(f, 0x08, switch (f) {
        case OP_GRANITE, OP_ISTHMUS -> 112_687;
        case OP_JOVIAN -> 81_984;
        default -> -1;
      }));
      if (!expectedAddresses().get(f).contains(0x0c)) continue;
      a.add(Arguments.of(f, 0x0c, f == PrecompileFork.OP_ISTHMUS ? 513_760 : f == PrecompileFork.OP_JOVIAN ? 288_960 : -1));
      a.add(Arguments.of(f, 0x0e, f == PrecompileFork.OP_ISTHMUS ? 488_448 : f == PrecompileFork.OP_JOVIAN ? 278_784 : -1));
      a.add(Arguments.of(f, 0x0f, f == PrecompileFork.OP_ISTHMUS ? 235_008 : f == PrecompileFork.OP_JOVIAN ? 156_672 : -1));
    }
    return a;
  }

  @ParameterizedTest(name = "{0} 0x{1}: cap {2}")
  @MethodSource("caps")
  void theCapsAreWhereTheOpStackPutThem(PrecompileFork fork, int number, int cap) {
    Precompile p = PrecompileSet.forFork(fork).get(address(number));
    if (cap < 0) {
      assertThat(p).isNotInstanceOf(InputLimit.class);
    } else {
      assertThat(p).isInstanceOfSatisfying(InputLimit.class, l -> {
        assertThat(l.maxInputLength()).isEqualTo(cap);
        assertThat(l.precompile()).as("a later cap replaces the earlier one").isNotInstanceOf(InputLimit.class);
      });
    }
  }

  /**
   * (fork, address, pair length, cap): every cap but Granite's is a whole number of pairs, so the all-zero input
   * of that length (pairs of points at infinity and zero scalars, a valid call) must pass and one pair more fail.
   */
  static List<Arguments> wholePairCaps() {
    return List.of(
        Arguments.of(PrecompileFork.OP_ISTHMUS, 0x0c, 160, 513_760),
        Arguments.of(PrecompileFork.OP_ISTHMUS, 0x0e, 288, 488_448),
        Arguments.of(PrecompileFork.OP_ISTHMUS, 0x0f, 384, 235_008),
        Arguments.of(PrecompileFork.OP_JOVIAN, 0x08, 192, 81_984),
        Arguments.of(PrecompileFork.OP_JOVIAN, 0x0c, 160, 288_960),
        Arguments.of(PrecompileFork.OP_JOVIAN, 0x0e, 288, 278_784),
        Arguments.of(PrecompileFork.OP_JOVIAN, 0x0f, 384, 156_672));
  }

  @ParameterizedTest(name = "{0} 0x{1}")
  @MethodSource("wholePairCaps")
  void anInputAtTheCapPassesAndOnePairMoreFails(PrecompileFork fork, int number, int pair, int cap) throws Exception {
    assertThat(cap % pair).isZero();
    Precompile capped = PrecompileSet.forFork(fork).get(address(number));
    Precompile uncapped = PrecompileSet.forFork(PrecompileFork.PRAGUE).get(address(number));
    byte[] atCap = new byte[cap];
    byte[] onePairMore = new byte[cap + pair];
    byte[] oneByteMore = new byte[cap + 1];
    assertThat(capped.run(atCap)).isEqualTo(uncapped.run(atCap));
    assertThatThrownBy(() -> capped.run(onePairMore)).isInstanceOf(PrecompileFailure.class)
        .hasMessage(capped.name() + " input is " + (cap + pair) + " bytes, over the " + ((InputLimit) capped).rule()
            + " limit of " + cap);
    assertThatThrownBy(() -> capped.run(oneByteMore)).isInstanceOf(PrecompileFailure.class).hasMessageContaining("over the");
    assertThat(uncapped.run(onePairMore)).as("L1 has no cap").isEqualTo(uncapped.run(atCap));
    assertThat(capped.gas(onePairMore)).as("the cap leaves the price alone").isEqualTo(uncapped.gas(onePairMore));
  }

  @ParameterizedTest
  @EnumSource(value = PrecompileFork.class, names = {"OP_GRANITE", "OP_ISTHMUS"})
  void graniteCapsTheBn254PairingAt112687Bytes(PrecompileFork fork) throws Exception {
    Precompile p = PrecompileSet.forFork(fork).get(address(0x08));
    // 112687 is not a whole number of 192-byte pairs: 586 pairs (112512 bytes) is the longest valid input.
    byte[] longestValid = new byte[586 * 192];
    assertThat(p.run(longestValid)).hasSize(32);
    assertThatThrownBy(() -> p.run(new byte[112_687])).as("at the cap the cap passes it on; the length fails")
        .isInstanceOf(PrecompileFailure.class).hasMessageContaining("not a multiple of 192");
    assertThatThrownBy(() -> p.run(new byte[112_688])).isInstanceOf(PrecompileFailure.class)
        .hasMessage("BN254 pairing input is 112688 bytes, over the OP Granite limit of 112687");
    byte[] pairs587 = new byte[587 * 192];
    assertThatThrownBy(() -> p.run(pairs587)).as("a valid pairing input above the cap").isInstanceOf(PrecompileFailure.class)
        .hasMessageContaining("over the OP Granite limit");
    assertThat(PrecompileSet.forFork(PrecompileFork.OP_FJORD).get(address(0x08)).run(pairs587)).as("Fjord: no cap").hasSize(32);
  }
}
