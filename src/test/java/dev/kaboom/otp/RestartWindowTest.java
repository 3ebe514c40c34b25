package dev.kaboom.otp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestartWindowTest {
  final RestartWindow w = new RestartWindow();

  @Test
  void aRestartAgesOutExactlyWhenNowMinusItIsMoreThanThePeriod() {
    assertThat(w.add(0, 5000)).isEqualTo(1);
    assertThat(w.add(5000, 5000)).as("5000 - 0 = period: still in").isEqualTo(2);
    assertThat(w.toArray()).containsExactly(0, 5000);
    assertThat(w.add(5001, 5000)).as("5001 - 0 > period: out").isEqualTo(2);
    assertThat(w.toArray()).containsExactly(5000, 5001);
    w.ageOut(10_000, 5000);
    assertThat(w.toArray()).containsExactly(5000, 5001);
    w.ageOut(10_001, 5000);
    assertThat(w.toArray()).containsExactly(5001);
    w.ageOut(20_000, 5000);
    assertThat(w.size()).isZero();
  }

  @Test
  void countsRestartsAtTheSameInstant() {
    for (int i = 1; i <= 4; i++) {
      assertThat(w.add(100, 5000)).isEqualTo(i);
    }
  }

  @Test
  void keepsOrderAcrossGrowthAndWrapAround() {
    // age some out so the ring's head moves, then grow it past its initial capacity
    for (int t = 0; t < 6; t++) {
      w.add(t, 1000);
    }
    w.ageOut(1004, 1000); // drops 0..3
    assertThat(w.toArray()).containsExactly(4, 5);
    for (int t = 1000; t < 1030; t++) {
      w.add(t, 10_000);
    }
    assertThat(w.size()).isEqualTo(32);
    long[] times = w.toArray();
    assertThat(times[0]).isEqualTo(4);
    assertThat(times[1]).isEqualTo(5);
    assertThat(times[31]).isEqualTo(1029);
    w.ageOut(11_010, 10_000);
    assertThat(w.toArray()[0]).isEqualTo(1010);
    assertThat(w.size()).isEqualTo(20);
  }

  @Test
  void aSteadyStreamKeepsOnlyTheWindow() {
    // one restart per ms for a million ms with a 10 ms window: the window never holds more than 11
    for (long t = 0; t < 1_000_000; t++) {
      assertThat(w.add(t, 10)).isLessThanOrEqualTo(11);
    }
    assertThat(w.size()).isEqualTo(11);
    assertThat(w.toArray()[0]).isEqualTo(999_989);
  }
}
