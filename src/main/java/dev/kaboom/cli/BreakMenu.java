package dev.kaboom.cli;

/**
 * iex's BREAK menu at Ctrl+C in the terminal console, as erts' break handler (OTP 25, the one iex
 * 1.14 runs on) shows and answers it: Ctrl+C prints the menu, {@code c} (or {@code v}, after the
 * emulator's version) goes back to the prompt, {@code a} (or {@code q}, {@code A}) and a second
 * Ctrl+C (or end of input) quit, an empty line waits for a choice, anything else is answered {@code
 * Invalid option 'x'. Please enter one of the following:} and the menu again. The choices that show
 * the VM's internals ({@code p}, {@code i}, {@code l}, {@code k}, {@code D}, {@code d}) say in one
 * line that the console has no VM to show and go back to the prompt.
 */
final class BreakMenu {
  private BreakMenu() {}

  /** What erts prints at Ctrl+C (after {@code ^C} and a new line). */
  static final String MENU =
      "BREAK: (a)bort (A)bort with dump (c)ontinue (p)roc info (i)nfo\n"
          + "       (l)oaded (v)ersion (k)ill (D)b-tables (d)istribution\n";

  /** What a choice does. */
  enum Next {
    /** Back to the prompt (the line being typed is dropped, as in iex). */
    CONTINUE,
    /** Read another choice. */
    ASK_AGAIN,
    /** Leave the console. */
    QUIT
  }

  /** What to print, then what to do. */
  record Answer(String text, Next next) {}

  /** The answer to {@code line} typed at the menu; null: Ctrl+C again or end of input. */
  static Answer answer(String line) {
    if (line == null) {
      return new Answer("", Next.QUIT);
    }
    String choice = line.strip();
    if (choice.isEmpty()) {
      return new Answer("", Next.ASK_AGAIN);
    }
    return switch (choice.charAt(0)) {
      case 'a', 'q', 'A' -> new Answer("", Next.QUIT);
      case 'c' -> new Answer("", Next.CONTINUE);
      case 'v' -> new Answer("Erlang (BEAM) emulator version 13.1.5\n", Next.CONTINUE);
      case 'p', 'i', 'l', 'k', 'D', 'd' ->
          new Answer(
              "(the Kaboom console runs on no Erlang VM, so there is no such dump to show;"
                  + " Process.info/1, Process.list/0 and i/1 tell about its processes)\n",
              Next.CONTINUE);
      default ->
          new Answer(
              "Invalid option '"
                  + choice.charAt(0)
                  + "'. Please enter one of the following:\n"
                  + MENU,
              Next.ASK_AGAIN);
    };
  }
}
