package io.fpp4j.precompiles.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.precompiles.Precompile;
import org.junit.jupiter.api.Test;

/** EIP-2537's prices: the fixed ones, the pairing's per-pair price, and the MSM discount tables. */
class BlsGasTest {
  static long gas(Precompile p, int length) {
    return p.gas(new byte[length]);
  }

  @Test
  void fixedPricesDoNotDependOnTheInput() {
    for (int length : new int[] {0, 64, 128, 256, 512, 1000}) {
      assertThat(gas(new BlsG1Add(), length)).isEqualTo(375);
      assertThat(gas(new BlsG2Add(), length)).isEqualTo(600);
      assertThat(gas(new BlsMapFpToG1(), length)).isEqualTo(5500);
      assertThat(gas(new BlsMapFp2ToG2(), length)).isEqualTo(23_800);
    }
  }

  @Test
  void pairingCosts37700Plus32600PerWholePair() {
    BlsPairingCheck p = new BlsPairingCheck();
    assertThat(gas(p, 0)).isEqualTo(37_700);
    assertThat(gas(p, 384)).isEqualTo(70_300);
    assertThat(gas(p, 2 * 384)).isEqualTo(102_900);
    assertThat(gas(p, 2 * 384 + 383)).as("a partial pair is not charged").isEqualTo(102_900);
  }

  @Test
  void g1MsmFollowsTheDiscountTable() {
    BlsG1Msm p = new BlsG1Msm();
    assertThat(gas(p, 0)).isZero();
    assertThat(gas(p, 159)).as("no whole pair").isZero();
    assertThat(gas(p, 160)).as("one pair: G1MUL's 12000").isEqualTo(12_000);
    assertThat(gas(p, 2 * 160)).isEqualTo(2 * 949 * 12_000 / 1000);
    assertThat(gas(p, 3 * 160 + 100)).isEqualTo(3 * 848 * 12_000 / 1000);
    assertThat(gas(p, 128 * 160)).isEqualTo(128L * 519 * 12_000 / 1000);
    assertThat(gas(p, 129 * 160)).as("beyond the table: its last discount").isEqualTo(129L * 519 * 12_000 / 1000);
    assertThat(gas(p, 1000 * 160)).isEqualTo(1000L * 519 * 12);
  }

  @Test
  void g2MsmFollowsTheDiscountTable() {
    BlsG2Msm p = new BlsG2Msm();
    assertThat(gas(p, 287)).isZero();
    assertThat(gas(p, 288)).as("one pair: G2MUL's 22500").isEqualTo(22_500);
    assertThat(gas(p, 2 * 288)).as("G2's second entry is still 1000").isEqualTo(45_000);
    assertThat(gas(p, 3 * 288)).as("rounded down").isEqualTo(62_302);
    assertThat(gas(p, 128 * 288)).isEqualTo(128L * 524 * 22_500 / 1000);
    assertThat(gas(p, 200 * 288)).isEqualTo(200L * 524 * 22_500 / 1000);
  }

  @Test
  void theTablesHave128EntriesEndingAtTheEipsMaxDiscounts() {
    assertThat(BlsMsmGas.G1.tableLength()).isEqualTo(128);
    assertThat(BlsMsmGas.G2.tableLength()).isEqualTo(128);
    assertThat(BlsMsmGas.G1.discount(128)).isEqualTo(519);
    assertThat(BlsMsmGas.G2.discount(128)).isEqualTo(524);
    for (BlsMsmGas g : BlsMsmGas.values()) {
      assertThat(g.discount(1)).as("%s: one pair is a plain multiplication", g).isEqualTo(1000);
      assertThat(g.discount(10_000)).as("%s: beyond the table", g).isEqualTo(g.discount(128));
      // A bigger MSM is never dearer per pair.
      for (int k = 2; k <= 128; k++) assertThat(g.discount(k)).as("%s k=%d", g, k).isLessThanOrEqualTo(g.discount(k - 1));
    }
  }

  @Test
  void aNegativePairCountIsRefused() {
    assertThatThrownBy(() -> BlsMsmGas.G1.gas(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an MSM has a pair count of at least 0, got -1");
  }
}
