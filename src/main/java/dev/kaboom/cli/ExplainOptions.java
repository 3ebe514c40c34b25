package dev.kaboom.cli;

import dev.kaboom.explain.TraceExplainer;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --explain [--lang en|ko]}, shared by {@code trace} and {@code replay} (a picocli mixin).
 */
final class ExplainOptions {
  @Option(names = "--explain", descriptionKey = "explainOptions.explain")
  boolean explain;

  /** en or ko; null: the command line's language ({@link Main#language}). */
  @Option(names = "--lang", paramLabel = "en|ko", descriptionKey = "explainOptions.lang")
  String lang;

  /** The one-line error for a {@code --lang} other than en or ko, for {@code command}. */
  Optional<String> problem(String command) {
    return Main.langProblem(command, lang);
  }

  /** The explainer asked for, or null without {@code --explain}. */
  TraceExplainer explainerOrNull() {
    return explain ? new TraceExplainer(Locale.forLanguageTag(Main.language(lang))) : null;
  }
}
