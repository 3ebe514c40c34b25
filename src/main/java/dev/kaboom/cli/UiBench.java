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
 * processes, with the caption strip, the signal markers and the sequence chart, while 100 random
 * kabooms per second hit its workers; counts the frames (pulses) the window actually gets through
 * and the time between them. Whatever the window's own frame loop does (engine, event drain,
 * redraw) delays the next pulse, so fewer frames mean a slower window.
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
   * One measured run: frames per second, the 99th percentile of the time between frames (ms), and
   * the CPU time the JavaFX thread and the renderer used per frame (ms; unlike the other two, it
   * hardly moves with the machine's load).
   */
  record Result(
      double fps,
      double p99Millis,
      double cpuMillisPerFrame,
      double cpuP99Millis,
      double clickMaxMillis,
      int clickFramesMax,
      int clicks,
      Breakdown slow) {}

  /**
   * Where the long frames go: {@code frames} frames of the run were longer than {@link #SLOW_NANOS}
   * (25 ms, the p99 target: more than 1 % of them and the p99 misses it), {@code withGc} of them
   * had a collection pause in them; {@code gcMillis} is the collectors' pause time in the whole
   * measured run (ms, all pauses), {@code gcCount} their number, {@code renderP99Millis} the 99th
   * percentile of the render thread's CPU time per frame (ms) and {@code slowCpuMillis} / {@code
   * slowRenderMillis} the median CPU time of the JavaFX and render threads in the long frames (ms:
   * far under the frame's length, the frame waited, for a core or a pause).
   */
  record Breakdown(
      int frames,
      int withGc,
      double gcMillis,
      int gcCount,
      double renderP99Millis,
      double slowCpuMillis,
      double slowRenderMillis) {}

  /** A frame longer than this is a slow one for the breakdown (the U1_frame_p99 target). */
  static final long SLOW_NANOS = 25_000_000L;

  /**
   * {@code warmupRuns} runs of {@link #measure} that are not counted (the JIT), then {@code runs}
   * runs: each run's figures go to {@code progress} ({@code # run i/n ...}); {@code out} gets
   * {@code U1_fps_<nodes>}, {@code U1_frame_p99}, {@code U1_cpu_per_frame}, {@code
   * U1_cpu_frame_p99} (the 99th percentile of the JavaFX thread's CPU time per frame, ms: the long
   * frames' work, which moves less with the machine's load than their length), {@code
   * U1_click_frames} (the most frames a click waited for its answer to be drawn: 1 is the next
   * frame) and {@code U1_click_max} (the longest wait, ms, from the click's event to the end of the
   * layout of the frame that shows its answer) (the medians over the runs) and, with more than one
   * run, each one's spread (max - min) as {@code <name>_spread}. Throws IllegalStateException when
   * no frame was drawn in a measured time (0 fps would read as a result).
   */
  static void run(
      int nodes,
      double warmupSeconds,
      double seconds,
      int kaboomsPerSecond,
      int warmupRuns,
      int runs,
      Consumer<String> progress,
      Consumer<Bench.Figure> out)
      throws Exception {
    List<Result> results = new ArrayList<>();
    seconds = Double.parseDouble(System.getProperty("kaboom.u1.seconds", Double.toString(seconds)));
    if (HEAP) {
      warmupRuns = 0; // the heap's growth over the storm, not the JIT's
    }
    for (int i = 0; i < warmupRuns; i++) {
      // the JIT compiles the window's code during the first runs: at 2,000 nodes the CPU per
      // frame fell from 43 to 10 ms over five runs, and the 10,000-node runs after them are warm
      System.gc();
      Result r = measure(nodes, warmupSeconds, seconds, kaboomsPerSecond);
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "# warm-up run U1 %d nodes (not counted): %.2f fps, p99 %.2f ms, cpu %.2f ms/frame",
              nodes,
              r.fps(),
              r.p99Millis(),
              r.cpuMillisPerFrame()));
    }
    for (int i = 0; i < runs; i++) {
      System.gc();
      Result r = measure(nodes, warmupSeconds, seconds, kaboomsPerSecond);
      results.add(r);
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "# run %d/%d U1 %d nodes: %.2f fps, p99 %.2f ms, cpu %.2f ms/frame (p99 %.2f), %d clicks"
                  + " answered within %d frame(s) (%d queued behind a cascade), at most %.1f ms,"
                  + " load %s; %d frames over 25 ms"
                  + " (%d with a collection; JavaFX cpu %.1f, render cpu %.1f ms), %d collections"
                  + " paused %.0f ms, render cpu p99 %.1f ms",
              i + 1,
              runs,
              nodes,
              r.fps(),
              r.p99Millis(),
              r.cpuMillisPerFrame(),
              r.cpuP99Millis(),
              r.clicks(),
              r.clickFramesMax(),
              clicks.queued,
              r.clickMaxMillis(),
              loadAverage(),
              r.slow().frames(),
              r.slow().withGc(),
              r.slow().slowCpuMillis(),
              r.slow().slowRenderMillis(),
              r.slow().gcCount(),
              r.slow().gcMillis(),
              r.slow().renderP99Millis()));
    }
    figure(out, "U1_fps_" + nodes, "fps", results, Result::fps, runs);
    figure(out, "U1_frame_p99", "ms", results, Result::p99Millis, runs);
    figure(out, "U1_cpu_per_frame", "ms", results, Result::cpuMillisPerFrame, runs);
    figure(out, "U1_cpu_frame_p99", "ms", results, Result::cpuP99Millis, runs);
    figure(out, "U1_click_frames", "frames", results, Result::clickFramesMax, runs);
    figure(out, "U1_click_max", "ms", results, Result::clickMaxMillis, runs);
    figure(out, "U1_slow_frames", "frames", results, r -> r.slow().frames(), runs);
    figure(out, "U1_slow_frames_gc", "frames", results, r -> r.slow().withGc(), runs);
    figure(out, "U1_gc_ms", "ms", results, r -> r.slow().gcMillis(), runs);
    figure(out, "U1_render_frame_p99", "ms", results, r -> r.slow().renderP99Millis(), runs);
  }

  private static void figure(
      Consumer<Bench.Figure> out,
      String name,
      String unit,
      List<Result> results,
      java.util.function.ToDoubleFunction<Result> f,
      int runs) {
    double[] xs = results.stream().mapToDouble(f).sorted().toArray();
    out.accept(new Bench.Figure(name, median(xs), unit));
    if (runs > 1) {
      out.accept(new Bench.Figure(name + "_spread", xs[xs.length - 1] - xs[0], unit));
    }
  }

  /** The median of sorted {@code xs} (the mean of the middle two for an even count). */
  static double median(double[] xs) {
    int n = xs.length;
    return n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
  }

  /** The 1-minute load average (from /proc/loadavg where there is one), or "?". */
  static String loadAverage() {
    try {
      String l = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
      return l.split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }

  /**
   * Opens the window on a {@code nodes}-process tree, lets it settle for {@code warmupSeconds},
   * then hits random workers with {@code kaboomsPerSecond} for {@code seconds}.
   */
  static Result measure(int nodes, double warmupSeconds, double seconds, int kaboomsPerSecond)
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
            AppPrefs prefs = AppPrefs.inMemory();
            prefs.put("sequenceChart", "true"); // shown, as the issue asks (beside the tree)
            MainWindow window = MainWindow.open(stage, prefs, Optional.empty());
            MainViewModel vm = window.viewModel();
            if (FIXED) {
              window.fixFrameTime(FRAME_NANOS);
            }
            vm.load(new Scenario("storm", "U1: 100 kabooms a second", root, List.of()), null);
            Random random = new Random(42);
            long[] intervals = new long[(int) (seconds * 1000) + 16];
            long[] cpus = new long[intervals.length];
            long[] renders = new long[intervals.length];
            long[] gcs = new long[intervals.length];
            java.lang.management.ThreadMXBean mx =
                java.lang.management.ManagementFactory.getThreadMXBean();
            long renderer = rendererThreadId();
            clicks.reset();
            stage
                .getScene()
                .addPostLayoutPulseListener(() -> clicks.afterLayout(vm, System.nanoTime()));
            new AnimationTimer() {
              private long start = -1;
              private long pulses;
              private long last;
              private int frames;
              private long kaboomsSent;
              private long cpuAtStart = -1;
              private long lastCpu = -1;
              private long lastRender;
              private long lastGc;
              private long gcAtStart = -1;
              private long gcCountAtStart;
              private long heapMinutes;

              @Override
              public void handle(long pulse) {
                long now = System.nanoTime();
                long cpu = mx.getCurrentThreadCpuTime();
                long render = renderer < 0 ? 0 : Math.max(0, mx.getThreadCpuTime(renderer));
                long gc = gcMillis();
                if (start < 0) {
                  start = now;
                }
                // -Dkaboom.u1.fixed=true: the storm's clock is the frame count (60 a second)
                long t = FIXED ? pulses++ * FRAME_NANOS : now - start;
                if (t >= warmupNanos) {
                  long since = t - warmupNanos;
                  if (cpuAtStart < 0) {
                    cpuAtStart = renderingCpuNanos();
                    gcAtStart = gc;
                    gcCountAtStart = gcCount();
                  }
                  if (HEAP && since / 60_000_000_000L > heapMinutes) {
                    heapMinutes++;
                    heapReport(window, since); // each minute of the storm
                  }
                  if (since > measureNanos) {
                    stop();
                    window.stopTimer();
                    long[] r = java.util.Arrays.copyOf(intervals, 4 * frames + 4);
                    System.arraycopy(cpus, 0, r, frames, frames);
                    System.arraycopy(renders, 0, r, 2 * frames, frames);
                    System.arraycopy(gcs, 0, r, 3 * frames, frames);
                    // the last four slots: the measured time, CPU time, pause time and count
                    r[4 * frames] = since;
                    r[4 * frames + 1] = renderingCpuNanos() - cpuAtStart;
                    r[4 * frames + 2] = gc - gcAtStart;
                    r[4 * frames + 3] = gcCount() - gcCountAtStart;
                    if (HEAP) {
                      heapReport(window, since);
                    }
                    if (SHOT != null) {
                      shot(stage.getScene(), SHOT);
                    }
                    stage.close();
                    result.complete(r);
                    return;
                  }
                  if (frames > 0 || since > 0) {
                    if (frames < intervals.length - 1) {
                      intervals[frames] = now - last;
                      cpus[frames] = cpu - lastCpu; // the JavaFX thread's, this frame and before
                      renders[frames] = render - lastRender; // the renderer's since the last
                      gcs[frames] = gc - lastGc; // collection pauses since the last (ms)
                    }
                    frames++;
                  }
                  if (CLICKS && since >= clicks.nextAt && clicks.pending == null) {
                    // between this pulse and the next, at a moment unrelated to the pulses
                    clicks.nextAt = since + CLICK_EVERY_NANOS;
                    long jitter = random.nextInt(16_000_000);
                    clickTimer.schedule(
                        () -> Platform.runLater(() -> clicks.click(stage, vm)),
                        jitter,
                        TimeUnit.NANOSECONDS);
                  }
                  long due = since * kaboomsPerSecond / 1_000_000_000L;
                  while (kaboomsSent < due) {
                    vm.kaboom(workerPaths.get(random.nextInt(workerPaths.size())));
                    kaboomsSent++;
                  }
                }
                last = now;
                lastCpu = cpu;
                lastRender = render;
                lastGc = gc;
              }
            }.start();
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    long[] r = result.get((long) (warmupSeconds + seconds) + 120, TimeUnit.SECONDS);
    int frames = (r.length - 4) / 4;
    double measured = r[4 * frames] / 1e9;
    long[] intervals = java.util.Arrays.copyOf(r, frames);
    long[] cpus = java.util.Arrays.copyOfRange(r, frames, 2 * frames);
    long[] renders = java.util.Arrays.copyOfRange(r, 2 * frames, 3 * frames);
    long[] gcs = java.util.Arrays.copyOfRange(r, 3 * frames, 4 * frames);
    if (frames == 0) { // (bench --quick on a busy machine: 0 fps would read as a result)
      throw new IllegalStateException(
          "no frame was drawn in the " + seconds + " s measured (too short on this machine)");
    }
    if (FRAMES != null) {
      StringBuilder csv = new StringBuilder("interval_ms,fx_cpu_ms,render_cpu_ms,gc_ms\n");
      for (int i = 0; i < frames; i++) {
        csv.append(intervals[i] / 1e6)
            .append(',')
            .append(cpus[i] / 1e6)
            .append(',')
            .append(renders[i] / 1e6)
            .append(',')
            .append(gcs[i])
            .append('\n');
      }
      java.nio.file.Files.writeString(java.nio.file.Path.of(FRAMES), csv);
    }
    int slow = 0;
    int slowGc = 0;
    long[] slowCpu = new long[frames];
    long[] slowRender = new long[frames];
    for (int i = 0; i < frames; i++) {
      if (intervals[i] > SLOW_NANOS) {
        slowCpu[slow] = cpus[i];
        slowRender[slow] = renders[i];
        slow++;
        if (gcs[i] > 0) {
          slowGc++;
        }
      }
    }
    Breakdown breakdown =
        new Breakdown(
            slow,
            slowGc,
            r[4 * frames + 2],
            (int) r[4 * frames + 3],
            Bench.percentile(renders, 99) / 1e6,
            slow == 0 ? 0 : Bench.percentile(java.util.Arrays.copyOf(slowCpu, slow), 50) / 1e6,
            slow == 0 ? 0 : Bench.percentile(java.util.Arrays.copyOf(slowRender, slow), 50) / 1e6);
    return new Result(
        frames / measured,
        Bench.percentile(intervals, 99) / 1e6,
        r[4 * frames + 1] / 1e6 / frames,
        Bench.percentile(cpus, 99) / 1e6,
        clicks.maxNanos / 1e6,
        clicks.maxFrames,
        clicks.count,
        breakdown);
  }

  /**
   * -Dkaboom.u1.heap=true: at the end of each run, the heap after a collection with the window
   * still open, and what the sequence chart keeps (whether a long storm grows it:
   * -Dkaboom.u1.seconds).
   */
  private static final boolean HEAP = Boolean.getBoolean("kaboom.u1.heap");

  private static void heapReport(MainWindow window, long nanos) {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long used = rt.totalMemory() - rt.freeMemory();
    var chart = window.controller().sequenceChart().model();
    var run = window.viewModel().session().orElseThrow();
    System.err.printf(
        java.util.Locale.ROOT,
        "# heap after %.0f s of storm: %.1f MB after a collection, window open; %d events, %d"
            + " marks, log %d lines; chart keeps %d of %d rows%n",
        nanos / 1e9,
        used / 1e6,
        run.log().size(),
        window.viewModel().marks().size(),
        window.viewModel().logLines().size(),
        chart.rows().size(),
        chart.rowCount());
  }

  /**
   * -Dkaboom.u1.shot=FILE.png: the window as it is at the end of each run, as a PNG (to look at
   * what the bench measured: the tree, markers, captions and chart in the storm).
   */
  private static final String SHOT = System.getProperty("kaboom.u1.shot");

  /**
   * -Dkaboom.u1.frames=FILE.csv: each frame of the last run (its length, the JavaFX and render
   * threads' CPU time in it, ms, and the collectors' pauses, ms).
   */
  private static final String FRAMES = System.getProperty("kaboom.u1.frames");

  private static void shot(javafx.scene.Scene scene, String file) {
    javafx.scene.image.WritableImage img = scene.snapshot(null);
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    int[] argb = new int[w * h];
    img.getPixelReader()
        .getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
    java.awt.image.BufferedImage out =
        new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    try {
      javax.imageio.ImageIO.write(out, "png", new java.io.File(file));
    } catch (java.io.IOException e) {
      System.err.println("# U1: could not write " + file + ": " + e.getMessage());
    }
  }

  /**
   * -Dkaboom.u1.fixed=true: every frame is a 60th of a second of the storm, however long it took
   * (the run's clock, the kabooms sent and the measured time count frames): each frame then has the
   * same work whatever the machine's load, so the CPU figures of runs at different loads compare
   * (the frame rate and p99 still follow the load). For comparing changes on a busy machine; the
   * figures to report are the ordinary runs' on a quiet one.
   */
  private static final boolean FIXED = Boolean.getBoolean("kaboom.u1.fixed");

  private static final long FRAME_NANOS = 1_000_000_000L / 60;

  /** Whether the runs click (-Dkaboom.u1.clicks=false: the storm alone, as before the clicks). */
  private static final boolean CLICKS =
      Boolean.parseBoolean(System.getProperty("kaboom.u1.clicks", "true"));

  /** A click on a worker's box during the storm, twice a second. */
  private static final long CLICK_EVERY_NANOS = 500_000_000L;

  private static final java.util.concurrent.ScheduledExecutorService clickTimer =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "U1 clicks");
            t.setDaemon(true);
            return t;
          });

  private static final Clicks clicks = new Clicks();

  /**
   * Clicks during the storm: a primary click (pressed, released, clicked, as the mouse sends them)
   * on a worker's box on screen, and how long until a frame has laid out its answer (the worker
   * drawn crashed or restarted: another pid, or a crash or restart state). JavaFX thread only.
   */
  private static final class Clicks {
    long nextAt;
    String pending;
    Object pendingPid;
    long clickedAt;
    int pulsesSince;
    long maxNanos;
    int maxFrames;
    int count;

    /** Clicks the window queued behind a cascade instead of drawing at once (a storm has none). */
    int queued;

    void reset() {
      // the first click a second into the storm: before that the window sees a click or two after
      // a kaboom, as from a learner clicking one node and then another, and rightly lets the first
      // cascade play before it (MainViewModel.isStorm); the figure is about clicks in the storm
      nextAt = MainViewModel.STORM_WINDOW_NANOS;
      queued = 0;
      pending = null;
      maxNanos = 0;
      maxFrames = 0;
      count = 0;
    }

    void click(Stage stage, MainViewModel vm) {
      if (!stage.isShowing() || pending != null) {
        return;
      }
      javafx.scene.Scene scene = stage.getScene();
      javafx.scene.Node tree = scene.lookup(".tree-pane");
      javafx.geometry.Bounds pane = tree == null ? null : tree.localToScene(tree.getLayoutBounds());
      if (tree == null) {
        return;
      }
      // (the tree's boxes only: a lookup over the whole window, its log and inspector, cost the
      // frame after the click a few ms of the bench's own work)
      for (javafx.scene.Node n : tree.lookupAll(".process-node.worker")) {
        if (!(n instanceof dev.kaboom.ui.view.ProcessNodeView v) || !v.isVisible()) {
          continue;
        }
        javafx.geometry.Bounds b = v.localToScene(v.getLayoutBounds());
        if (pane == null || !pane.contains(b.getCenterX(), b.getCenterY())) {
          continue;
        }
        String path = v.model().path();
        var node = vm.tree().node(path).orElse(null);
        if (node == null || node.status() != dev.kaboom.ui.model.NodeStatus.RUNNING) {
          continue;
        }
        pending = path;
        pendingPid = node.pid().orElse(null);
        pulsesSince = 0;
        clickedAt = System.nanoTime();
        double x = v.getWidth() / 2;
        double y = v.getHeight() / 2;
        javafx.geometry.Point2D sp = v.localToScreen(x, y);
        for (javafx.event.EventType<javafx.scene.input.MouseEvent> type :
            List.of(
                javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                javafx.scene.input.MouseEvent.MOUSE_RELEASED,
                javafx.scene.input.MouseEvent.MOUSE_CLICKED)) {
          javafx.event.Event.fireEvent(
              v,
              new javafx.scene.input.MouseEvent(
                  type,
                  x,
                  y,
                  sp == null ? 0 : sp.getX(),
                  sp == null ? 0 : sp.getY(),
                  javafx.scene.input.MouseButton.PRIMARY,
                  1,
                  false,
                  false,
                  false,
                  false,
                  type == javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                  false,
                  false,
                  false,
                  false,
                  true,
                  null));
        }
        if (vm.pendingClicks().contains(path)) {
          queued++;
        }
        return;
      }
    }

    void afterLayout(MainViewModel vm, long now) {
      if (pending == null) {
        return;
      }
      pulsesSince++;
      var node = vm.tree().node(pending).orElse(null);
      boolean answered =
          node == null
              || node.status() != dev.kaboom.ui.model.NodeStatus.RUNNING
              || !java.util.Objects.equals(node.pid().orElse(null), pendingPid);
      if (answered) {
        maxNanos = Math.max(maxNanos, now - clickedAt);
        maxFrames = Math.max(maxFrames, pulsesSince);
        count++;
        pending = null;
      }
    }
  }

  /** The collectors' pause time so far (ms, all collectors). */
  private static long gcMillis() {
    long sum = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  /** The collections so far (all collectors). */
  private static long gcCount() {
    long sum = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionCount());
    }
    return sum;
  }

  /** The id of JavaFX's render thread (QuantumRenderer), or -1. */
  private static long rendererThreadId() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("QuantumRenderer")) {
        return t.getId();
      }
    }
    return -1;
  }

  /**
   * CPU time (ns) used so far by the JavaFX application thread (the caller) and JavaFX's render
   * threads; -1 where the JVM does not measure thread CPU time.
   */
  private static long renderingCpuNanos() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    if (!mx.isThreadCpuTimeSupported()) {
      return -1;
    }
    long sum = mx.getCurrentThreadCpuTime();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("QuantumRenderer")) {
        long c = mx.getThreadCpuTime(t.getId());
        sum += Math.max(0, c);
      }
    }
    return sum;
  }
}
