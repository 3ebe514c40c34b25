package dev.kaboom.cli;

import dev.kaboom.engine.Strategy;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.TreeNode;
import dev.kaboom.ui.MainWindow;
import dev.kaboom.ui.Snapshotter;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.settings.AppPrefs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * U1: the main window (headless Monocle, software rendering) showing a tree of {@code nodes}
 * processes while 100 random kabooms per second hit its workers; counts the frames (pulses) the
 * window actually gets through and the time between them. Whatever the window's own frame loop does
 * (engine, event drain, redraw) delays the next pulse, so fewer frames mean a slower window.
 */
final class UiBench {
  private UiBench() {}

  /** Headless JavaFX: must be set before any JavaFX class starts the toolkit. */
  static void headless() {
    setIfAbsent("glass.platform", "Monocle");
    setIfAbsent("monocle.platform", "Headless");
    setIfAbsent("prism.order", "sw");
    setIfAbsent("prism.text", "t2k");
    setIfAbsent("java.awt.headless", "true");
    // a screen that holds the whole 1280x820 window (the default 1280x800 one would clip it)
    setIfAbsent("headless.geometry", "1920x1200-32");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** A tree of exactly {@code nodes} processes: a root over 40 supervisors over the workers. */
  static TreeNode tree(int nodes) {
    int sups = 40;
    int workers = nodes - 1 - sups;
    List<List<TreeNode>> ws = new ArrayList<>();
    for (int s = 0; s < sups; s++) {
      ws.add(new ArrayList<>());
    }
    for (int w = 0; w < workers; w++) {
      ws.get(w % sups).add(TreeNode.worker("w" + w));
    }
    List<TreeNode> supNodes = new ArrayList<>();
    for (int s = 0; s < sups; s++) {
      supNodes.add(
          TreeNode.supervisor("s" + s, Strategy.ONE_FOR_ONE, ws.get(s))
              .withIntensity(1_000_000, 1));
    }
    return TreeNode.supervisor("storm", Strategy.ONE_FOR_ONE, supNodes).withIntensity(1_000_000, 1);
  }

  /**
   * Opens the window on a {@code nodes}-process tree, lets it settle for {@code warmupSeconds},
   * then hits random workers with {@code kaboomsPerSecond} for {@code seconds}; reports {@code
   * U1_fps_<nodes>} and {@code U1_frame_p99}. Throws IllegalStateException when no frame was drawn
   * in the measured time (0 fps would read as a result).
   */
  static void run(
      int nodes,
      double warmupSeconds,
      double seconds,
      int kaboomsPerSecond,
      Consumer<Bench.Figure> out)
      throws Exception {
    headless();
    Snapshotter.startPlatform();
    Platform.setImplicitExit(false); // closing this run's stage must not end JavaFX for the next
    TreeNode root = tree(nodes);
    List<String> workerPaths = new ArrayList<>();
    for (TreeNode s : root.children()) {
      for (TreeNode w : s.children()) {
        workerPaths.add(root.id() + "/" + s.id() + "/" + w.id());
      }
    }
    long warmupNanos = (long) (warmupSeconds * 1e9);
    long measureNanos = (long) (seconds * 1e9);
    CompletableFuture<long[]> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            Stage stage = new Stage();
            MainWindow window = MainWindow.open(stage, AppPrefs.inMemory(), Optional.empty());
            MainViewModel vm = window.viewModel();
            vm.load(new Scenario("storm", "U1: 100 kabooms a second", root, List.of()), null);
            Random random = new Random(42);
            long[] intervals = new long[(int) (seconds * 1000) + 16];
            new AnimationTimer() {
              private long start = -1;
              private long last;
              private int frames;
              private long kaboomsSent;

              @Override
              public void handle(long pulse) {
                long now = System.nanoTime();
                if (start < 0) {
                  start = now;
                }
                long t = now - start;
                if (t >= warmupNanos) {
                  long since = t - warmupNanos;
                  if (since > measureNanos) {
                    stop();
                    window.stopTimer();
                    long[] r = java.util.Arrays.copyOf(intervals, frames + 1);
                    r[frames] = since; // the last slot: the measured time
                    stage.close();
                    result.complete(r);
                    return;
                  }
                  if (frames > 0 || since > 0) {
                    if (frames < intervals.length - 1) {
                      intervals[frames] = now - last;
                    }
                    frames++;
                  }
                  long due = since * kaboomsPerSecond / 1_000_000_000L;
                  while (kaboomsSent < due) {
                    vm.kaboom(workerPaths.get(random.nextInt(workerPaths.size())));
                    kaboomsSent++;
                  }
                }
                last = now;
              }
            }.start();
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    long[] r = result.get((long) (warmupSeconds + seconds) + 120, TimeUnit.SECONDS);
    int frames = r.length - 1;
    double measured = r[frames] / 1e9;
    long[] intervals = java.util.Arrays.copyOf(r, frames);
    if (frames == 0) { // (bench --quick on a busy machine: 0 fps would read as a result)
      throw new IllegalStateException(
          "no frame was drawn in the " + seconds + " s measured (too short on this machine)");
    }
    out.accept(new Bench.Figure("U1_fps_" + nodes, frames / measured, "fps"));
    out.accept(new Bench.Figure("U1_frame_p99", Bench.percentile(intervals, 99) / 1e6, "ms"));
  }
}
