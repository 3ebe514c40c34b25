package dev.kaboom.ui;

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
 * Not a test: the README's pictures of the whole window at 1280x720, during a restart (Servy's
 * sensor server crashed, its caption on screen). Regenerate all four (English and Korean, 100 % and
 * 250 %) with {@code bin/docshots} (it runs {@code mvn -o -q -Dtest=DocShots -Dkaboom.docshots=docs
 * -Dkaboom.lang=LANG -Dkaboom.scale=SCALE test}; {@code -Dkaboom.theme=dark} draws the dark theme,
 * {@code -Dkaboom.size=1920x1080} another window size, named in the file).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "kaboom.docshots", matches = ".+")
class DocShots {
  private MainWindow window;

  @Start
  void start(Stage stage) {
    String[] size = System.getProperty("kaboom.size", "1280x720").split("x");
    AppPrefs prefs =
        TestWindows.prefs(
            System.getProperty("kaboom.lang", "en"),
            Double.parseDouble(size[0]),
            Double.parseDouble(size[1]));
    prefs.putDouble("fontScale", Double.parseDouble(System.getProperty("kaboom.scale", "1.0")));
    prefs.put("theme", System.getProperty("kaboom.theme", "light"));
    window = TestWindows.openPaused(stage, prefs);
  }

  @Test
  void shots(FxRobot robot) throws Exception {
    String dir = System.getProperty("kaboom.docshots");
    new File(dir).mkdirs();
    String lang = System.getProperty("kaboom.lang", "en");
    int pct = (int) Math.round(Double.parseDouble(System.getProperty("kaboom.scale", "1.0")) * 100);
    MainViewModel vm = window.viewModel();
    long[] now = new long[1];
    robot.interact(
        () -> {
          window.controller().captions().waitForMeProperty().set(true);
          vm.kaboom("servy/services/sensor");
          vm.pausedProperty().set(false);
          // play the crash until its explanation is on screen, with the restart under way
          long t = 0;
          for (int i = 0;
              i < 400 && !window.controller().captions().shownText().contains("sensor");
              i++) {
            t += 16_000_000L;
            vm.frame(16_000_000L);
            window.controller().render(t);
          }
          vm.selectedPathProperty().set("servy/services");
          window.controller().render(t);
          now[0] = t;
        });
    WaitForAsyncUtils.waitForFxEvents();
    for (int i = 0; i < 3; i++) { // a few frames with layout passes between (the log scrolls)
      robot.interact(() -> window.controller().render(now[0]));
      WaitForAsyncUtils.waitForFxEvents();
    }
    String theme = System.getProperty("kaboom.theme", "light");
    String suffix =
        (theme.equals("light") ? "" : "-" + theme)
            + (System.getProperty("kaboom.size") == null
                ? ""
                : "-" + System.getProperty("kaboom.size"));
    shot(robot, dir + "/window-" + lang + "-" + pct + suffix + ".png");
  }

  private void shot(FxRobot robot, String file) throws Exception {
    TestWindows.png(robot, window, file);
  }
}
