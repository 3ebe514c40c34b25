package dev.kaboom.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transcript of an iex session split the way the course's compare_iex.py splits it: the prompts
 * in order ({@code iex(N)} / {@code ...(N)}), the servers' printed lines in order, and the values
 * and errors in order (an error by its kind, a MatchError by its whole first line), pids and pledge
 * ids aside. Stack and detail lines (indented four spaces), banners, blank lines and compiler
 * warnings are left out. iex's printed lines race with the values, so the three are compared as
 * separate streams.
 */
record IexTranscript(List<String> prompts, List<String> printed, List<String> values) {
  private static final Pattern PROMPT = Pattern.compile("^(iex|\\.\\.\\.)\\((\\d+)\\)> ?");
  private static final Pattern IO = Pattern.compile("^(Starting |Running tasks|HttpServer exited)");
  private static final Pattern BANNER =
      Pattern.compile("^(Interactive Elixir|Kaboom console|Erlang/OTP)");
  private static final Pattern WARNING = Pattern.compile("^(warning: |  iex:\\d+$)");
  private static final Pattern KIND = Pattern.compile("^\\*\\* \\(([^)]+)\\)");

  /**
   * {@code echoes}: the text after a prompt is the echoed input (the console's), not output
   * (iex's).
   */
  static IexTranscript parse(String text, boolean echoes) {
    return parse(text, echoes, false);
  }

  /**
   * {@code strict}: every line of a value or an error counts, the error's message and the lines
   * under it (the arguments, the attempted clauses, the stack) included, not only its kind.
   */
  static IexTranscript parse(String text, boolean echoes, boolean strict) {
    List<String> prompts = new ArrayList<>();
    List<String> io = new ArrayList<>();
    List<String> vals = new ArrayList<>();
    for (String raw : text.split("\n", -1)) {
      String line = raw;
      while (true) {
        Matcher m = PROMPT.matcher(line);
        if (!m.find()) {
          break;
        }
        prompts.add(m.group(1) + "(" + m.group(2) + ")");
        line = echoes ? "" : line.substring(m.end());
      }
      if (line.isBlank() || BANNER.matcher(line).find() || WARNING.matcher(line).find()) {
        continue;
      }
      if (IO.matcher(line).find()) {
        io.add(norm(line));
        continue;
      }
      if (strict) {
        vals.add(norm(line));
        continue;
      }
      String stripped = line.stripLeading();
      if (line.startsWith("    ") && !stripped.startsWith("{") && !stripped.startsWith("[")) {
        continue;
      }
      if (line.startsWith("** (")) {
        Matcher k = KIND.matcher(line);
        if (k.find()) {
          String kind = k.group(1);
          if (kind.equals("MatchError")) {
            vals.add(norm(line.replaceAll("iex:\\d+:\\d+: ", "")));
          } else {
            vals.add("** (" + norm(kind) + ")");
          }
          continue;
        }
      }
      vals.add(norm(line));
    }
    return new IexTranscript(prompts, io, vals);
  }

  private static String norm(String s) {
    return s.replaceAll("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[error\\]", "[error]")
        .replaceAll("#PID<\\d+\\.\\d+\\.\\d+>", "#PID<>")
        .replaceAll("#Reference<[\\d.]+>", "#Reference<>")
        .replaceAll("\"pledge-\\d+\"", "\"pledge-N\"")
        .stripTrailing();
  }

  /** The first difference from {@code other} (this one being iex's), or null when they agree. */
  String firstDifference(IexTranscript other) {
    String[] names = {"prompts", "printed lines", "values"};
    List<List<String>> mine = List.of(prompts, printed, values);
    List<List<String>> theirs = List.of(other.prompts, other.printed, other.values);
    for (int s = 0; s < 3; s++) {
      List<String> a = mine.get(s);
      List<String> b = theirs.get(s);
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        String x = i < a.size() ? a.get(i) : "<none>";
        String y = i < b.size() ? b.get(i) : "<none>";
        if (!x.equals(y)) {
          return names[s] + " #" + (i + 1) + ": iex '" + x + "', console '" + y + "'";
        }
      }
    }
    return null;
  }
}
