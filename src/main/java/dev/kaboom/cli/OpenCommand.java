package dev.kaboom.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kaboom open [FILE]}: opens the window (on FILE, else the last scenario, else Servy). */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = "Opens the window on a scenario (default: the last one opened, else Servy).")
public final class OpenCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a scenario file")
  Path file;

  @Override
  public Integer call() {
    if (!canShowWindow()) {
      System.err.println(
          "kaboom open: there is no display to show the window on (DISPLAY is not set)."
              + " Run it on a desktop or under xvfb-run; `bin/kaboom snapshot FILE OUT.png`"
              + " draws the tree without one.");
      return 1;
    }
    String[] args = file == null ? new String[0] : new String[] {file.toString()};
    javafx.application.Application.launch(dev.kaboom.ui.KaboomApp.class, args);
    return 0;
  }

  /** Whether a window can be shown here (a display on Linux; always elsewhere). */
  static boolean canShowWindow() {
    if (Boolean.getBoolean("java.awt.headless")) {
      return false;
    }
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return true;
    }
    return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
  }
}
