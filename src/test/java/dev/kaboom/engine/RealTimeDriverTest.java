package dev.kaboom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver is handed frame times in nanos; it never reads a clock. */
class RealTimeDriverTest {
  static final long MS = 1_000_000L;
  final Node node = new Node();
  final VirtualScheduler s = node.scheduler();
  final RealTimeDriver d = new RealTimeDriver(s);

  @Test
  void speedIsClampedToATenthUpToFourTimes() {
    assertThat(d.speed()).isEqualTo(1.0);
    d.setSpeed(10);
    assertThat(d.speed()).isEqualTo(4.0);
    d.setSpeed(0.01);
    assertThat(d.speed()).isEqualTo(0.1);
    d.setSpeed(-3);
    assertThat(d.speed()).isEqualTo(0.1);
    d.setSpeed(2.5);
    assertThat(d.speed()).isEqualTo(2.5);
  }

  @Test
  void timeFollowsTheHandedClockTimesTheSpeed() {
    d.tick(16 * MS);
    assertThat(s.nowMillis()).isEqualTo(16);
    d.setSpeed(4);
    d.tick(10 * MS);
    assertThat(s.nowMillis()).isEqualTo(56);
  }

  @Test
  void fractionsOfAMillisecondCarryOver() {
    d.setSpeed(0.1);
    d.tick(16 * MS); // 1.6 ms
    assertThat(s.nowMillis()).isEqualTo(1);
    d.tick(16 * MS); // 1.6 + 0.6 carried
    assertThat(s.nowMillis()).isEqualTo(3);
    d.setSpeed(1);
    d.tick(MS / 2);
    d.tick(MS / 2);
    assertThat(s.nowMillis()).isEqualTo(4);
  }

  @Test
  void pausedTicksDoNothingButStepOnceStillWorks() {
    List<String> ran = new ArrayList<>();
    s.schedule(5, () -> ran.add("t"));
    d.setPaused(true);
    assertThat(d.isPaused()).isTrue();
    assertThat(d.tick(100 * MS)).isZero();
    assertThat(s.nowMillis()).isZero();
    assertThat(ran).isEmpty();
    assertThat(d.stepOnce()).isTrue();
    assertThat(ran).containsExactly("t");
    assertThat(s.nowMillis()).isEqualTo(5);
    assertThat(d.stepOnce()).isFalse();
  }

  @Test
  void timersFallingDueFireInOrderAndTheClockEndsAtTheTarget() {
    List<String> ran = new ArrayList<>();
    s.schedule(12, () -> ran.add("b@" + s.nowMillis()));
    s.schedule(3, () -> ran.add("a@" + s.nowMillis()));
    s.schedule(40, () -> ran.add("c@" + s.nowMillis()));
    d.setStepsPerTick(100);
    assertThat(d.tick(16 * MS)).isEqualTo(2);
    assertThat(ran).containsExactly("a@3", "b@12");
    assertThat(s.nowMillis()).isEqualTo(16);
    d.tick(24 * MS);
    assertThat(ran).containsExactly("a@3", "b@12", "c@40");
    assertThat(s.nowMillis()).isEqualTo(40);
  }

  @Test
  void aBusyInstantHoldsTimeUntilItsWorkIsDone() {
    List<Recorder> rs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Recorder r = Recorder.plain();
      rs.add(r);
      node.send(new Pid(0), node.spawn(new Pid(0), r, "p" + i, false), i);
    }
    d.setStepsPerTick(2);
    assertThat(d.stepsPerTick()).isEqualTo(2);
    assertThat(d.tick(16 * MS)).isEqualTo(2); // p0 and p1 run
    assertThat(s.nowMillis()).isZero();
    assertThat(rs.get(2).initRan).isFalse();
    d.tick(16 * MS); // p2 and p3: still busy, time waits
    assertThat(s.nowMillis()).isZero();
    d.tick(16 * MS); // p4: done, so this frame's time passes (the busy frames' does not)
    assertThat(rs).allSatisfy(r -> assertThat(r.messages).hasSize(1));
    assertThat(s.nowMillis()).isEqualTo(16);
  }

  @Test
  void stepsPerTickIsAtLeastOne() {
    d.setStepsPerTick(0);
    assertThat(d.stepsPerTick()).isEqualTo(1);
  }
}
