package dev.kaboom.ui;

import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.settings.AppPrefs;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * The TestFX window tests' common start: each declares its own {@code @Start} method (TestFX finds
 * only a class's own) that calls {@link #open}: in-memory settings, the frame clock stopped,
 * paused.
 */
abstract class WindowTest {
  protected MainWindow window;
  protected MainViewModel vm;
  protected AppPrefs prefs;

  /** Opens the window on {@code stage} in English at {@code width} x {@code height} pixels. */
  protected void open(Stage stage, double width, double height) {
    prefs = TestWindows.prefs("en", width, height);
    window = TestWindows.openPaused(stage, prefs);
    vm = window.viewModel();
  }

  /** Sets the font scale to {@code s} and draws the window ({@link TestWindows#scale}). */
  protected void scale(FxRobot robot, double s) {
    TestWindows.scale(robot, window, prefs, s);
  }

  /** Runs the engine until nothing is left to do and draws ({@link TestWindows#settle}). */
  protected void settle(FxRobot robot) {
    TestWindows.settle(robot, window);
  }
}
