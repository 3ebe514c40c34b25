package dev.kaboom.cli;

import dev.kaboom.console.Console;
import dev.kaboom.lesson.Lesson;
import dev.kaboom.lesson.LessonLoader;
import dev.kaboom.lesson.LessonRun;
import dev.kaboom.ui.settings.AppPrefs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kaboom lesson [NAME|FILE] [--lang ko] [--terminal]}: a guided lesson over the iex console,
 * in the window (the lesson pane beside the tree) or in the terminal.
 */
@Command(name = "lesson", mixinStandardHelpOptions = true)
public final class LessonCommand implements Callable<Integer> {
  @Parameters(descriptionKey = "name", index = "0", arity = "0..1", paramLabel = "NAME|FILE")
  String name = "servy-supervisor";

  @Option(names = "--lang", paramLabel = "en|ko")
  String lang;

  @Option(names = "--script", paramLabel = "FILE")
  Path script;

  @Option(names = "--list")
  boolean list;

  @Option(names = "--restart")
  boolean restart;

  @Option(names = "--terminal")
  boolean terminal;

  @Override
  public Integer call() throws IOException {
    if (list) {
      for (String n : LessonLoader.bundled()) {
        if (LessonLoader.load(n) instanceof LessonLoader.Result.Loaded l) {
          System.out.println(n + "  " + l.lesson().title().in(language()));
        }
      }
      return 0;
    }
    String language = language();
    if (!language.equals("en") && !language.equals("ko")) {
      CliText.error("lesson", "lang.expected", language);
      return 2;
    }
    LessonLoader.Result result = LessonLoader.load(name);
    if (result instanceof LessonLoader.Result.Failed f) {
      System.err.println("kaboom lesson: " + f.error().toString(Locale.forLanguageTag(language)));
      return 2;
    }
    Lesson lesson = ((LessonLoader.Result.Loaded) result).lesson();
    AppPrefs prefs = AppPrefs.forThisCopy();
    String key = "lesson." + lesson.name();
    if (restart) {
      prefs.put(key, "0");
    }
    boolean piped = System.console() == null && hasPipedInput();
    if (!terminal && script == null && !piped && dev.kaboom.ui.Startup.problem().isEmpty()) {
      if (lang != null) {
        System.setProperty("kaboom.lang", language);
      }
      return dev.kaboom.ui.KaboomApp.launchWindow(new String[] {"--lesson=" + name});
    }
    BufferedReader scripted = null;
    if (script != null) {
      String text = CliText.readScript("lesson", script);
      if (text == null) {
        return 2;
      }
      scripted = new BufferedReader(new StringReader(text));
    } else if (System.console() == null) {
      scripted = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    int start = (int) prefs.getDouble(key, 0);
    if (start >= lesson.steps().size()) {
      start = 0;
    }
    LessonRun run = new LessonRun(lesson, start);
    String world = lesson.worldAt(run.index());
    Console console = new Console(lesson.worlds().get(world), false);
    if (scripted != null) {
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      LessonTerminal t =
          new LessonTerminal(run, console, language, out, false, i -> prefs.put(key, "" + i));
      t.begin();
      String line;
      while (!t.quit()) {
        out.print(console.prompt());
        line = scripted.readLine();
        if (line == null) {
          out.println();
          break;
        }
        out.println(line);
        t.line(line);
      }
      return 0;
    }
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader = ConsoleCommand.reader(terminal, console);
      PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
      LessonTerminal t =
          new LessonTerminal(
              run, console, language, out, Main.colorsWanted(), i -> prefs.put(key, "" + i));
      t.begin();
      long last = System.nanoTime();
      while (!t.quit()) {
        String line;
        try {
          line = reader.readLine(console.prompt());
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          out.println();
          break;
        }
        long now = System.nanoTime();
        console.advanceTime((now - last) / 1_000_000);
        t.line(line);
        last = System.nanoTime();
      }
    }
    return 0;
  }

  private String language() {
    return Main.language(lang);
  }

  /**
   * Whether standard input brings lines to play (a pipe or a file with something in it already),
   * not a terminal, nor an empty or null input such as a desktop launcher's {@code /dev/null}: then
   * the lesson opens its window when it can, as from a terminal.
   */
  static boolean hasPipedInput() {
    try {
      return System.in.available() > 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
