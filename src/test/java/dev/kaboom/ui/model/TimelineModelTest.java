package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.ui.MainWindow;
import dev.kaboom.ui.model.TimelineModel.Kind;
import dev.kaboom.ui.model.TimelineModel.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline's ticks (one per visible event and per command) and its zoom and hit geometry. */
class TimelineModelTest {

  @Test
  void fourKaboomsGiveFourCommandTicksDeathsRestartsAndAGiveUp() {
    MainViewModel vm = new MainViewModel();
    vm.load(MainWindow.bundledServy(), null);
    int startup = vm.marks().size();
    assertThat(vm.marks()).allMatch(m -> m.kind() == MainViewModel.MarkKind.START);
    for (int i = 0; i < 4; i++) {
      vm.kaboom("servy/services/sensor");
    }
    vm.runToIdle();
    List<Tick> ticks = TimelineModel.ticks(vm.marks(), vm.recordedCommands());
    assertThat(ticks).filteredOn(t -> t.kind() == Kind.COMMAND).hasSize(4);
    assertThat(ticks).anyMatch(t -> t.kind() == Kind.DEATH);
    assertThat(ticks).anyMatch(t -> t.kind() == Kind.RESTART);
    assertThat(ticks).filteredOn(t -> t.kind() == Kind.GIVE_UP).hasSize(1);
    // the first command sits between the start-up and the first death it caused
    Tick first = ticks.stream().filter(t -> t.kind() == Kind.COMMAND).findFirst().orElseThrow();
    assertThat(first.position()).isEqualTo(startup - 0.5);
    assertThat(ticks.get(ticks.indexOf(first) + 1).kind()).isEqualTo(Kind.DEATH);
    // sorted by position; every mark has one tick
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i).position()).isGreaterThanOrEqualTo(ticks.get(i - 1).position());
    }
    assertThat(ticks).filteredOn(t -> t.kind() != Kind.COMMAND).hasSize(vm.marks().size());
  }

  @Test
  void sleepsAreNoTicks() {
    MainViewModel vm = new MainViewModel();
    vm.load(MainWindow.bundledServy(), null);
    for (int i = 0; i < 10; i++) {
      vm.frame(dev.kaboom.ui.sim.Pacer.BEAT_NANOS);
    }
    assertThat(vm.recordedCommands()).isNotEmpty();
    assertThat(TimelineModel.ticks(vm.marks(), vm.recordedCommands()))
        .noneMatch(t -> t.kind() == Kind.COMMAND);
  }

  @Test
  void aClickFindsTheStepDrawnThereAtAnyZoom() {
    TimelineModel m = new TimelineModel();
    int total = 100;
    double width = 800;
    for (int zoom = 0; zoom < 4; zoom++) {
      double first = m.visibleFirst(total);
      for (int k = (int) Math.ceil(first); k < first + m.visibleSpan(total) - 1; k++) {
        double x = m.xOf(k, total, width, 8);
        assertThat(m.stepAt(x, total, width, 8)).as("zoom %d step %d", zoom, k).isEqualTo(k);
      }
      m.zoom(0.5, 60, total);
    }
    assertThat(m.visibleSpan(total)).isEqualTo(TimelineModel.MIN_SPAN);
    assertThat(m.visibleFirst(total)).isBetween(52.0, 60.0);
  }

  @Test
  void pastTheLastStepIsNowAndZoomingOutShowsAll() {
    TimelineModel m = new TimelineModel();
    assertThat(m.stepAt(799, 10, 800, 8)).isEqualTo(-1);
    assertThat(m.stepAt(0, 10, 800, 8)).isZero();
    assertThat(m.stepAt(100, 0, 800, 8)).isEqualTo(-1);
    m.zoom(0.25, 5, 1000);
    assertThat(m.showsAll()).isFalse();
    m.follow(900, 1000);
    assertThat(m.visibleFirst(1000) + m.visibleSpan(1000)).isGreaterThan(900);
    m.zoom(8, 900, 1000);
    assertThat(m.showsAll()).isTrue();
    assertThat(m.visibleSpan(3)).isEqualTo(3);
  }
}
