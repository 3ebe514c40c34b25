package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.lesson.LessonLoader;
import dev.kaboom.ui.view.ProcessNodeView;
import java.util.Locale;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lesson pane in the window, headless: the chapter's lesson starts on an empty world, a step's
 * run button completes it, a typed line and a click in the tree complete the next ones, the
 * language switches at run time, and the place is remembered.
 */
@ExtendWith(ApplicationExtension.class)
class LessonPaneTest extends WindowTest {
  @Start
  void start(Stage stage) {
    open(stage, 1280, 720);
    window.openLesson(
        ((LessonLoader.Result.Loaded) LessonLoader.load("servy-supervisor")).lesson());
  }

  @Override
  protected void settle(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    super.settle(robot);
  }

  private String label(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Labeled.class).getText();
  }

  private int step() {
    return window.lessonPane().orElseThrow().run().index();
  }

  @Test
  void theLessonsFirstStepsCompleteByTheButtonATypedLineAndAClickInTheTree(FxRobot robot) {
    // an empty world: only the shell is drawn
    assertThat(vm.tree().nodes()).hasSize(1);
    assertThat(vm.tree().root().path()).isEqualTo("iex");
    assertThat(label(robot, "#lessonStep"))
        .isEqualTo("Step 1 of 7: The supervisor idea, and links");

    // step 1 by its button: the lines are typed in the console pane, the tree grows under iex
    robot.clickOn("#lessonRun");
    settle(robot);
    assertThat(window.controller().consolePane().text())
        .contains("iex(1)> {:ok, sup_pid} = Servy.ServicesSupervisor.start_link()\n")
        .contains("Starting the sensor server...\n");
    assertThat(vm.tree().node("iex/Servy.ServicesSupervisor/Servy.SensorServer")).isPresent();
    assertThat(step()).isEqualTo(1);
    assertThat(label(robot, "#lessonDone"))
        .isEqualTo("✓ Done: The supervisor runs, linked to your shell and to its children.");
    assertThat(label(robot, "#lessonProgress")).isEqualTo("✓ ▶ · · · · ·");
    assertThat(prefs.get("lesson.servy-supervisor", "")).isEqualTo("1");

    // step 2 by typed lines, one part at a time
    robot.clickOn("#consoleInput").write("Supervisor.which_children(sup_pid)").type(KeyCode.ENTER);
    settle(robot);
    assertThat(label(robot, "#lessonParts")).isEqualTo("1 of 2 done");
    robot.clickOn("#consoleInput").write("Supervisor.count_children(sup_pid)").type(KeyCode.ENTER);
    settle(robot);
    assertThat(step()).isEqualTo(2);

    // step 3 (kaboom the sensor server) by a click on its box in the tree
    String sensor = ProcessNodeView.idFor("iex/Servy.ServicesSupervisor/Servy.SensorServer");
    // a dotted path is a CSS-safe id: the #id selector finds the box
    assertThat(sensor).isEqualTo("node-iex-Servy_ServicesSupervisor-Servy_SensorServer");
    assertThat(robot.lookup("#" + sensor).tryQuery()).isPresent();
    // the click's kaboom (as a click on the box sends it): the engine has done the step at once,
    // but the lesson says so only once the picture has drawn the crash and the restart
    robot.interact(
        () -> {
          vm.kaboomClicked("iex/Servy.ServicesSupervisor/Servy.SensorServer");
          assertThat(vm.behindEvents()).isPositive();
          assertThat(step()).isEqualTo(2);
          assertThat(label(robot, "#lessonDone")).doesNotContain("The sensor server is back");
        });
    settle(robot);
    assertThat(vm.behindEvents()).isZero();
    assertThat(step()).isEqualTo(3);
    assertThat(label(robot, "#lessonDone")).contains("The sensor server is back with a new pid");
  }

  @Test
  void at250PercentTheLessonIsATabBesideThePanelsAndTheTreeKeepsTheRestOfTheWidth(FxRobot robot) {
    robot.clickOn("#lessonRun");
    settle(robot);
    javafx.scene.layout.Region tree = window.controller().treePane();
    double tree100 = tree.getWidth();
    scale(robot, 2.5);
    assertThat(window.controller().lessonColumn()).isTrue();
    // the lesson, the inspector and the log are tabs of one column left of the tree and the
    // console: the tree keeps about two thirds of 1280 px (with the lesson and the panels in two
    // columns it had 620)
    assertThat(tree.getWidth()).isGreaterThan(780).isGreaterThan(tree100);
    javafx.scene.control.TabPane tabs = window.controller().lessonTabs();
    assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero();
    javafx.geometry.Bounds run =
        robot
            .lookup("#lessonRun")
            .query()
            .localToScreen(robot.lookup("#lessonRun").query().getBoundsInLocal());
    javafx.geometry.Bounds stage =
        window.controller().root().localToScreen(window.controller().root().getBoundsInLocal());
    assertThat(run.getMaxY()).as("the lesson's buttons are in sight").isLessThan(stage.getMaxY());
    // the lesson's tab has the column's whole height (over the console it had about 190 px, its
    // text 130 of them, in a 1280x720 window)
    javafx.scene.layout.Region lesson = robot.lookup("#lessonPane").query();
    assertThat(lesson.getHeight()).isGreaterThan(330);
    assertThat(lesson.getWidth()).isGreaterThan(420);
    // the console shows its rows of output over its input line, without its title; the tree over
    // it has about 72 % of the height they share (it had about 255 px of 425, 60 %)
    javafx.scene.Node out = robot.lookup("#consoleOutput").query();
    double row = ((javafx.scene.control.TextArea) out).getFont().getSize() * 1.2;
    assertThat(out.getBoundsInLocal().getHeight())
        .isGreaterThan(dev.kaboom.ui.view.MainController.LESSON_CONSOLE_ROWS * row);
    javafx.scene.layout.Region console = robot.lookup("#consoleOutput").query();
    while (!(console.getParent() instanceof javafx.scene.control.SplitPane)
        && console.getParent() instanceof javafx.scene.layout.Region r) {
      console = r;
    }
    assertThat(tree.getHeight() / (tree.getHeight() + console.getHeight()))
        .as("the tree's share of the height over the console")
        .isGreaterThan(0.68);
    assertThat(tree.getHeight()).isGreaterThan(290);
    // a right-click inspects: the inspector's tab comes forward (on the shell: at the readable
    // scale the tree over the console shows its top)
    robot.rightClickOn(TestWindows.sel("iex"));
    robot.type(KeyCode.ESCAPE);
    assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
    // back at 100 %: the lesson stands left of the tree again, the log and console under it
    scale(robot, 1.0);
    assertThat(window.controller().lessonColumn()).isFalse();
    assertThat(window.controller().root().lookup("#lessonPane").isVisible()).isTrue();
    assertThat(robot.lookup(".event-log").query().getScene()).isNotNull();
    assertThat(tree.getWidth()).isCloseTo(tree100, org.assertj.core.data.Offset.offset(2.0));
  }

  @Test
  void theLessonSwitchesToKoreanAtRunTimeAndKeepsItsPlace(FxRobot robot) {
    robot.clickOn("#lessonRun");
    settle(robot);
    assertThat(step()).isEqualTo(1);
    robot.interact(() -> window.switchLanguage(Locale.KOREAN));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(label(robot, "#lessonStep")).isEqualTo("7단계 중 2단계: Supervisor children 등록");
    assertThat(label(robot, "#lessonTitle")).isEqualTo("OTP Supervisor로 장애 복구하기");
    assertThat(label(robot, "#lessonRun")).isEqualTo("줄 실행");
    assertThat(step()).isEqualTo(1);
    // the rebuilt view's console pane still feeds the lesson
    robot.clickOn("#lessonRun");
    settle(robot);
    assertThat(step()).isEqualTo(2);
  }
}
