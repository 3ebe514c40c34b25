package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.sim.Pacer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console pane follows the picture, headless (Monocle): what a server prints between two typed
 * lines (a click restarts it) comes when the tree reaches it, not at the next line; looking back on
 * the timeline (and in a run opened again) the pane shows the transcript as it stood then.
 */
@ExtendWith(ApplicationExtension.class)
class ConsolePacingTest {
  private static final String SENSOR =
      "Servy.Supervisor/Servy.ServicesSupervisor/Servy.SensorServer";
  private static final String STARTING = "Starting the sensor server with 60...\n";
  private static final String RUNNING = "Running tasks to get sensor data...\n";

  private MainWindow window;
  private MainViewModel vm;

  @Start
  void start(Stage stage) throws Exception {
    window = TestWindows.openPaused(stage, TestWindows.prefs("en", 1100, 700));
    vm = window.viewModel();
    Scenario course;
    String text;
    try (InputStream in = getClass().getResourceAsStream("/scenarios/servy-course.json")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      course =
          ((ScenarioLoader.Result.Loaded) ScenarioLoader.parse("servy-course.json", text))
              .scenario();
    }
    vm.load(course, "servy-course.json", text);
    vm.runToIdle();
    window.controller().render();
  }

  private String pane() {
    return window.controller().consolePane().text();
  }

  /** One animation beat, drawn (the frame clock is stopped; the test drives it). */
  private void beat(FxRobot robot) {
    robot.interact(
        () -> {
          vm.frame(Pacer.BEAT_NANOS);
          window.controller().render();
        });
  }

  /** Plays beats until the pane has caught up with the engine. */
  private void playOut(FxRobot robot) {
    for (int i = 0; i < 300 && (vm.consoleOutputPending() || vm.behindEvents() > 0); i++) {
      beat(robot);
    }
    assertThat(vm.consoleOutputPending()).isFalse();
  }

  private String afterEcho(String text, String echo) {
    return text.substring(text.indexOf(echo) + echo.length());
  }

  @Test
  void aServersLinesAfterAClickComeAsTheTreeShowsThemNotAtTheNextTypedLine(FxRobot robot) {
    String pid = vm.tree().node(SENSOR).orElseThrow().pid().orElseThrow().toString();
    String echo = "iex(1)> Process.exit(pid(\"0." + pid.split("\\.")[1] + ".0\"), :kaboom)\n";
    robot.interact(() -> vm.pausedProperty().set(false));
    robot.clickOn(TestWindows.sel(SENSOR));
    beat(robot);
    // the line the click equals and iex's answer at once; the restart's lines not yet
    assertThat(pane()).contains(echo + "true\n").doesNotContain(STARTING);
    int beats = 0;
    while (vm.consoleOutputPending() && beats < 300) {
      beat(robot);
      beats++;
    }
    playOut(robot);
    // they came as the picture reached the restart, and no typed line was needed
    assertThat(beats).isGreaterThan(1);
    assertThat(afterEcho(pane(), echo)).isEqualTo("true\n" + STARTING + RUNNING);
    assertThat(window.controller().consolePane().node().lookup("#consoleInput")).isNotNull();
  }

  @Test
  void lookingBackThePaneShowsTheTranscriptAsItStoodThenAndAnOpenedRunToo(
      FxRobot robot, @TempDir Path dir) {
    robot.interact(() -> vm.pausedProperty().set(false));
    robot.clickOn("#consoleInput").write("Servy.PledgeServer.create_pledge(\"larry\", 10)");
    robot.type(javafx.scene.input.KeyCode.ENTER);
    robot.clickOn(TestWindows.sel(SENSOR));
    playOut(robot);
    String all = pane();
    assertThat(all)
        .containsSubsequence(
            "iex(1)> Servy.PledgeServer.create_pledge(\"larry\", 10)\n\"pledge-",
            "iex(2)> Process.exit(pid(",
            STARTING,
            RUNNING);
    // step back over the restart: its lines leave the pane, the prompt is the one then
    robot.interact(
        () -> {
          vm.stepBack();
          window.controller().render();
        });
    while (pane().contains(RUNNING)) {
      robot.interact(
          () -> {
            vm.stepBack();
            window.controller().render();
          });
    }
    assertThat(all).startsWith(pane());
    robot.interact(
        () -> {
          vm.seekStart();
          window.controller().render();
        });
    assertThat(pane()).doesNotContain("iex(1)>");
    assertThat(promptText(robot)).isEqualTo("iex(1)> ");
    robot.interact(
        () -> {
          vm.goLive();
          window.controller().render();
        });
    assertThat(pane()).isEqualTo(all);
    assertThat(promptText(robot)).isEqualTo("iex(3)> ");
    // saved and opened again: the end at once, and back with the timeline
    Path run = dir.resolve("run.json");
    robot.interact(
        () -> {
          assertThat(vm.saveRun(run)).isTrue();
          assertThat(vm.openRun(run)).isTrue();
          window.controller().render();
        });
    assertThat(Files.exists(run)).isTrue();
    assertThat(pane()).isEqualTo(all);
    robot.interact(
        () -> {
          vm.seekStart();
          window.controller().render();
        });
    assertThat(pane()).doesNotContain("iex(1)>");
    robot.interact(
        () -> {
          while (!pane().contains(STARTING) && vm.stepForward()) {
            window.controller().render();
          }
        });
    assertThat(pane()).contains("iex(2)> Process.exit(pid(").contains(STARTING);
    assertThat(all).startsWith(pane());
  }

  private String promptText(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
        .map(javafx.scene.control.Label::getText)
        .filter(t -> t != null && t.matches("(iex|\\.\\.\\.)\\(\\d+\\)> "))
        .findFirst()
        .orElse("");
  }
}
