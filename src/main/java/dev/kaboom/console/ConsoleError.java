package dev.kaboom.console;

/**
 * An error a line raised, worded as iex words it: its kind ({@code MatchError}, {@code exit},
 * {@code SyntaxError}, ...), where in the input it is (line and column within the expression; 0
 * when iex gives none), the message, and the lines iex prints under it (the expression, a stack
 * line: indented, so they read as iex's).
 */
final class ConsoleError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final String kind;
  final int line;
  final int column;
  final String detail;

  ConsoleError(String kind, int line, int column, String message, String detail) {
    super(message, null, false, false);
    this.kind = kind;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  ConsoleError(String kind, int line, int column, String message) {
    this(kind, line, column, message, null);
  }

  ConsoleError(String kind, String message, String detail) {
    this(kind, 0, 0, message, detail);
  }

  ConsoleError(String kind, String message) {
    this(kind, 0, 0, message, null);
  }

  /**
   * {@code ** (SyntaxError) iex:3:12: unexpected token: )}; {@code prompt} is the prompt number the
   * expression started at (iex counts its lines from there).
   */
  String render(int prompt) {
    String where = "";
    if (kind.equals("SyntaxError") || kind.equals("TokenMissingError")) {
      where = "iex:" + (prompt + Math.max(line, 1) - 1) + ":" + Math.max(column, 1) + ": ";
    } else if (kind.equals("CompileError")) {
      where = "iex:" + (prompt + Math.max(line, 1) - 1) + ": ";
    }
    String head =
        (kind.equals("exit") ? "** (exit) " : "** (" + kind + ") " + where) + getMessage();
    return head + "\n" + (detail == null ? "" : detail + "\n");
  }
}
