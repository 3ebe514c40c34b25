package dev.kaboom.cli;

import dev.kaboom.run.Run;
import dev.kaboom.run.RunCursor;
import dev.kaboom.run.RunFile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --at N} of {@code open} and {@code snapshot}: the moment of a run after its first N trace
 * lines (as {@code replay --at N} counts them). Checks the file and N before any window or picture
 * is made: each problem is one line on stderr, and the command exits with status 2.
 */
final class RunAt {
  private RunAt() {}

  /** A run and a moment of it: after its first {@code n} trace lines. */
  record At(Run run, long n) {}

  /**
   * The run in {@code file} and N if {@code at} (as typed) fits it; empty after one line on stderr
   * ({@code kaboom COMMAND: ...}) when N is not a whole number, the file is no run or is damaged,
   * or N is outside 0..lines (however many digits it has).
   */
  static Optional<At> check(String command, Path file, String at) {
    java.math.BigInteger n = position(at);
    if (n == null) {
      CliText.error(command, "at.notWhole", at);
      return Optional.empty();
    }
    // a file that cannot be read, or is empty, is said so (not "a scenario, not a run file")
    dev.kaboom.scenario.ErrorText.Msg why = null;
    try {
      if (dev.kaboom.scenario.ErrorText.readText(file).isBlank()) {
        why = dev.kaboom.scenario.ErrorText.msg("file.empty");
      }
    } catch (java.io.IOException e) {
      why = dev.kaboom.scenario.ErrorText.unreadable(e);
    }
    if (why != null) {
      System.err.println(CliText.say("line", "kaboom " + command, CliText.say("line", file, why)));
      return Optional.empty();
    }
    if (!RunFile.isRun(file)) {
      CliText.error(command, "at.notRun", at, file);
      return Optional.empty();
    }
    var result = RunFile.read(file);
    if (result instanceof RunFile.Result.Damaged d) {
      System.err.println("kaboom " + command + ": " + d.message(Main.errorLocale()));
      return Optional.empty();
    }
    Run run = ((RunFile.Result.Loaded) result).run();
    long total = new RunCursor(run).totalLines();
    if (!fits(n, total)) {
      System.err.println(outOfRange(command, at, file, total));
      return Optional.empty();
    }
    return Optional.of(new At(run, n.longValue()));
  }

  /** {@code at} (an N of {@code --at}, as typed) as a number, or null when it is not whole. */
  static java.math.BigInteger position(String at) {
    String t = at.strip();
    return t.matches("[-+]?[0-9]+") ? new java.math.BigInteger(t) : null;
  }

  /** True when {@code n} is in 0..{@code total}. */
  static boolean fits(java.math.BigInteger n, long total) {
    return n.signum() >= 0 && n.compareTo(java.math.BigInteger.valueOf(total)) <= 0;
  }

  /** The line for an {@code --at N} outside 0..{@code total} (open, snapshot and replay). */
  static String outOfRange(String command, String at, Path file, long total) {
    return CliText.say("line", "kaboom " + command, CliText.say("at.outOfRange", at, file, total));
  }
}
