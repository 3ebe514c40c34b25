package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.ui.model.ProcessNodeModel;
import dev.kaboom.ui.view.ProcessNodeView;
import dev.kaboom.ui.view.TreePane;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window in a classroom: 1280x720, 100 % and 250 %, keyboard only, bad input. */
@ExtendWith(ApplicationExtension.class)
class ClassroomTest extends WindowTest {
  @Start
  void start(Stage stage) {
    open(stage, 1280, 720);
  }

  private double idTextHeight(FxRobot robot, String path) {
    ProcessNodeView v =
        robot.lookup("#" + ProcessNodeView.idFor(path)).queryAs(ProcessNodeView.class);
    Text id =
        (Text)
            v.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("node-id"))
                .findFirst()
                .orElseThrow();
    return id.localToScreen(id.getBoundsInLocal()).getHeight();
  }

  @Test
  void at250PercentANodesIdIsAtLeastTwiceAsHighAsAt100AndAtLeast28Pixels(FxRobot robot) {
    double at100 = idTextHeight(robot, "servy/services/sensor");
    scale(robot, 2.5);
    double at250 = idTextHeight(robot, "servy/services/sensor");
    assertThat(at250)
        .as("node id text: %.1f px at 100 %%, %.1f px at 250 %%", at100, at250)
        .isGreaterThanOrEqualTo(2 * at100)
        .isGreaterThanOrEqualTo(28);
    // F fits the whole tree (small), Shift+F brings the readable view back
    robot.interact(() -> window.controller().treePane().fit());
    assertThat(idTextHeight(robot, "servy/services/sensor")).isLessThan(at250);
    robot.interact(() -> window.controller().treePane().readable());
    assertThat(idTextHeight(robot, "servy/services/sensor")).isGreaterThanOrEqualTo(28);
  }

  @Test
  void theEventLogShowsAtLeastThreeRowsAndItsNewestLineAtBothScales(FxRobot robot) {
    for (double s : List.of(1.0, 2.5)) {
      scale(robot, s);
      robot.interact(
          () -> {
            vm.kaboom("servy/services/sensor");
            vm.runToIdle();
            window.controller().render();
          });
      WaitForAsyncUtils.waitForFxEvents();
      for (int i = 0; i < 3; i++) {
        robot.interact(() -> window.controller().render());
        WaitForAsyncUtils.waitForFxEvents();
      }
      ListView<?> log = robot.lookup(".event-log").queryAs(ListView.class);
      Bounds box = log.localToScreen(log.getBoundsInLocal());
      List<ListCell<?>> shown =
          robot.lookup(".event-log .list-cell").queryAll().stream()
              .<ListCell<?>>map(n -> (ListCell<?>) n)
              .filter(c -> c.isVisible() && c.getItem() != null)
              .filter(
                  c -> {
                    Bounds b = c.localToScreen(c.getBoundsInLocal());
                    return b.getMinY() >= box.getMinY() - 1 && b.getMaxY() <= box.getMaxY() + 1;
                  })
              .toList();
      assertThat(shown).as("whole rows of the log at %s", s).hasSizeGreaterThanOrEqualTo(3);
      Object newest = vm.logLines().get(vm.logLines().size() - 1);
      assertThat(shown)
          .as("the newest line is on screen at %s", s)
          .anyMatch(c -> newest.equals(c.getItem()));
    }
  }

  @Test
  void at250PercentThePanelsStandBesideTheTreeWhichGetsTheHeightAndPHidesThem(FxRobot robot) {
    Node tree = window.controller().treePane();
    Node log = robot.lookup(".event-log").query();
    Bounds tree100 = tree.localToScreen(tree.getBoundsInLocal());
    Bounds log100 = log.localToScreen(log.getBoundsInLocal());
    assertThat(log100.getMinY())
        .as("at 100 %% the log is under the tree")
        .isGreaterThan(tree100.getMaxY());
    assertThat(window.controller().sideLayout()).isFalse();
    scale(robot, 2.5);
    assertThat(window.controller().sideLayout()).isTrue();
    Bounds tree250 = tree.localToScreen(tree.getBoundsInLocal());
    Bounds log250 = log.localToScreen(log.getBoundsInLocal());
    assertThat(log250.getMinX())
        .as("the log is right of the tree")
        .isGreaterThanOrEqualTo(tree250.getMaxX());
    assertThat(tree250.getHeight())
        .as("the tree's height at 250 %% in a 1280x720 window (was 310 px)")
        .isGreaterThan(420);
    Node inspector = robot.lookup(".inspector").query();
    assertThat(inspector.getScene()).as("the inspector is still on screen").isNotNull();
    // P: the tree gets the whole window; P again: the panels come back where they were
    robot.type(KeyCode.P);
    WaitForAsyncUtils.waitForFxEvents();
    Bounds alone = tree.localToScreen(tree.getBoundsInLocal());
    assertThat(alone.getWidth()).isGreaterThan(1200);
    assertThat(log.getScene()).as("the log is hidden").isNull();
    assertThat(prefs.getBoolean("panels", true)).isFalse();
    robot.type(KeyCode.P);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(log.getScene()).isNotNull();
    assertThat(tree.localToScreen(tree.getBoundsInLocal()).getWidth())
        .isCloseTo(tree250.getWidth(), org.assertj.core.data.Offset.offset(2.0));
    // back at 100 %: the log under the tree again
    scale(robot, 1.0);
    assertThat(window.controller().sideLayout()).isFalse();
    assertThat(log.localToScreen(log.getBoundsInLocal()).getMinY())
        .isGreaterThan(tree.localToScreen(tree.getBoundsInLocal()).getMaxY());
  }

  @Test
  void aBigIntensityIsOneBarFilledByTheRestartsOverTheLimitAndASmallOneHasSlots(FxRobot robot) {
    robot.interact(
        () -> vm.setFlags("servy/services", dev.kaboom.engine.Strategy.ONE_FOR_ONE, 1000, 5));
    TestWindows.settle(robot, window);
    ProcessNodeView services =
        robot.lookup(TestWindows.sel("servy/services")).queryAs(ProcessNodeView.class);
    assertThat(services.gaugeIsBar()).isTrue();
    assertThat(services.gaugeSlots()).as("a filled part and a free part").hasSize(2);
    assertThat(services.gaugeFraction()).isZero();
    for (int i = 0; i < 3; i++) {
      robot.interact(() -> vm.kaboom("servy/services/sensor"));
      TestWindows.settle(robot, window);
    }
    assertThat(services.gaugeFraction())
        .isCloseTo(3 / 1000.0, org.assertj.core.data.Offset.offset(1e-9));
    Node fill = services.gaugeSlots().get(0);
    assertThat(fill.isVisible()).as("a sliver shows even 3 of 1000").isTrue();
    assertThat(fill.getLayoutBounds().getWidth()).isPositive();
    Node free = services.gaugeSlots().get(1);
    assertThat(free.getLayoutBounds().getWidth()).isGreaterThan(fill.getLayoutBounds().getWidth());
    robot.interact(
        () -> vm.setFlags("servy/services", dev.kaboom.engine.Strategy.ONE_FOR_ONE, 4, 5));
    TestWindows.settle(robot, window);
    assertThat(services.gaugeIsBar()).isFalse();
    assertThat(services.gaugeSlots()).hasSize(4);
  }

  @Test
  void aLetterInTheIntensityFieldShowsWhatIsWrongKeepsTheValueAndResetsNothing(FxRobot robot) {
    robot.interact(() -> vm.selectedPathProperty().set("servy/services"));
    WaitForAsyncUtils.waitForFxEvents();
    Pid sensor =
        vm.tree().node("servy/services/sensor").flatMap(ProcessNodeModel::pid).orElseThrow();
    int logSize = vm.logLines().size();
    robot.doubleClickOn("#inspector-intensity .text-field");
    robot.type(KeyCode.R);
    WaitForAsyncUtils.waitForFxEvents();
    Node error = robot.lookup("#inspector-intensity-error").query();
    assertThat(error.isVisible()).isTrue();
    assertThat(((javafx.scene.control.Label) error).getText())
        .contains("whole number")
        .contains("3");
    robot.type(KeyCode.ENTER);
    robot.clickOn("#inspector-path");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.tree().node("servy/services").orElseThrow().intensity()).isEqualTo(3);
    assertThat(vm.tree().node("servy/services/sensor").flatMap(ProcessNodeModel::pid).orElseThrow())
        .as("typing r in a field does not reset the simulation")
        .isEqualTo(sensor);
    assertThat(vm.logLines().subList(logSize, vm.logLines().size()))
        .noneMatch(l -> l.contains("reset"));
  }

  @Test
  void pauseReadsResumeWhilePausedAndAltRightStepsTime(FxRobot robot) {
    ToggleButton pause = robot.lookup("#pauseButton").queryAs(ToggleButton.class);
    assertThat(pause.getText()).isEqualTo("Resume");
    robot.interact(() -> vm.pausedProperty().set(false));
    assertThat(pause.getText()).isEqualTo("Pause");
    robot.interact(
        () -> {
          vm.pausedProperty().set(true);
          vm.kaboom("servy/services/sensor");
        });
    int before = vm.logLines().size();
    robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.logLines().size()).as("Alt+Right stepped one event").isGreaterThan(before);
  }

  @Test
  void theToolbarNeverOverflowsItsLabelsFoldAwayAt250PercentAndTheIconsKeepTheirWords(
      FxRobot robot) {
    for (double s : List.of(1.0, 2.5)) {
      scale(robot, s);
      WaitForAsyncUtils.waitForFxEvents();
      Node more = robot.lookup(".tool-bar-overflow-button").query();
      assertThat(more.isVisible()).as("toolbar overflow at %s", s).isFalse();
      assertThat(window.controller().toolbarLabelsShown())
          .as("labels shown at %s", s)
          .isEqualTo(s < 2);
    }
    ToggleButton pause = robot.lookup("#pauseButton").queryAs(ToggleButton.class);
    assertThat(pause.getGraphic()).isNotNull();
    assertThat(pause.getTooltip().getText()).contains("Resume");
    assertThat(pause.getAccessibleText()).contains("Resume");
  }

  @Test
  void aCaptionAppearingDoesNotMoveTheTreeAndTheOverviewMapStaysSmall(FxRobot robot) {
    scale(robot, 2.5);
    Node tree = window.controller().treePane();
    Bounds before = tree.localToScreen(tree.getBoundsInLocal());
    robot.interact(
        () -> {
          vm.kaboom("servy/services/sensor");
          for (int i = 0;
              i < 50
                  && vm.tree().node("servy/services/sensor").orElseThrow().status()
                      == dev.kaboom.ui.model.NodeStatus.RUNNING;
              i++) {
            vm.step(); // one event a frame, as the animation plays it
            window.controller().render(10_000_000_000L);
          }
          window.controller().render(10_000_000_000L);
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.controller().captions().shownText()).isNotEmpty();
    Bounds after = tree.localToScreen(tree.getBoundsInLocal());
    assertThat(after.getMinY()).isEqualTo(before.getMinY());
    assertThat(after.getHeight()).isEqualTo(before.getHeight());
    Node map = window.controller().treePane().overview();
    assertThat(map.getLayoutBounds().getWidth()).isLessThanOrEqualTo(after.getWidth() / 5 + 1);
    assertThat(map.getLayoutBounds().getHeight()).isLessThanOrEqualTo(after.getHeight() / 4 + 1);
    // the crashed node is followed into view, and the map keeps out of its way
    ProcessNodeView sensor =
        robot
            .lookup("#" + ProcessNodeView.idFor("servy/services/sensor"))
            .queryAs(ProcessNodeView.class);
    Bounds box = sensor.localToScreen(sensor.getBoundsInLocal());
    assertThat(after.contains(box)).as("the crashed node is on screen").isTrue();
    if (map.isVisible()) {
      assertThat(map.localToScreen(map.getBoundsInLocal()).intersects(box)).isFalse();
    }
  }

  /**
   * At 250 % the overview map stands in a corner where it covers no box (Servy has one), and its
   * button folds it to that button and opens it again.
   */
  @Test
  void at250PercentTheOverviewMapCoversNoBoxAndFoldsAway(FxRobot robot) {
    scale(robot, 2.5);
    robot.interact(() -> window.controller().render());
    WaitForAsyncUtils.waitForFxEvents();
    TreePane pane = window.controller().treePane();
    TreePane.OverviewMap map = pane.overview();
    assertThat(map.isVisible()).as("the tree is bigger than its pane at 250 %").isTrue();
    Bounds onScreen = map.localToScreen(map.getLayoutBounds());
    for (Node box : robot.lookup(".process-node").queryAll()) {
      assertThat(box.localToScreen(box.getLayoutBounds()).intersects(onScreen))
          .as("the map covers %s", box.getId())
          .isFalse();
    }
    double width = map.getWidth();
    robot.clickOn("#overview-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(map.isFolded()).isTrue();
    assertThat(map.isVisible()).isTrue();
    assertThat(map.getWidth()).isLessThan(width / 3);
    robot.clickOn("#overview-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(map.isFolded()).isFalse();
    assertThat(map.getWidth()).isEqualTo(width);
  }

  /**
   * At 250 % a supervisor's right-click menu is in the chrome's font (150 %, as the menu bar), not
   * the tree's, and takes well under half of a 720 px screen (it took nearly all of it).
   */
  @Test
  void at250PercentTheContextMenuIsCompact(FxRobot robot) {
    scale(robot, 2.5);
    robot.rightClickOn("#" + ProcessNodeView.idFor("servy"));
    WaitForAsyncUtils.waitForFxEvents();
    Node exit = MainWindowTest.menuItem(robot, "ctx-exit");
    javafx.stage.Window popup = exit.getScene().getWindow();
    assertThat(popup.getHeight()).as("the menu's height").isLessThan(720 * 0.3);
    Text label =
        robot.from(exit).lookup(".text").queryAll().stream()
            .filter(t -> t instanceof Text)
            .map(t -> (Text) t)
            .findFirst()
            .orElseThrow();
    assertThat(label.getFont().getSize())
        .isCloseTo(13 * 1.5, org.assertj.core.data.Offset.offset(0.2));
    // the supervisor's calls are one submenu at this size
    robot.clickOn(MainWindowTest.menuItem(robot, "ctx-calls"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(MainWindowTest.menuItem(robot, "ctx-which").isVisible()).isTrue();
    robot.type(KeyCode.ESCAPE).type(KeyCode.ESCAPE);
  }

  @Test
  void inTheTreeTheArrowsMoveBetweenNodesEnterSendsKaboomAndAltArrowsStillStepTime(FxRobot robot) {
    robot.interact(() -> window.controller().treePane().focusNode("servy"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#focus-ring").query().isVisible()).as("a visible focus ring").isTrue();
    robot.type(KeyCode.DOWN);
    assertThat(vm.selectedPathProperty().get()).isEqualTo("servy/kick_starter");
    robot.type(KeyCode.RIGHT);
    assertThat(vm.selectedPathProperty().get()).isEqualTo("servy/services");
    robot.type(KeyCode.DOWN).type(KeyCode.RIGHT);
    assertThat(vm.selectedPathProperty().get()).isEqualTo("servy/services/sensor");
    robot.type(KeyCode.UP);
    assertThat(vm.selectedPathProperty().get()).isEqualTo("servy/services");
    robot.type(KeyCode.DOWN).type(KeyCode.RIGHT).type(KeyCode.LEFT).type(KeyCode.RIGHT);
    assertThat(vm.selectedPathProperty().get()).isEqualTo("servy/services/sensor");
    assertThat(vm.playheadProperty().get()).as("the arrows did not step time").isEqualTo(-1);
    int before = vm.logLines().size();
    robot.type(KeyCode.ENTER);
    // Alt+Right steps time while the node keeps the focus (the log shows the command then)
    robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.logLines().subList(before, vm.logLines().size()))
        .as("Enter sent :kaboom to the focused node, Alt+Right stepped")
        .anyMatch(l -> l.contains(":kaboom"))
        .hasSizeGreaterThan(1);
    assertThat(vm.selectedPathProperty().get()).isEqualTo("servy/services/sensor");
  }

  @Test
  void viewThemeDarkIsSavedAndTheNodeStatesKeepTheirOwnLook(FxRobot robot) {
    robot.interact(
        () -> {
          javafx.scene.control.MenuBar bar =
              (javafx.scene.control.MenuBar) window.controller().root().lookup(".menu-bar");
          bar.getMenus().stream()
              .flatMap(m -> m.getItems().stream())
              .filter(i -> i instanceof javafx.scene.control.Menu)
              .flatMap(m -> ((javafx.scene.control.Menu) m).getItems().stream())
              .filter(i -> "darkThemeItem".equals(i.getId()))
              .findFirst()
              .orElseThrow()
              .fire();
          vm.kaboom("servy/services/sensor");
          vm.step();
          window.controller().render();
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(prefs.get("theme", "")).isEqualTo("dark");
    assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-dark");
    assertThat(window.controller().root().getScene().getStylesheets())
        .anyMatch(s -> s.endsWith("kaboom-dark.css"));
    javafx.scene.layout.Region sensor =
        robot
            .lookup("#" + ProcessNodeView.idFor("servy/services/sensor"))
            .queryAs(javafx.scene.layout.Region.class);
    robot.interact(() -> vm.runToIdle());
    javafx.scene.paint.Paint border = sensor.getBorder().getStrokes().get(0).getTopStroke();
    assertThat(border).isNotNull();
    javafx.scene.layout.Region pane = window.controller().treePane();
    assertThat(((javafx.scene.paint.Color) pane.getBackground().getFills().get(0).getFill()))
        .as("the tree's own dark background")
        .isEqualTo(javafx.scene.paint.Color.web("#161b22"));
  }

  @Test
  void aSignalsLabelKeepsOffTheStruckThroughOldPid(FxRobot robot) {
    for (double s : List.of(1.0, 2.5)) {
      scale(robot, s);
      // a link made at the console: the sensor's crash crosses to the pledge server, which dies
      // too; both restart with their old pids struck through over the boxes the arc joins
      int[] overlaps = {0};
      int[] together = {0};
      robot.interact(
          () -> {
            var node = vm.session().orElseThrow().sim().node();
            Pid pledge = vm.tree().node("servy/services/pledge").orElseThrow().pid().orElseThrow();
            Pid sensor = vm.tree().node("servy/services/sensor").orElseThrow().pid().orElseThrow();
            node.process(pledge).orElseThrow().link(sensor);
            vm.runToIdle();
            vm.kaboom("servy/services/sensor");
            vm.pausedProperty().set(false);
            for (int i = 0; i < 300; i++) {
              vm.frame(16_000_000L);
              window.controller().render();
              List<Bounds> labels = shown(".signal-label");
              List<Bounds> old = shown(".node-old-pid");
              if (!labels.isEmpty() && !old.isEmpty()) {
                together[0]++;
              }
              for (Bounds l : labels) {
                overlaps[0] += (int) old.stream().filter(l::intersects).count();
              }
            }
            vm.pausedProperty().set(true);
          });
      assertThat(together[0]).as("a label and an old pid on screen together at %s", s).isPositive();
      assertThat(overlaps[0]).as("frames where a label covers an old pid at %s", s).isZero();
    }
  }

  /** The scene bounds of the visible nodes with style class {@code selector} in the tree. */
  private List<Bounds> shown(String selector) {
    return window.controller().treePane().lookupAll(selector).stream()
        .filter(n -> n.isVisible() && n.getParent() != null && n.getParent().isVisible())
        .map(n -> n.localToScene(n.getBoundsInLocal()))
        .toList();
  }
}
