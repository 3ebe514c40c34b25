package dev.kaboom.ui;

import java.io.IOException;
import java.io.InputStream;
import javafx.scene.text.Font;

/**
 * Loads the bundled fonts (SIL OFL, see fonts/OFL.txt; both from Naver's Nanum set): NanumGothic
 * for the window's text, so Hangul never shows as boxes, and NanumGothicCoding for what must keep
 * its columns (the event log, the console, pids, the lesson's code): a monospace font whose Hangul
 * is exactly two Latin cells wide. JavaFX's logical "Monospaced" is the system's, which on a
 * machine without a Korean monospace font falls back to a proportional one in a Korean window.
 */
public final class Fonts {
  /** The family of the monospace font, for CSS ({@code -fx-font-family}). */
  public static final String MONO = "NanumGothicCoding";

  /** {@code -fx-font-family: 'NanumGothicCoding';}, for a node's inline style. */
  public static final String MONO_STYLE = "-fx-font-family: '" + MONO + "';";

  private static String family;

  private Fonts() {}

  /**
   * Loads the fonts once; returns the family of the window's font ("NanumGothic"), or "System" if
   * it failed.
   */
  public static synchronized String load() {
    if (family == null) {
      Font f = load("fonts/NanumGothic.ttf");
      family = f == null ? "System" : f.getFamily();
      load("fonts/NanumGothicCoding.ttf");
    }
    return family;
  }

  private static Font load(String resource) {
    try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
      return in == null ? null : Font.loadFont(in, 13);
    } catch (IOException e) {
      return null;
    }
  }
}
