package dev.kaboom.ui;

import dev.kaboom.ui.settings.AppPrefs;
import java.util.Locale;
import java.util.Optional;

/**
 * What the window needs before JavaFX starts, checked the same way by every way of opening it
 * ({@code bin/kaboom}, {@code bin/kaboom open}, {@code mvn javafx:run}, the app image): a display,
 * and a valid {@code KABOOM_SETTINGS} name. A problem is one line saying what is missing and what
 * to do, printed before anything else (no stack trace). Uses no JavaFX class.
 */
public final class Startup {
  private Startup() {}

  /** The first thing that keeps the window from opening here, as one line; empty when none. */
  public static Optional<String> problem() {
    if (!canShowWindow()) {
      return Optional.of(
          "Kaboom: no display to open the window on (DISPLAY is not set). Run it in a desktop"
              + " session, over `ssh -X`, or under `xvfb-run -a`; `bin/kaboom snapshot FILE OUT.png`"
              + " draws the tree without a display.");
    }
    return AppPrefs.requestedName()
        .flatMap(AppPrefs::problemWithName)
        .map(p -> "Kaboom: " + p + ".");
  }

  /** One line for a display that is set but cannot be opened (JavaFX's own message inside). */
  public static String cannotOpen(Throwable e) {
    String display = System.getenv("DISPLAY");
    return "Kaboom: the window cannot be opened ("
        + e.getMessage()
        + (display == null ? "" : ", DISPLAY=" + display)
        + "). Check that the display is running and that you may use it, or run under `xvfb-run -a`.";
  }

  /**
   * Whether a window can be shown here (a display on Linux and other Unixes; always on Windows and
   * macOS).
   */
  public static boolean canShowWindow() {
    if (Boolean.getBoolean("java.awt.headless")) {
      return false;
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return true;
    }
    return isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
  }

  private static boolean isSet(String name) {
    String v = System.getenv(name);
    return v != null && !v.isBlank();
  }
}
