package dev.kaboom.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Elixir code into coloured runs for a lesson's code block (the terminal colours them with
 * ANSI escapes, the window with style classes). A lexical colouring, not a parser: comments,
 * strings, keywords, module names, atoms (and keyword keys), module attributes and numbers.
 */
public final class Highlight {
  /** What a run of code is. */
  public enum Kind {
    PLAIN,
    COMMENT,
    STRING,
    KEYWORD,
    MODULE,
    ATOM,
    ATTRIBUTE,
    NUMBER
  }

  /**
   * A run of {@code text} of one kind.
   *
   * @param start the first char's index in the code
   * @param end one past the last char's index
   */
  public record Run(Kind kind, int start, int end) {}

  private static final Set<String> KEYWORDS =
      Set.of(
          "defmodule",
          "def",
          "defp",
          "do",
          "end",
          "use",
          "fn",
          "case",
          "cond",
          "if",
          "else",
          "when",
          "receive",
          "after",
          "import",
          "alias",
          "require",
          "true",
          "false",
          "nil",
          "__MODULE__");

  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<comment>#[^\\n]*)"
              + "|(?<string>\"(?:[^\"\\\\]|\\\\.)*\"?)"
              + "|(?<attr>@[a-z_][a-zA-Z0-9_]*)"
              + "|(?<atom>:[a-zA-Z_][a-zA-Z0-9_?!]*|\\b[a-z_][a-zA-Z0-9_]*:(?=\\s))"
              + "|(?<module>\\b[A-Z][A-Za-z0-9_]*(?:\\.[A-Z][A-Za-z0-9_]*)*)"
              + "|(?<word>\\b[a-z_][a-zA-Z0-9_?!]*|__MODULE__)"
              + "|(?<number>\\b\\d[\\d_]*)");

  private Highlight() {}

  /** The runs of {@code code}, in order, covering every char. */
  public static List<Run> runs(String code) {
    List<Run> runs = new ArrayList<>();
    Matcher m = TOKEN.matcher(code);
    int at = 0;
    while (m.find()) {
      Kind kind;
      if (m.group("comment") != null) {
        kind = Kind.COMMENT;
      } else if (m.group("string") != null) {
        kind = Kind.STRING;
      } else if (m.group("attr") != null) {
        kind = Kind.ATTRIBUTE;
      } else if (m.group("atom") != null) {
        kind = Kind.ATOM;
      } else if (m.group("module") != null) {
        kind = Kind.MODULE;
      } else if (m.group("word") != null) {
        kind = KEYWORDS.contains(m.group()) ? Kind.KEYWORD : Kind.PLAIN;
      } else {
        kind = Kind.NUMBER;
      }
      if (kind == Kind.PLAIN) {
        continue;
      }
      if (m.start() > at) {
        runs.add(new Run(Kind.PLAIN, at, m.start()));
      }
      runs.add(new Run(kind, m.start(), m.end()));
      at = m.end();
    }
    if (at < code.length()) {
      runs.add(new Run(Kind.PLAIN, at, code.length()));
    }
    return runs;
  }
}
