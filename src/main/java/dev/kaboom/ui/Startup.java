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
    Optional<String> noServer = noLocalXServer();
    if (noServer.isPresent()) {
      return noServer;
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

  /**
   * On Linux, a local {@code DISPLAY} ({@code :N} or {@code :N.M}) that no X server listens on:
   * {@code /proc/net/unix} lists no socket {@code /tmp/.X11-unix/XN} (by path or abstract name).
   * Empty when it cannot tell (another form of DISPLAY, Wayland, no /proc).
   */
  private static Optional<String> noLocalXServer() {
    if (isSet("WAYLAND_DISPLAY") || !isSet("DISPLAY")) {
      return Optional.empty();
    }
    String display = System.getenv("DISPLAY");
    try {
      String sockets = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/net/unix"));
      return localXServerMissing(display, sockets)
          ? Optional.of(
              "Kaboom: no X server is running on DISPLAY="
                  + display
                  + " (no socket /tmp/.X11-unix/X"
                  + display.substring(1).split("\\.")[0]
                  + "). Start the desktop session or the X server, or run under `xvfb-run -a`.")
          : Optional.empty();
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code display} is a local X display ({@code :N} or {@code :N.M}) that none of the Unix
   * sockets in {@code procNetUnix} (the text of Linux's {@code /proc/net/unix}) serves.
   */
  static boolean localXServerMissing(String display, String procNetUnix) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(":(\\d+)(\\.\\d+)?").matcher(display);
    if (!m.matches()) {
      return false;
    }
    String socket = "/tmp/.X11-unix/X" + m.group(1);
    for (String line : procNetUnix.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.endsWith(" " + socket) || trimmed.endsWith(" @" + socket)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSet(String name) {
    String v = System.getenv(name);
    return v != null && !v.isBlank();
  }
}
