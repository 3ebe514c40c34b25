package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.otp.SupervisorRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What moves in the tree, as a fold of the events timed by made-up frame deltas (no clock): an exit
 * signal travels along its link in its real direction and is cleared when it arrives; a crash
 * bursts and an orderly stop fades; a restart shows the old pid struck through while the new one
 * appears; the restart gauge ages by the event's oldest-expiry time.
 */
class AnimationTest extends OnServy {
  private static final long FRAME = 16_000_000L;

  /** One frame's look of the sensor's link: the flights on it and their progress. */
  private record Seen(List<TreeModel.Flight> flights, double[] progress, NodeStatus sensor) {}

  private List<Seen> play(int frames) {
    List<Seen> seen = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      vm.frame(FRAME);
      TreeModel t = vm.tree();
      List<TreeModel.Flight> f = new ArrayList<>(t.flights());
      double[] p = f.stream().mapToDouble(x -> x.progress(t.nowNanos())).toArray();
      seen.add(new Seen(f, p, node("servy/services/sensor").status()));
    }
    return seen;
  }

  @Test
  void aCrashSendsItsExitUpTheLinkWhichMovesAlongAndIsClearedWhenItArrives() {
    Pid old = node("servy/services/sensor").pid().orElseThrow();
    vm.kaboom("servy/services/sensor");
    List<Seen> seen = play(400);
    List<Seen> up =
        seen.stream()
            .filter(
                s ->
                    s.flights().stream()
                        .anyMatch(f -> f.up() && f.childPath().equals("servy/services/sensor")))
            .toList();
    assertThat(up).as("the EXIT travels up from sensor to services").isNotEmpty();
    TreeModel.Flight exit = up.get(0).flights().get(0);
    assertThat(exit.reason()).isEqualTo("kaboom");
    assertThat(exit.orderly()).isFalse();
    // it moves: its progress grows from frame to frame, and it is gone once arrived
    double last = -1;
    for (Seen s : up) {
      assertThat(s.progress()[0]).isGreaterThanOrEqualTo(last);
      last = s.progress()[0];
    }
    assertThat(seen.get(seen.size() - 1).flights()).as("cleared once arrived").isEmpty();
    // the restart: no signal stays on the link of the new process
    ProcessNodeModel sensor = node("servy/services/sensor");
    assertThat(sensor.pid()).isNotEqualTo(java.util.Optional.of(old));
    assertThat(sensor.edgeLit(vm.tree().nowNanos())).isFalse();
    assertThat(sensor.exitWasCrash()).as("a crash bursts").isTrue();
    assertThat(sensor.previousPid()).contains(old);
  }

  @Test
  void theSupervisorsShutdownTravelsDownTheLinkAndTheStopFades() {
    vm.call("servy/services", new SupervisorRequest.TerminateChild("sensor"));
    List<Seen> seen = play(400);
    List<TreeModel.Flight> down =
        seen.stream()
            .flatMap(s -> s.flights().stream())
            .filter(f -> !f.up() && f.childPath().equals("servy/services/sensor"))
            .toList();
    assertThat(down).as("shutdown travels down from services to sensor").isNotEmpty();
    assertThat(down.get(0).reason()).isEqualTo("shutdown");
    assertThat(down.get(0).orderly()).isTrue();
    ProcessNodeModel sensor = node("servy/services/sensor");
    assertThat(sensor.status()).isEqualTo(NodeStatus.STOPPED);
    assertThat(sensor.exitWasCrash()).as("an orderly stop fades").isFalse();
  }

  @Test
  void aRestartShowsTheOldPidStruckThroughWhileTheNewOneAppearsThenOnlyTheNewOne() {
    vm.kaboom("servy/services/sensor");
    double first = Double.NaN;
    double later = Double.NaN;
    for (int i = 0; i < 400 && Double.isNaN(later); i++) {
      vm.frame(FRAME);
      double p = node("servy/services/sensor").pidChange(vm.tree().nowNanos());
      if (!Double.isNaN(p)) {
        if (Double.isNaN(first)) {
          first = p;
        } else if (p > first) {
          later = p;
        }
      }
    }
    assertThat(first).isLessThan(later);
    for (int i = 0; i < 400; i++) {
      vm.frame(FRAME);
    }
    assertThat(node("servy/services/sensor").pidChange(vm.tree().nowNanos())).isNaN();
  }

  @Test
  void theGaugeAgesByTheOldestExpiryAndEmptiesWhenTheRestartLeavesTheWindow() {
    vm.kaboom("servy/services/sensor");
    for (int i = 0; i < 400 && node("servy/services").restartsInWindow() == 0; i++) {
      vm.frame(FRAME);
    }
    ProcessNodeModel services = node("servy/services");
    assertThat(services.restartsInWindow()).isEqualTo(1);
    long expiry = services.oldestAgesOutAtMillis();
    assertThat(expiry).isGreaterThan(0);
    double before = services.restartAges(vm.tree().virtualMillis()).get(0);
    for (int i = 0; i < 60; i++) { // about a second of virtual time at 1x
      vm.frame(FRAME);
    }
    long now = vm.tree().virtualMillis();
    double after = services.restartAges(now).get(0);
    assertThat(after).as("older as virtual time moves").isGreaterThan(before);
    assertThat(after)
        .isCloseTo(1 - (expiry - now) / (double) services.periodMillis(), within(1e-9));
    for (int i = 0; i < 600 && services.restartsInWindow() > 0; i++) {
      vm.frame(FRAME);
    }
    assertThat(services.restartsInWindow()).as("the restart left the 5 s window").isZero();
    assertThat(services.restartAges(vm.tree().virtualMillis())).isEmpty();
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  @Test
  void anExitAlongAConsoleLinkAndAMonitorsDownTravelBetweenTheirBoxes() {
    var node = vm.session().orElseThrow().sim().node();
    Pid pledge = node("servy/services/pledge").pid().orElseThrow();
    Pid sensor = node("servy/services/sensor").pid().orElseThrow();
    Pid kick = node("servy/kick_starter").pid().orElseThrow();
    node.process(pledge).orElseThrow().link(sensor); // as Process.link at the console
    node.process(kick).orElseThrow().monitor(sensor); // as Process.monitor
    vm.runToIdle();
    vm.kaboom("servy/services/sensor");
    List<TreeModel.Crossing> seen = new ArrayList<>();
    boolean moved = false;
    for (int i = 0; i < 400; i++) {
      vm.frame(FRAME);
      TreeModel t = vm.tree();
      for (TreeModel.Crossing c : t.crossings()) {
        if (!seen.contains(c)) {
          seen.add(c);
        }
        moved |= c.progress(t.nowNanos()) > 0 && c.progress(t.nowNanos()) < 1;
      }
    }
    assertThat(seen)
        .as("the EXIT along the link, sensor to pledge")
        .anyMatch(
            c ->
                c.fromPath().equals("servy/services/sensor")
                    && c.toPath().equals("servy/services/pledge")
                    && c.reason().equals("kaboom")
                    && !c.down());
    assertThat(seen)
        .as("the DOWN to the monitoring kick_starter")
        .anyMatch(
            c ->
                c.fromPath().equals("servy/services/sensor")
                    && c.toPath().equals("servy/kick_starter")
                    && c.down());
    assertThat(moved).as("seen on its way").isTrue();
    assertThat(vm.tree().crossings()).as("cleared once arrived").isEmpty();
  }
}
