package dev.kaboom.cli;

import dev.kaboom.ui.KaboomApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kaboom open [FILE]}: opens the window (on FILE, else the last scenario, else Servy). */
@Command(name = "open", mixinStandardHelpOptions = true)
public final class OpenCommand implements Callable<Integer> {
  @Parameters(descriptionKey = "file", index = "0", arity = "0..1", paramLabel = "FILE")
  Path file;

  @Option(names = "--at", paramLabel = "N")
  String at;

  @Override
  public Integer call() {
    if (at != null) {
      if (file == null) {
        CliText.error("open", "at.needsRun", at);
        return 2;
      }
      var checked = RunAt.check("open", file, at);
      if (checked.isEmpty()) {
        return 2;
      }
      System.setProperty(dev.kaboom.ui.KaboomApp.AT_PROPERTY, Long.toString(checked.get().n()));
    }
    // bin/kaboom --lang ko [open]: the window in that language too (as lesson --lang does)
    Main.askedLanguage().ifPresent(l -> System.setProperty("kaboom.lang", l));
    String[] args = file == null ? new String[0] : new String[] {file.toString()};
    return KaboomApp.launchWindow(args);
  }
}
