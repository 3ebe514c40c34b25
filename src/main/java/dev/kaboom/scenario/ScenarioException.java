package dev.kaboom.scenario;

/**
 * A problem in a scenario (or lesson) file at a line and column; turned into a {@link
 * ScenarioError} by {@link #error}.
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int line;
  final int column;
  private final transient ErrorText.Msg text;

  /** A problem at {@code line} and {@code column} (1-based; 0 when the file as a whole). */
  public ScenarioException(int line, int column, String message) {
    super(message, null, false, false);
    this.line = line;
    this.column = column;
    this.text = null;
  }

  /** A problem at {@code line} and {@code column} said by {@code text} (English and Korean). */
  public ScenarioException(int line, int column, ErrorText.Msg text) {
    super(text.toString(), null, false, false);
    this.line = line;
    this.column = column;
    this.text = text;
  }

  /** A problem with the value {@code at}, at its place. */
  public ScenarioException(Located at, String message) {
    this(at.line(), at.column(), message);
  }

  /** A problem with the value {@code at}, at its place, said by {@code text}. */
  public ScenarioException(Located at, ErrorText.Msg text) {
    this(at.line(), at.column(), text);
  }

  /** The one-line error naming {@code file}, the line and the column. */
  public ScenarioError error(String file) {
    return new ScenarioError(file, line, column, getMessage(), text);
  }
}
