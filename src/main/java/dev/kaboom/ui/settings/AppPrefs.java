package dev.kaboom.ui.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.regex.Pattern;

/**
 * What the window remembers between runs (last scenario, layout, presentation settings).
 *
 * <p>The settings live in {@code java.util.prefs} under the user node {@code dev/kaboom/ui} (Linux:
 * {@code ~/.java/.userPrefs/dev/kaboom/ui/prefs.xml}; macOS: {@code
 * ~/Library/Preferences/com.apple.java.util.prefs.plist}; Windows: the registry key {@code
 * HKEY_CURRENT_USER/Software/JavaSoft/Prefs/dev/kaboom/ui}). A copy started with the environment
 * variable {@code KABOOM_SETTINGS=NAME} (or the system property {@code kaboom.settings}) keeps its
 * own settings under {@code dev/kaboom/settings/NAME}, apart from every other copy.
 */
public interface AppPrefs {
  /** The environment variable that names a separate set of settings. */
  String ENV = "KABOOM_SETTINGS";

  /** A settings name: letters, digits, '-', '_' and '.', at most 60 characters. */
  Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,60}");

  String get(String key, String fallback);

  void put(String key, String value);

  /** Forgets every setting (View > Reset settings); the defaults apply again. */
  void clear();

  default double getDouble(String key, double fallback) {
    try {
      return Double.parseDouble(get(key, Double.toString(fallback)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  default void putDouble(String key, double value) {
    put(key, Double.toString(value));
  }

  default boolean getBoolean(String key, boolean fallback) {
    return Boolean.parseBoolean(get(key, Boolean.toString(fallback)));
  }

  /**
   * The settings this copy uses: {@code -Dkaboom.prefs=memory} gives {@link #inMemory()}; else the
   * name from {@code -Dkaboom.settings} or {@code $KABOOM_SETTINGS} gives {@link #named(String)};
   * else {@link #user()}.
   *
   * @throws IllegalArgumentException if the name is not a valid settings name (see {@link #NAME})
   */
  static AppPrefs forThisCopy() {
    if ("memory".equals(System.getProperty("kaboom.prefs"))) {
      return inMemory();
    }
    Optional<String> name = requestedName();
    return name.isPresent() ? named(name.get()) : user();
  }

  /** The settings name asked for by {@code -Dkaboom.settings} or {@code $KABOOM_SETTINGS}. */
  static Optional<String> requestedName() {
    String name = System.getProperty("kaboom.settings");
    if (name == null || name.isBlank()) {
      name = System.getenv(ENV);
    }
    return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.strip());
  }

  /** Checks a settings name; returns a one-line problem, or empty when it is fine. */
  static Optional<String> problemWithName(String name) {
    if (NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        ENV
            + "="
            + name
            + " is not a settings name: use letters, digits, '-', '_' or '.' (at most 60)");
  }

  /** The user's own settings ({@code java.util.prefs}, node {@code dev/kaboom/ui}). */
  static AppPrefs user() {
    return of(Preferences.userRoot().node("dev/kaboom/ui"));
  }

  /** A named set of settings kept apart from the others (node {@code dev/kaboom/settings/NAME}). */
  static AppPrefs named(String name) {
    problemWithName(name)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
    return of(Preferences.userRoot().node("dev/kaboom/settings/" + name));
  }

  private static AppPrefs of(Preferences p) {
    return new AppPrefs() {
      @Override
      public String get(String key, String fallback) {
        return p.get(key, fallback);
      }

      @Override
      public void put(String key, String value) {
        p.put(key, value);
      }

      @Override
      public void clear() {
        try {
          p.clear();
          p.flush();
        } catch (BackingStoreException e) {
          throw new IllegalStateException(
              "the settings could not be cleared: " + e.getMessage(), e);
        }
      }

      @Override
      public String toString() {
        return "settings " + p.absolutePath();
      }
    };
  }

  /** Settings that live only as long as the object (tests, snapshots). */
  static AppPrefs inMemory() {
    Map<String, String> m = new HashMap<>();
    return new AppPrefs() {
      @Override
      public String get(String key, String fallback) {
        return m.getOrDefault(key, fallback);
      }

      @Override
      public void put(String key, String value) {
        m.put(key, value);
      }

      @Override
      public void clear() {
        m.clear();
      }
    };
  }
}
