package dev.kaboom.ui;

import dev.kaboom.engine.Strategy;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.TreeNode;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.settings.AppPrefs;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
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
 * pledge server is stopped ({@code sequence-chart-LANG-PCT.png}); and, in English at 100 %, a
 * one_for_all restart of 100 children with the 99 quiet ones grouped and then expanded ({@code
 * sequence-hundred-grouped.png}, {@code sequence-hundred-expanded.png}). {@code bin/docshots} draws
 * them all into docs/ ({@code mvn -o -q -Dtest=SequenceShots -Dkaboom.seqshots=DIR
 * -Dkaboom.lang=en|ko -Dkaboom.scale=1.0|2.5 [-Dkaboom.dock=under] test}; under the tree the name
 * ends in {@code -under}).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "kaboom.seqshots", matches = ".+")
class SequenceShots {
  private MainWindow window;

  @Start
  void start(Stage stage) {
    AppPrefs prefs = TestWindows.shotPrefs(1280, 720);
    prefs.put("sequenceChart", "true");
    prefs.put("sequenceDock", System.getProperty("kaboom.dock", "beside"));
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
    String lang = System.getProperty("kaboom.lang", "en");
    double scale = Double.parseDouble(System.getProperty("kaboom.scale", "1.0"));
    String name =
        "sequence-chart-"
            + lang
            + "-"
            + Math.round(scale * 100)
            + (System.getProperty("kaboom.dock", "beside").equals("under") ? "-under" : "")
            + (Boolean.getBoolean("kaboom.hc") ? "-hc" : "");
    TestWindows.png(robot, window, dir + "/" + name + ".png");
  }

  @Test
  void hundred(FxRobot robot) throws Exception {
    if (!System.getProperty("kaboom.lang", "en").equals("en")
        || Double.parseDouble(System.getProperty("kaboom.scale", "1.0")) != 1.0) {
      return; // one pair of pictures is enough
    }
    String dir = System.getProperty("kaboom.seqshots");
    new File(dir).mkdirs();
    MainViewModel vm = window.viewModel();
    List<TreeNode> kids = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      kids.add(TreeNode.worker("c" + i));
    }
    TreeNode root = TreeNode.supervisor("sup", Strategy.ONE_FOR_ALL, kids).withIntensity(10, 5);
    robot.interact(
        () -> {
          vm.load(new Scenario("hundred", "one_for_all of 100", root, List.of()), null);
          vm.runToIdle();
          vm.kaboom("sup/c42");
          vm.runToIdle();
          // the restart plan: the crash above it, the shutdowns of the 99 below
          vm.seekMark(indexOfPlan(vm));
          window.controller().render();
        });
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window.controller().render());
    TestWindows.png(robot, window, dir + "/sequence-hundred-grouped.png");
    robot.clickOn(window.controller().sequenceChart().headerPoint("group:sup").orElseThrow());
    robot.interact(() -> window.controller().render());
    WaitForAsyncUtils.waitForFxEvents();
    TestWindows.png(robot, window, dir + "/sequence-hundred-expanded.png");
  }

  /** The timeline step of the last restart plan (a supervisor's decision). */
  private static int indexOfPlan(MainViewModel vm) {
    List<MainViewModel.Mark> marks = vm.marks();
    for (int k = marks.size() - 1; k >= 0; k--) {
      if (marks.get(k).kind() == MainViewModel.MarkKind.DECISION) {
        return k;
      }
    }
    return marks.size() - 1;
  }
}
