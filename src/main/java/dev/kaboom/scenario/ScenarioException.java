package dev.kaboom.scenario;

/** A problem in a scenario file at a line and column; turned into a {@link ScenarioError}. */
final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int line;
  final int column;

  ScenarioException(int line, int column, String message) {
    super(message, null, false, false);
    this.line = line;
    this.column = column;
  }

  ScenarioException(Located at, String message) {
    this(at.line(), at.column(), message);
  }
}
