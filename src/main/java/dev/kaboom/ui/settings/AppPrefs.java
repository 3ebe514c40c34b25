package dev.kaboom.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.Preferences;

/** What the window remembers between runs (last scenario, layout, presentation settings). */
public interface AppPrefs {
  String get(String key, String fallback);

  void put(String key, String value);

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

  /** The user's preferences ({@code java.util.prefs}, node {@code dev/kaboom/ui}). */
  static AppPrefs user() {
    Preferences p = Preferences.userNodeForPackage(AppPrefs.class);
    return new AppPrefs() {
      @Override
      public String get(String key, String fallback) {
        return p.get(key, fallback);
      }

      @Override
      public void put(String key, String value) {
        p.put(key, value);
      }
    };
  }

  /** Preferences that live only as long as the object (tests, snapshots). */
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
    };
  }
}
