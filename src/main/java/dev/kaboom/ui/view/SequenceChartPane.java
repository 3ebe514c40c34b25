package dev.kaboom.ui.view;

import dev.kaboom.engine.TraceEvent;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.model.SequenceModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The sequence chart beside or under the tree: the lifelines of the episode the current step
 * belongs to and its rows (arrows and notes, {@link SequenceModel}), the current step's rows
 * highlighted and the rows after it faded; it follows the timeline both ways.
 *
 * <p>A click on a row seeks the timeline there (pausing) and selects its process in the tree; a
 * click on a group's header expands it, on the bracket over an expanded group folds it again; the
 * wheel scrolls a long episode, Shift+wheel (or the scroll bar) the lifelines. A row's tooltip is
 * the narration sentence of its step. Drawn on a canvas, only the rows in view; folded lazily from
 * the view model's shown events while the pane is shown. Colours come from the theme's looked-up
 * colours ({@code .seq-*} swatches), so dark and high-contrast apply.
 */
public final class SequenceChartPane {
  /**
   * Fewer rows than this in an episode: its lifelines are those of the whole episode (a one_for_all
   * restart of 100 children is about 500 rows; they are worked out once per episode and change, not
   * per frame); a longer one gets the lifelines of the rows in view.
   */
  static final int WHOLE_EPISODE_ROWS = 5000;

  private final MainViewModel vm;
  private final ResourceBundle bundle;
  private final Canvas canvas = new Canvas();
  private final Pane host = new Pane(canvas);
  private final ScrollBar hbar = new ScrollBar();
  private final Label title = new Label();
  private final VBox box;
  private final Tooltip tip = new Tooltip();
  private final Map<String, Rectangle> swatches = new HashMap<>();
  private final Pane palette = new Pane();
  private final Set<String> expanded = new HashSet<>();

  private SequenceModel model = new SequenceModel();
  private Object session;
  private int firstRow;
  private int lastAnchor = -1;
  private int lastScrolledTo = -1;
  private String drawn = "";
  private double scale = 1;

  /** What was drawn last, for clicks, tooltips and tests. */
  private Shown shown = Shown.EMPTY;

  /**
   * The last picture: its lanes, the rows drawn (indices into the model) from {@code top} down
   * {@code rowHeight} apart, the columns' centres, the highlighted rows, and the groups' brackets.
   */
  private record Shown(
      SequenceModel.Lanes lanes,
      List<Integer> rows,
      double top,
      double rowHeight,
      double headTop,
      double headBottom,
      double[] centres,
      double column,
      Set<Integer> highlighted,
      Map<String, double[]> brackets) {
    static final Shown EMPTY =
        new Shown(
            new SequenceModel.Lanes(List.of(), Map.of()),
            List.of(),
            0,
            1,
            0,
            0,
            new double[0],
            1,
            Set.of(),
            Map.of());
  }

  public SequenceChartPane(MainViewModel vm, ResourceBundle bundle) {
    this.vm = vm;
    this.bundle = bundle;
    title.setText(bundle.getString("seq.title"));
    title.getStyleClass().add("seq-title");
    host.setId("sequence-chart-canvas");
    host.setMinSize(0, 0);
    host.setPrefSize(200, 120);
    VBox.setVgrow(host, Priority.ALWAYS);
    canvas.widthProperty().bind(host.widthProperty());
    canvas.heightProperty().bind(host.heightProperty());
    canvas.widthProperty().addListener((o, a, b) -> refresh());
    canvas.heightProperty().addListener((o, a, b) -> refresh());
    hbar.setOrientation(Orientation.HORIZONTAL);
    hbar.setVisible(false);
    hbar.setManaged(false);
    hbar.valueProperty().addListener((o, a, b) -> refresh());
    palette.setManaged(false);
    palette.setVisible(false);
    for (String s :
        List.of(
            "signal",
            "message",
            "shutdown",
            "start",
            "call",
            "give-up",
            "text",
            "head",
            "group",
            "life",
            "note",
            "crash",
            "focus",
            "bg")) {
      Rectangle r = new Rectangle();
      r.getStyleClass().add("seq-" + s);
      swatches.put(s, r);
      palette.getChildren().add(r);
    }
    box = new VBox(title, host, hbar, palette);
    box.setId("sequence-chart");
    box.getStyleClass().add("sequence-chart");
    box.setMinSize(0, 0);
    tip.setShowDelay(Duration.millis(250));
    tip.setWrapText(true);
    tip.setMaxWidth(520);
    Tooltip.install(host, tip);
    host.setOnMouseMoved(this::hover);
    host.setOnMouseClicked(this::click);
    host.setOnScroll(this::scroll);
    setFontScale(1);
  }

  public Node node() {
    return box;
  }

  /** The rows grow with the window's font scale, less than the tree (as the timeline does). */
  public void setFontScale(double scale) {
    this.scale = Math.max(1, scale);
    title.setStyle(
        String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 13 + 4 * (this.scale - 1)));
    drawn = "";
    refresh();
  }

  // ---- following the run ----

  /** The model drawn (for tests). */
  public SequenceModel model() {
    return model;
  }

  /** The rows of the current step, highlighted (indices into {@link #model()}). */
  public Set<Integer> highlightedRows() {
    return shown.highlighted();
  }

  /** The lifelines drawn last, left to right (tests). */
  public List<SequenceModel.Lifeline> shownLifelines() {
    return shown.lanes().lifelines();
  }

  /** The screen point of the middle of the header of lifeline {@code key}, if it is in view. */
  public Optional<Point2D> headerPoint(String key) {
    List<SequenceModel.Lifeline> ls = shown.lanes().lifelines();
    for (int i = 0; i < ls.size(); i++) {
      double x = shown.centres()[i];
      if (ls.get(i).key().equals(key) && x >= 0 && x <= canvas.getWidth()) {
        return Optional.of(host.localToScreen(x, (shown.headTop() + shown.headBottom()) / 2));
      }
    }
    return Optional.empty();
  }

  /** The screen point of the bracket over expanded group {@code key}, if it is drawn. */
  public Optional<Point2D> bracketPoint(String key) {
    double[] b = shown.brackets().get(key);
    if (b == null) {
      return Optional.empty();
    }
    double x = Math.max(b[0], 0) + 6;
    return Optional.of(host.localToScreen(x, shown.headTop() / 2));
  }

  /** Where row {@code row} is drawn (the middle of its arrow or note), if it is in view. */
  public Optional<Point2D> rowPoint(int row) {
    int i = shown.rows().indexOf(row);
    if (i < 0) {
      return Optional.empty();
    }
    SequenceModel.Row r = model.row(row);
    int a = shown.lanes().columnOf(r.from());
    int b = shown.lanes().columnOf(r.to());
    double x = (shown.centres()[a] + shown.centres()[b]) / 2;
    double y = shown.top() + (i + 0.5) * shown.rowHeight();
    return Optional.of(
        host.localToScreen(x, y + (r.kind().isNote() ? 0 : shown.rowHeight() * 0.2)));
  }

  /**
   * Folds the events shown since the last call, and redraws if anything changed. Returns whether it
   * had anything to do (the window then leaves other redraws to the next frame in a storm).
   */
  public boolean refresh() {
    if (!box.isVisible() || box.getScene() == null) {
      return false;
    }
    Object s = vm.session().orElse(null);
    List<TraceEvent> events = vm.shownEvents();
    if (s != session || events.size() < model.events()) {
      session = s;
      restart(0, events);
    }
    // (the marks' event indexes only: a mark made with marks().get reads its event, every frame)
    int markCount = vm.marks().size();
    int head = vm.playheadProperty().get();
    boolean looking = head >= 0 && head < markCount;
    int target = looking ? vm.markEventIndex(head) : Integer.MAX_VALUE;
    if (looking && target < model.firstEventKept()) {
      // looking back before the rows kept (a long storm): fold again from the command that began
      // that step's episode
      restart(episodeFrom(target), events);
    }
    boolean folded = fold(events, target);
    int current;
    int before;
    if (looking) {
      current = vm.markEventIndex(head);
      before = head > 0 ? vm.markEventIndex(head - 1) : -1;
    } else {
      current = model.events() - 1;
      before = markCount >= 2 ? vm.markEventIndex(markCount - 2) : -1;
      if (markCount > 0 && vm.markEventIndex(markCount - 1) < before) {
        before = -1;
      }
    }
    String sig = signature(current, before);
    if (sig.equals(drawn)) {
      return folded;
    }
    draw(current, before);
    // what was drawn, as the drawing left it: it may move the first row shown (to follow the
    // current step) or the scroll bar, and the next frame would otherwise draw the same again (in
    // a storm every beat drew the chart twice, two full repaints of its canvas in a row)
    drawn = signature(current, before);
    return true;
  }

  private String signature(int current, int before) {
    return model.rowCount()
        + "/"
        + current
        + "/"
        + before
        + "/"
        + firstRow
        + "/"
        + expanded
        + "/"
        + canvas.getWidth()
        + "x"
        + canvas.getHeight()
        + "/"
        + hbar.getValue()
        + "/"
        + scale;
  }

  /**
   * At most about this many rows are kept while the chart follows a run (a storm adds about ten a
   * kaboom): whole episodes, the oldest dropped first; looking further back folds again.
   */
  static final int MAX_ROWS = 20_000;

  /** A new model whose rows start at event {@code from} of {@code events}. */
  private void restart(int from, List<TraceEvent> events) {
    model = SequenceModel.windowed(MAX_ROWS, vm.narration()::saidAt);
    model.skipTo(events, from);
    cachedLanesKey = "";
    firstRow = 0;
    lastAnchor = -1;
    lastScrolledTo = -1;
    drawn = "";
  }

  /**
   * Folds {@code events} on: to their end, or, looking back at event {@code target}, until that
   * event's episode is whole (the rows after it are not needed, and folding them would drop it).
   * Returns whether it folded anything.
   */
  private boolean fold(List<TraceEvent> events, int target) {
    int end = events.size();
    boolean any = model.events() < end;
    while (model.events() < end) {
      int stop = target == Integer.MAX_VALUE ? end : Math.min(end, model.events() + 256);
      for (int i = model.events(); i < stop; i++) {
        model.apply(events.get(i));
      }
      if (model.events() > target) {
        int a = model.lastRowAtOrBefore(target);
        if (a < 0 || model.episodeEnd(a) < model.rowCount()) {
          break;
        }
      }
    }
    return any;
  }

  /**
   * Where the episode of event {@code index} began: the place of the last command given at or
   * before it (a click, a console line; not the clock's sleeps), else the run's start.
   */
  private int episodeFrom(int index) {
    List<dev.kaboom.scenario.Simulation.Recorded> cs = vm.recordedCommands();
    int lo = 0;
    int hi = cs.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (cs.get(mid).eventIndex() <= index) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    for (int i = found; i >= 0; i--) {
      dev.kaboom.scenario.Simulation.Recorded c = cs.get(i);
      if (!(c.command() instanceof dev.kaboom.scenario.Command.Sleep)) {
        return (int) Math.max(0, Math.min(c.eventIndex(), index));
      }
    }
    return 0;
  }

  // ---- drawing ----

  private Paint colour(String swatch, Color fallback) {
    Paint p = swatches.get(swatch).getFill();
    return p == null || swatches.get(swatch).getScene() == null ? fallback : p;
  }

  private double fontPx() {
    return 12 + 4 * (scale - 1);
  }

  private Font font(boolean bold) {
    String family =
        title.getFont() == null ? Font.getDefault().getFamily() : title.getFont().getFamily();
    return Font.font(family, bold ? FontWeight.BOLD : FontWeight.NORMAL, fontPx());
  }

  /** Text widths by font and text: the same labels are measured frame after frame. */
  private final Map<Font, Map<String, Double>> widths = new HashMap<>();

  private final Text measure = new Text();

  private double width(String s, Font f) {
    Map<String, Double> byText = widths.computeIfAbsent(f, k -> new HashMap<>());
    if (byText.size() > 4096) {
      byText.clear(); // a storm's labels (new pids) come and go: a bounded cache
    }
    return byText.computeIfAbsent(
        s,
        k -> {
          measure.setText(k);
          measure.setFont(f);
          return measure.getLayoutBounds().getWidth();
        });
  }

  private void draw(int current, int before) {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    shown = Shown.EMPTY;
    if (w <= 0 || h <= 0) {
      return;
    }
    palette.applyCss();
    g.setFill(colour("bg", Color.WHITE));
    g.fillRect(0, 0, w, h);
    Font plain = font(false);
    Font bold = font(true);
    double px = fontPx();
    int anchor = model.lastRowAtOrBefore(current);
    if (anchor < 0) {
      g.setFill(colour("text", Color.GRAY));
      g.setFont(plain);
      g.setTextBaseline(VPos.TOP);
      g.fillText(bundle.getString("seq.empty"), 8, 8);
      hbar.setVisible(false);
      hbar.setManaged(false);
      return;
    }
    int es = model.episodeStart(anchor);
    int ee = model.episodeEnd(anchor);
    double bracket = expanded.isEmpty() ? 0 : px * 1.1;
    double headTop = 4 + bracket;
    // rows and headers a little tighter as the font grows (at 250 % the chart shares the window
    // with the tree and the inspector)
    double headHeight = px * (3.0 - 0.15 * (scale - 1));
    double headBottom = headTop + headHeight;
    double rowH = Math.round(px * (2.2 - 0.1 * (scale - 1)));
    Font small = Font.font(plain.getFamily(), px * 0.85);
    double top = headBottom + 4;
    int fit = Math.max(1, (int) ((h - top - 4) / rowH));
    // follow the current step (as the timeline's strip does); the wheel moves freely between steps
    if (anchor != lastAnchor) {
      lastAnchor = anchor;
      if (anchor < firstRow + 1 || anchor > firstRow + fit - 2) {
        firstRow = anchor - fit * 2 / 3;
      }
    }
    firstRow = Math.max(es, Math.min(firstRow, ee - fit));
    int from = firstRow;
    int to = Math.min(ee, firstRow + fit);
    SequenceModel.Lanes lanes =
        ee - es <= WHOLE_EPISODE_ROWS ? lanes(es, ee) : model.lifelines(from, to, expanded);
    int n = lanes.lifelines().size();
    double column = 70 * (1 + 0.5 * (scale - 1));
    for (SequenceModel.Lifeline l : lanes.lifelines()) {
      column = Math.max(column, width(SequenceModel.name(l, bundle), bold) + px);
      column = Math.max(column, width(l.pid(), small) + px);
    }
    for (int i = from; i < to; i++) {
      SequenceModel.Row r = model.row(i);
      int span = Math.abs(lanes.columnOf(r.from()) - lanes.columnOf(r.to()));
      if (span > 0) {
        double need = width(SequenceModel.label(r, lanes, bundle), plain) + px;
        column = Math.max(column, Math.min(need / span, 200 * scale));
      }
    }
    column = Math.ceil(column);
    double total = n * column;
    boolean scrolls = total > w;
    hbar.setVisible(scrolls);
    hbar.setManaged(scrolls);
    if (scrolls) {
      hbar.setMax(total - w);
      hbar.setVisibleAmount(w * (total - w) / total);
    } else if (hbar.getValue() != 0) {
      hbar.setValue(0);
    }
    if (scrolls && anchor != lastScrolledTo) {
      // the current step's lifelines in view (once per step: the user may scroll away)
      lastScrolledTo = anchor;
      SequenceModel.Row r = model.row(anchor);
      double lo = Math.min(lanes.columnOf(r.from()), lanes.columnOf(r.to())) * column;
      double hi = (Math.max(lanes.columnOf(r.from()), lanes.columnOf(r.to())) + 1) * column;
      double v = hbar.getValue();
      if (lo < v || hi > v + w) {
        hbar.setValue(Math.max(0, Math.min(total - w, hi - w > lo ? lo : hi - w)));
      }
    }
    double left = scrolls ? -hbar.getValue() : (w - total) / 2;
    double[] centres = new double[n];
    for (int i = 0; i < n; i++) {
      centres[i] = left + (i + 0.5) * column;
    }
    // the current step's rows
    int stepFrom = model.lastRowAtOrBefore(before) + 1;
    Set<Integer> lit = new HashSet<>();
    for (int i = Math.max(stepFrom, from); i <= anchor && i < to; i++) {
      lit.add(i);
    }
    for (int i : lit) {
      double y = top + (i - from) * rowH;
      g.setFill(colour("focus", Color.DODGERBLUE));
      g.setGlobalAlpha(0.18);
      g.fillRect(0, y, w, rowH);
      g.setGlobalAlpha(1);
      g.fillRect(0, y, Math.max(3, px * 0.3), rowH);
    }
    // lifelines and their headers
    g.setLineWidth(1);
    g.setLineDashes(4, 4);
    g.setStroke(colour("life", Color.GRAY));
    for (double cx : centres) {
      g.strokeLine(cx, headBottom, cx, h);
    }
    g.setLineDashes();
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    Map<String, double[]> brackets = new HashMap<>();
    for (int i = 0; i < n; i++) {
      SequenceModel.Lifeline l = lanes.lifelines().get(i);
      double x = centres[i] - column / 2 + 3;
      g.setFill(colour(l.isGroup() ? "group" : "head", Color.ALICEBLUE));
      g.fillRoundRect(x, headTop, column - 6, headHeight, 6, 6);
      g.setStroke(colour(l.isGroup() ? "give-up" : "life", Color.GRAY));
      g.strokeRoundRect(x, headTop, column - 6, headHeight, 6, 6);
      g.setFill(colour("text", Color.BLACK));
      g.setFont(bold);
      String name = (l.isGroup() ? "\u25b8 " : "") + SequenceModel.name(l, bundle);
      g.fillText(name, centres[i], headTop + headHeight * 0.32, column - 10);
      g.setFont(small); // the pid (or how to open a group) under the name, smaller
      g.fillText(
          l.isGroup() ? bundle.getString("seq.group.tooltip") : l.pid(),
          centres[i],
          headTop + headHeight * 0.72,
          column - 10);
      // an expanded group: a bracket over its members, a click folds it again
      String parent = l.key().contains("/") ? l.key().substring(0, l.key().lastIndexOf('/')) : null;
      if (parent != null && expanded.contains(SequenceModel.GROUP + parent) && !l.isOutside()) {
        double[] b =
            brackets.computeIfAbsent(
                SequenceModel.GROUP + parent,
                k -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
        b[0] = Math.min(b[0], centres[i] - column / 2 + 4);
        b[1] = Math.max(b[1], centres[i] + column / 2 - 4);
      }
    }
    g.setStroke(colour("give-up", Color.PURPLE));
    g.setLineWidth(1.5);
    for (double[] b : brackets.values()) {
      double y = 3 + bracket / 2;
      g.strokeLine(b[0], y + bracket / 3, b[0], y);
      g.strokeLine(b[0], y, b[1], y);
      g.strokeLine(b[1], y, b[1], y + bracket / 3);
      g.setFill(colour("give-up", Color.PURPLE));
      g.setFont(plain);
      g.setTextAlign(TextAlignment.LEFT);
      g.fillText("\u25be", b[0] + 2, y);
      g.setTextAlign(TextAlignment.CENTER);
    }
    // the rows
    List<Integer> drawnRows = new ArrayList<>();
    g.save();
    g.beginPath();
    g.rect(0, headBottom, w, h - headBottom);
    g.clip();
    for (int i = from; i < to; i++) {
      drawnRows.add(i);
      SequenceModel.Row r = model.row(i);
      double y = top + (i - from + 0.5) * rowH;
      g.setGlobalAlpha(r.eventIndex() > current ? 0.3 : 1.0);
      drawRow(g, r, lanes, centres, column, y, rowH, plain, lit.contains(i));
    }
    g.restore();
    g.setGlobalAlpha(1);
    shown =
        new Shown(lanes, drawnRows, top, rowH, headTop, headBottom, centres, column, lit, brackets);
  }

  private SequenceModel.Lanes cachedLanes;
  private String cachedLanesKey = "";

  /** The lifelines of rows {@code from} to {@code to}, worked out again only when they change. */
  private SequenceModel.Lanes lanes(int from, int to) {
    String key = from + "/" + to + "/" + expanded;
    if (!key.equals(cachedLanesKey)) {
      cachedLanes = model.lifelines(from, to, expanded);
      cachedLanesKey = key;
    }
    return cachedLanes;
  }

  private void drawRow(
      GraphicsContext g,
      SequenceModel.Row r,
      SequenceModel.Lanes lanes,
      double[] centres,
      double column,
      double y,
      double rowH,
      Font plain,
      boolean lit) {
    int a = lanes.columnOf(r.from());
    int b = lanes.columnOf(r.to());
    if (a < 0 || b < 0) {
      return;
    }
    String label = SequenceModel.label(r, lanes, bundle);
    g.setFont(plain);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    double px = fontPx();
    if (r.kind().isNote()) {
      String fill = r.kind() == SequenceModel.Kind.GIVE_UP ? "group" : r.fatal() ? "crash" : "note";
      double tw = width(label, plain) + px;
      double nw = Math.max(column * 0.8, tw);
      // on its lifeline, but kept whole on the canvas while the lifeline is in view
      double nx = centres[b];
      double cw = canvas.getWidth();
      if (nx >= 0 && nx <= cw && nw < cw) {
        nx = Math.max(nw / 2 + 1, Math.min(cw - nw / 2 - 1, nx));
      }
      g.setFill(colour(fill, Color.LIGHTYELLOW));
      g.fillRoundRect(nx - nw / 2, y - rowH * 0.38, nw, rowH * 0.76, 5, 5);
      g.setStroke(colour(r.fatal() ? "signal" : "life", Color.GRAY));
      g.setLineWidth(lit ? 2 : 1);
      g.strokeRoundRect(nx - nw / 2, y - rowH * 0.38, nw, rowH * 0.76, 5, 5);
      g.setFill(colour("text", Color.BLACK));
      g.fillText(label, nx, y);
      return;
    }
    Paint p =
        colour(
            switch (r.kind()) {
              case SIGNAL -> "signal";
              case EXIT_MESSAGE, DOWN -> "message";
              case SHUTDOWN, KILL -> "shutdown";
              case START -> "start";
              default -> "call";
            },
            Color.GRAY);
    g.setStroke(p);
    g.setFill(p);
    g.setLineWidth(lit ? 2.5 : 1.5);
    boolean dashed =
        r.kind() == SequenceModel.Kind.REPLY
            || r.kind() == SequenceModel.Kind.DOWN
            || r.kind() == SequenceModel.Kind.EXIT_MESSAGE;
    if (dashed) {
      g.setLineDashes(6, 3);
    }
    double lineY = y + rowH * 0.2;
    double xa = centres[a];
    double xb = centres[b];
    if (a == b) {
      double loop = column * 0.25;
      g.strokePolyline(
          new double[] {xa, xa + loop, xa + loop, xa + 4},
          new double[] {lineY - rowH * 0.3, lineY - rowH * 0.3, lineY, lineY},
          4);
      g.setLineDashes();
      g.setTextAlign(TextAlignment.LEFT);
      g.setFill(colour("text", Color.BLACK));
      g.fillText(label, xa + loop + 4, lineY - rowH * 0.15);
      return;
    }
    double dir = Math.signum(xb - xa);
    g.strokeLine(xa, lineY, xb - dir * 2, lineY);
    g.setLineDashes();
    double s = px * 0.55;
    if (r.fatal()) {
      g.setLineWidth(2);
      g.strokeLine(xb - s, lineY - s, xb + s, lineY + s);
      g.strokeLine(xb - s, lineY + s, xb + s, lineY - s);
    } else {
      g.fillPolygon(
          new double[] {xb, xb - dir * s * 1.6, xb - dir * s * 1.6},
          new double[] {lineY, lineY - s * 0.8, lineY + s * 0.8},
          3);
    }
    g.setFill(colour("text", Color.BLACK));
    // the label over the part of the arrow in view (the chart may be scrolled sideways)
    double lo = Math.max(Math.min(xa, xb), 0);
    double hi = Math.min(Math.max(xa, xb), canvas.getWidth());
    double cx = (xa + xb) / 2;
    if (hi > lo) {
      // keep the whole text on the canvas when it is wider than the part in view
      double tw = width(label, plain);
      cx = Math.max(Math.min((lo + hi) / 2, canvas.getWidth() - tw / 2 - 2), tw / 2 + 2);
    }
    g.fillText(label, cx, lineY - rowH * 0.33, Math.abs(xb - xa) + column * 0.8);
  }

  // ---- the pointer ----

  /** The row under {@code y}, or -1. */
  private int rowAt(double y) {
    if (y < shown.top()) {
      return -1;
    }
    int i = (int) ((y - shown.top()) / shown.rowHeight());
    return i < shown.rows().size() ? shown.rows().get(i) : -1;
  }

  /** The lifeline whose header is at {@code x, y}, or -1. */
  private int headerAt(double x, double y) {
    if (y < shown.headTop() || y > shown.headBottom()) {
      return -1;
    }
    for (int i = 0; i < shown.centres().length; i++) {
      if (Math.abs(x - shown.centres()[i]) <= shown.column() / 2) {
        return i;
      }
    }
    return -1;
  }

  private Optional<String> bracketAt(double x, double y) {
    if (y >= shown.headTop()) {
      return Optional.empty();
    }
    for (Map.Entry<String, double[]> b : shown.brackets().entrySet()) {
      if (x >= b.getValue()[0] - 4 && x <= b.getValue()[1] + 4) {
        return Optional.of(b.getKey());
      }
    }
    return Optional.empty();
  }

  private void hover(MouseEvent e) {
    String text = null;
    int row = rowAt(e.getY());
    int head = headerAt(e.getX(), e.getY());
    if (row >= 0) {
      SequenceModel.Row r = model.row(row);
      String label = SequenceModel.label(r, shown.lanes(), bundle);
      text =
          model.why(row).map(n -> vm.narration().render(n)).orElse(label)
              + (model.why(row).isPresent() ? "\n(" + label + ")" : "");
    } else if (head >= 0) {
      SequenceModel.Lifeline l = shown.lanes().lifelines().get(head);
      text =
          l.isGroup()
              ? SequenceModel.name(l, bundle) + "\n" + bundle.getString("seq.group.tooltip")
              : l.key() + (l.isOutside() ? "" : "  " + l.pid());
    } else if (bracketAt(e.getX(), e.getY()).isPresent()) {
      text = bundle.getString("seq.group.collapse");
    }
    if (text == null) {
      tip.hide();
      tip.setText("");
    } else if (!text.equals(tip.getText())) {
      tip.setText(text);
    }
  }

  private void click(MouseEvent e) {
    Optional<String> fold = bracketAt(e.getX(), e.getY());
    if (fold.isPresent()) {
      expanded.remove(fold.get());
      lastScrolledTo = -1; // the current step's lifelines in view again
      refresh();
      return;
    }
    int head = headerAt(e.getX(), e.getY());
    if (head >= 0) {
      SequenceModel.Lifeline l = shown.lanes().lifelines().get(head);
      if (l.isGroup()) {
        expanded.add(l.key());
        lastScrolledTo = -1;
        refresh();
      } else if (!l.isOutside()) {
        vm.selectedPathProperty().set(l.key());
      }
      return;
    }
    int row = rowAt(e.getY());
    if (row >= 0) {
      seekTo(row);
    }
  }

  /**
   * Seeks the timeline to row {@code row}'s step (the first visible event at or after it; the
   * present when none is) and selects its process in the tree (the receiver, else the sender).
   */
  public void seekTo(int row) {
    SequenceModel.Row r = model.row(row);
    List<MainViewModel.Mark> marks = vm.marks();
    int k = -1;
    int lo = 0;
    int hi = marks.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (marks.get(mid).eventIndex() >= r.eventIndex()) {
        k = mid;
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    if (k < 0) {
      vm.goLive();
    } else {
      vm.pausedProperty().set(true);
      vm.seekMark(k);
    }
    String path = !r.to().startsWith("#") ? r.to() : r.from();
    if (!path.startsWith("#")) {
      vm.selectedPathProperty().set(path);
    }
    refresh();
  }

  private void scroll(ScrollEvent e) {
    if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
      double d = e.isShiftDown() ? e.getDeltaY() : e.getDeltaX();
      hbar.setValue(Math.max(0, Math.min(hbar.getMax(), hbar.getValue() - d)));
    } else if (e.getDeltaY() != 0) {
      firstRow += e.getDeltaY() > 0 ? -3 : 3;
      refresh();
    }
    e.consume();
  }
}
