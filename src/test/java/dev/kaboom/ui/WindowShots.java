package dev.kaboom.ui;

import dev.kaboom.engine.RestartType;
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
 * Not a test: pictures of the window in states a screenshot under Xvfb cannot reach without a mouse
 * (inspector open, a child just started, one fading out). Run with {@code mvn -o -q
 * -Dtest=WindowShots -Dkaboom.shots=/tmp/shots -Dkaboom.lang=ko -Dkaboom.scale=2.5 test}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "kaboom.shots", matches = ".+")
class WindowShots {
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = TestWindows.openPaused(stage, TestWindows.shotPrefs(1280, 800));
  }

  @Test
  void shots(FxRobot robot) throws Exception {
    String dir = System.getProperty("kaboom.shots");
    new File(dir).mkdirs();
    String tag = TestWindows.shotTag();
    MainViewModel vm = window.viewModel();
    robot.interact(
        () -> {
          vm.startChild(
              "servy/services", MainViewModel.newChildSpec("cache", false, RestartType.TEMPORARY));
          vm.runToIdle();
          vm.kaboom("servy/services/sensor");
          vm.runToIdle();
          vm.selectedPathProperty().set("servy/services");
          window.controller().render();
          window.controller().treePane().finishMoving();
        });
    WaitForAsyncUtils.waitForFxEvents();
    shot(robot, dir + "/window-" + tag + "-added.png");
    robot.interact(
        () -> {
          vm.kaboom("servy/services/cache"); // temporary: its spec goes, it fades out
          vm.runToIdle();
          vm.frame(dev.kaboom.ui.sim.Pacer.BEAT_NANOS);
          vm.selectedPathProperty().set("servy/services/sensor");
          window.controller().render();
        });
    WaitForAsyncUtils.waitForFxEvents();
    shot(robot, dir + "/window-" + tag + "-leaving.png");
    robot.interact(
        () -> {
          // a link made at the console and a monitor: the EXIT and the DOWN cross between boxes
          var node = vm.session().orElseThrow().sim().node();
          var pid =
              (java.util.function.Function<String, dev.kaboom.engine.Pid>)
                  p -> vm.tree().node(p).orElseThrow().pid().orElseThrow();
          node.process(pid.apply("servy/services/pledge"))
              .orElseThrow()
              .link(pid.apply("servy/services/sensor"));
          node.process(pid.apply("servy/kick_starter"))
              .orElseThrow()
              .monitor(pid.apply("servy/services/sensor"));
          vm.runToIdle();
          vm.kaboom("servy/services/sensor");
          vm.pausedProperty().set(false);
          for (int i = 0; i < 400; i++) {
            vm.frame(16_000_000L);
            window.controller().render();
            var t = vm.tree();
            if (t.crossings().stream().anyMatch(c -> c.progress(t.nowNanos()) > 0.4)) {
              break;
            }
          }
          vm.pausedProperty().set(true);
        });
    WaitForAsyncUtils.waitForFxEvents();
    shot(robot, dir + "/window-" + tag + "-crossing.png");
  }

  private void shot(FxRobot robot, String file) throws Exception {
    TestWindows.png(robot, window, file);
  }
}
