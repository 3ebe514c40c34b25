package dev.kaboom.console;

/** What the console says about a line it cannot run: an Elixir-style error kind, column, message. */
public final class ConsoleError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final String kind;
  final int column;

  ConsoleError(String kind, int column, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.column = column;
  }

  ConsoleError(String kind, String message) {
    this(kind, 0, message);
  }

  /** {@code ** (SyntaxError) iex:3:12: unexpected token ')'}. */
  String render(int lineNumber) {
    String where = column > 0 ? "iex:" + lineNumber + ":" + column + ": " : "";
    return "** (" + kind + ") " + where + getMessage();
  }
}
