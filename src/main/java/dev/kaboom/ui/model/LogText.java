package dev.kaboom.ui.model;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A line of the event log: fixed text (an OTP-style report, a command as typed) or, when {@code
 * key} is set, Kaboom's own words from the window's bundle ({@code log.*} in {@code
 * messages*.properties}) after {@code prefix} (the time stamp), rendered again in the new language
 * when the window's language changes. The arguments are names, pids, reasons and counts, shown as
 * they are.
 */
public record LogText(String prefix, String key, List<String> args) {
  /** A line that reads the same in every language. */
  static LogText plain(String line) {
    return new LogText(line, null, List.of());
  }

  /** Kaboom's words {@code key} with {@code args} (each shown with {@code String.valueOf}). */
  static LogText of(String prefix, String key, Object... args) {
    return new LogText(prefix, key, Arrays.stream(args).map(String::valueOf).toList());
  }

  /** The line in {@code bundle}'s language. */
  public String render(ResourceBundle bundle) {
    if (key == null) {
      return prefix;
    }
    return prefix + MessageFormat.format(bundle.getString(key), args.toArray());
  }
}
