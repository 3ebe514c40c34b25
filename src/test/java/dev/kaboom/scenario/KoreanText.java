package dev.kaboom.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** For tests of Korean messages: whether English prose is left in them. */
public final class KoreanText {
  private KoreanText() {}

  // quoted data ('x', "title", `x`) and file names or paths say no English sentence
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|\\S+[/.:]\\S*");
  private static final Pattern PROSE =
      Pattern.compile("\\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\\b");

  /**
   * The first three English words in a row (outside quotes and file names) in {@code korean}, or
   * null: a Korean message keeps OTP's and the format's terms (one_for_one, key: value), not
   * English sentences.
   */
  public static String englishProse(String korean) {
    Matcher m = PROSE.matcher(QUOTED.matcher(korean).replaceAll(" "));
    return m.find() ? m.group() : null;
  }

  /** True when {@code text} has a Hangul syllable. */
  public static boolean hasHangul(String text) {
    return text.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
  }
}
