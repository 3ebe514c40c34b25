package dev.kaboom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.console.Console;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;

/**
 * The terminal console's Ctrl+C: iex's BREAK menu as erts answers it on OTP 25 (checked on a pty
 * against iex 1.14: {@code c} continues, {@code a} or a second Ctrl+C quits, {@code xyz} is {@code
 * Invalid option 'x'} and the menu again, an empty line waits).
 */
class BreakMenuTest {
  @Test
  void eachChoiceAnswersAsErtsDoes() {
    assertThat(BreakMenu.answer("c").next()).isEqualTo(BreakMenu.Next.CONTINUE);
    assertThat(BreakMenu.answer("cq").next()).isEqualTo(BreakMenu.Next.CONTINUE);
    assertThat(BreakMenu.answer("a").next()).isEqualTo(BreakMenu.Next.QUIT);
    assertThat(BreakMenu.answer(null).next()).isEqualTo(BreakMenu.Next.QUIT);
    assertThat(BreakMenu.answer("")).isEqualTo(new BreakMenu.Answer("", BreakMenu.Next.ASK_AGAIN));
    assertThat(BreakMenu.answer("v").text()).isEqualTo("Erlang (BEAM) emulator version 13.1.5\n");
    BreakMenu.Answer invalid = BreakMenu.answer("xyz");
    assertThat(invalid.next()).isEqualTo(BreakMenu.Next.ASK_AGAIN);
    assertThat(invalid.text())
        .isEqualTo(
            "Invalid option 'x'. Please enter one of the following:\n"
                + "BREAK: (a)bort (A)bort with dump (c)ontinue (p)roc info (i)nfo\n"
                + "       (l)oaded (v)ersion (k)ill (D)b-tables (d)istribution\n");
  }

  @Test
  void theMenuReadsChoicesUntilOneContinuesOrQuits() throws Exception {
    assertThat(menu("x\n\nc\n")).isEqualTo(new Object[] {true, 2});
    assertThat(menu("a\n")).isEqualTo(new Object[] {false, 1});
    assertThat(menu("")).isEqualTo(new Object[] {false, 1}); // end of input quits
  }

  /** Whether the menu continued, and how many times it showed the BREAK lines. */
  private static Object[] menu(String typed) throws Exception {
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    try (Terminal terminal =
        new org.jline.terminal.impl.DumbTerminal(
            new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
            new ByteArrayOutputStream())) {
      LineReader reader =
          ConsoleCommand.reader(
              terminal,
              new Console(
                  ((dev.kaboom.scenario.ScenarioLoader.Result.Loaded)
                          dev.kaboom.scenario.ScenarioLoader.load(
                              java.nio.file.Path.of("resources/scenarios/servy-course.json")))
                      .scenario()));
      PrintStream out = new PrintStream(shown, true, StandardCharsets.UTF_8);
      boolean continued = ConsoleCommand.breakMenu(reader, out);
      String text = shown.toString(StandardCharsets.UTF_8);
      assertThat(text).startsWith("^C\nBREAK: (a)bort");
      assertThat(reader.getHistory().size()).isZero(); // the choices are not history
      return new Object[] {continued, text.split("BREAK:", -1).length - 1};
    }
  }
}
