package dev.kaboom.scenario;

/** Why a scenario could not be loaded: the file, line and column, and what was expected there. */
public record ScenarioError(String file, int line, int column, String message) {
  /** {@code file:line:column: message}, the one line the CLI and the window show. */
  @Override
  public String toString() {
    if (line <= 0) {
      return file + ": " + message;
    }
    return file + ":" + line + ":" + column + ": " + message;
  }
}
