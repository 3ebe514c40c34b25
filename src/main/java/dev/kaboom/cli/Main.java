package dev.kaboom.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;

/** {@code bin/kaboom}: the command-line entry point and its subcommands. */
@Command(
    name = "kaboom",
    mixinStandardHelpOptions = true,
    version = "kaboom 0.1.0",
    resourceBundle = Main.HELP,
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
  /**
   * The usage help's bundle ({@code dev/kaboom/cli/help*.properties}, English and Korean): every
   * command's description and every option's line, keyed as picocli looks them up.
   */
  static final String HELP = "dev.kaboom.cli.help";

  /**
   * The language of the help, the error lines and the window (read before parsing: {@link #asked}).
   */
  @Option(names = "--lang", paramLabel = "en|ko")
  String lang;

  /** The language this run's {@code --lang en|ko} asked for (wherever it stands), else null. */
  private static volatile Locale asked;

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
    // stdout as Java makes it (a PrintStream over a 128-byte buffer, flushed at each line), but
    // remembering why a write failed (a full disk: > /dev/full), which the PrintStream swallows
    String encoding = System.getProperty("sun.stdout.encoding");
    // (UTF-8 where the C library fell back to ASCII, as for stderr: lesson --list's Korean titles)
    java.nio.charset.Charset outCharset =
        encoding != null && java.nio.charset.Charset.isSupported(encoding)
            ? java.nio.charset.Charset.forName(encoding)
            : errCharset();
    stdout = new WriteWatch(new java.io.FileOutputStream(java.io.FileDescriptor.out));
    System.setOut(
        new java.io.PrintStream(new java.io.BufferedOutputStream(stdout, 128), true, outCharset));
    System.exit(execute(args));
  }

  /** The standard output's stream, when {@link #main} made it (else null: a test's). */
  static volatile WriteWatch stdout;

  /** An output stream that remembers the first write that failed. */
  static final class WriteWatch extends java.io.FilterOutputStream {
    volatile java.io.IOException failed;

    WriteWatch(java.io.OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      try {
        out.write(b, off, len);
      } catch (java.io.IOException e) {
        if (failed == null) {
          failed = e;
        }
        throw e;
      }
    }

    @Override
    public void write(int b) throws java.io.IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
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
    Locale before = asked;
    asked = askedFor(args);
    try {
      return run(args);
    } finally {
      asked = before;
    }
  }

  private static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    // the help in the language of the error lines (picocli's own i18n: the bundle replaces the
    // annotations' texts for every command, headings included)
    cl.setResourceBundle(
        ResourceBundle.getBundle(
            HELP,
            errorLocale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    // Help is wrapped to the terminal's width, and has no colours when it is not a terminal or
    // NO_COLOR is set (https://no-color.org); both settings reach every subcommand.
    cl.setUsageHelpAutoWidth(true);
    cl.setColorScheme(Help.defaultColorScheme(colorsWanted() ? Help.Ansi.AUTO : Help.Ansi.OFF));
    // picocli's error writer in the charset main() gave stderr (UTF-8 where the C library fell
    // back to ASCII), so a Korean usage error is not a row of '?'
    cl.setErr(
        new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, errCharset()), true));
    converters(cl);
    cl.setParameterExceptionHandler(Main::badArguments);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("kaboom: " + ex);
          return 1;
        });
    int status = cl.execute(args);
    return System.out.checkError() ? outputFailed(cl, status) : status;
  }

  /**
   * The standard output could not be written (a full disk, a closed device; picocli's help and the
   * commands' writers go through {@link System#out}, whose {@link java.io.PrintStream#checkError}
   * says so): one line on stderr naming the command and why, and status 1 (or the command's own
   * failure). A reader that stopped reading ({@code | head}) is no failure: nothing is said.
   */
  private static int outputFailed(CommandLine cl, int status) {
    WriteWatch watch = stdout;
    java.io.IOException why = watch == null ? null : watch.failed;
    String system = why == null || why.getMessage() == null ? "" : why.getMessage();
    if (system.contains("Broken pipe")) {
      return status;
    }
    CommandLine.ParseResult parsed = cl.getParseResult();
    while (parsed != null && parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    String name = parsed == null ? "kaboom" : parsed.commandSpec().qualifiedName();
    Object reason =
        why == null
            ? CliText.say("stdout.unknown")
            : dev.kaboom.scenario.ErrorText.unwritableReason(why);
    System.err.println(CliText.say("line", name, CliText.say("stdout.failed", reason)));
    return status == 0 ? 1 : status;
  }

  /**
   * Whole numbers and file names as a learner types them: a number too big for its option is "out
   * of range" (not "not a whole number"), an empty file name ({@code --record ""}) is said to be
   * empty (not "a directory", which {@code Path.of("")} is).
   */
  private static void converters(CommandLine cl) {
    cl.registerConverter(Integer.class, s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
    cl.registerConverter(int.class, s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
    cl.registerConverter(Long.class, s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE));
    cl.registerConverter(long.class, s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE));
    cl.registerConverter(java.nio.file.Path.class, Main::path);
  }

  /**
   * {@code text} as a whole number in {@code min..max}; else a {@link
   * CommandLine.TypeConversionException} in picocli's words, which {@link CliText#picocli} says
   * again in the user's language.
   */
  static long whole(String text, long min, long max) {
    String t = text.strip();
    if (!t.matches("[-+]?[0-9]+")) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
    }
    java.math.BigInteger v = new java.math.BigInteger(t);
    if (v.compareTo(java.math.BigInteger.valueOf(min)) < 0
        || v.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is out of range (" + min + ".." + max + ")");
    }
    return v.longValue();
  }

  /** {@code text} as a file's path; an empty name or one the system cannot use is refused. */
  static java.nio.file.Path path(String text) {
    if (text.isBlank()) {
      throw new CommandLine.TypeConversionException("'" + text + "' is an empty file name");
    }
    try {
      return java.nio.file.Path.of(text);
    } catch (java.nio.file.InvalidPathException e) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not a file name (" + e.getReason() + ")");
    }
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
    if (langProblem("", lang).isPresent()) {
      System.err.println(langProblem("", lang).get());
      return 2;
    }
    return new OpenCommand().call(); // (which says why when there is no display)
  }

  /**
   * The language of a file's error line on stderr: Korean on a Korean system ({@code LANG=ko_KR...}
   * or {@code -Duser.language=ko}), else English ({@link Locale#ROOT}, the errors bundle's base).
   */
  static Locale errorLocale() {
    Locale a = asked;
    if (a != null) {
      return a;
    }
    return dev.kaboom.scenario.ErrorText.koreanSystem() ? Locale.KOREAN : Locale.ROOT;
  }

  /**
   * The language {@code args} ask for: the value of the first {@code --lang} (or {@code
   * --lang=...}) before a {@code --}, when it is en ({@link Locale#ROOT}) or ko; else null (the
   * system's). Read before picocli parses, so that the help, and a usage error, of any command
   * follow a {@code --lang} given to it.
   */
  static Locale askedFor(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String value = null;
      if (args[i].equals("--")) {
        break;
      } else if (args[i].equals("--lang") && i + 1 < args.length) {
        value = args[i + 1];
      } else if (args[i].startsWith("--lang=")) {
        value = args[i].substring("--lang=".length());
      }
      if (value != null) {
        return value.equals("ko") ? Locale.KOREAN : value.equals("en") ? Locale.ROOT : null;
      }
    }
    return null;
  }

  /** en or ko when this run's {@code --lang} asked for it (the window then opens in it). */
  static Optional<String> askedLanguage() {
    Locale a = asked;
    return a == null ? Optional.empty() : Optional.of(a.equals(Locale.KOREAN) ? "ko" : "en");
  }

  /** {@code lang} (en or ko) if given, else the command line's language ({@link #errorLocale}). */
  static String language(String lang) {
    if (lang != null) {
      return lang;
    }
    return errorLocale().equals(Locale.KOREAN) ? "ko" : "en";
  }

  /** The one-line error for a {@code --lang} other than en or ko, for {@code command}. */
  static Optional<String> langProblem(String command, String lang) {
    return lang == null || lang.equals("en") || lang.equals("ko")
        ? Optional.empty()
        : Optional.of(
            CliText.say(
                "line",
                command.isEmpty() ? "kaboom" : "kaboom " + command,
                CliText.say("lang.expected", lang)));
  }

  /** False when the NO_COLOR environment variable is set to anything but the empty string. */
  static boolean colorsWanted() {
    String noColor = System.getenv("NO_COLOR");
    return noColor == null || noColor.isEmpty();
  }
}
