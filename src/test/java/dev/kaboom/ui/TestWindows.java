package dev.kaboom.ui;

import dev.kaboom.ui.settings.AppPrefs;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** The window as the TestFX tests open it: in-memory settings, the frame clock stopped, paused. */
final class TestWindows {
  private TestWindows() {}

  /** Settings that touch no user's preferences: a language and a window size in pixels. */
  static AppPrefs prefs(String language, double width, double height) {
    AppPrefs prefs = AppPrefs.inMemory();
    prefs.put("language", language);
    prefs.putDouble("window.width", width);
    prefs.putDouble("window.height", height);
    return prefs;
  }

  /**
   * Settings for the picture-taking classes (not tests): language, scale and high contrast from the
   * system properties {@code kaboom.lang}, {@code kaboom.scale} and {@code kaboom.hc}.
   */
  static AppPrefs shotPrefs(double width, double height) {
    AppPrefs prefs = prefs(System.getProperty("kaboom.lang", "en"), width, height);
    prefs.putDouble("fontScale", Double.parseDouble(System.getProperty("kaboom.scale", "1.0")));
    prefs.put("highContrast", System.getProperty("kaboom.hc", "false"));
    return prefs;
  }

  /** The pictures' file-name tag for those properties, such as {@code ko-2.5-hc}. */
  static String shotTag() {
    return System.getProperty("kaboom.lang", "en")
        + "-"
        + System.getProperty("kaboom.scale", "1.0")
        + (Boolean.getBoolean("kaboom.hc") ? "-hc" : "");
  }

  /** Opens the window on {@code stage} with its timer stopped (tests drive frames) and paused. */
  static MainWindow openPaused(Stage stage, AppPrefs prefs) {
    MainWindow window = MainWindow.open(stage, prefs, Optional.empty());
    window.stopTimer();
    window.viewModel().pausedProperty().set(true);
    return window;
  }

  /**
   * Sets the font scale (View > Font size) of {@code window}, whose settings are {@code prefs}, to
   * {@code s}, and draws it.
   */
  static void scale(FxRobot robot, MainWindow window, AppPrefs prefs, double s) {
    robot.interact(
        () -> {
          prefs.putDouble("fontScale", s);
          window.applyLook();
        });
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window.controller().render());
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * Runs {@code window}'s engine until nothing is left to do, draws it, and waits for the FX
   * thread.
   */
  static void settle(FxRobot robot, MainWindow window) {
    robot.interact(
        () -> {
          window.viewModel().runToIdle();
          window.controller().render();
        });
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }

  /** The CSS selector of the box drawn for the process at {@code path}. */
  static String sel(String path) {
    return "#" + dev.kaboom.ui.view.ProcessNodeView.idFor(path);
  }

  /** Snapshots {@code window}'s scene on the FX thread and writes it to {@code file}. */
  static void png(FxRobot robot, MainWindow window, String file) throws IOException {
    WritableImage[] img = new WritableImage[1];
    robot.interact(() -> img[0] = window.controller().root().getScene().snapshot(null));
    int w = (int) img[0].getWidth();
    int h = (int) img[0].getHeight();
    int[] argb = new int[w * h];
    img[0].getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    ImageIO.write(out, "png", new File(file));
    System.out.println("wrote " + file);
  }
}
