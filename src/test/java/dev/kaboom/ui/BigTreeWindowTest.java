package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Strategy;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.TreeNode;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.view.ProcessNodeView;
import dev.kaboom.ui.view.TreePane;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A tree of 2,000 processes (the bench's U1 tree) is virtual: only the boxes on screen exist,
 * recycled as the view follows a storm of crashes; many events make one pass per frame; zoomed far
 * out it is drawn on a canvas; a click on a box still selects its process; what the window keeps
 * stays bounded. The frame clock is driven by hand.
 */
@ExtendWith(ApplicationExtension.class)
class BigTreeWindowTest {
  private MainWindow window;
  private MainViewModel vm;
  private final List<String> workers = new ArrayList<>();

  @Start
  void start(Stage stage) {
    var prefs = TestWindows.prefs("en", 1280, 720);
    prefs.put("theme", System.getProperty("kaboom.theme", "light"));
    prefs.put("highContrast", System.getProperty("kaboom.hc", "false"));
    window = TestWindows.openPaused(stage, prefs);
    vm = window.viewModel();
    List<TreeNode> sups = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      List<TreeNode> ws = new ArrayList<>();
      for (int w = 0; w < 49; w++) {
        ws.add(TreeNode.worker("w" + w));
        workers.add("storm/s" + s + "/w" + w);
      }
      sups.add(TreeNode.supervisor("s" + s, Strategy.ONE_FOR_ONE, ws).withIntensity(1_000_000, 1));
    }
    TreeNode root =
        TreeNode.supervisor("storm", Strategy.ONE_FOR_ONE, sups).withIntensity(1_000_000, 1);
    vm.load(new Scenario("storm", "a big tree", root, List.of()), null);
  }

  private TreePane tree() {
    return window.controller().treePane();
  }

  private long shownBoxes(FxRobot robot) {
    return robot.lookup(".process-node").queryAll().stream().filter(Node::isVisible).count();
  }

  /** {@code n} crashes of seeded random workers, folded in, then one frame drawn. */
  private void storm(FxRobot robot, Random random, int n) {
    robot.interact(
        () -> {
          for (int i = 0; i < n; i++) {
            vm.kaboom(workers.get(random.nextInt(workers.size())));
          }
          vm.runToIdle();
          window.controller().render();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void onlyTheBoxesOnScreenExistAndTheyAreRecycledAsTheViewFollowsAStorm(FxRobot robot) {
    TestWindows.settle(robot, window);
    assertThat(tree().boxCount()).as("boxes for 2,000 processes").isLessThan(300);
    long shown = shownBoxes(robot);
    assertThat(shown).isPositive().isLessThan(200);
    Random random = new Random(7);
    storm(robot, random, 5);
    long created = tree().boxesCreated();
    for (int i = 0; i < 40; i++) {
      storm(robot, random, 5);
    }
    // the view jumped to 200 crashes all over the tree; the boxes that came into view were rebound
    assertThat(tree().boxesCreated() - created).as("boxes made during the storm").isLessThan(100);
    assertThat(tree().boxCount()).isLessThan(400);
    assertThat(tree().effectShapes().size()).as("markers drawn").isLessThan(200);
  }

  @Test
  void manyEventsMakeOneLayoutPassPerFrame(FxRobot robot) {
    TestWindows.settle(robot, window);
    Random random = new Random(3);
    storm(robot, random, 1);
    long before = tree().realizePasses();
    storm(robot, random, 100); // hundreds of events, one frame
    assertThat(tree().realizePasses() - before).isLessThanOrEqualTo(2); // the frame and its layout
  }

  @Test
  void zoomedFarOutTheTreeIsDrawnOnACanvasAndReadableAgainWithBoxes(FxRobot robot) {
    TestWindows.settle(robot, window);
    assertThat(tree().isDrawnFar()).isFalse();
    robot.interact(() -> tree().fit());
    TestWindows.settle(robot, window);
    assertThat(tree().isDrawnFar()).as("2,000 boxes at once: a canvas").isTrue();
    assertThat(shownBoxes(robot)).as("only the focusable box").isLessThanOrEqualTo(1);
    robot.interact(() -> tree().readable());
    TestWindows.settle(robot, window);
    assertThat(tree().isDrawnFar()).isFalse();
    assertThat(shownBoxes(robot)).isGreaterThan(5);
  }

  /**
   * Zoomed far out the tree is a canvas, but it still answers clicks (the node under the pointer is
   * clicked, as its box would be) and writes the ids that have room to be read.
   */
  @Test
  void zoomedFarOutAClickOnTheCanvasClicksTheNodeUnderItAndTheIdsWithRoomAreWritten(FxRobot robot) {
    TestWindows.settle(robot, window);
    robot.interact(() -> tree().fit());
    TestWindows.settle(robot, window);
    assertThat(tree().isDrawnFar()).isTrue();
    assertThat(tree().farLabelCount())
        .as("supervisors' ids with room between them; no worker's")
        .isBetween(10, 60);
    if (System.getProperty("kaboom.farshots") != null) { // to look at it
      robot.interact(() -> window.controller().render());
      try {
        TestWindows.png(
            robot,
            window,
            System.getProperty("kaboom.farshots")
                + "/far-"
                + System.getProperty("kaboom.theme", "light")
                + ".png");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    javafx.geometry.Point2D at = tree().screenPointOf("storm/s20").orElseThrow();
    robot.clickOn(at);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.selectedPathProperty().get()).isEqualTo("storm/s20");
  }

  @Test
  void aClickOnARecycledBoxSelectsItsProcess(FxRobot robot) {
    TestWindows.settle(robot, window);
    storm(robot, new Random(11), 20); // the view moved: boxes were rebound
    ProcessNodeView box =
        robot.lookup(".process-node.worker").queryAll().stream()
            .filter(Node::isVisible)
            .map(ProcessNodeView.class::cast)
            .filter(v -> v.localToScreen(v.getBoundsInLocal()) != null)
            .filter(
                v -> {
                  var b = v.localToScreen(v.getBoundsInLocal());
                  var p = tree().localToScreen(tree().getBoundsInLocal());
                  return p.contains(b.getCenterX(), b.getCenterY());
                })
            .findFirst()
            .orElseThrow();
    String path = box.model().path();
    robot.clickOn(box);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.selectedPathProperty().get()).isEqualTo(path);
  }

  @Test
  void theLogStaysWithinItsCapThroughALongStorm(FxRobot robot) {
    TestWindows.settle(robot, window);
    Random random = new Random(5);
    for (int i = 0; i < 30; i++) {
      storm(robot, random, 100);
    }
    assertThat(vm.logLines().size()).isLessThanOrEqualTo(5000);
  }
}
