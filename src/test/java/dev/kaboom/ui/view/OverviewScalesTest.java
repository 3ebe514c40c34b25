package dev.kaboom.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The overview map's scales: proportions kept, unless the tree is far wider (or taller) than it.
 */
class OverviewScalesTest {
  @Test
  void aTreeOfUsualProportionsKeepsThem() {
    double[] k = TreePane.overviewScales(180, 120, 800, 300);
    assertThat(k[0]).isEqualTo(k[1]).isEqualTo(180.0 / 800);
  }

  @Test
  void aWideShallowTreeFillsTheMapSoItsLevelsAreRows() {
    // 10,221 boxes: 10,000 workers side by side, four levels
    double[] k = TreePane.overviewScales(180, 120, 1_500_000, 400);
    assertThat(1_500_000 * k[0]).isEqualTo(180);
    assertThat(400 * k[1]).isEqualTo(120); // not 0.03 px high
  }

  @Test
  void aDeepNarrowChainFillsTheMapAcross() {
    double[] k = TreePane.overviewScales(180, 120, 120, 20_000);
    assertThat(120 * k[0]).isEqualTo(180);
    assertThat(20_000 * k[1]).isEqualTo(120);
  }

  @Test
  void anEmptyTreeDoesNotDivideByZero() {
    double[] k = TreePane.overviewScales(180, 120, 0, 0);
    assertThat(k[0]).isFinite();
    assertThat(k[1]).isFinite();
  }
}
