package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.model.ProcessNodeModel;
import dev.kaboom.ui.view.ProcessNodeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console pane in the window: an iex on the tree's engine, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class ConsolePaneTest {
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

  private Pid pid(String path) {
    return vm.tree().node(path).flatMap(ProcessNodeModel::pid).orElseThrow();
  }

  @Test
  void aTypedLineRunsOnTheTreesEngine(FxRobot robot) {
    Pid before = pid("servy/services/sensor");
    robot
        .clickOn("#consoleInput")
        .write("Process.whereis(:sensor_server) |> Process.exit(:kaboom)")
        .type(KeyCode.ENTER);
    settle(robot);
    assertThat(window.controller().consolePane().text())
        .contains("iex(1)> Process.whereis(:sensor_server) |> Process.exit(:kaboom)\ntrue\n");
    assertThat(pid("servy/services/sensor")).isNotEqualTo(before);
    assertThat(vm.tree().node("servy/services/sensor").orElseThrow().restartCount()).isEqualTo(1);
  }

  @Test
  void aClickInTheTreeAppearsAsTheIexLineItEquals(FxRobot robot) {
    Pid sensor = pid("servy/services/sensor");
    robot.clickOn("#" + ProcessNodeView.idFor("servy/services/sensor"));
    settle(robot);
    assertThat(window.controller().consolePane().text())
        .contains("iex(1)> Process.exit(pid(\"0." + sensor.serial() + ".0\"), :kaboom)\ntrue\n");
  }

  @Test
  void tabCompletesInThePaneAndListsTheCandidatesWhenTheyPart(FxRobot robot) {
    robot.clickOn("#consoleInput").write("Supervisor.which_chi").type(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.control.TextField input =
        robot.lookup("#consoleInput").queryAs(javafx.scene.control.TextField.class);
    assertThat(input.getText()).isEqualTo("Supervisor.which_children");
    assertThat(input.isFocused()).isTrue();
    robot.write("(GenServer.c").type(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(input.getText()).isEqualTo("Supervisor.which_children(GenServer.ca");
    robot.type(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.controller().consolePane().text())
        .contains("GenServer.call  GenServer.cast\n");
    // on an empty line Tab moves the focus on (the keyboard is not kept in the console)
    robot.interact(input::clear);
    robot.type(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(input.isFocused()).isFalse();
  }

  @Test
  void longOutputLinesWrapAsInATerminal(FxRobot robot) {
    javafx.scene.control.TextArea out =
        robot.lookup("#consoleOutput").queryAs(javafx.scene.control.TextArea.class);
    assertThat(out.isWrapText()).isTrue();
  }
}
