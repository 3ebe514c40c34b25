package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Strategy;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.TreeNode;
import dev.kaboom.ui.sim.Pacer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A click while the picture is behind the engine: a learner watching a cascade sees all of it and
 * then the click's steps; a storm's click is drawn at once and the picture keeps within its lag
 * ({@link MainViewModel#isStorm}). Virtual frame times, no clock.
 */
class ClickDuringCascadeTest extends OnServy {
  private static final long FRAME = 1_000_000_000L / 60;

  /** Frames of {@code nanos} in all, 60 a second (time passes, no command). */
  private void idle(long nanos) {
    for (long t = 0; t < nanos; t += FRAME) {
      vm.frame(FRAME);
    }
  }

  /** Frames until the picture has caught up with the engine (at most {@code maxSeconds}). */
  private void playOut(int maxSeconds) {
    for (int i = 0; i < 60 * maxSeconds && vm.behindEvents() > 0; i++) {
      vm.frame(FRAME);
    }
  }

  @Test
  void aClickDuringAOneForAllCascadePlaysTheCascadeFullyThenTheClicksSteps() {
    vm.setFlags("servy/services", Strategy.ONE_FOR_ALL, 3, 5);
    vm.runToIdle();
    idle(2_000_000_000L);
    Pid sensor = pid("servy/services/sensor");
    // the learner clicks the sensor: the picture had nothing to show, its death is drawn at once
    assertThat(vm.kaboomClicked("servy/services/sensor")).isTrue();
    assertThat(node("servy/services/sensor").status()).isNotEqualTo(NodeStatus.RUNNING);
    idle(2 * Pacer.BEAT_NANOS); // two beats of the cascade
    int owed = vm.behindEvents();
    assertThat(owed).as("the cascade still plays").isPositive();

    // ...and quickly another node: the cascade plays on; the click is acknowledged at once
    assertThat(vm.kaboomClicked("servy/services/pledge")).isTrue();
    assertThat(vm.isStorm()).isFalse();
    assertThat(vm.catchingUpProperty().get()).isFalse();
    assertThat(vm.pendingClicks()).containsExactly("servy/services/pledge");
    assertThat(vm.logLines().get(vm.logLines().size() - 1)).startsWith("> Process.exit(");
    assertThat(vm.behindEvents()).as("the click's steps queued").isGreaterThan(owed);

    int steps = vm.behindEvents();
    int shown = 0;
    boolean cascadeDoneFirst = false;
    for (int i = 0; i < 60 * 30 && vm.behindEvents() > 0; i++) {
      int before = vm.behindEvents();
      boolean waiting = !vm.pendingClicks().isEmpty();
      vm.frame(FRAME);
      int folded = before - vm.behindEvents();
      assertThat(folded).as("one step a beat, nothing merged").isLessThanOrEqualTo(1);
      assertThat(vm.catchingUpProperty().get()).isFalse();
      shown += folded;
      if (waiting && vm.pendingClicks().isEmpty()) {
        // the beat that draws the click's first step (the pledge's death): the sensor's cascade
        // has been drawn to its end, the sensor running again under a new pid
        cascadeDoneFirst =
            node("servy/services/sensor").status() == NodeStatus.RUNNING
                && !node("servy/services/sensor").pid().orElseThrow().equals(sensor)
                && node("servy/services/pledge").status() != NodeStatus.RUNNING;
      }
    }
    assertThat(shown).as("every step got its own beat").isEqualTo(steps);
    assertThat(cascadeDoneFirst).as("the cascade ends before the click's steps begin").isTrue();
    assertThat(node("servy/services/sensor").restartCount()).isEqualTo(2);
    assertThat(node("servy/services/pledge").restartCount()).isEqualTo(2);
    assertThat(vm.pendingClicks()).isEmpty();
  }

  @Test
  void aThirdCommandWithinASecondIsAStormTwoAreNot() {
    idle(2_000_000_000L);
    vm.kaboom("servy/kick_starter");
    vm.frame(FRAME);
    vm.kaboom("servy/kick_starter");
    assertThat(vm.isStorm()).isFalse();
    assertThat(vm.behindLimit()).isEqualTo(MainViewModel.WATCHED_BEHIND_EVENTS);
    idle(MainViewModel.STORM_WINDOW_NANOS / 2);
    vm.kaboom("servy/kick_starter");
    assertThat(vm.isStorm()).isTrue();
    assertThat(vm.behindLimit()).isEqualTo(MainViewModel.MAX_BEHIND_EVENTS);
    idle(MainViewModel.STORM_WINDOW_NANOS);
    assertThat(vm.isStorm()).as("a second later, over").isFalse();
  }

  @Test
  void aCascadeTooLongToWaitForIsJumpedToAnswerAtOnce() {
    // a one_for_all over 12 workers: 37 steps, more than the picture may be behind
    List<TreeNode> workers = new ArrayList<>();
    for (int w = 0; w < 12; w++) {
      workers.add(TreeNode.worker("w" + w));
    }
    TreeNode root = TreeNode.supervisor("big", Strategy.ONE_FOR_ALL, workers).withIntensity(100, 5);
    vm.load(new Scenario("big", "", root, List.of()), null);
    idle(2_000_000_000L);
    vm.kaboomClicked("big/w3");
    idle(Pacer.BEAT_NANOS);
    assertThat(vm.catchingUpProperty().get()).as("caught up with at once").isTrue();
    Pid w7 = pid("big/w7");
    assertThat(vm.kaboomClicked("big/w7")).isTrue();
    assertThat(vm.pendingClicks()).isEmpty();
    assertThat(
            node("big/w7").status() != NodeStatus.RUNNING
                || !node("big/w7").pid().orElseThrow().equals(w7))
        .as("drawn in the next frame")
        .isTrue();
  }

  /**
   * Bench U1's storm in small: 100 kabooms a second on a hundred workers and a click every half
   * second, 60 frames a second for five seconds.
   */
  @Test
  void inAStormEachClickIsDrawnAtOnceAndThePictureKeepsWithinItsLag() {
    List<TreeNode> sups = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (int s = 0; s < 5; s++) {
      List<TreeNode> workers = new ArrayList<>();
      for (int w = 0; w < 20; w++) {
        workers.add(TreeNode.worker("w" + w));
        paths.add("storm/s" + s + "/w" + w);
      }
      sups.add(
          TreeNode.supervisor("s" + s, Strategy.ONE_FOR_ONE, workers).withIntensity(1_000_000, 1));
    }
    TreeNode root =
        TreeNode.supervisor("storm", Strategy.ONE_FOR_ONE, sups).withIntensity(1_000_000, 1);
    vm.load(new Scenario("storm", "", root, List.of()), null);
    Random random = new Random(13);
    long sent = 0;
    int clicks = 0;
    boolean caughtUp = false;
    for (int f = 1; f <= 300; f++) {
      int shownBefore = vm.foldedEvents();
      vm.frame(FRAME);
      if (vm.foldedEvents() != shownBefore) {
        // a beat: the picture owes at most the storm's lag (2.8 s of animation at 1x)
        assertThat(vm.behindEvents()).isLessThanOrEqualTo(MainViewModel.MAX_BEHIND_EVENTS);
      }
      caughtUp |= vm.catchingUpProperty().get();
      for (long due = f * 100L / 60; sent < due; sent++) {
        vm.kaboom(paths.get(random.nextInt(paths.size())));
      }
      if (f % 30 == 15) {
        String path = paths.get(random.nextInt(paths.size()));
        if (node(path).status() != NodeStatus.RUNNING) {
          continue;
        }
        Pid drawn = pid(path);
        assertThat(vm.kaboomClicked(path)).isTrue();
        clicks++;
        assertThat(vm.isStorm()).isTrue();
        assertThat(vm.pendingClicks()).isEmpty();
        assertThat(
                node(path).status() != NodeStatus.RUNNING
                    || !node(path).pid().orElseThrow().equals(drawn))
            .as("click %d at frame %d drawn before the next frame", clicks, f)
            .isTrue();
      }
    }
    assertThat(clicks).isGreaterThanOrEqualTo(5);
    assertThat(caughtUp).as("status: catching up").isTrue();
    playOut(30);
    assertThat(vm.behindEvents()).isZero();
  }
}
