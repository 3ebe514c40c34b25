package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.model.NodeStatus;
import dev.kaboom.ui.model.ProcessNodeModel;
import dev.kaboom.ui.model.TimelineModel;
import dev.kaboom.ui.view.ProcessNodeView;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Time travel in the window, headless (Monocle): stepping back with the keys, four quick clicks,
 * forking at a past point (with its confirmation, and Ctrl+Z), and seeking on the timeline. The
 * frame loop is stopped: the engine runs ahead on each click, the tests let the picture catch up.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineWindowTest {
  private static final String SENSOR = "servy/services/sensor";
  private static final String PLEDGE = "servy/services/pledge";
  private static final String SERVICES = "servy/services";

  private MainWindow window;
  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    window = TestWindows.openPaused(stage, TestWindows.prefs("en", 1100, 700));
    vm = window.viewModel();
  }

  private static String sel(String path) {
    return TestWindows.sel(path);
  }

  private void settle(FxRobot robot) {
    TestWindows.settle(robot, window);
  }

  private void render(FxRobot robot) {
    robot.interact(() -> window.controller().render());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private ProcessNodeModel node(String path) {
    return vm.tree().node(path).orElseThrow();
  }

  private Pid pid(String path) {
    return node(path).pid().orElseThrow();
  }

  private String shown(FxRobot robot, String path, String styleClass) {
    ProcessNodeView v = robot.lookup(sel(path)).queryAs(ProcessNodeView.class);
    return v.getChildrenUnmodifiable().stream()
        .filter(n -> n.getStyleClass().contains(styleClass))
        .map(n -> ((Text) n).getText())
        .findFirst()
        .orElseThrow();
  }

  /** Presses the left arrow until {@code path} is drawn running as {@code pid}. */
  private void stepBackTo(FxRobot robot, String path, Pid pid) {
    for (int i = 0; i < 60; i++) {
      robot.type(KeyCode.LEFT);
      render(robot);
      if (pid(path).equals(pid) && node(path).status() == NodeStatus.RUNNING) {
        return;
      }
    }
    throw new AssertionError(path + " never shown as " + pid);
  }

  @Test
  void stepBackAfterAKaboomShowsTheOldPidAndTheMeterAsItWas(FxRobot robot) {
    Pid old = pid(SENSOR);
    String meterBefore = shown(robot, SERVICES, "node-meter");
    robot.clickOn(sel(SENSOR));
    settle(robot);
    Pid now = pid(SENSOR);
    String meterAfter = shown(robot, SERVICES, "node-meter");
    assertThat(meterAfter).isNotEqualTo(meterBefore);

    stepBackTo(robot, SENSOR, old);
    assertThat(vm.pausedProperty().get()).as("stepping back pauses").isTrue();
    assertThat(shown(robot, SENSOR, "node-pid")).isEqualTo(old.toString());
    assertThat(shown(robot, SERVICES, "node-meter")).isEqualTo(meterBefore);
    assertThat(robot.lookup("#timeline-position").queryLabeled().getText()).startsWith("step ");

    robot.type(KeyCode.END);
    render(robot);
    assertThat(shown(robot, SENSOR, "node-pid")).isEqualTo(now.toString());
    assertThat(shown(robot, SERVICES, "node-meter")).isEqualTo(meterAfter);
  }

  @Test
  void fourQuickClicksMakeTheSupervisorGiveUp(FxRobot robot) {
    // servy/services allows 3 restarts in 5 s; no frame runs between the clicks
    for (int i = 0; i < 4; i++) {
      robot.clickOn(sel(SENSOR));
    }
    assertThat(vm.session().orElseThrow().log().all())
        .anyMatch(e -> e instanceof TraceEvent.GaveUp g && SERVICES.equals(g.label()));
    settle(robot);
    assertThat(node(SERVICES).restartCount()).as("its parent started it again").isEqualTo(1);
    assertThat(vm.marks()).anyMatch(m -> m.kind() == MainViewModel.MarkKind.GIVE_UP);
  }

  @Test
  void actingInThePastAsksThenForksAndCtrlZBringsTheRestBack(FxRobot robot) {
    robot.clickOn(sel(SENSOR));
    settle(robot);
    Pid second = pid(SENSOR);
    robot.clickOn(sel(SENSOR));
    settle(robot);
    Pid third = pid(SENSOR);
    stepBackTo(robot, SENSOR, second);
    int head = vm.playheadProperty().get();

    // declined: nothing changes
    robot.clickOn(sel(PLEDGE));
    robot.clickOn("#fork-cancel");
    render(robot);
    assertThat(vm.playheadProperty().get()).isEqualTo(head);
    assertThat(node(PLEDGE).restartCount()).isZero();

    // confirmed: the later kaboom is dropped, the click acts from here
    robot.clickOn(sel(PLEDGE));
    robot.clickOn("#fork-ok");
    settle(robot);
    assertThat(vm.playheadProperty().get()).isEqualTo(-1);
    assertThat(node(PLEDGE).restartCount()).isEqualTo(1);
    assertThat(node(SENSOR).restartCount()).isEqualTo(1);
    assertThat(pid(SENSOR)).isEqualTo(second);

    // Ctrl+Z: back as it was before the fork
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    settle(robot);
    assertThat(vm.playheadProperty().get()).isEqualTo(head);
    robot.type(KeyCode.END);
    render(robot);
    assertThat(pid(SENSOR)).isEqualTo(third);
    assertThat(node(PLEDGE).restartCount()).isZero();
  }

  /** The timeline strip's bounds on screen now (the window's layout moves as captions come). */
  private Bounds track(FxRobot robot) {
    Node track = robot.lookup("#timeline-track").query();
    Bounds[] b = new Bounds[1];
    robot.interact(() -> b[0] = track.localToScreen(track.getBoundsInLocal()));
    return b[0];
  }

  /**
   * The strip draws, in each pixel column, the most telling tick of the marks and commands on it
   * (the same as a pass over every mark would), zoomed out and zoomed in, from a summary kept as
   * the run grows.
   */
  @Test
  void eachColumnShowsTheMostTellingTickOfItsMarks(FxRobot robot) {
    for (String path : java.util.List.of(SENSOR, PLEDGE, SENSOR, SENSOR)) {
      robot.interact(() -> vm.kaboom(path));
      settle(robot);
    }
    var strip = window.controller().timeline();
    robot.interact(strip::redraw);
    assertThat(strip.drawnColumns()).isEqualTo(expectedColumns(robot, strip));
    assertThat(strip.drawnColumns()).contains(TimelineModel.Kind.COMMAND, TimelineModel.Kind.DEATH);
    robot.clickOn("#timeline-zoom-in");
    robot.clickOn("#timeline-zoom-in");
    robot.interact(strip::redraw);
    assertThat(strip.drawnColumns()).isEqualTo(expectedColumns(robot, strip));
  }

  /** Each column's tick from a pass over every mark and command (as the strip drew it before). */
  private java.util.List<TimelineModel.Kind> expectedColumns(
      FxRobot robot, dev.kaboom.ui.view.TimelineStrip strip) {
    javafx.scene.layout.Region track =
        robot.lookup("#timeline-track").queryAs(javafx.scene.layout.Region.class);
    java.util.List<TimelineModel.Kind> out = new java.util.ArrayList<>();
    robot.interact(
        () -> {
          double w = track.getWidth();
          int total = vm.marks().size();
          TimelineModel m = strip.model();
          int columns = (int) Math.ceil(w) + 2;
          TimelineModel.Kind[] at = new TimelineModel.Kind[columns];
          double first = m.visibleFirst(total);
          for (TimelineModel.Tick t : TimelineModel.ticks(vm.marks(), vm.recordedCommands())) {
            if (t.position() < first - 1 || t.position() > first + m.visibleSpan(total)) {
              continue;
            }
            // (a tick just outside the view is drawn at the edge)
            int px =
                (int)
                    Math.max(
                        0, Math.min(columns - 1, Math.round(m.xOf(t.position(), total, w, 8))));
            if (at[px] == null || rank(t.kind()) > rank(at[px])) {
              at[px] = t.kind();
            }
          }
          out.addAll(java.util.Arrays.asList(at));
        });
    return out;
  }

  private static int rank(TimelineModel.Kind k) {
    return switch (k) {
      case GIVE_UP -> 5;
      case COMMAND -> 4;
      case DEATH -> 3;
      case RESTART -> 2;
      case START -> 1;
      case OTHER -> 0;
    };
  }

  @Test
  void aClickOnTheTimelineSeeksThereAndPastTheEndIsNow(FxRobot robot) {
    Pid old = pid(SENSOR);
    robot.clickOn(sel(SENSOR));
    settle(robot);
    Pid now = pid(SENSOR);
    // the start-up is the left part of the strip: the old sensor runs there
    Bounds b = track(robot);
    robot.clickOn(new Point2D(b.getMinX() + 12, b.getCenterY()));
    render(robot);
    assertThat(vm.playheadProperty().get()).isBetween(0, 1);
    assertThat(vm.pausedProperty().get()).isTrue();
    assertThat(vm.tree().node(SENSOR).flatMap(ProcessNodeModel::pid))
        .as("the sensor is not started yet")
        .isNotEqualTo(java.util.Optional.of(now));
    b = track(robot);
    robot
        .drag(new Point2D(b.getMinX() + 12, b.getCenterY()))
        .dropTo(new Point2D(b.getMinX() + b.getWidth() * 0.6, b.getCenterY()));
    render(robot);
    int middle = vm.playheadProperty().get();
    assertThat(middle).isGreaterThan(1);
    assertThat(middle).isLessThan(vm.marks().size() - 1);
    assertThat(pid(SENSOR)).as("after the start-up, before the kaboom").isEqualTo(old);
    b = track(robot);
    robot.clickOn(new Point2D(b.getMaxX() - 2, b.getCenterY()));
    render(robot);
    assertThat(vm.playheadProperty().get()).as("past the last step: now").isEqualTo(-1);
    assertThat(pid(SENSOR)).isEqualTo(now);
    // the start button goes to the first step
    robot.clickOn("#timeline-start");
    render(robot);
    assertThat(vm.playheadProperty().get()).isZero();
  }

  @Test
  void aClickedMarkIsExplainedInTheCaptionAndTheStripsTooltipWithItsRule(FxRobot robot) {
    int before = vm.marks().size();
    robot.clickOn(sel(SENSOR));
    settle(robot);
    int death = -1;
    for (int k = before; k < vm.marks().size(); k++) {
      if (vm.marks().get(k).kind() == dev.kaboom.ui.model.MainViewModel.MarkKind.DEATH) {
        death = k;
        break;
      }
    }
    assertThat(death).as("the sensor's death is marked").isNotNegative();
    for (int k = before; k < vm.marks().size(); k++) {
      int step = k;
      robot.interact(() -> window.controller().timeline().seek(step));
      render(robot);
      dev.kaboom.explain.Narration n = vm.explainMark(k).orElseThrow();
      String sentence = vm.narration().render(n);
      assertThat(window.controller().captions().shownText())
          .as("step %d is explained in the caption strip", k)
          .isEqualTo(sentence);
      assertThat(window.controller().timeline().stepText(k))
          .startsWith("Step " + (k + 1) + " of " + vm.marks().size())
          .endsWith(sentence + "\nClick to see it; Ctrl + wheel zooms.");
    }
    // the death names the exit-signal rule that killed it; the restart names the strategy's
    assertThat(vm.explainMark(death).orElseThrow().key()).isEqualTo("exit.signal");
    assertThat(vm.narration().render(vm.explainMark(death).orElseThrow()))
        .contains("sensor")
        .contains("does not trap exits");
    int restart = vm.marks().size() - 1;
    while (vm.marks().get(restart).kind() != dev.kaboom.ui.model.MainViewModel.MarkKind.RESTART) {
      restart--;
    }
    assertThat(vm.explainMark(restart).orElseThrow().key()).isEqualTo("start.one_for_one");
    // a click on the strip explains too
    Bounds b = track(robot);
    robot.clickOn(new Point2D(b.getMinX() + 12, b.getCenterY()));
    render(robot);
    int k = vm.playheadProperty().get();
    assertThat(window.controller().captions().shownText())
        .isEqualTo(vm.narration().render(vm.explainMark(k).orElseThrow()));
  }
}
