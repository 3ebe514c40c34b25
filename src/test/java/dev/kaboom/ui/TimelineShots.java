package dev.kaboom.ui;

import dev.kaboom.ui.model.MainViewModel;
import java.io.File;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: pictures of the timeline under the tree after a few kabooms, live and stepped back.
 * Run with {@code mvn -o -q -Dtest=TimelineShots -Dkaboom.tlshots=/tmp/shots -Dkaboom.lang=ko
 * -Dkaboom.scale=2.5 test}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "kaboom.tlshots", matches = ".+")
class TimelineShots {
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = TestWindows.openPaused(stage, TestWindows.shotPrefs(1280, 720));
  }

  @Test
  void shots(FxRobot robot) throws Exception {
    String dir = System.getProperty("kaboom.tlshots");
    new File(dir).mkdirs();
    String tag = TestWindows.shotTag();
    MainViewModel vm = window.viewModel();
    robot.interact(
        () -> {
          for (int i = 0; i < 4; i++) {
            vm.kaboom("servy/services/sensor");
          }
          vm.runToIdle();
          window.controller().render();
        });
    WaitForAsyncUtils.waitForFxEvents();
    TestWindows.png(robot, window, dir + "/timeline-" + tag + "-live.png");
    robot.interact(
        () -> {
          for (int i = 0; i < 12; i++) {
            vm.stepBack();
          }
          window.controller().render();
        });
    WaitForAsyncUtils.waitForFxEvents();
    TestWindows.png(robot, window, dir + "/timeline-" + tag + "-back.png");
  }
}
