package dev.kaboom.ui.view;

import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.model.RankPyramid;
import dev.kaboom.ui.model.TimelineModel;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;

/**
 * The timeline under the tree: buttons to jump to the start, step back, play or pause, step forward
 * and jump to now; a strip with one tick per visible event (death, restart, give-up, first start,
 * other) and per command, and a playhead; zoom buttons; the step shown, as text.
 *
 * <p>A click or a drag on the strip seeks there (and pauses); past the last step it is the present
 * again. Ctrl + the mouse wheel zooms around the pointer. The strip reads only the view model's
 * marks, commands and playhead ({@link TimelineModel} does the geometry); it is drawn on a canvas,
 * so a run of a million events costs one pass over the visible ticks. Colours come from the theme's
 * looked-up colours ({@code -kb-crashed}, {@code -kb-running}, ...), so the projector theme
 * applies.
 */
public final class TimelineStrip {
  /** Pixels free at either end of the strip, so the first and last tick can be clicked. */
  static final double PAD = 8;

  private final MainViewModel vm;
  private final ResourceBundle bundle;
  private final TimelineModel model = new TimelineModel();
  private final Canvas canvas = new Canvas();
  private final Pane track = new Pane(canvas);
  private final Label position = new Label();
  private final Button play;
  private final HBox box;
  private final Map<TimelineModel.Kind, Rectangle> swatches =
      new EnumMap<>(TimelineModel.Kind.class);
  private final Rectangle playheadSwatch = new Rectangle();
  private final Rectangle trackSwatch = new Rectangle();
  private final Pane palette = new Pane();
  private String drawn = "";
  private double scale = 1;

  public TimelineStrip(MainViewModel vm, ResourceBundle bundle) {
    this.vm = vm;
    this.bundle = bundle;
    Button start = button("timeline-start", "tl-icon-start", "timeline.start", vm::seekStart);
    Button back = button("timeline-back", "tl-icon-back", "timeline.back", vm::stepBack);
    play = button("timeline-play", "tl-icon-play", "timeline.play", this::togglePlay);
    Button forward =
        button("timeline-forward", "tl-icon-forward", "timeline.forward", vm::stepForward);
    Button end = button("timeline-end", "tl-icon-end", "timeline.end", vm::goLive);
    Button zoomOut = text("timeline-zoom-out", "\u2212", "timeline.zoomOut", () -> zoom(2));
    Button zoomIn = text("timeline-zoom-in", "+", "timeline.zoomIn", () -> zoom(0.5));
    track.setId("timeline-track");
    track.getStyleClass().add("timeline-track");
    track.setMinWidth(80);
    track.setPrefHeight(1);
    HBox.setHgrow(track, Priority.ALWAYS);
    canvas.widthProperty().bind(track.widthProperty());
    canvas.heightProperty().bind(track.heightProperty());
    canvas.widthProperty().addListener((o, a, b) -> refresh());
    canvas.heightProperty().addListener((o, a, b) -> refresh());
    trackTip.setText(bundle.getString("timeline.track.tooltip"));
    trackTip.setWrapText(true);
    trackTip.setMaxWidth(520);
    Tooltip.install(track, trackTip);
    track.setOnMouseMoved(this::explainAt);
    track.setOnMousePressed(this::seekAt);
    track.setOnMouseDragged(this::seekAt);
    track.setOnScroll(this::onScroll);
    position.setId("timeline-position");
    position.getStyleClass().add("timeline-position");
    position.setMinWidth(Region.USE_PREF_SIZE);
    // colours from the theme: invisible shapes whose fill the stylesheet sets
    palette.setManaged(false);
    palette.setVisible(false);
    for (TimelineModel.Kind k : TimelineModel.Kind.values()) {
      Rectangle r = new Rectangle();
      r.getStyleClass().add("tl-" + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      swatches.put(k, r);
      palette.getChildren().add(r);
    }
    playheadSwatch.getStyleClass().add("tl-playhead");
    trackSwatch.getStyleClass().add("tl-line");
    palette.getChildren().addAll(playheadSwatch, trackSwatch);
    box = new HBox(4, start, back, play, forward, end, track, zoomOut, zoomIn, position, palette);
    box.setId("timeline");
    box.getStyleClass().add("timeline");
    box.setAlignment(Pos.CENTER_LEFT);
    box.setMinHeight(Region.USE_PREF_SIZE);
    vm.pausedProperty().addListener((o, a, b) -> updatePlay());
    updatePlay();
    setFontScale(1);
  }

  public Node node() {
    return box;
  }

  /** The geometry (zoom, tick positions), for tests. */
  public TimelineModel model() {
    return model;
  }

  /**
   * The strip grows with the window's font scale (presentation mode), but less than the tree (13 px
   * at 100 %, 19 px at 250 %): on a projector the tree gets the height.
   */
  public void setFontScale(double scale) {
    this.scale = scale;
    double s = Math.max(1, scale);
    box.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 13 + 4 * (s - 1)));
    track.setMinHeight(Math.round(26 + 6 * (s - 1)));
    drawn = "";
    refresh();
  }

  private Button button(String id, String icon, String key, Runnable action) {
    Region glyph = new Region();
    glyph.getStyleClass().addAll("tl-icon", icon);
    Button b = new Button();
    b.setGraphic(glyph);
    b.setId(id);
    b.getStyleClass().add("timeline-button");
    b.setTooltip(new Tooltip(bundle.getString(key)));
    b.setAccessibleText(bundle.getString(key));
    b.setFocusTraversable(false); // the arrow keys stay time steps
    b.setOnAction(e -> action.run());
    return b;
  }

  private Button text(String id, String text, String key, Runnable action) {
    Button b = new Button(text);
    b.setMnemonicParsing(false);
    b.setId(id);
    b.getStyleClass().add("timeline-button");
    b.setTooltip(new Tooltip(bundle.getString(key)));
    b.setFocusTraversable(false);
    b.setOnAction(e -> action.run());
    return b;
  }

  private void togglePlay() {
    vm.pausedProperty().set(!vm.pausedProperty().get());
  }

  private void updatePlay() {
    boolean paused = vm.pausedProperty().get();
    Node g = play.getGraphic();
    g.getStyleClass().removeAll("tl-icon-play", "tl-icon-pause");
    g.getStyleClass().add(paused ? "tl-icon-play" : "tl-icon-pause");
    String key = paused ? "timeline.play" : "timeline.pause";
    play.getTooltip().setText(bundle.getString(key));
    play.setAccessibleText(bundle.getString(key));
  }

  /** The step the playhead is on: the mark shown, or the last one when the picture is live. */
  private double playheadPosition() {
    int p = vm.playheadProperty().get();
    return p >= 0 ? p : vm.marks().size() - 1;
  }

  private void zoom(double factor) {
    model.zoom(factor, playheadPosition(), vm.marks().size());
    drawn = "";
    refresh();
  }

  private void onScroll(ScrollEvent e) {
    if (!e.isControlDown() || e.getDeltaY() == 0) {
      return;
    }
    int total = vm.marks().size();
    double w = canvas.getWidth();
    double center =
        model.visibleFirst(total)
            - 0.5
            + (e.getX() - PAD) / Math.max(1, w - 2 * PAD) * model.visibleSpan(total);
    model.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, center, total);
    drawn = "";
    refresh();
    e.consume();
  }

  private final Tooltip trackTip = new Tooltip();

  /** The tooltip over the strip tells the step under the pointer and explains it. */
  private void explainAt(MouseEvent e) {
    int total = vm.marks().size();
    int k = model.stepAt(e.getX(), total, canvas.getWidth(), PAD);
    trackTip.setText(stepText(k));
  }

  /** The step {@code k}'s place and sentence (the strip's tooltip); -1: how to use the strip. */
  public String stepText(int k) {
    if (k < 0) {
      return bundle.getString("timeline.track.tooltip");
    }
    return MessageFormat.format(
        bundle.getString("timeline.step.tooltip"),
        k + 1,
        vm.marks().size(),
        vm.explainMark(k).map(n -> vm.narration().render(n)).orElse(""));
  }

  private void seekAt(MouseEvent e) {
    int total = vm.marks().size();
    int k = model.stepAt(e.getX(), total, canvas.getWidth(), PAD);
    seek(k);
    e.consume();
  }

  /**
   * Seeks to step {@code k} (pausing), or to the present for -1: what a click on the strip does.
   */
  public void seek(int k) {
    if (k < 0) {
      vm.goLive();
    } else {
      vm.pausedProperty().set(true);
      vm.seekMark(k);
    }
    refresh();
  }

  /** Redraws when the marks, the commands, the playhead, the zoom or the size changed. */
  public void refresh() {
    refresh(System.nanoTime());
  }

  /** {@link #refresh()} at the frame time {@code now} (ns; a growing run is redrawn by it). */
  public void refresh(long now) {
    List<MainViewModel.Mark> marks = vm.marks();
    int total = marks.size();
    int head = vm.playheadProperty().get();
    model.follow(playheadPosition(), total);
    String sig =
        total
            + "/"
            + vm.commandCount()
            + "/"
            + head
            + "/"
            + model.visibleFirst(total)
            + "/"
            + model.visibleSpan(total)
            + "/"
            + canvas.getWidth()
            + "x"
            + canvas.getHeight();
    if (sig.equals(drawn)) {
      return;
    }
    position.setText(
        head >= 0
            ? MessageFormat.format(bundle.getString("timeline.position"), head + 1, total)
            : MessageFormat.format(bundle.getString("timeline.now"), total));
    // a live run that only grew (a storm adds marks every frame) is redrawn a few times a second:
    // drawing goes through every mark
    String size = canvas.getWidth() + "x" + canvas.getHeight();
    boolean onlyGrew = !drawn.isEmpty() && head < 0 && drawnHead < 0 && size.equals(drawnSize);
    if (onlyGrew && now - drawnAt < REDRAW_GROWING_NANOS) {
      return;
    }
    drawn = sig;
    drawnHead = head;
    drawnAt = now;
    drawnSize = size;
    draw(marks, total, head);
  }

  /** The tick drawn in each pixel column by the last redraw (null: none), for tests. */
  private TimelineModel.Kind[] drawnColumns = new TimelineModel.Kind[0];

  /** The tick drawn in each pixel column by the last redraw (null: none), for tests. */
  public List<TimelineModel.Kind> drawnColumns() {
    return java.util.Arrays.asList(drawnColumns.clone());
  }

  /** Redraws now, whatever changed (tests). */
  public void redraw() {
    drawn = "";
    drawnAt = 0;
    refresh();
  }

  /** A live run that only grew is redrawn at most this often (ns). */
  private static final long REDRAW_GROWING_NANOS = 200_000_000L;

  private long drawnAt;
  private int drawnHead;
  private String drawnSize = "";

  private Paint fill(Rectangle swatch, Color fallback) {
    Paint p = swatch.getFill();
    return p == null || swatch.getScene() == null ? fallback : p;
  }

  private void draw(List<MainViewModel.Mark> marks, int total, int head) {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    if (w <= 0 || h <= 0) {
      return;
    }
    palette.applyCss(); // the theme's colours as they are now (after a theme or size change)
    double mid = h * 0.55;
    g.setStroke(fill(trackSwatch, Color.GRAY));
    g.setLineWidth(1);
    g.strokeLine(PAD, mid, w - PAD, mid);
    double first = model.visibleFirst(total);
    double last = first + model.visibleSpan(total);
    double line = Math.max(1.5, 2 * scale);
    // the most telling tick of each pixel (a storm puts many on one), grouped by kind and drawn in
    // rank order: each column asks the summary of the marks for the highest rank among the marks
    // that fall on it (logarithmic in the run's length), and the commands for any on it; no tick
    // object is made, and the cost is bounded by the strip's width, not by the run's length
    summarize(marks, total);
    int columns = (int) Math.ceil(w) + 2;
    TimelineModel.Kind[] kindAt = new TimelineModel.Kind[columns];
    int from = (int) Math.max(0, Math.floor(first - 1));
    int to = (int) Math.min(total - 1, Math.ceil(last));
    double span = model.visibleSpan(total);
    double inner = Math.max(1, w - 2 * PAD);
    int commandRank = rank(TimelineModel.Kind.COMMAND);
    for (int px = 0; px < columns; px++) {
      // the marks m whose x rounds to px: x(m) in [px - 0.5, px + 0.5)
      double p0 = first - 0.5 + (px - 0.5 - PAD) / inner * span;
      double p1 = first - 0.5 + (px + 0.5 - PAD) / inner * span;
      int lo = px == 0 ? from : (int) Math.max(from, Math.ceil(p0));
      int hi = px == columns - 1 ? to + 1 : (int) Math.min(to + 1, Math.ceil(p1));
      int best = lo < hi ? ranks.max(lo, hi) : -1;
      // a command sits half a step before the first mark it set off: m - 0.5 in [p0, p1)
      if (best < commandRank
          && anyCommand(marks, Math.ceil(p0 + 0.5), Math.ceil(p1 + 0.5), first - 0.5, last + 0.5)) {
        best = commandRank;
      }
      if (best >= 0) {
        kindAt[px] = KIND_OF_RANK[best];
      }
    }
    drawnColumns = kindAt;
    // each kind's ticks (in rank order: the telling ones on top) as one path filled once, a run of
    // neighbouring columns of one kind as one rectangle (their ticks overlap: the same pixels): the
    // software renderer's cost follows the path's edges, and a storm puts a command on every column
    // (a fill per tick took tens of ms a redraw; a rectangle per column still cost the render
    // thread 5-10 ms a redraw)
    for (int r = 0; r < KIND_OF_RANK.length; r++) {
      TimelineModel.Kind kind = KIND_OF_RANK[r];
      double y0 =
          switch (kind) {
            case COMMAND -> 1;
            case DEATH, GIVE_UP -> h * 0.2;
            case RESTART -> h * 0.3;
            default -> mid - h * 0.15;
          };
      double y1 =
          switch (kind) {
            case COMMAND -> h - 1;
            case DEATH, GIVE_UP, RESTART -> h - 2;
            default -> mid + h * 0.15;
          };
      double lw = kind == TimelineModel.Kind.GIVE_UP ? line * 2 : line;
      boolean any = false;
      g.beginPath();
      for (int px = 0; px < columns; px++) {
        if (kindAt[px] == kind) {
          int end = runEnd(kindAt, px);
          g.rect(px + 0.5 - lw / 2, y0, end - px + lw, y1 - y0);
          px = end;
          any = true;
        }
      }
      if (!any) {
        continue;
      }
      g.setFill(fill(swatches.get(kind), Color.DARKGRAY));
      g.fill();
      if (kind == TimelineModel.Kind.COMMAND) {
        // a triangle over each command; neighbouring ones overlap (2s wide, a pixel apart) into a
        // trapezoid, drawn as one (the notches between them were under a pixel deep)
        g.setFill(fill(swatches.get(kind), Color.BLUE));
        double s = h * 0.16;
        g.beginPath();
        for (int px = 0; px < columns; px++) {
          if (kindAt[px] == kind) {
            int end = runEnd(kindAt, px);
            double x0 = px + 0.5;
            double x1 = end + 0.5;
            g.moveTo(x0 - s, 1);
            g.lineTo(x1 + s, 1);
            g.lineTo(x1, 1 + 1.6 * s);
            g.lineTo(x0, 1 + 1.6 * s);
            g.closePath();
            px = end;
          }
        }
        g.fill();
      }
    }
    g.beginPath();
    if (total > 0) {
      double x = Math.round(model.xOf(playheadPosition(), total, w, PAD)) + 0.5;
      Paint p = fill(playheadSwatch, Color.ORANGE);
      g.setStroke(p);
      g.setFill(p);
      g.setLineWidth(line * 1.5);
      g.strokeLine(x, 0, x, h);
      double s = h * 0.2;
      g.fillPolygon(new double[] {x - s, x + s, x}, new double[] {h, h, h - 1.4 * s}, 3);
      if (head < 0) {
        // live: the playhead is at the present (the right end is now)
        g.fillRect(x, h - 3, w - PAD - x, 3);
      }
    }
  }

  /** The last column of the run of neighbouring columns from {@code px} with its kind of tick. */
  private static int runEnd(TimelineModel.Kind[] kindAt, int px) {
    int end = px;
    while (end + 1 < kindAt.length && kindAt[end + 1] == kindAt[px]) {
      end++;
    }
    return end;
  }

  // ---- the summary of the run's marks and commands (kept up to date as the run grows) ----

  /** Each mark's tick rank ({@link #rank}), for the highest rank of a stretch of marks. */
  private RankPyramid ranks = new RankPyramid();

  private Object summarizedSession;
  private int summarizedLastEvent = -1;

  /** The places (marks before them) of the commands whose place is final, in order. */
  private int[] commandPlaces = new int[16];

  private int commandPlaceCount;

  /** How many of the run's recorded commands were looked at (sleeps are skipped). */
  private int commandsSeen;

  /** Whether a command's place is not final yet (it is after every mark shown). */
  private boolean commandPending;

  private static final TimelineModel.Kind[] KIND_OF_RANK = new TimelineModel.Kind[6];

  static {
    for (TimelineModel.Kind k : TimelineModel.Kind.values()) {
      KIND_OF_RANK[rank(k)] = k;
    }
  }

  /**
   * Brings the summary up to the run's {@code total} marks: appends the new marks' ranks and the
   * places of the commands that are final (a command's place is the number of marks before its
   * event: final once a mark at or after its event is shown). A new session, or marks that are no
   * longer those summarized (a fork, an undo), start it again.
   */
  private void summarize(List<MainViewModel.Mark> marks, int total) {
    Object session = vm.session().orElse(null);
    int n = ranks.size();
    if (session != summarizedSession
        || total < n
        || (n > 0 && vm.markEventIndex(n - 1) != summarizedLastEvent)) {
      summarizedSession = session;
      ranks = new RankPyramid();
      commandPlaceCount = 0;
      commandsSeen = 0;
      n = 0;
    }
    for (int m = n; m < total; m++) {
      ranks.add(rank(TimelineModel.kindOf(vm.markKind(m))));
    }
    summarizedLastEvent = total > 0 ? vm.markEventIndex(total - 1) : -1;
    List<dev.kaboom.scenario.Simulation.Recorded> commands = vm.recordedCommands();
    commandPending = false;
    while (commandsSeen < commands.size()) {
      dev.kaboom.scenario.Simulation.Recorded c = commands.get(commandsSeen);
      if (!(c.command() instanceof dev.kaboom.scenario.Command.Sleep)) {
        if (summarizedLastEvent < c.eventIndex()) {
          // marks before it may still come (the picture plays behind the engine): for now its
          // place is after every mark, as it is for the ones after it
          commandPending = true;
          break;
        }
        if (commandPlaceCount == commandPlaces.length) {
          commandPlaces = java.util.Arrays.copyOf(commandPlaces, commandPlaceCount * 2);
        }
        commandPlaces[commandPlaceCount++] = marksBefore(total, c.eventIndex());
      }
      commandsSeen++;
    }
  }

  /**
   * Whether a command sits at a place (marks before it) in [{@code lo}, {@code hi}) whose position
   * (place - 0.5) is in [{@code min}, {@code max}]: a binary search among the final places, then
   * the few commands whose place may still move.
   */
  private boolean anyCommand(
      List<MainViewModel.Mark> marks, double lo, double hi, double min, double max) {
    double a = Math.max(lo, Math.ceil(min));
    double b = Math.min(hi, Math.floor(max) + 1);
    if (a >= b) {
      return false;
    }
    int i = java.util.Arrays.binarySearch(commandPlaces, 0, commandPlaceCount, (int) a);
    if (i < 0) {
      i = -i - 1;
    }
    if (i < commandPlaceCount && commandPlaces[i] < b) {
      return true;
    }
    // a command whose place is not final yet: every mark shown so far is before it
    return commandPending && ranks.size() >= a && ranks.size() < b;
  }

  /**
   * How many of the first {@code total} marks come before event {@code eventIndex} (the marks are
   * in event order; their event indexes only, not their events, are read).
   */
  private int marksBefore(int total, long eventIndex) {
    int lo = 0;
    int hi = total;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (vm.markEventIndex(mid) < eventIndex) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int rank(TimelineModel.Kind k) {
    return switch (k) {
      case GIVE_UP -> 5;
      case COMMAND -> 4;
      case DEATH -> 3;
      case RESTART -> 2;
      case START -> 1;
      case OTHER -> 0;
    };
  }
}
