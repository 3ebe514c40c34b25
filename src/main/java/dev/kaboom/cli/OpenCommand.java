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

  /** The window's language (read before parsing too: {@link Main#askedFor}); null: the system's. */
  @Option(names = "--lang", paramLabel = "en|ko")
  String lang;

  @Override
  public Integer call() {
    if (Main.langProblem("open", lang).isPresent()) {
      System.err.println(Main.langProblem("open", lang).get());
      return 2;
    }
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
    java.util.Optional<String> problem =
        dev.kaboom.ui.Startup.problem(
            Main.errorLocale().equals(java.util.Locale.KOREAN)
                ? java.util.Locale.KOREAN
                : java.util.Locale.ENGLISH);
    if (problem.isPresent()) { // (said before kaboom.lang is set: it outlives this command)
      System.err.println(problem.get());
      return 1;
    }
    // bin/kaboom [--lang ko] open [--lang ko]: the window in that language too (as lesson --lang
    // does)
    Main.askedLanguage().ifPresent(l -> System.setProperty("kaboom.lang", l));
    String[] args = file == null ? new String[0] : new String[] {file.toString()};
    return KaboomApp.launchWindow(args);
  }
}
