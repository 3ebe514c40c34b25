package dev.kaboom.ui;

import dev.kaboom.engine.Strategy;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.settings.AppPrefs;
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
 * Not a test: pictures of the window with the sequence chart shown, at 1280x720: Servy's services
 * supervisor switched to one_for_all, the sensor server crashed, looking back at the step where the
 * pledge server is stopped. {@code mvn -o -q -Dtest=SequenceShots -Dkaboom.seqshots=DIR
 * -Dkaboom.lang=en|ko -Dkaboom.scale=1.0|2.5 [-Dkaboom.dock=beside] test}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "kaboom.seqshots", matches = ".+")
class SequenceShots {
  private MainWindow window;

  @Start
  void start(Stage stage) {
    AppPrefs prefs = TestWindows.shotPrefs(1280, 720);
    prefs.put("sequenceChart", "true");
    prefs.put("sequenceDock", System.getProperty("kaboom.dock", "under"));
    window = TestWindows.openPaused(stage, prefs);
  }

  @Test
  void shots(FxRobot robot) throws Exception {
    String dir = System.getProperty("kaboom.seqshots");
    new File(dir).mkdirs();
    MainViewModel vm = window.viewModel();
    robot.interact(
        () -> {
          vm.setFlags("servy/services", Strategy.ONE_FOR_ALL, 3, 5);
          vm.runToIdle();
          vm.kaboom("servy/services/sensor");
          vm.runToIdle();
          // back to the step where the supervisor shuts the pledge server down
          for (int i = 0; i < 4; i++) {
            vm.stepBack();
          }
          vm.selectedPathProperty().set("servy/services");
          window.controller().render();
        });
    WaitForAsyncUtils.waitForFxEvents();
    for (int i = 0; i < 3; i++) {
      robot.interact(() -> window.controller().render());
      WaitForAsyncUtils.waitForFxEvents();
    }
    TestWindows.png(
        robot,
        window,
        dir
            + "/sequence-"
            + TestWindows.shotTag()
            + "-"
            + System.getProperty("kaboom.dock", "under")
            + ".png");
  }
}
