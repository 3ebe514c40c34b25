package dev.kaboom.ui;

/**
 * Plain main class for app images and fat classpaths: a main class that extends Application cannot
 * be launched from the class path ("JavaFX runtime components are missing"), this one can.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    KaboomApp.main(args);
  }
}
