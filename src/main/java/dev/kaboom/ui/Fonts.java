package dev.kaboom.ui;

import java.io.IOException;
import java.io.InputStream;
import javafx.scene.text.Font;

/** Loads the bundled NanumGothic (SIL OFL, see fonts/OFL.txt) so Hangul never shows as boxes. */
public final class Fonts {
  private static String family;

  private Fonts() {}

  /** Loads the font once; returns its family name ("NanumGothic"), or "System" if it failed. */
  public static synchronized String load() {
    if (family == null) {
      try (InputStream in = Fonts.class.getResourceAsStream("fonts/NanumGothic.ttf")) {
        Font f = in == null ? null : Font.loadFont(in, 13);
        family = f == null ? "System" : f.getFamily();
      } catch (IOException e) {
        family = "System";
      }
    }
    return family;
  }
}
