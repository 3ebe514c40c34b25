package dev.kaboom.ui;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Writes a snapshot of the whole window's scene to a PNG (for WindowShots and DocShots). */
final class WindowPng {
  private WindowPng() {}

  /** Snapshots {@code window}'s scene on the FX thread and writes it to {@code file}. */
  static void write(FxRobot robot, MainWindow window, String file) throws IOException {
    WritableImage[] img = new WritableImage[1];
    robot.interact(() -> img[0] = window.controller().root().getScene().snapshot(null));
    int w = (int) img[0].getWidth();
    int h = (int) img[0].getHeight();
    int[] argb = new int[w * h];
    img[0].getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    ImageIO.write(out, "png", new File(file));
    System.out.println("wrote " + file);
  }
}
