package dev.kaboom.scenario;

import java.util.Locale;

/**
 * Why a scenario could not be loaded: the file, line and column, and what was expected there. An
 * error from the loader's own checks also keeps its words as a key of the errors bundle ({@code
 * text}, see {@link ErrorText}), so the window can say it in Korean; {@link #message} is English.
 */
public record ScenarioError(String file, int line, int column, String message, ErrorText.Msg text) {
  /** An error whose message exists in English only ({@code text} null). */
  public ScenarioError(String file, int line, int column, String message) {
    this(file, line, column, message, null);
  }

  /** An error said by {@code text} (its English is the message). */
  public ScenarioError(String file, int line, int column, ErrorText.Msg text) {
    this(file, line, column, text.toString(), text);
  }

  /** {@code file:line:column: message}, the one line the CLI and the window show. */
  @Override
  public String toString() {
    return place() + message;
  }

  /** The same line in {@code locale}'s words (English where the message has no key). */
  public String toString(Locale locale) {
    return place() + (text == null ? message : text.in(locale));
  }

  private String place() {
    if (line <= 0) {
      return file + ": ";
    }
    return file + ":" + line + ":" + column + ": ";
  }
}
