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

  /**
   * The first thing that keeps the window from opening here, as one line; empty when none. In the
   * window's language: {@code kaboom.lang} (set by {@code bin/kaboom --lang}), else Korean on a
   * Korean system, else English.
   */
  public static Optional<String> problem() {
    return problem(language());
  }

  /** {@link #problem()} in {@code locale}'s words (the {@code startup.*} lines of the messages). */
  public static Optional<String> problem(Locale locale) {
    if (!canShowWindow()) {
      return Optional.of(say(locale, "startup.noDisplay"));
    }
    Optional<String> noServer = noLocalXServer(locale);
    if (noServer.isPresent()) {
      return noServer;
    }
    return AppPrefs.requestedName()
        .filter(name -> AppPrefs.problemWithName(name).isPresent())
        .map(name -> say(locale, "startup.settingsName", "KABOOM_SETTINGS", name));
  }

  /** One line for a display that is set but cannot be opened (JavaFX's own message inside). */
  public static String cannotOpen(Throwable e) {
    String display = System.getenv("DISPLAY");
    return say(
        language(),
        "startup.cannotOpen",
        e.getMessage() + (display == null ? "" : ", DISPLAY=" + display));
  }

  /** kaboom.lang's language if set (en or ko), else Korean on a Korean system, else English. */
  private static Locale language() {
    String lang = System.getProperty("kaboom.lang");
    if ("ko".equals(lang)) {
      return Locale.KOREAN;
    } else if ("en".equals(lang)) {
      return Locale.ENGLISH;
    }
    return dev.kaboom.scenario.ErrorText.koreanSystem() ? Locale.KOREAN : Locale.ENGLISH;
  }

  private static String say(Locale locale, String key, Object... args) {
    java.util.ResourceBundle b =
        java.util.ResourceBundle.getBundle(
            "dev.kaboom.ui.messages",
            locale,
            java.util.ResourceBundle.Control.getNoFallbackControl(
                java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
    return new java.text.MessageFormat(b.getString(key), locale).format(args);
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
  private static Optional<String> noLocalXServer(Locale locale) {
    if (isSet("WAYLAND_DISPLAY") || !isSet("DISPLAY")) {
      return Optional.empty();
    }
    String display = System.getenv("DISPLAY");
    try {
      String sockets = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/net/unix"));
      return localXServerMissing(display, sockets)
          ? Optional.of(
              say(
                  locale,
                  "startup.noXServer",
                  display,
                  "/tmp/.X11-unix/X" + display.substring(1).split("\\.")[0]))
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
