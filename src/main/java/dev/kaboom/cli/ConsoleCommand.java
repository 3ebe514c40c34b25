package dev.kaboom.cli;

import dev.kaboom.console.Console;
import dev.kaboom.scenario.ScenarioLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kaboom console [FILE] [--script FILE] [--events]}: an iex on the engine. */
@Command(name = "console", mixinStandardHelpOptions = true)
public final class ConsoleCommand implements Callable<Integer> {
  @Parameters(descriptionKey = "file", index = "0", arity = "0..1", paramLabel = "FILE")
  Path file;

  @Option(names = "--script", paramLabel = "FILE")
  Path script;

  @Option(names = "--events")
  boolean events;

  @Override
  public Integer call() throws Exception {
    if (file != null && dev.kaboom.run.RunFile.isRun(file)) {
      CliText.error("console", "console.runFile", file);
      return 2;
    }
    ScenarioLoader.Result result =
        file != null
            ? ScenarioLoader.load(file)
            : ScenarioLoader.parse(
                "servy-course.json",
                new String(
                    ConsoleCommand.class
                        .getResourceAsStream("/scenarios/servy-course.json")
                        .readAllBytes(),
                    StandardCharsets.UTF_8));
    if (result instanceof ScenarioLoader.Result.Failed f) {
      System.err.println("kaboom console: " + f.error().toString(Main.errorLocale()));
      return 2;
    }
    Console console = new Console(((ScenarioLoader.Result.Loaded) result).scenario(), events);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (script != null) {
      String text = CliText.readScript("console", script);
      if (text == null) {
        return 2;
      }
      console.run(new BufferedReader(new StringReader(text)), out, true);
      return 0;
    }
    if (System.console() == null) {
      console.run(
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out, true);
      return 0;
    }
    interactive(console);
    return 0;
  }

  /** A JLine reader for {@code console}: line editing, history, Tab completion. */
  static LineReader reader(Terminal terminal, Console console) {
    return LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("kaboom")
        .completer(
            (reader, line, candidates) -> {
              // JLine replaces its whole word (split at spaces); the console completes the
              // Elixir word at its end (after a bracket, a comma)
              String before = line.line().substring(0, line.cursor());
              String jlineWord = line.word().substring(0, line.wordCursor());
              String elixirWord = Console.wordAtEnd(jlineWord);
              String kept = jlineWord.substring(0, jlineWord.length() - elixirWord.length());
              for (String c : console.completions(before)) {
                candidates.add(
                    new org.jline.reader.Candidate(
                        kept + c, c, null, null, null, null, !c.endsWith(".")));
              }
            })
        .build();
  }

  /**
   * iex's BREAK menu after Ctrl+C ({@link BreakMenu}): reads choices until one goes back to the
   * prompt (true) or quits (false: {@code a}, a second Ctrl+C, end of input).
   */
  static boolean breakMenu(LineReader reader, PrintStream out) {
    out.print("^C\n" + BreakMenu.MENU);
    while (true) {
      String choice;
      Object history = reader.getVariable(LineReader.DISABLE_HISTORY);
      reader.setVariable(LineReader.DISABLE_HISTORY, true); // a choice is not a line of Elixir
      try {
        choice = reader.readLine("");
      } catch (UserInterruptException | EndOfFileException e) {
        choice = null;
      } finally {
        reader.setVariable(LineReader.DISABLE_HISTORY, history == null ? false : history);
      }
      BreakMenu.Answer answer = BreakMenu.answer(choice);
      out.print(answer.text());
      if (answer.next() != BreakMenu.Next.ASK_AGAIN) {
        return answer.next() == BreakMenu.Next.CONTINUE;
      }
    }
  }

  /** JLine: line editing and history; virtual time follows the wall clock between lines. */
  private static void interactive(Console console) throws Exception {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader = reader(terminal, console);
      PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
      out.println(Console.TERMINAL_BANNER);
      long last = System.nanoTime();
      while (true) {
        String line;
        try {
          line = reader.readLine(console.prompt());
        } catch (UserInterruptException e) {
          // Ctrl+C: iex's BREAK menu (the line being typed is dropped, as in iex)
          if (!breakMenu(reader, out)) {
            return;
          }
          continue;
        } catch (EndOfFileException e) {
          out.println();
          return;
        }
        long now = System.nanoTime();
        console.advanceTime((now - last) / 1_000_000);
        out.print(console.eval(line));
        last = System.nanoTime();
      }
    }
  }
}
