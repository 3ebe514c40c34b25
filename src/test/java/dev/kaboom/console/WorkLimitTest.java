package dev.kaboom.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A line that would compute for minutes (and freeze the window, whose thread the console runs on)
 * is stopped after {@link Work#LIMIT} units of work, the same way every time; the console goes on.
 */
class WorkLimitTest {
  private final Console console = new Console(ConsoleTest.course());

  @Test
  void aFactorialOfFiveMillionDigitsIsStoppedAndTheConsoleGoesOn() {
    console.eval("x = 41");
    assertThat(console.eval("Enum.reduce(1..1_000_000, 1, &*/2)"))
        .startsWith(
            "** (Kaboom.LimitError) this line did more work than the Kaboom console allows");
    assertThat(console.eval("x + 1")).isEqualTo("42\n");
  }

  @Test
  void aMillionIntegersThroughThreePassesIsWithinTheLimit() {
    assertThat(
            console.eval(
                "Enum.map(1..1_000_000, fn x -> x * 2 end) |> Enum.map(fn x -> x + 1 end)"
                    + " |> Enum.sum"))
        .isEqualTo("1000002000000\n");
  }

  @Test
  void aHundredMillionIterationsAreStopped() {
    assertThat(console.eval("for x <- 1..1000, y <- 1..1000, z <- 1..100, do: x + y + z"))
        .startsWith("** (Kaboom.LimitError)");
    assertThat(console.eval("1 + 1")).isEqualTo("2\n");
  }

  /**
   * Deep in a recursion (past {@link Console#DEEP_AFTER_CALLS}, on the deep stack's thread) too.
   */
  @Test
  void workDeepInARecursionIsCountedToo() {
    console.eval("f = fn f, 0 -> Enum.reduce(1..1_000_000, 1, &*/2); f, n -> f.(f, n - 1) end");
    assertThat(console.eval("f.(f, 100)")).startsWith("** (Kaboom.LimitError)");
    assertThat(console.eval("1 + 1")).isEqualTo("2\n");
  }
}
