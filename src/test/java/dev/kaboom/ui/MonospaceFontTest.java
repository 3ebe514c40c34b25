package dev.kaboom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The event log and the console keep their columns in a Korean window on any machine: they are set
 * in the bundled NanumGothicCoding (the logical "Monospaced" fell back to a proportional font where
 * the system has no Korean monospace font), whose Hangul is exactly two Latin cells wide.
 */
@ExtendWith(ApplicationExtension.class)
class MonospaceFontTest {
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = TestWindows.openPaused(stage, TestWindows.prefs("ko", 1280, 720));
  }

  private static double width(String s) {
    Text t = new Text(s);
    t.setFont(Font.font(Fonts.MONO, 13));
    return t.getLayoutBounds().getWidth();
  }

  @Test
  void theBundledMonospaceFontIsLoadedAndHangulIsTwoCellsWide() {
    assertThat(Font.getFamilies()).contains(Fonts.MONO);
    double cell = width("a");
    assertThat(width("iiii")).isCloseTo(width("MMMM"), org.assertj.core.data.Offset.offset(0.01));
    assertThat(width("가나다")).isCloseTo(6 * cell, org.assertj.core.data.Offset.offset(0.01));
    assertThat(width("[ 12.225 s] 슈퍼바이저"))
        .isCloseTo(width("[ 12.225 s] supervisor"), org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void theLogAndTheConsoleAreSetInIt(FxRobot robot) {
    TestWindows.settle(robot, window);
    TestWindows.settle(robot, window);
    Set<String> logFonts =
        robot.lookup("#logList .list-cell").queryAllAs(Labeled.class).stream()
            .filter(c -> c.getText() != null && c.getText().startsWith("["))
            .map(c -> c.getFont().getFamily())
            .collect(Collectors.toSet());
    assertThat(logFonts).containsExactly(Fonts.MONO);
    assertThat(robot.lookup("#consoleInput").queryAs(TextField.class).getFont().getFamily())
        .isEqualTo(Fonts.MONO);
  }
}
