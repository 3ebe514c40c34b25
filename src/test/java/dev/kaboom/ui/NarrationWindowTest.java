package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.ui.model.NarrationFeed;
import dev.kaboom.ui.view.CaptionStrip;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window explains each step: a caption strip over the tree that stays 2.5 s, the sentences in
 * the log (in the window's language), a clicked log line's explanation, the rule of each past
 * restart in the inspector. The frame clock is driven by hand.
 */
@ExtendWith(ApplicationExtension.class)
class NarrationWindowTest extends WindowTest {
  private static final long S = 1_000_000_000L;

  @Start
  void start(Stage stage) {
    open(stage, 1280, 720);
  }

  private void kaboomSensorAndSettle(FxRobot robot) {
    robot.interact(
        () -> {
          vm.kaboom("servy/services/sensor");
          vm.runToIdle();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private CaptionStrip strip() {
    return window.controller().captions();
  }

  private String caption(FxRobot robot, long at) {
    robot.interact(() -> window.controller().render(at));
    return strip().shownText();
  }

  @Test
  void aCrashIsExplainedInTheCaptionStripAndEachCaptionStaysTwoAndAHalfSeconds(FxRobot robot) {
    assertThat(caption(robot, 0)).as("the first start is not captioned").isEmpty();
    kaboomSensorAndSettle(robot);
    // everything happened at once (run to idle): the strip skips to the newest sentences
    String first = caption(robot, 10 * S);
    assertThat(first)
        .contains("services")
        .isEqualTo(
            vm.narration()
                .render(
                    vm.narration()
                        .captions()
                        .get(vm.narration().captions().size() - 1 - CaptionStrip.MAX_BACKLOG)));
    assertThat(caption(robot, 10 * S + CaptionStrip.MIN_SHOW_NANOS - 1)).isEqualTo(first);
    String second = caption(robot, 10 * S + CaptionStrip.MIN_SHOW_NANOS);
    assertThat(second).isNotEqualTo(first);
    // big enough to read from the back of the room: 1.75 em of the window's font
    Label text = robot.lookup("#caption-text").queryAs(Label.class);
    assertThat(text.getFont().getSize()).isGreaterThanOrEqualTo(20);
    assertThat(robot.lookup("#caption-strip").queryAs(javafx.scene.Node.class).isVisible())
        .isTrue();
  }

  @Test
  void waitForMeHoldsTheAnimationWhileCaptionsWait(FxRobot robot) {
    robot.interact(() -> strip().waitForMeProperty().set(true));
    kaboomSensorAndSettle(robot);
    List<String> seen = new java.util.ArrayList<>();
    seen.add(caption(robot, 0));
    assertThat(strip().waitingCount()).isPositive();
    assertThat(vm.holdAnimationProperty().get()).isTrue();
    long t = 0;
    int shown = 1;
    while (strip().waitingCount() > 0) {
      t += CaptionStrip.MIN_SHOW_NANOS;
      seen.add(caption(robot, t));
      shown++;
    }
    assertThat(shown).as("with 'wait for me' no caption is skipped").isGreaterThanOrEqualTo(4);
    assertThat(seen).anyMatch(c -> c.contains("sensor") && c.contains("does not trap exits"));
    assertThat(vm.holdAnimationProperty().get()).isTrue();
    caption(robot, t + CaptionStrip.MIN_SHOW_NANOS);
    assertThat(vm.holdAnimationProperty().get()).isFalse();
  }

  @Test
  void theLogHasTheSentencesAndAClickedLineShowsItsExplanation(FxRobot robot) {
    kaboomSensorAndSettle(robot);
    List<String> log = vm.logLines();
    int crash = -1;
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).contains("=CRASH REPORT") && log.get(i).contains("sensor")) {
        crash = i;
      }
    }
    assertThat(crash).isNotNegative();
    assertThat(log.get(crash + 1)).startsWith(NarrationFeed.PREFIX).contains("sensor");
    int at = crash;
    robot.interact(() -> window.controller().explainLogLine(at));
    assertThat(strip().shownText()).isEqualTo(log.get(crash + 1).substring(2));
  }

  @Test
  void theLogsSentencesAndTheCaptionFollowTheLanguage(FxRobot robot) {
    kaboomSensorAndSettle(robot);
    robot.interact(() -> window.switchLanguage(Locale.KOREAN));
    WaitForAsyncUtils.waitForFxEvents();
    window.stopTimer();
    assertThat(window.viewModel().logLines())
        .filteredOn(l -> l.startsWith(NarrationFeed.PREFIX))
        .isNotEmpty()
        .allMatch(l -> l.matches(".*[\\uAC00-\\uD7A3].*"));
  }

  @Test
  void theInspectorsRestartHistoryGivesTheRuleOfEachRestart(FxRobot robot) {
    kaboomSensorAndSettle(robot);
    robot.interact(() -> vm.selectedPathProperty().set("servy/services/sensor"));
    WaitForAsyncUtils.waitForFxEvents();
    String history =
        window.controller().inspector().value("inspector.history").orElseThrow().toString();
    assertThat(history).contains("one_for_one").contains("restarts only sensor");
  }
}
