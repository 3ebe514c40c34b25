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

  /**
   * The run in {@code file} if {@code at} fits it; empty after one line on stderr ({@code kaboom
   * COMMAND: ...}) when the file is no run, is damaged, or N is outside 0..lines.
   */
  static Optional<Run> check(String command, Path file, long at) {
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
    if (at < 0 || at > total) {
      System.err.println(outOfRange(command, at, file, total));
      return Optional.empty();
    }
    return Optional.of(run);
  }

  /** The line for an {@code --at N} outside 0..{@code total} (open, snapshot and replay). */
  static String outOfRange(String command, long at, Path file, long total) {
    return CliText.say("line", "kaboom " + command, CliText.say("at.outOfRange", at, file, total));
  }
}
