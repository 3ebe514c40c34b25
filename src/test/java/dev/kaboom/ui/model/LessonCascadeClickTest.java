package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.lesson.Lesson;
import dev.kaboom.lesson.LessonLoader;
import dev.kaboom.ui.sim.Pacer;
import org.junit.jupiter.api.Test;

/**
 * The strategies lesson's one_for_all step: its Run plays in full, and a click on another worker
 * while its cascade plays waits for it (in a lesson a click made the rest of the cascade jump).
 */
class LessonCascadeClickTest {
  private static final long FRAME = 1_000_000_000L / 60;
  private static final String SUP = "iex/Lab.Supervisor";

  private final MainViewModel vm = new MainViewModel();

  private void idle(long nanos) {
    for (long t = 0; t < nanos; t += FRAME) {
      vm.frame(FRAME);
    }
  }

  private ProcessNodeModel node(String path) {
    return vm.tree().node(path).orElseThrow();
  }

  @Test
  void aClickDuringTheOneForAllStepsRunWaitsForItsCascade() {
    Lesson lesson = ((LessonLoader.Result.Loaded) LessonLoader.load("strategies")).lesson();
    String world = lesson.worldAt(0);
    vm.loadEmpty(
        lesson.worlds().get(world), Lesson.worldFile(world), lesson.worldTexts().get(world));
    vm.consoleLine("{:ok, sup} = Lab.Supervisor.start_link(:one_for_one)");
    vm.runToIdle();
    idle(2_000_000_000L);
    // the step's Run: its three lines in one frame
    for (String line : lesson.steps().get(1).iex()) {
      vm.consoleLine(line);
    }
    int run = vm.behindEvents();
    assertThat(run).as("the Run's steps fit the lag").isLessThanOrEqualTo(vm.behindLimit());
    // the picture plays until the one_for_all restart has begun: the cache drawn crashed
    int guard = 0;
    while (guard++ < 60 * 20
        && !(vm.tree().node(SUP + "/Lab.Cache").isPresent()
            && node(SUP + "/Lab.Cache").status() == NodeStatus.CRASHED)) {
      vm.frame(FRAME);
    }
    assertThat(node(SUP + "/Lab.Cache").status()).isEqualTo(NodeStatus.CRASHED);
    Pid web = node(SUP + "/Lab.Web").pid().orElseThrow();
    idle(Pacer.BEAT_NANOS);
    int owed = vm.behindEvents();
    assertThat(owed).as("the cascade still plays").isPositive();

    assertThat(vm.kaboomClicked(SUP + "/Lab.Repo")).isTrue();
    assertThat(vm.pendingClicks()).containsExactly(SUP + "/Lab.Repo");
    assertThat(vm.catchingUpProperty().get()).isFalse();
    boolean cascadeDoneFirst = false;
    for (int i = 0; i < 60 * 30 && vm.behindEvents() > 0; i++) {
      int before = vm.behindEvents();
      boolean waiting = !vm.pendingClicks().isEmpty();
      vm.frame(FRAME);
      assertThat(before - vm.behindEvents()).as("one step a beat").isLessThanOrEqualTo(1);
      if (waiting && vm.pendingClicks().isEmpty()) {
        // the repo's death is drawn: the cache's cascade was drawn to its end first
        cascadeDoneFirst =
            node(SUP + "/Lab.Web").status() == NodeStatus.RUNNING
                && !node(SUP + "/Lab.Web").pid().orElseThrow().equals(web)
                && node(SUP + "/Lab.Cache").status() == NodeStatus.RUNNING
                && node(SUP + "/Lab.Repo").status() != NodeStatus.RUNNING;
      }
    }
    assertThat(cascadeDoneFirst).isTrue();
    assertThat(vm.behindEvents()).isZero();
  }
}
