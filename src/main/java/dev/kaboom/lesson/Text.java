package dev.kaboom.lesson;

import java.util.Map;

/**
 * A lesson text in several languages: {@code en} always, {@code ko} (and others) where the lesson
 * file gives them. A language the file does not give falls back to English.
 *
 * @param byLanguage the text per two-letter language code; holds at least {@code en}
 */
public record Text(Map<String, String> byLanguage) {
  /** No text (an optional field the file left out). */
  public static final Text NONE = new Text(Map.of("en", ""));

  public Text {
    byLanguage = Map.copyOf(byLanguage);
  }

  /** The same text in every language. */
  public static Text of(String english) {
    return new Text(Map.of("en", english));
  }

  /** The text in {@code language} ({@code "en"}, {@code "ko"}), else in English. */
  public String in(String language) {
    String t = byLanguage.get(language);
    return t != null ? t : byLanguage.getOrDefault("en", "");
  }

  /** True when there is no text in any language. */
  public boolean isEmpty() {
    return byLanguage.values().stream().allMatch(String::isBlank);
  }
}
