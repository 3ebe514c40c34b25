package dev.kaboom.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Deep recursion in the console: a recursive fn runs far past the thousand levels the caller's
 * stack holds (on a thread with a deep stack, {@code Console.onDeepStack}), a list is walked and
 * built without copying it at each step, and an endless recursion ends with one clear line, the
 * console going on.
 */
class RecursionTest {
  private final Console console = new Console(ConsoleTest.course());

  @Test
  void aRecursiveFnGoesTensOfThousandsOfLevelsDeep() {
    console.eval("f = fn g, n -> if n == 0, do: 0, else: 1 + g.(g, n - 1) end");
    assertThat(console.eval("f.(f, 30_000)")).isEqualTo("30000\n");
    console.eval("fact = fn g, n -> if n <= 1, do: 1, else: n * g.(g, n - 1) end");
    assertThat(console.eval("fact.(fact, 30)")).isEqualTo("265252859812191058636308480000000\n");
    // references made on the deep thread are written as the shell's are
    console.eval("r = fn g, n -> if n == 0, do: make_ref(), else: g.(g, n - 1) end");
    assertThat(console.eval("r.(r, 100)")).startsWith("#Reference<0.");
  }

  @Test
  void aListIsWalkedAndBuiltOneElementAtATimeInLinearTime() {
    console.eval("acc = Enum.reduce(1..30_000, [], fn x, acc -> [x | acc] end)");
    assertThat(console.eval("hd(acc)")).isEqualTo("30000\n");
    console.eval("sum = fn g, list -> case list do [] -> 0; [h | t] -> h + g.(g, t) end end");
    assertThat(console.eval("sum.(sum, acc)")).isEqualTo("450015000\n");
    // two lists on one tail do not see each other's heads
    console.eval("t = [2, 3]");
    console.eval("a = [1 | t]");
    console.eval("b = [9 | t]");
    assertThat(console.eval("{a, b, t, tl(a) === t}"))
        .isEqualTo("{[1, 2, 3], [9, 2, 3], [2, 3], true}\n");
    console.eval("nested = Enum.reduce(1..30_000, [], fn x, acc -> [acc, x] end)");
    assertThat(console.eval("length(List.flatten(nested))")).isEqualTo("30000\n");
  }

  @Test
  void anEndlessRecursionEndsWithOneClearLineAndTheConsoleGoesOn() {
    console.maxCallDepth(5_000);
    console.eval("inf = fn g -> 1 + g.(g) end");
    assertThat(console.eval("inf.(inf)"))
        .isEqualTo(
            "** (SystemLimitError) a system limit has been reached (the Kaboom console runs"
                + " functions nested up to 5,000 calls deep; iex would go on until its memory ran"
                + " out)\n\n");
    assertThat(console.eval("1 + 1")).isEqualTo("2\n");
    assertThat(console.eval("inf")).startsWith("#Function<");
  }
}
