package dev.kaboom.cli;

import dev.kaboom.scenario.ErrorText;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's error lines in the user's language, from the bundle {@code
 * dev/kaboom/cli/cli*.properties} (English and Korean): Korean on a Korean system ({@link
 * Main#errorLocale()}), else English. picocli words its parse errors in English only; {@link
 * #picocli} recognises each of its messages and says it again from the bundle.
 */
final class CliText {
  private static final String BUNDLE = "dev.kaboom.cli.cli";

  private CliText() {}

  /**
   * The bundle's {@code key} with {@code args} in the error language; an argument that is an {@link
   * ErrorText.Msg} is said in the same language, anything else as {@link String#valueOf} (so a line
   * number is never grouped as "1,234").
   */
  static String say(String key, Object... args) {
    return say(Main.errorLocale(), key, args);
  }

  /** {@link #say(String, Object...)} in {@code locale} ({@link Locale#ROOT}: English). */
  static String say(Locale locale, String key, Object... args) {
    ResourceBundle b =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Object[] said = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      said[i] = args[i] instanceof ErrorText.Msg m ? m.in(locale) : String.valueOf(args[i]);
    }
    return new MessageFormat(b.getString(key), locale).format(said);
  }

  /**
   * The text of {@code command}'s {@code --script} file ({@link ErrorText#readText}); null after
   * one line on stderr saying why it cannot be read (missing, a directory, not UTF-8...).
   */
  static String readScript(String command, java.nio.file.Path script) {
    try {
      return ErrorText.readText(script);
    } catch (java.io.IOException e) {
      error(command, "script.unreadable", script, ErrorText.unreadable(e));
      return null;
    }
  }

  /**
   * A step that ran away ({@link dev.kaboom.engine.RunawayException}): which bound, and the
   * processes involved, in the error language.
   */
  static String runaway(dev.kaboom.engine.RunawayException e) {
    var ev = e.event();
    if (ev == null) {
      return e.getMessage();
    }
    String involved =
        ev.pids().isEmpty()
            ? say("runaway.timersOnly")
            : dev.kaboom.engine.RunawayException.involved(ev.pids(), ev.labels());
    return say(
        ev.kind() == dev.kaboom.engine.RunawayException.Kind.TURNS
            ? "runaway.turns"
            : "runaway.time",
        ev.limit(),
        involved);
  }

  /** Prints {@code kaboom COMMAND: <the bundle's key with args>} on stderr. */
  static void error(String command, String key, Object... args) {
    System.err.println(say("line", "kaboom " + command, say(key, args)));
  }

  /** picocli's English messages and the bundle key that says each again (first match wins). */
  private static final List<Object[]> PICOCLI =
      List.of(
          new Object[] {Pattern.compile("Missing required parameter: (.+)"), "missingParameter"},
          new Object[] {Pattern.compile("Missing required parameters: (.+)"), "missingParameters"},
          new Object[] {
            Pattern.compile("Missing required parameter for option (.+) \\((.+)\\)"),
            "missingOptionValue"
          },
          new Object[] {Pattern.compile("Missing required option: (.+)"), "missingOption"},
          new Object[] {Pattern.compile("Missing required options: (.+)"), "missingOptions"},
          new Object[] {
            Pattern.compile("Invalid value for option (.+?): (.+) is not a whole number"),
            "notWhole"
          },
          new Object[] {
            Pattern.compile("Invalid value for option (.+?): (.+) is not a number"), "notNumber"
          },
          new Object[] {
            Pattern.compile("Invalid value for option (.+?): expected one of (.+) but was (.+)"),
            "notOneOf"
          },
          new Object[] {
            Pattern.compile("Invalid value for option (.+?): (.+) is out of range \\((.+)\\)"),
            "outOfRange"
          },
          new Object[] {
            Pattern.compile("Invalid value for option (.+?): (.+) is an empty file name"),
            "emptyName"
          },
          new Object[] {
            Pattern.compile("Invalid value for option (.+?): (.+) is not a file name \\((.+)\\)"),
            "badName"
          },
          new Object[] {
            Pattern.compile(
                "Invalid value for positional parameter at index (\\d+) \\((.+?)\\): (.+) is an"
                    + " empty file name"),
            "emptyNameAt"
          },
          new Object[] {
            Pattern.compile(
                "Invalid value for positional parameter at index (\\d+) \\((.+?)\\): (.+) is not a"
                    + " file name \\((.+)\\)"),
            "badNameAt"
          },
          new Object[] {Pattern.compile("Invalid value for option (.+?): (.+)"), "invalidValue"},
          new Object[] {Pattern.compile("Unknown option: (.+)"), "unknownOption"},
          new Object[] {Pattern.compile("Unknown subcommand '(.+)'\\."), "unknownSubcommand"},
          new Object[] {Pattern.compile("Unknown options: (.+)"), "unknownOptions"},
          new Object[] {Pattern.compile("Unmatched argument at index (\\d+): (.+)"), "unmatchedAt"},
          new Object[] {
            Pattern.compile("Unmatched arguments from index (\\d+): (.+)"), "unmatchedFrom"
          },
          new Object[] {
            Pattern.compile("option (.+) \\((.+)\\) should be specified only once"), "onlyOnce"
          },
          new Object[] {
            Pattern.compile("Expected parameter for option (.+) but found (.+)"),
            "expectedParameter"
          });

  /**
   * picocli's English {@code message} (with Java's type names already said as "a whole number" or
   * "a number") in {@code locale}'s words; a message it does not know stays English.
   */
  static String picocli(Locale locale, String message) {
    for (Object[] p : PICOCLI) {
      Matcher m = ((Pattern) p[0]).matcher(message);
      if (m.matches()) {
        Object[] groups = new Object[m.groupCount()];
        for (int i = 0; i < groups.length; i++) {
          groups[i] = m.group(i + 1);
        }
        return say(locale, "picocli." + p[1], groups);
      }
    }
    return message;
  }

  /**
   * False, after one line on stderr ({@code kaboom COMMAND: cannot write OUT: why}), when {@code
   * out} cannot be written: its folder is missing, or it is a directory. Said before any work, so a
   * long trace or a picture is not made for nothing.
   */
  static boolean writable(String command, java.nio.file.Path out) {
    java.nio.file.Path parent = out.toAbsolutePath().getParent();
    java.io.IOException e =
        java.nio.file.Files.isDirectory(out)
            ? new java.nio.file.FileSystemException(out.toString() + ": Is a directory")
            : parent != null && !java.nio.file.Files.isDirectory(parent)
                ? new java.nio.file.NoSuchFileException(out.toString())
                : null;
    if (e == null) {
      return true;
    }
    error(command, "write.failed", out, dev.kaboom.scenario.ErrorText.unwritableReason(e));
    return false;
  }
}
