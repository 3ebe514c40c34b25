package dev.kaboom.cli;

import dev.kaboom.ui.KaboomApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kaboom open [FILE]}: opens the window (on FILE, else the last scenario, else Servy). */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = {
      "Opens the window on a scenario (default: the last one opened, else Servy).",
      "Without a display it says so in one line and exits with status 1. KABOOM_SETTINGS=NAME"
          + " keeps this copy's settings (font size, theme, layout) apart from other copies'."
    })
public final class OpenCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a scenario file")
  Path file;

  @Override
  public Integer call() {
    String[] args = file == null ? new String[0] : new String[] {file.toString()};
    return KaboomApp.launchWindow(args);
  }
}
