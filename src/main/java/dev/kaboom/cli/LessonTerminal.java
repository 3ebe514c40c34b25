package dev.kaboom.cli;

import dev.kaboom.console.Console;
import dev.kaboom.lesson.Highlight;
import dev.kaboom.lesson.LessonConsole;
import dev.kaboom.lesson.LessonRun;
import dev.kaboom.lesson.Step;
import dev.kaboom.lesson.Text;
import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.IntConsumer;

/**
 * A lesson in the terminal: the step's text over an iex console. Lines of Elixir go to the console
 * and are seen by the lesson's checks; a line starting with {@code /} is a lesson command ({@code
 * /run}, {@code /hint}, {@code /next}...). When the step's check holds the terminal says so and
 * shows the next step.
 */
final class LessonTerminal {
  private final LessonRun run;
  private final Console console;
  private final LessonConsole lesson;
  private final PrintStream out;
  private final boolean colors;
  private final IntConsumer remember;
  private ResourceBundle words;
  private String language;
  private boolean quit;

  /**
   * {@code remember} hears the current step's index whenever it changes (progress is remembered).
   */
  LessonTerminal(
      LessonRun run,
      Console console,
      String language,
      PrintStream out,
      boolean colors,
      IntConsumer remember) {
    this.run = run;
    this.console = console;
    this.out = out;
    this.colors = colors;
    this.remember = remember;
    this.lesson = new LessonConsole(run, console, this::echo);
    setLanguage(language);
    console.listen(run::seeEvent);
  }

  private void setLanguage(String lang) {
    language = lang;
    words = ResourceBundle.getBundle("dev.kaboom.lesson.lesson", Locale.forLanguageTag(lang));
  }

  private String word(String key, Object... args) {
    return MessageFormat.format(words.getString(key), args);
  }

  private String text(Text t) {
    return t.in(language);
  }

  /** The lesson's title, where it resumes, the first step, its setup. */
  void begin() {
    out.println(colour("1", word("lesson.title", text(run.lesson().title()))));
    if (!run.lesson().summary().isEmpty()) {
      out.println(wrap(text(run.lesson().summary()), ""));
    }
    out.println(word("lesson.commands"));
    if (run.index() > 0) {
      out.println(word("lesson.resume", run.index() + 1));
    }
    out.println();
    out.println(Console.TERMINAL_BANNER);
    arrive();
  }

  boolean quit() {
    return quit;
  }

  /** One line of input: a lesson command, or Elixir for the console. */
  void line(String line) {
    if (line.strip().startsWith("/")) {
      command(line.strip());
      return;
    }
    typed(line);
    moveOnIfDone();
  }

  /** The console runs a line (typed or from the lesson); the run sees it. */
  private void typed(String line) {
    String answer = console.eval(line);
    out.print(answer);
    run.seeLine(line, answer, console.lastRaised());
  }

  private void echo(String line) {
    out.println(console.prompt() + line);
    typed(line);
  }

  private void moveOnIfDone() {
    if (!run.stepDone()) {
      return;
    }
    Step step = run.step();
    out.println(
        colour(
            "32",
            "✓ " + word("lesson.done") + (step.done().isEmpty() ? "" : ": " + text(step.done()))));
    if (run.advance()) {
      remember.accept(run.index());
      lesson.followWorld();
      showStep();
    } else if (run.finished()) {
      out.println(colour("1", word("lesson.finished")));
    }
  }

  private void arrive() {
    showStep();
    if (!run.step().setup().isEmpty()) {
      out.println(colour("2", word("lesson.setup")));
    }
    lesson.arrive();
  }

  private void command(String line) {
    String[] parts = line.substring(1).split("\\s+", 2);
    String arg = parts.length > 1 ? parts[1].strip() : "";
    switch (parts[0]) {
      case "run" -> {
        lesson.typeStepLines();
        moveOnIfDone();
      }
      case "hint" ->
          out.println(
              run.step().hint().isEmpty()
                  ? word("lesson.noHint")
                  : word("lesson.hint") + ": " + text(run.step().hint()));
      case "next" -> goTo(run.index() + 1);
      case "back" -> goTo(run.index() - 1);
      case "go" -> {
        try {
          goTo(Integer.parseInt(arg) - 1);
        } catch (NumberFormatException e) {
          out.println(word("lesson.badStep", arg, run.lesson().steps().size()));
        }
      }
      case "steps" -> {
        for (int i = 0; i < run.lesson().steps().size(); i++) {
          out.printf(
              "%s %d. %s%n",
              run.isDone(i) ? "✓" : (i == run.index() ? "▶" : " "),
              i + 1,
              text(run.lesson().steps().get(i).title()));
        }
      }
      case "step" -> showStep();
      case "lang" -> {
        if (arg.equals("en") || arg.equals("ko")) {
          setLanguage(arg);
          showStep();
        } else {
          out.println(word("lesson.badLang", arg));
        }
      }
      case "quit", "exit" -> quit = true;
      default -> out.println(word("lesson.unknownCommand", line, word("lesson.commands")));
    }
  }

  private void goTo(int i) {
    if (i < 0 || i >= run.lesson().steps().size()) {
      out.println(word("lesson.badStep", i + 1, run.lesson().steps().size()));
      return;
    }
    run.goTo(i);
    remember.accept(i);
    arrive();
  }

  /** The current step: title, narration, code, the lines to type, what to watch. */
  void showStep() {
    Step s = run.step();
    out.println();
    out.println(
        colour(
            "1;36",
            "── "
                + word("lesson.step", run.index() + 1, run.lesson().steps().size(), text(s.title()))
                + " ──"));
    out.println(wrap(text(s.say()), ""));
    if (!s.code().isEmpty()) {
      out.println();
      s.code().lines().forEach(l -> out.println(l.isBlank() ? "" : "    " + highlighted(l)));
    }
    if (!s.iex().isEmpty()) {
      out.println();
      out.println(word("lesson.try") + ":");
      s.iex().forEach(l -> out.println("    " + colour("1", l)));
    }
    if (!s.watch().isEmpty()) {
      out.println(wrap(word("lesson.watch") + ": " + text(s.watch()), ""));
    }
    if (run.partCount() > 1 && run.partsHeld() > 0) {
      out.println(word("lesson.parts", run.partsHeld(), run.partCount()));
    }
    out.println();
  }

  private String highlighted(String code) {
    if (!colors) {
      return code;
    }
    StringBuilder sb = new StringBuilder();
    for (Highlight.Run r : Highlight.runs(code)) {
      String part = code.substring(r.start(), r.end());
      String sgr =
          switch (r.kind()) {
            case COMMENT -> "2";
            case STRING -> "32";
            case KEYWORD -> "35";
            case MODULE -> "36";
            case ATOM, ATTRIBUTE -> "34";
            case NUMBER -> "33";
            default -> null;
          };
      sb.append(sgr == null ? part : colour(sgr, part));
    }
    return sb.toString();
  }

  private String colour(String sgr, String s) {
    return colors ? "\u001b[" + sgr + "m" + s + "\u001b[0m" : s;
  }

  /** Wraps at 80 columns (Korean counts its wide characters twice). */
  static String wrap(String text, String indent) {
    StringBuilder sb = new StringBuilder();
    for (String para : text.split("\n")) {
      int col = 0;
      StringBuilder line = new StringBuilder(indent);
      for (String word : para.split(" ")) {
        int w = width(word);
        if (col > 0 && col + 1 + w > 80 - indent.length()) {
          sb.append(line).append('\n');
          line = new StringBuilder(indent);
          col = 0;
        }
        if (col > 0) {
          line.append(' ');
          col++;
        }
        line.append(word);
        col += w;
      }
      sb.append(line).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  private static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      w += (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xD7A3) || c >= 0xFF00 ? 2 : 1;
    }
    return w;
  }
}
