package dev.kaboom.cli;

import dev.kaboom.ui.KaboomApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kaboom open [FILE]}: opens the window (on FILE, else the last scenario, else Servy). */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = {
      "Opens the window on a scenario or a run (default: the last one opened, else Servy).",
      "With a run file and --at N: the moment after its first N trace lines, looking back.",
      "Without a display it says so in one line and exits with status 1. KABOOM_SETTINGS=NAME"
          + " keeps this copy's settings (font size, theme, layout) apart from other copies'."
    })
public final class OpenCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "a scenario file, or a run file (bin/kaboom trace FILE --record RUN)")
  Path file;

  @Option(
      names = "--at",
      paramLabel = "N",
      description =
          "with a run file: show the moment after its first N trace lines (as replay --at N"
              + " counts them), paused, on the timeline; N out of range: one line, exit 2")
  Long at;

  @Override
  public Integer call() {
    if (at != null) {
      if (file == null) {
        CliText.error("open", "at.needsRun", at);
        return 2;
      }
      if (RunAt.check("open", file, at).isEmpty()) {
        return 2;
      }
      System.setProperty(dev.kaboom.ui.KaboomApp.AT_PROPERTY, Long.toString(at));
    }
    String[] args = file == null ? new String[0] : new String[] {file.toString()};
    return KaboomApp.launchWindow(args);
  }
}
