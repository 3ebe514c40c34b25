package dev.kaboom.ui;

import dev.kaboom.scenario.Scenario;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.view.TreePane;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/**
 * Draws a scenario's tree offscreen and returns it as an image: what {@code kaboom snapshot} and
 * the README's screenshot use. Uses whatever glass platform is configured; the CLI sets headless
 * Monocle before JavaFX starts.
 */
public final class Snapshotter {
  private Snapshotter() {}

  /** Starts JavaFX if it is not running yet. */
  public static void startPlatform() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    try {
      Platform.startup(started::countDown);
    } catch (IllegalStateException alreadyRunning) {
      started.countDown();
    }
    if (!started.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("JavaFX did not start");
    }
  }

  /**
   * Starts {@code scenario}'s tree, runs its first {@code scriptSteps} steps (each to completion),
   * and renders the tree at zoom 1 (smaller for very wide trees).
   */
  public static BufferedImage render(Scenario scenario, int scriptSteps, Locale locale)
      throws Exception {
    return render(
        vm -> {
          vm.load(scenario, null);
          for (int i = 0; i < scriptSteps && vm.runNextScriptStep(); i++) {
            vm.runToIdle();
          }
        },
        locale);
  }

  /**
   * Replays {@code run} (read from {@code file}) and renders its tree after the first {@code n}
   * trace lines ({@link Long#MAX_VALUE}: at the end), as {@code replay --at N --tree} counts them.
   */
  public static BufferedImage renderRun(
      java.nio.file.Path file, dev.kaboom.run.Run run, long n, Locale locale) throws Exception {
    return render(
        vm -> {
          vm.open(file);
          if (n != Long.MAX_VALUE) {
            vm.seekTraceLine(run, n);
          }
        },
        locale);
  }

  private static BufferedImage render(
      java.util.function.Consumer<MainViewModel> prepare, Locale locale) throws Exception {
    startPlatform();
    CompletableFuture<BufferedImage> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            MainViewModel vm = new MainViewModel();
            prepare.accept(vm);
            result.complete(renderOnFxThread(vm, locale));
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    return result.get(120, TimeUnit.SECONDS);
  }

  private static BufferedImage renderOnFxThread(MainViewModel vm, Locale locale) {
    vm.tree().advance(60_000_000_000L); // let highlights fade: a still picture
    TreePane pane = new TreePane(MainWindow.bundle(locale));
    pane.setModel(vm.tree());
    double[] size = pane.treeSize();
    double scale = Math.min(1.5, 4000 / Math.max(size[0], 1));
    int w = (int) Math.ceil(size[0] * scale + 48);
    int h = (int) Math.ceil(size[1] * scale + 48);
    StackPane root = new StackPane(pane);
    root.setStyle("-fx-font-family: '" + Fonts.load() + "'; -fx-font-size: 13px;");
    Scene scene = new Scene(root, w, h);
    // the window's theme first: kaboom.css names its colours (-color-fg-default...), which without
    // it JavaFX could not resolve (a dozen warnings on stderr with every picture)
    scene
        .getStylesheets()
        .addAll(
            MainWindow.themeStylesheet(false),
            MainWindow.class.getResource("kaboom.css").toExternalForm());
    root.applyCss();
    root.layout();
    pane.fit();
    pane.refresh();
    root.applyCss();
    root.layout();
    WritableImage img = root.snapshot(new SnapshotParameters(), null);
    int iw = (int) img.getWidth();
    int ih = (int) img.getHeight();
    int[] argb = new int[iw * ih];
    img.getPixelReader().getPixels(0, 0, iw, ih, PixelFormat.getIntArgbInstance(), argb, 0, iw);
    BufferedImage out = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, iw, ih, argb, 0, iw);
    return out;
  }
}
