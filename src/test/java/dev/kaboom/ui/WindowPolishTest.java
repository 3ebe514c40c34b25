package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.ui.model.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a new user found in the window: the keyboard trapped in the console, the console's prompt
 * and banner, the status bar's time and the caption while looking back, the red bar over the
 * caption. Headless (Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class WindowPolishTest {
  private static final String SENSOR = "servy/services/sensor";

  private MainWindow window;
  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    window = TestWindows.openPaused(stage, TestWindows.prefs("en", 1100, 700));
    vm = window.viewModel();
  }

  private void settle(FxRobot robot) {
    TestWindows.settle(robot, window);
  }

  private boolean treeHasFocus() {
    Node f = window.controller().treePane().getScene().getFocusOwner();
    for (Node n = f; n != null; n = n.getParent()) {
      if (n == window.controller().treePane()) {
        return true;
      }
    }
    return false;
  }

  private void twoKaboomsThenBack(FxRobot robot) {
    robot.clickOn(TestWindows.sel(SENSOR));
    settle(robot);
    robot.clickOn(TestWindows.sel(SENSOR));
    settle(robot);
    robot.interact(() -> vm.seekMark(0));
    settle(robot);
  }

  @Test
  void escapeOrAClickOnTheTreesBackgroundTakesTheKeysFromTheConsole(FxRobot robot) {
    TextField input = robot.lookup("#consoleInput").queryAs(TextField.class);
    robot.clickOn(input).write("1 + 1").type(KeyCode.ENTER);
    settle(robot);
    assertThat(input.isFocused()).isTrue();
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(input.isFocused()).isFalse();
    assertThat(treeHasFocus()).isTrue();

    robot.clickOn(input);
    assertThat(input.isFocused()).isTrue();
    robot.clickOn(
        robot
            .point(window.controller().treePane())
            .atPosition(Pos.BOTTOM_LEFT)
            .atOffset(new javafx.geometry.Point2D(20, -20)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(treeHasFocus()).isTrue();
    // the left arrow now travels in time
    robot.type(KeyCode.LEFT);
    settle(robot);
    assertThat(vm.playheadProperty().get()).isNotNegative();
  }

  @Test
  void afterAForkCtrlZUndoesWhereverTheFocusIs(FxRobot robot) {
    twoKaboomsThenBack(robot);
    int head = vm.playheadProperty().get();
    assertThat(head).isNotNegative();
    // a click forks: the focus is then on the tree
    robot.clickOn(TestWindows.sel("servy/services/pledge"));
    robot.clickOn("#fork-ok");
    settle(robot);
    assertThat(vm.playheadProperty().get()).isEqualTo(-1);
    assertThat(treeHasFocus()).isTrue();
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    settle(robot);
    assertThat(vm.playheadProperty().get()).isEqualTo(head);

    // a typed line forks: the console keeps the focus, and Ctrl+Z in its empty input undoes
    TextField input = robot.lookup("#consoleInput").queryAs(TextField.class);
    // (the fork's notification covers the console's corner: the focus is given, not clicked)
    robot.interact(input::requestFocus);
    robot.write("1").type(KeyCode.ENTER);
    robot.clickOn("#fork-ok");
    settle(robot);
    assertThat(vm.playheadProperty().get()).isEqualTo(-1);
    assertThat(input.isFocused()).isTrue();
    assertThat(input.getText()).isEmpty();
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    settle(robot);
    assertThat(vm.playheadProperty().get()).isEqualTo(head);
  }

  @Test
  void anUnfinishedExpressionPromptsForMore(FxRobot robot) {
    robot.clickOn("#consoleInput").write("[1,").type(KeyCode.ENTER);
    settle(robot);
    assertThat(window.controller().consolePane().text()).contains("iex(1)> [1,\n");
    assertThat(window.controller().consolePane().promptText()).isEqualTo("...(1)> ");
    robot.write("2]").type(KeyCode.ENTER);
    settle(robot);
    assertThat(window.controller().consolePane().text()).contains("...(1)> 2]\n[1, 2]\n");
    assertThat(window.controller().consolePane().promptText()).isEqualTo("iex(2)> ");
  }

  @Test
  void lookingBackTheStatusBarShowsThePlayheadsTimeAndEndTheLatestCaption(FxRobot robot) {
    twoKaboomsThenBack(robot);
    StatusBar bar = robot.lookup(".status-bar").queryAs(StatusBar.class);
    long at = vm.marks().get(0).timeMillis();
    assertThat(bar.getText())
        .contains(String.format(java.util.Locale.ROOT, "virtual time %.3f s", at / 1000.0))
        .contains("looking back: step 1 of");
    robot.type(KeyCode.END);
    settle(robot);
    assertThat(bar.getText()).contains("virtual time " + vm.clockProperty().get());
    String latest = vm.narration().render(vm.explainMark(vm.marks().size() - 1).orElseThrow());
    assertThat(window.controller().captions().shownText()).isEqualTo(latest);
  }

  @Test
  void theErrorBarLeavesTheCaptionReadable(FxRobot robot, @TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("broken.json"), "{\"tree\": :}");
    robot.interact(() -> window.controller().open(bad));
    settle(robot);
    HBox bar = robot.lookup(".error-bar").queryAs(HBox.class);
    assertThat(bar.isVisible()).isTrue();
    Node caption = window.controller().captions().node();
    Bounds[] b = new Bounds[2];
    robot.interact(
        () -> {
          b[0] = bar.localToScreen(bar.getLayoutBounds());
          b[1] = caption.localToScreen(caption.getLayoutBounds());
        });
    assertThat(b[0].getMinY()).isGreaterThanOrEqualTo(b[1].getMaxY() - 1);
  }

  @Test
  void theConsolesBannerIsInTheWindowsLanguage(FxRobot robot) {
    robot.interact(() -> window.switchLanguage(java.util.Locale.KOREAN));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window.controller().render());
    assertThat(window.controller().consolePane().text())
        .startsWith("Kaboom 콘솔")
        .doesNotContain("answers as iex");
  }
}
