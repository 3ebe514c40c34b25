package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Strategy;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.model.ProcessNodeModel;
import dev.kaboom.ui.settings.AppPrefs;
import dev.kaboom.ui.view.ProcessNodeView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window, headless (Monocle): given Servy on screen, when the user clicks and picks from menus,
 * then the tree and the log show what the supervisors did. Time moves only through the engine: the
 * frame loop is stopped and each test lets the engine run to idle.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  private MainWindow window;
  private MainViewModel vm;
  private AppPrefs prefs;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    prefs = TestWindows.prefs("en", 1100, 700); // inside Monocle's 1280x800 headless screen
    window = TestWindows.openPaused(stage, prefs);
    vm = window.viewModel();
  }

  private static String sel(String path) {
    return TestWindows.sel(path);
  }

  private void settle(FxRobot robot) {
    TestWindows.settle(robot, window);
  }

  private Pid pid(String path) {
    return vm.tree().node(path).flatMap(ProcessNodeModel::pid).orElseThrow();
  }

  private String shownPid(FxRobot robot, String path) {
    ProcessNodeView v = robot.lookup(sel(path)).queryAs(ProcessNodeView.class);
    return v.getChildrenUnmodifiable().stream()
        .filter(n -> n.getStyleClass().contains("node-pid"))
        .map(n -> ((Text) n).getText())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void opensOnServy(FxRobot robot) {
    for (String p :
        List.of(
            "servy",
            "servy/kick_starter",
            "servy/services",
            "servy/services/pledge",
            "servy/services/sensor")) {
      Node n = robot.lookup(sel(p)).query();
      assertThat(n.isVisible()).as(p).isTrue();
      assertThat(n.getPseudoClassStates().toString()).as(p).contains("running");
    }
    assertThat(robot.lookup(sel("servy")).queryAs(Node.class).getStyleClass())
        .contains("supervisor");
    assertThat(robot.lookup(sel("servy/services/sensor")).queryAs(Node.class).getStyleClass())
        .contains("worker");
    assertThat(robot.lookup(".strategy-badge").queryAllAs(Label.class))
        .extracting(Label::getText)
        .containsOnly("one_for_one");
    assertThat(shownPid(robot, "servy/services/sensor"))
        .isEqualTo(pid("servy/services/sensor").toString())
        .startsWith("#PID<0.");
  }

  @Test
  void clickingTheSensorRestartsOnlyIt(FxRobot robot) {
    Pid sensor = pid("servy/services/sensor");
    Pid pledge = pid("servy/services/pledge");
    robot.clickOn(sel("servy/services/sensor"));
    settle(robot);
    Pid now = pid("servy/services/sensor");
    assertThat(now).isNotEqualTo(sensor);
    assertThat(pid("servy/services/pledge")).isEqualTo(pledge);
    assertThat(shownPid(robot, "servy/services/sensor")).isEqualTo(now.toString());
    assertThat(vm.logLines())
        .anyMatch(
            l ->
                l.contains(
                    "=SUPERVISOR REPORT==== supervisor: Servy.ServicesSupervisor errorContext: "
                        + "child_terminated reason: kaboom"));
  }

  @Test
  void underOneForAllTheSameClickRestartsBothServicesInOrder(FxRobot robot) {
    robot.interact(() -> vm.selectedPathProperty().set("servy/services"));
    // the inspector's PropertySheet: its strategy editor applies SetFlags
    robot.clickOn("#inspector-strategy");
    robot.clickOn(
        robot
            .lookup(".combo-box-popup .list-cell")
            .match((javafx.scene.control.ListCell<?> c) -> "one_for_all".equals(c.getText()))
            .queryAs(javafx.scene.control.ListCell.class));
    settle(robot);
    assertThat(vm.tree().node("servy/services").orElseThrow().strategy())
        .isEqualTo(Strategy.ONE_FOR_ALL);
    assertThat(
            robot.lookup(sel("servy/services") + " .strategy-badge").queryAs(Label.class).getText())
        .isEqualTo("one_for_all");
    Pid sensor = pid("servy/services/sensor");
    Pid pledge = pid("servy/services/pledge");
    Pid kick = pid("servy/kick_starter");
    int from = vm.logLines().size();
    robot.clickOn(sel("servy/services/sensor"));
    settle(robot);
    assertThat(pid("servy/services/sensor")).isNotEqualTo(sensor);
    assertThat(pid("servy/services/pledge")).isNotEqualTo(pledge);
    assertThat(pid("servy/kick_starter")).isEqualTo(kick);
    List<String> lines = vm.logLines().subList(from, vm.logLines().size());
    int pledgeAt = find(lines, "id: pledge] (restart)");
    int sensorAt = find(lines, "id: sensor] (restart)");
    assertThat(pledgeAt).isNotNegative().isLessThan(sensorAt);
  }

  /**
   * A click on another box while a one_for_all cascade plays: the box glows at once and the status
   * bar says the click plays after the cascade; the cascade plays on, then the click's steps.
   */
  @Test
  void aClickDuringACascadeGlowsAtOnceAndPlaysAfterIt(FxRobot robot) {
    robot.interact(
        () -> {
          vm.setFlags("servy/services", Strategy.ONE_FOR_ALL, 3, 5);
          vm.runToIdle();
          vm.pausedProperty().set(false);
        });
    long frame = 1_000_000_000L / 60;
    Runnable beats =
        () -> {
          for (int i = 0; i < 120; i++) { // two seconds of frames: a command's age out
            vm.frame(frame);
          }
          window.controller().render();
        };
    robot.interact(beats);
    Pid sensor = pid("servy/services/sensor");
    robot.clickOn(sel("servy/services/sensor"));
    robot.interact(
        () -> {
          for (int i = 0; i < 2 * 21; i++) { // two beats of the cascade
            vm.frame(frame);
          }
          window.controller().render();
        });
    assertThat(vm.behindEvents()).as("the cascade still plays").isPositive();
    robot.clickOn(sel("servy/services/pledge"));
    robot.interact(() -> window.controller().render());
    ProcessNodeView pledgeBox =
        robot.lookup(sel("servy/services/pledge")).queryAs(ProcessNodeView.class);
    assertThat(pledgeBox.getPseudoClassStates().toString()).contains("pending");
    assertThat(
            robot.lookup(".status-bar").queryAs(org.controlsfx.control.StatusBar.class).getText())
        .contains("your click plays after the cascade on screen");
    for (int i = 0; i < 10 && vm.behindEvents() > 0; i++) {
      robot.interact(beats);
    }
    assertThat(vm.behindEvents()).isZero();
    assertThat(pledgeBox.getPseudoClassStates().toString()).doesNotContain("pending");
    assertThat(pid("servy/services/sensor")).isNotEqualTo(sensor);
    assertThat(vm.tree().node("servy/services/pledge").orElseThrow().restartCount()).isEqualTo(2);
  }

  /**
   * The node that draws the menu item with {@code id} in an open context menu (a popup window of
   * its own): the menu item containers carry their item in the properties.
   */
  static Node menuItem(FxRobot robot, String id) {
    for (javafx.stage.Window w : robot.listTargetWindows()) {
      if (!(w instanceof javafx.stage.PopupWindow) || w.getScene() == null) {
        continue;
      }
      Node found = find(w.getScene().getRoot(), id);
      if (found != null) {
        return found;
      }
    }
    throw new AssertionError("no menu item " + id + " on screen");
  }

  private static Node find(Node n, String id) {
    Object item = n.getProperties().get(javafx.scene.control.MenuItem.class);
    if (item instanceof javafx.scene.control.MenuItem mi
        && id.equals(mi.getId())
        && n.isVisible()) {
      return n;
    }
    if (n instanceof javafx.scene.Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        Node f = find(c, id);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  /** Fires the menu item with {@code id} (in submenus too), as a click on it would. */
  private static boolean fire(List<javafx.scene.control.MenuItem> items, String id) {
    for (javafx.scene.control.MenuItem i : items) {
      if (id.equals(i.getId())) {
        i.fire();
        return true;
      }
      if (i instanceof javafx.scene.control.Menu m && fire(m.getItems(), id)) {
        return true;
      }
    }
    return false;
  }

  private static int find(List<String> lines, String s) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(s)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void killOnTheServicesSupervisorRestartsItsSubtree(FxRobot robot) {
    Pid services = pid("servy/services");
    Pid sensor = pid("servy/services/sensor");
    Pid kick = pid("servy/kick_starter");
    // the real context menu: right-click, then the submenu, then the item
    robot.rightClickOn(sel("servy/services"));
    robot.clickOn(menuItem(robot, "ctx-exit"));
    // into the submenu sideways first, as a hand would (a diagonal path leaves the menu row)
    robot.clickOn(menuItem(robot, "ctx-exit-kill"), org.testfx.robot.Motion.HORIZONTAL_FIRST);
    settle(robot);
    assertThat(pid("servy/services")).isNotEqualTo(services);
    assertThat(pid("servy/services/sensor")).isNotEqualTo(sensor);
    assertThat(pid("servy/kick_starter")).isEqualTo(kick);
    assertThat(vm.logLines())
        .anyMatch(
            l ->
                l.contains(
                    "supervisor: Servy.Supervisor errorContext: child_terminated reason: killed"));
  }

  @Test
  void kaboomOnASupervisorKillsNothing(FxRobot robot) {
    List<Pid> before = vm.tree().nodes().stream().map(n -> n.pid().orElseThrow()).toList();
    robot.clickOn(sel("servy/services"));
    settle(robot);
    assertThat(vm.tree().nodes().stream().map(n -> n.pid().orElseThrow()).toList())
        .isEqualTo(before);
    assertThat(vm.logLines()).anyMatch(l -> l.contains("traps exit signal kaboom"));
    assertThat(vm.logLines()).noneMatch(l -> l.contains("CRASH REPORT"));
  }

  @Test
  void aMalformedFileShowsItsErrorAndKeepsTheTree(FxRobot robot, @TempDir Path dir)
      throws Exception {
    Path bad = dir.resolve("broken.yaml");
    Files.writeString(bad, "tree:\n  id: servy\n  strategy: one_for_everyone\n");
    Pid sensor = pid("servy/services/sensor");
    robot.interact(() -> window.controller().open(bad));
    WaitForAsyncUtils.waitForFxEvents();
    HBox bar = robot.lookup(".error-bar").queryAs(HBox.class);
    assertThat(bar.isVisible()).isTrue();
    String text = ((Label) bar.getChildren().get(0)).getText();
    assertThat(text).startsWith(bad + ":3:").contains("one_for_everyone");
    assertThat(robot.lookup(sel("servy/services/sensor")).tryQuery()).isPresent();
    assertThat(pid("servy/services/sensor")).isEqualTo(sensor);
    assertThat(window.controller().lastNotification()).contains("broken.yaml");
    // in Korean the bar says in Korean that the file could not be opened, and what and where
    // (the errors bundle, with the value as its argument; the command line keeps English)
    robot.interact(() -> window.switchLanguage(java.util.Locale.KOREAN));
    robot.interact(() -> window.controller().open(bad));
    WaitForAsyncUtils.waitForFxEvents();
    HBox ko = robot.lookup(".error-bar").queryAs(HBox.class);
    assertThat(((Label) ko.getChildren().get(0)).getText())
        .startsWith("파일을 열거나 저장하지 못했어요")
        .contains(bad + ":3:", "모르는 strategy 'one_for_everyone'예요")
        .doesNotContain("unknown strategy");
    // a letter in a number field, as the window's language says it
    Files.writeString(bad, "tree:\n  id: servy\n  strategy: one_for_one\n  intensity: 3x\n");
    robot.interact(() -> window.controller().open(bad));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(((Label) ko.getChildren().get(0)).getText())
        .contains(bad + ":4:", "\"intensity\"은(는) 정수여야 해요 (지금: 문자열)");
  }

  /** The red bar floats over the caption strip: the tree neither moves nor changes size. */
  @Test
  void theTreeStaysWhereItIsWhenTheErrorBarComesAndGoes(FxRobot robot, @TempDir Path dir)
      throws Exception {
    Path bad = Files.writeString(dir.resolve("broken.json"), "{\"tree\": :}");
    settle(robot);
    javafx.scene.Node sensor = robot.lookup(sel("servy/services/sensor")).query();
    javafx.geometry.Bounds before = sensor.localToScreen(sensor.getBoundsInLocal());
    double paneHeight = window.controller().treePane().getHeight();
    robot.interact(() -> window.controller().open(bad));
    WaitForAsyncUtils.waitForFxEvents();
    settle(robot);
    HBox bar = robot.lookup(".error-bar").queryAs(HBox.class);
    assertThat(bar.isVisible()).isTrue();
    assertThat(sensor.localToScreen(sensor.getBoundsInLocal())).isEqualTo(before);
    assertThat(window.controller().treePane().getHeight()).isEqualTo(paneHeight);
    // the bar is whole, under the toolbar, and its Close button takes the click
    javafx.geometry.Bounds onScreen = bar.localToScreen(bar.getLayoutBounds());
    javafx.scene.Node toolbar = robot.lookup("#toolBar").query();
    assertThat(onScreen.getMinY())
        .isGreaterThanOrEqualTo(toolbar.localToScreen(toolbar.getBoundsInLocal()).getMaxY() - 1);
    robot.clickOn((javafx.scene.Node) bar.getChildren().get(1));
    WaitForAsyncUtils.waitForFxEvents();
    settle(robot);
    assertThat(bar.isVisible()).isFalse();
    assertThat(sensor.localToScreen(sensor.getBoundsInLocal())).isEqualTo(before);
  }

  @Test
  void aTwoThousandNodeTreeIsDrawnAndFits(FxRobot robot) {
    List<dev.kaboom.scenario.TreeNode> sups = new java.util.ArrayList<>();
    for (int s = 0; s < 40; s++) {
      List<dev.kaboom.scenario.TreeNode> ws = new java.util.ArrayList<>();
      for (int w = 0; w < 50; w++) {
        ws.add(dev.kaboom.scenario.TreeNode.worker("w" + w));
      }
      sups.add(dev.kaboom.scenario.TreeNode.supervisor("s" + s, Strategy.ONE_FOR_ONE, ws));
    }
    var root = dev.kaboom.scenario.TreeNode.supervisor("big", Strategy.ONE_FOR_ONE, sups);
    // How long this takes is measured by the bench (U1: frames per second at 2,000 and 10,000
    // nodes), not here: a test reads no clock.
    robot.interact(
        () -> {
          vm.load(new dev.kaboom.scenario.Scenario("big", "", root, List.of()), null);
          window.controller().render();
        });
    WaitForAsyncUtils.waitForFxEvents();
    // a virtual tree: every process has a place, only the boxes on screen exist
    assertThat(window.controller().treePane().placedCount()).isEqualTo(2041);
    assertThat(robot.lookup(".process-node").queryAll()).hasSizeBetween(5, 400);
    assertThat(window.controller().treePane().zoom()).isLessThan(1.0);
    robot.interact(() -> vm.kaboom("big/s0/w3"));
    settle(robot);
    robot.interact(
        () -> {
          vm.exit("big/s1", "kill");
          for (int i = 0; i < 30; i++) {
            vm.frame(dev.kaboom.ui.sim.Pacer.BEAT_NANOS);
            window.controller().render();
          }
        });
    assertThat(vm.tree().node("big/s0/w3").orElseThrow().restartCount()).isEqualTo(1);
    // children started at run time in the big tree: laid out again (incrementally), the move's
    // last frame places every moved box and link
    for (int k = 0; k < 5; k++) {
      String id = k == 0 ? "extra" : "extra" + k;
      robot.interact(
          () -> {
            vm.startChild(
                "big/s20",
                MainViewModel.newChildSpec(id, false, dev.kaboom.engine.RestartType.PERMANENT));
            vm.runToIdle();
            window.controller().render(); // adds one box, lays 2,04x out, starts the move
            window.controller().treePane().finishMoving();
          });
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertThat(window.controller().treePane().isPlaced("big/s20/extra")).isTrue();
    assertThat(window.controller().treePane().placedCount()).isEqualTo(2046);
  }

  // ---- the tree follows the engine ----

  private javafx.geometry.Bounds screenBounds(FxRobot robot, String path) {
    return robot
        .lookup(sel(path))
        .queryAs(Node.class)
        .localToScreen(robot.lookup(sel(path)).queryAs(Node.class).getBoundsInLocal());
  }

  /** Lets the engine finish, then the relayout animation land (no waiting: it is ended at once). */
  private void settleAndLand(FxRobot robot) {
    settle(robot);
    robot.interact(() -> window.controller().treePane().finishMoving());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void startChildFromTheContextMenuDrawsTheNewChildLastAndNothingJumps(FxRobot robot) {
    javafx.geometry.Bounds rootBefore = screenBounds(robot, "servy");
    robot.rightClickOn(sel("servy/services"));
    robot.clickOn(menuItem(robot, "ctx-start-child"));
    // the dialog: id, kind, restart type
    javafx.scene.control.TextField id =
        robot.lookup("#start-child-id").queryAs(javafx.scene.control.TextField.class);
    robot.interact(() -> id.setText(""));
    robot.clickOn(id).write("cache");
    robot.clickOn(
        robot
            .lookup(".dialog-pane .button")
            .match((javafx.scene.control.Button b) -> b.isDefaultButton())
            .queryAs(javafx.scene.control.Button.class));
    settleAndLand(robot);
    assertThat(vm.tree().node("servy/services").orElseThrow().children())
        .extracting(ProcessNodeModel::id)
        .containsExactly("pledge", "sensor", "cache");
    Node cache = robot.lookup(sel("servy/services/cache")).query();
    assertThat(cache.getPseudoClassStates().toString()).contains("running", "added");
    // last in start order: right of its siblings, on their row
    javafx.geometry.Bounds sensor = screenBounds(robot, "servy/services/sensor");
    javafx.geometry.Bounds mine = screenBounds(robot, "servy/services/cache");
    assertThat(mine.getMinX()).isGreaterThan(sensor.getMaxX());
    assertThat(mine.getCenterY())
        .isCloseTo(sensor.getCenterY(), org.assertj.core.data.Offset.offset(1.0));
    assertThat(shownPid(robot, "servy/services/cache")).startsWith("#PID<0.");
    // the root did not jump (the fit follows smoothly; the root keeps its place in the tree)
    javafx.geometry.Bounds rootAfter = screenBounds(robot, "servy");
    assertThat(Math.abs(rootAfter.getCenterX() - rootBefore.getCenterX()))
        .isLessThan(rootBefore.getWidth());
    // and it is a real child: a click restarts it
    Pid before = pid("servy/services/cache");
    robot.clickOn(sel("servy/services/cache"));
    settle(robot);
    assertThat(pid("servy/services/cache")).isNotEqualTo(before);
  }

  @Test
  void aDeletedChildFadesOutAndItsBoxGoes(FxRobot robot) {
    robot.interact(
        () -> {
          vm.call("servy/services", new dev.kaboom.otp.SupervisorRequest.TerminateChild("pledge"));
          vm.call("servy/services", new dev.kaboom.otp.SupervisorRequest.DeleteChild("pledge"));
        });
    settle(robot);
    Node pledge = robot.lookup(sel("servy/services/pledge")).query();
    assertThat(pledge.getPseudoClassStates().toString()).contains("leaving");
    robot.interact(
        () -> {
          for (int i = 0; i < 100 && !vm.tree().leavingNodes().isEmpty(); i++) {
            vm.frame(dev.kaboom.ui.sim.Pacer.BEAT_NANOS);
            window.controller().render();
            if (i == 0) {
              assertThat(pledge.getOpacity()).isLessThan(1.0);
            }
          }
          window.controller().treePane().finishMoving();
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(sel("servy/services/pledge")).tryQuery()).isEmpty();
    assertThat(robot.lookup(".process-node").queryAll()).hasSize(4);
    // services now sits over its one child, sensor
    javafx.geometry.Bounds services = screenBounds(robot, "servy/services");
    javafx.geometry.Bounds sensor = screenBounds(robot, "servy/services/sensor");
    assertThat(sensor.getCenterX())
        .isCloseTo(services.getCenterX(), org.assertj.core.data.Offset.offset(2.0));
  }

  // ---- presentation mode scales the tree ----

  @Test
  void fontScaleGrowsTheTreesBoxesAndTextsAndKeepsThemApart(FxRobot robot) {
    Node sensorBox = robot.lookup(sel("servy/services/sensor")).query();
    double width100 = ((ProcessNodeView) sensorBox).getPrefWidth();
    double font100 = idFontSize(robot, "servy/services/sensor");
    robot
        .clickOn("View")
        .clickOn("Font size")
        .clickOn("250%", org.testfx.robot.Motion.HORIZONTAL_FIRST);
    WaitForAsyncUtils.waitForFxEvents();
    ProcessNodeView sensor =
        robot.lookup(sel("servy/services/sensor")).queryAs(ProcessNodeView.class);
    assertThat(sensor.getPrefWidth())
        .isCloseTo(width100 * 2.5, org.assertj.core.data.Offset.offset(1.0));
    assertThat(idFontSize(robot, "servy/services/sensor"))
        .isCloseTo(font100 * 2.5, org.assertj.core.data.Offset.offset(0.5));
    assertThat(window.controller().treePane().fontScale()).isEqualTo(2.5);
    // readable: no two boxes overlap, and every text fits in its box
    List<ProcessNodeView> boxes =
        robot.lookup(".process-node").queryAllAs(ProcessNodeView.class).stream().toList();
    for (ProcessNodeView a : boxes) {
      for (ProcessNodeView b : boxes) {
        if (a != b) {
          assertThat(a.getBoundsInParent().intersects(b.getBoundsInParent()))
              .as(a.getId() + " / " + b.getId())
              .isFalse();
        }
      }
      for (Node t : a.getChildrenUnmodifiable()) {
        assertThat(t.getBoundsInParent().getMaxX())
            .as(a.getId() + " " + t)
            .isLessThanOrEqualTo(a.getWidth() + 0.5);
        assertThat(t.getBoundsInParent().getMaxY())
            .as(a.getId() + " " + t)
            .isLessThanOrEqualTo(a.getHeight() + 0.5);
      }
    }
    assertThat(prefs.getDouble("fontScale", 1.0)).isEqualTo(2.5);
  }

  private static double idFontSize(FxRobot robot, String path) {
    return robot.lookup(sel(path) + " .node-id").queryAs(Text.class).getFont().getSize();
  }

  // ---- names, pids, inspector, notifications ----

  @Test
  void registeredNamesShowOnTheNodesAndInTheInspector(FxRobot robot) {
    assertThat(robot.lookup(".node-name").queryAllAs(Label.class))
        .extracting(Label::getText)
        .containsExactlyInAnyOrder(
            "Servy.Supervisor",
            "Servy.KickStarter",
            "Servy.ServicesSupervisor",
            "pledge_server",
            "sensor_server");
    robot.rightClickOn(sel("servy/services/pledge"));
    robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    org.controlsfx.control.PropertySheet sheet =
        robot.lookup("#inspector-sheet").queryAs(org.controlsfx.control.PropertySheet.class);
    assertThat(sheet.isVisible()).isTrue();
    assertThat(robot.lookup("#inspector-registered").queryAs(Label.class).getText())
        .isEqualTo("pledge_server");
    assertThat(robot.lookup("#inspector-pid").queryAs(Label.class).getText())
        .isEqualTo(pid("servy/services/pledge").toString());
    assertThat(sheet.getItems())
        .extracting(org.controlsfx.control.PropertySheet.Item::getName)
        .contains(
            "Pid",
            "Name",
            "Status",
            "Restart type",
            "Shutdown",
            "trap_exit",
            "Links",
            "Monitors",
            "Mailbox length",
            "Restart history");
  }

  @Test
  void theIntensityEditorInTheInspectorAppliesSetFlags(FxRobot robot) {
    robot.interact(() -> vm.selectedPathProperty().set("servy/services"));
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    javafx.scene.control.Spinner<Integer> spinner =
        robot.lookup("#inspector-intensity").queryAs(javafx.scene.control.Spinner.class);
    robot.interact(() -> spinner.increment());
    settle(robot);
    assertThat(vm.tree().node("servy/services").orElseThrow().intensity()).isEqualTo(4);
    assertThat(vm.logLines()).anyMatch(l -> l.contains("set_flags({one_for_one, 4, 5})"));
  }

  @Test
  void aSupervisorGivingUpIsNotified(FxRobot robot) {
    for (int i = 0; i < 4; i++) {
      robot.interact(() -> vm.kaboom("servy/services/sensor"));
      settle(robot);
    }
    assertThat(window.controller().lastNotification())
        .contains("servy/services")
        .contains("gave up");
    assertThat(robot.lookup(".notification-bar").tryQuery()).isPresent();
  }

  @Test
  void inKoreanTheInspectorAndTheNoticesSpeakKorean(FxRobot robot) {
    robot.interact(() -> window.switchLanguage(java.util.Locale.KOREAN));
    WaitForAsyncUtils.waitForFxEvents();
    window.stopTimer();
    robot.interact(() -> vm.selectedPathProperty().set("servy/services"));
    WaitForAsyncUtils.waitForFxEvents();
    org.controlsfx.control.PropertySheet sheet =
        robot.lookup("#inspector-sheet").queryAs(org.controlsfx.control.PropertySheet.class);
    assertThat(sheet.getItems())
        .extracting(org.controlsfx.control.PropertySheet.Item::getName)
        .contains("이름", "전략 (strategy)", "최대 재시작");
    assertThat(window.controller().inspector().value("inspector.status").orElseThrow().toString())
        .contains("실행 중");
    assertThat(window.controller().inspector().value("inspector.kind").orElseThrow().toString())
        .contains("supervisor (감독자)");
    for (int i = 0; i < 4; i++) {
      robot.interact(() -> vm.kaboom("servy/services/sensor"));
      settle(robot);
    }
    assertThat(window.controller().lastNotification()).contains("servy/services").contains("포기");
    // one notification: the English view that was replaced no longer listens
    assertThat(robot.lookup(".notification-bar").queryAll()).hasSize(1);
  }

  // ---- settings ----

  /** Fires the menu bar's item with {@code id}, as a click on it would. */
  private void fireMenuBarItem(FxRobot robot, String id) {
    javafx.scene.control.MenuBar bar =
        robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
    robot.interact(
        () -> {
          for (javafx.scene.control.Menu m : bar.getMenus()) {
            for (javafx.scene.control.MenuItem i : m.getItems()) {
              if (id.equals(i.getId())) {
                i.fire();
                return;
              }
            }
          }
          throw new AssertionError("no menu bar item " + id);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void resetSettingsForgetsThemAndFileQuitSavesTheWindow(FxRobot robot) {
    robot.interact(() -> prefs.putDouble("fontScale", 2.0));
    robot.interact(() -> prefs.put("highContrast", "true"));
    robot.interact(() -> window.switchLanguage(java.util.Locale.KOREAN));
    fireMenuBarItem(robot, "resetSettingsItem");
    assertThat(prefs.get("fontScale", "unset")).isEqualTo("unset");
    assertThat(prefs.get("highContrast", "unset")).isEqualTo("unset");
    assertThat(prefs.get("language", "unset")).isEqualTo("unset");
    assertThat(window.locale().getLanguage())
        .isEqualTo(java.util.Locale.getDefault().getLanguage().equals("ko") ? "ko" : "en");
    assertThat(vm.tree().node("servy/services/sensor")).isPresent(); // the scenario stays

    robot.interact(
        () -> javafx.application.Platform.setImplicitExit(false)); // the next test's window
    double width = stage.getWidth();
    fireMenuBarItem(robot, "quitItem");
    assertThat(stage.isShowing()).isFalse();
    assertThat(prefs.getDouble("window.width", 0)).isEqualTo(width);
    assertThat(prefs.get("mainDivider", "unset")).isNotEqualTo("unset");
  }

  @Test
  void aResizedWindowIsRememberedAtOnceSoASignalThatEndsTheAppLosesNothing(FxRobot robot) {
    robot.interact(() -> stage.setWidth(stage.getWidth() - 37));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(prefs.getDouble("window.width", 0)).isEqualTo(stage.getWidth());
    assertThat(prefs.get("mainDivider", "unset")).isNotEqualTo("unset");
  }
}
