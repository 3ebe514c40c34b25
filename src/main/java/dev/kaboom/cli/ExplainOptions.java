package dev.kaboom.cli;

import dev.kaboom.explain.TraceExplainer;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --explain [--lang en|ko]}, shared by {@code trace} and {@code replay} (a picocli mixin).
 */
final class ExplainOptions {
  @Option(
      names = "--explain",
      description =
          "After each start/exit/give_up line and each '= ' line, a line '# ' + the OTP rule"
              + " behind it; an exit signal that changed nothing gets its '# ' line too (the trace"
              + " lines and a run's checksum are unchanged).")
  boolean explain;

  @Option(
      names = "--lang",
      paramLabel = "en|ko",
      description = "Language of the --explain lines: en (default) or ko.")
  String lang = "en";

  /** The one-line error for a {@code --lang} other than en or ko, for {@code command}. */
  Optional<String> problem(String command) {
    return lang.equals("en") || lang.equals("ko")
        ? Optional.empty()
        : Optional.of(CliText.say("line", "kaboom " + command, CliText.say("lang.expected", lang)));
  }

  /** The explainer asked for, or null without {@code --explain}. */
  TraceExplainer explainerOrNull() {
    return explain ? new TraceExplainer(Locale.forLanguageTag(lang)) : null;
  }
}
