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
  private AppPrefs prefs;

  @Start
  void start(Stage stage) {
    prefs = TestWindows.prefs("en", 1200, 800);
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
  void dockedBesideAtTwoHundredFiftyPercentItGoesUnderTheTreeAndComesBackBeside(FxRobot robot) {
    javafx.scene.control.SplitPane split =
        robot.lookup("#tree-chart-split").queryAs(javafx.scene.control.SplitPane.class);
    assertThat(split.getOrientation()).isEqualTo(javafx.geometry.Orientation.HORIZONTAL);
    javafx.scene.Node tree = robot.lookup(".tree-pane").query();
    javafx.scene.Node chart = robot.lookup("#sequence-chart").query();
    // at 250 % the panels stand beside the tree: a chart beside them would be a third column
    TestWindows.scale(robot, window, prefs, 2.5);
    assertThat(split.getOrientation()).isEqualTo(javafx.geometry.Orientation.VERTICAL);
    assertThat(chart.localToScene(chart.getLayoutBounds()).getMinY())
        .as("the chart is under the tree")
        .isGreaterThanOrEqualTo(tree.localToScene(tree.getLayoutBounds()).getMaxY() - 1);
    assertThat(chart.getLayoutBounds().getWidth())
        .as("as wide as the tree")
        .isCloseTo(tree.getLayoutBounds().getWidth(), org.assertj.core.data.Offset.offset(12.0));
    assertThat(prefs.get("sequenceDock", "beside")).as("the choice is kept").isEqualTo("beside");
    // the tree is fitted into what is left: every box in sight
    javafx.geometry.Bounds area = tree.localToScene(tree.getLayoutBounds());
    for (javafx.scene.Node box : robot.lookup(".process-node").queryAll()) {
      javafx.geometry.Bounds b = box.localToScene(box.getLayoutBounds());
      assertThat(area.contains(b.getCenterX(), b.getCenterY())).as("%s in sight", box).isTrue();
    }
    TestWindows.scale(robot, window, prefs, 1.0);
    assertThat(split.getOrientation()).isEqualTo(javafx.geometry.Orientation.HORIZONTAL);
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

  /**
   * A one_for_all restart of 100 children: the 99 that are not the story share one group lifeline
   * ("99 children of sup"), a click on its header shows each of them (the chart scrolls sideways),
   * and a click on the bracket over them groups them again.
   */
  @Test
  void aOneForAllOfAHundredGroupsItsChildrenAndAClickOnTheGroupExpandsIt(FxRobot robot)
      throws Exception {
    java.util.List<dev.kaboom.scenario.TreeNode> kids = new java.util.ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      kids.add(dev.kaboom.scenario.TreeNode.worker("c" + i));
    }
    dev.kaboom.scenario.TreeNode root =
        dev.kaboom.scenario.TreeNode.supervisor("sup", dev.kaboom.engine.Strategy.ONE_FOR_ALL, kids)
            .withIntensity(10, 5);
    robot.interact(
        () ->
            vm.load(
                new dev.kaboom.scenario.Scenario(
                    "hundred", "one_for_all of 100", root, java.util.List.of()),
                null));
    TestWindows.settle(robot, window);
    robot.interact(() -> vm.kaboom("sup/c42"));
    TestWindows.settle(robot, window);
    render(robot);
    java.util.List<String> keys =
        chart().shownLifelines().stream().map(SequenceModel.Lifeline::key).toList();
    assertThat(keys).contains("sup", "group:sup", "sup/c42").hasSizeLessThanOrEqualTo(5);
    shot(robot, "grouped");

    robot.clickOn(chart().headerPoint("group:sup").orElseThrow());
    render(robot);
    keys = chart().shownLifelines().stream().map(SequenceModel.Lifeline::key).toList();
    assertThat(keys).contains("sup/c1", "sup/c42", "sup/c100").doesNotContain("group:sup");
    assertThat(robot.lookup("#sequence-chart .scroll-bar").tryQuery())
        .as("100 lifelines scroll sideways")
        .hasValueSatisfying(n -> assertThat(n.isVisible()).isTrue());
    shot(robot, "expanded");

    robot.clickOn(chart().bracketPoint("group:sup").orElseThrow());
    render(robot);
    keys = chart().shownLifelines().stream().map(SequenceModel.Lifeline::key).toList();
    assertThat(keys).contains("group:sup").doesNotContain("sup/c1");
  }

  /** With -Dkaboom.seqshots=DIR, a picture of the window now (to look at it). */
  private void shot(FxRobot robot, String name) throws Exception {
    String dir = System.getProperty("kaboom.seqshots");
    if (dir != null) {
      new java.io.File(dir).mkdirs();
      TestWindows.png(robot, window, dir + "/sequence-hundred-" + name + ".png");
    }
  }
}
