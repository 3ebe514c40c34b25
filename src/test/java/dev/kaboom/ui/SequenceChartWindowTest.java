package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.model.SequenceModel;
import dev.kaboom.ui.settings.AppPrefs;
import dev.kaboom.ui.view.SequenceChartPane;
import java.util.Collections;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sequence chart in the window, headless (Monocle): after a kaboom its highlight follows the
 * timeline back and forth, a click on an arrow seeks there and selects the process in the tree, and
 * View > Sequence chart hides and shows it.
 */
@ExtendWith(ApplicationExtension.class)
class SequenceChartWindowTest {
  private static final String SENSOR = "servy/services/sensor";
  private static final String SERVICES = "servy/services";

  private MainWindow window;
  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    AppPrefs prefs = TestWindows.prefs("en", 1200, 800);
    prefs.put("sequenceChart", "true");
    window = TestWindows.openPaused(stage, prefs);
    vm = window.viewModel();
  }

  private void render(FxRobot robot) {
    robot.interact(() -> window.controller().render());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private SequenceChartPane chart() {
    return window.controller().sequenceChart();
  }

  /** The row of {@code kind} from {@code from} to {@code to}, the last one. */
  private int row(SequenceModel.Kind kind, String from, String to) {
    SequenceModel m = chart().model();
    for (int i = m.rowCount() - 1; i >= 0; i--) {
      SequenceModel.Row r = m.row(i);
      if (r.kind() == kind && r.from().equals(from) && r.to().equals(to)) {
        return i;
      }
    }
    throw new AssertionError("no " + kind + " row from " + from + " to " + to + ": " + m.rows());
  }

  @Test
  void theHighlightFollowsTheTimelineAndAClickOnAnArrowSeeksAndSelects(FxRobot robot) {
    robot.interact(() -> vm.kaboom(SENSOR));
    TestWindows.settle(robot, window);
    render(robot);
    Set<Integer> now = chart().highlightedRows();
    assertThat(now).as("the present step's rows").isNotEmpty();
    int restart = row(SequenceModel.Kind.START, SERVICES, SENSOR);
    assertThat(now).contains(restart);

    robot.interact(() -> vm.stepBack());
    render(robot);
    Set<Integer> back = chart().highlightedRows();
    assertThat(back).isNotEmpty();
    assertThat(Collections.max(back)).as("a step back").isLessThan(Collections.min(now));

    robot.interact(() -> window.controller().timeline().seek(0));
    render(robot);
    assertThat(Collections.max(chart().highlightedRows()))
        .as("the first step")
        .isLessThan(Collections.min(back));

    robot.interact(() -> vm.goLive());
    render(robot);
    assertThat(chart().highlightedRows()).isEqualTo(now);

    // the sensor's EXIT to its supervisor: a click seeks there and selects the supervisor
    int exit = row(SequenceModel.Kind.EXIT_MESSAGE, SENSOR, SERVICES);
    Point2D at = chart().rowPoint(exit).orElseThrow();
    robot.clickOn(at);
    render(robot);
    assertThat(vm.playheadProperty().get()).as("looking back").isGreaterThanOrEqualTo(0);
    assertThat(chart().highlightedRows()).contains(exit);
    assertThat(vm.selectedPathProperty().get()).isEqualTo(SERVICES);
    assertThat(window.controller().inspector().sheet().getItems()).isNotEmpty();
  }

  @Test
  void theViewMenuHidesAndShowsIt(FxRobot robot) {
    assertThat(robot.lookup("#sequence-chart").queryAs(javafx.scene.Node.class).isVisible())
        .isTrue();
    CheckMenuItem item =
        (CheckMenuItem)
            window.controller().root().lookupAll(".menu-bar").stream()
                .findFirst()
                .map(n -> (javafx.scene.control.MenuBar) n)
                .orElseThrow()
                .getMenus()
                .stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> "sequenceItem".equals(i.getId()))
                .findFirst()
                .orElseThrow();
    robot.interact(() -> item.setSelected(!item.isSelected()));
    render(robot);
    assertThat(robot.lookup("#sequence-chart").tryQuery()).isEmpty();
    robot.interact(() -> item.setSelected(!item.isSelected()));
    render(robot);
    assertThat(robot.lookup("#sequence-chart").tryQuery()).isPresent();
  }
}
