package dev.kaboom.cli;

import dev.kaboom.ui.Startup;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;

/** {@code bin/kaboom}: the command-line entry point and its subcommands. */
@Command(
    name = "kaboom",
    mixinStandardHelpOptions = true,
    version = "kaboom 0.1.0",
    description =
        "A simulator that shows OTP supervisors at work. Without a subcommand it opens the window"
            + " on the last scenario you opened, else on the Servy tree.",
    subcommands = {
      TraceCommand.class,
      ReplayCommand.class,
      ExportCommand.class,
      BenchCommand.class,
      OpenCommand.class,
      SnapshotCommand.class,
      ConsoleCommand.class,
      LessonCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    if (!errCharset().equals(java.nio.charset.Charset.defaultCharset())) {
      // the C library fell back to ASCII (a locale it lacks): the error lines are UTF-8, as the
      // traces and the console's output are, so a Korean line is not a row of '?'
      System.setErr(
          new java.io.PrintStream(
              new java.io.FileOutputStream(java.io.FileDescriptor.err),
              true,
              java.nio.charset.StandardCharsets.UTF_8));
    }
    System.exit(execute(args));
  }

  /**
   * The charset of the error lines: the system's, except UTF-8 where the C library fell back to
   * ASCII (a locale it lacks), as the traces and the console's output are UTF-8.
   */
  static java.nio.charset.Charset errCharset() {
    java.nio.charset.Charset system = java.nio.charset.Charset.defaultCharset();
    return system.equals(java.nio.charset.StandardCharsets.US_ASCII)
        ? java.nio.charset.StandardCharsets.UTF_8
        : system;
  }

  /** Runs the CLI and returns its exit status (0 ok, 1 failure, 2 bad input or usage). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    // Help is wrapped to the terminal's width, and has no colours when it is not a terminal or
    // NO_COLOR is set (https://no-color.org); both settings reach every subcommand.
    cl.setUsageHelpAutoWidth(true);
    cl.setColorScheme(Help.defaultColorScheme(colorsWanted() ? Help.Ansi.AUTO : Help.Ansi.OFF));
    // picocli's error writer in the charset main() gave stderr (UTF-8 where the C library fell
    // back to ASCII), so a Korean usage error is not a row of '?'
    cl.setErr(
        new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, errCharset()), true));
    cl.setParameterExceptionHandler(Main::badArguments);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("kaboom: " + ex);
          return 1;
        });
    return cl.execute(args);
  }

  /**
   * A bad option or argument, on any command: one line on stderr saying what and where (picocli's
   * message, with its "did you mean" for a misspelt option) and which help to read; status 2. The
   * usage is not printed: the help command names it.
   */
  static int badArguments(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    // picocli names Java's types ("'abc' is not an int"): a learner reads "a whole number"
    String message =
        ex.getMessage()
            .strip()
            .replaceAll("is not an? (int|long|short|byte|Integer|Long)\\b", "is not a whole number")
            .replaceAll("is not an? (double|float|Double|Float)\\b", "is not a number");
    Locale locale = errorLocale();
    message = CliText.picocli(locale, message);
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> suggestions = u.getSuggestions();
      if (!suggestions.isEmpty()) {
        String either = suggestions.get(0);
        for (String s : suggestions.subList(1, suggestions.size())) {
          either = CliText.say(locale, "or", either, s);
        }
        message = CliText.say(locale, "didYouMean", message, either);
      }
    }
    String launcher =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")
            ? "bin\\kaboom.cmd"
            : "bin/kaboom";
    String help = launcher + name.substring("kaboom".length()) + " --help";
    cmd.getErr().println(CliText.say(locale, "seeHelp", name, message, help));
    return 2;
  }

  /**
   * No subcommand: open the window when there is a display, else say why not in one line (which
   * names what to do) and return 1.
   */
  @Override
  public Integer call() {
    Optional<String> problem = Startup.problem();
    if (problem.isEmpty()) {
      return new OpenCommand().call();
    }
    System.err.println(problem.get());
    return 1;
  }

  /**
   * The language of a file's error line on stderr: Korean on a Korean system ({@code LANG=ko_KR...}
   * or {@code -Duser.language=ko}), else English ({@link Locale#ROOT}, the errors bundle's base).
   */
  static Locale errorLocale() {
    return dev.kaboom.scenario.ErrorText.koreanSystem() ? Locale.KOREAN : Locale.ROOT;
  }

  /** False when the NO_COLOR environment variable is set to anything but the empty string. */
  static boolean colorsWanted() {
    String noColor = System.getenv("NO_COLOR");
    return noColor == null || noColor.isEmpty();
  }
}
