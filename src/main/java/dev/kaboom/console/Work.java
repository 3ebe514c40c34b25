package dev.kaboom.console;

/**
 * What one console line may compute before the console stops it: {@value #LIMIT} units, an
 * expression evaluated costing {@value #EVAL} and an integer computed one for each 64 bits of it
 * (about the time each takes: a second or two of work in all; a pipeline of three passes over a
 * million integers takes about half of it, a recursion 900,000 deep a third). iex would go on (a
 * learner breaks it off with Ctrl+C), but the window's console runs on the thread that draws the
 * window, so a line such as {@code Enum.reduce(1..1_000_000, 1, fn x, acc -> x * acc end)} (a
 * factorial of five million digits, minutes of work) would freeze it. The count is of work, not of
 * time, so a recorded run that hit it hits it again when replayed. A line stopped this way raises
 * {@code Kaboom.LimitError}; what it did to the engine before stays done, as a line broken off in
 * iex.
 */
final class Work {
  private Work() {}

  /** What evaluating one expression costs. */
  static final long EVAL = 8;

  /** Units one line may use: a second or two of the console's work. */
  static final long LIMIT = 100_000_000L;

  private static final ThreadLocal<long[]> LEFT =
      ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE});

  /** Runs {@code body} (one line) with a fresh allowance of {@value #LIMIT} units. */
  static <T> T budgeted(java.util.function.Supplier<T> body) {
    long[] left = LEFT.get();
    long saved = left[0];
    left[0] = LIMIT;
    try {
      return body.get();
    } finally {
      left[0] = saved;
    }
  }

  /**
   * Spends {@code units} of the line's allowance.
   *
   * @throws ConsoleError {@code Kaboom.LimitError} once the allowance is spent
   */
  static void spend(long units) {
    long[] left = LEFT.get();
    left[0] -= units;
    if (left[0] < 0) {
      left[0] = Long.MAX_VALUE; // the error's own printing is not counted
      throw new ConsoleError(
          "Kaboom.LimitError",
          "this line did more work than the Kaboom console allows one line ("
              + String.format(java.util.Locale.ROOT, "%,d", LIMIT)
              + " steps); it stopped the line so that the window stays live (iex would go on"
              + " until Ctrl+C)");
    }
  }

  /** The allowance left to the line this thread runs (to hand to a thread that runs part of it). */
  static long[] current() {
    return LEFT.get();
  }

  /**
   * Runs {@code body} on this thread spending from {@code left} (another thread's {@link #current},
   * while that thread waits: the console's deep stack).
   */
  static void spendingFrom(long[] left, Runnable body) {
    long[] before = LEFT.get();
    LEFT.set(left);
    try {
      body.run();
    } finally {
      LEFT.set(before);
    }
  }
}
