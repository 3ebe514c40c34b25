package dev.kaboom.scenario;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of a file's errors, from the bundle {@code dev/kaboom/scenario/errors*.properties}
 * (English and Korean): a {@link Msg} is a key of that bundle and its arguments (what and where:
 * the field, the value, the ids), so the window says it in its language while the command line
 * keeps English ({@link Locale#ROOT}, the bundle's base).
 */
public final class ErrorText {
  private static final String BUNDLE = "dev.kaboom.scenario.errors";

  private ErrorText() {}

  /**
   * A message of the bundle: {@code key} and its arguments in {@link MessageFormat} order; an
   * argument that is itself a {@code Msg} (a phrase such as "a tree node") is said in the same
   * language.
   */
  public record Msg(String key, Object... args) {
    /** The message in {@code locale}'s words (English for {@link Locale#ROOT}). */
    public String in(Locale locale) {
      ResourceBundle b =
          ResourceBundle.getBundle(
              BUNDLE,
              locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      Object[] said = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        // (strings, not numbers: MessageFormat would write a line 1234 as "1,234")
        said[i] =
            args[i] instanceof Msg m
                ? m.in(locale)
                : args[i] instanceof ScenarioError e ? e.toString(locale) : String.valueOf(args[i]);
      }
      return new MessageFormat(b.getString(key), locale).format(said);
    }

    /** The message in English, as the command line prints it. */
    @Override
    public String toString() {
      return in(Locale.ROOT);
    }
  }

  /**
   * A file's text, read as UTF-8 (a {@link java.nio.charset.CharacterCodingException} when it is
   * not), with a leading byte-order mark dropped (Windows Notepad writes one); the other {@link
   * java.io.IOException}s of {@link java.nio.file.Files#readString}. {@link #unreadable} says why.
   */
  public static String readText(java.nio.file.Path file) throws java.io.IOException {
    String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Why a file could not be read, from its exception: no such file, not allowed, a directory, not
   * UTF-8 text, else {@code file.cannotRead} with the system's own words.
   */
  public static Msg unreadable(java.io.IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return msg("file.none");
    } else if (e instanceof java.nio.file.AccessDeniedException) {
      return msg("file.denied");
    } else if (e instanceof java.nio.charset.CharacterCodingException) {
      return msg("file.notUtf8");
    } else if (e.getMessage() != null && e.getMessage().contains("directory")) {
      return msg("file.directory");
    }
    return msg("file.cannotRead", e.getMessage());
  }

  /**
   * Why a file could not be written, from its exception: {@code file.cannotWrite} with {@link
   * #unwritableReason}.
   */
  public static Msg unwritable(java.io.IOException e) {
    return msg("file.cannotWrite", unwritableReason(e));
  }

  /**
   * The reason a write failed, in the bundle's words: its folder does not exist, not allowed, a
   * directory, a read-only file system, the disk is full; else the system's own words ({@code
   * file.systemSays}).
   */
  public static Msg unwritableReason(java.io.IOException e) {
    String system = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException n) {
      java.nio.file.Path parent =
          n.getFile() == null
              ? null
              : java.nio.file.Path.of(n.getFile()).toAbsolutePath().getParent();
      // a folder that is there but cannot hold files (/proc) is not a missing folder
      return parent != null && java.nio.file.Files.isDirectory(parent)
          ? msg("write.cannotCreate")
          : msg("write.noFolder");
    } else if (e instanceof java.nio.file.AccessDeniedException
        || system.contains("Permission denied")) {
      return msg("write.denied");
    } else if (system.contains("Is a directory") || system.contains("is a directory")) {
      return msg("file.directory");
    } else if (system.contains("Read-only file system")) {
      return msg("write.readOnly");
    } else if (system.contains("No space left")) {
      return msg("write.noSpace");
    }
    return msg("file.systemSays", system);
  }

  /**
   * True on a Korean system: Java's default language is Korean ({@code -Duser.language=ko}, or
   * {@code LANG=ko_KR.UTF-8} where that locale is installed), or Java fell back to English because
   * the C library lacks the locale (a container) while {@code LC_ALL}, {@code LC_MESSAGES} or
   * {@code LANG}, the first one set, asks for Korean.
   */
  public static boolean koreanSystem() {
    String language = java.util.Locale.getDefault().getLanguage();
    if (language.equals("ko")) {
      return true;
    }
    if (!language.equals("en")) {
      return false;
    }
    for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String v = System.getenv(name);
      if (v != null && !v.isEmpty()) {
        return v.startsWith("ko");
      }
    }
    return false;
  }

  /** A phrase or message {@code key} with {@code args}. */
  public static Msg msg(String key, Object... args) {
    return new Msg(key, args);
  }
}
