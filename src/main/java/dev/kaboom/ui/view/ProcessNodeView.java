package dev.kaboom.ui.view;

import dev.kaboom.engine.Pid;
import dev.kaboom.ui.model.NodeStatus;
import dev.kaboom.ui.model.ProcessNodeModel;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * One process drawn in the tree: a light box of texts (id, registered name, pid, restarts; for a
 * supervisor its strategy badge and restart-intensity meter). Its look comes from CSS: style
 * classes {@code process-node supervisor|worker} and one pseudo-class per state ({@code :running
 * :crashed :restarting :stopped :trapping}, plus {@code :gave-up :deleted}, {@code :added} for a
 * child that just came with start_child and {@code :leaving} while a removed one fades out); the
 * badge gets {@code :lit}.
 */
public final class ProcessNodeView extends VBox {
  static final PseudoClass TRAPPING = PseudoClass.getPseudoClass("trapping");
  static final PseudoClass GAVE_UP = PseudoClass.getPseudoClass("gave-up");
  static final PseudoClass DELETED = PseudoClass.getPseudoClass("deleted");
  static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");
  static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
  static final PseudoClass LEAVING = PseudoClass.getPseudoClass("leaving");
  static final PseudoClass UNREGISTERED = PseudoClass.getPseudoClass("unregistered");
  static final PseudoClass IGNORED = PseudoClass.getPseudoClass("ignored");
  static final PseudoClass SIGNIFICANT = PseudoClass.getPseudoClass("significant");
  static final PseudoClass ANONYMOUS = PseudoClass.getPseudoClass("anonymous");
  static final PseudoClass LINKED_ONLY = PseudoClass.getPseudoClass("linked-only");

  /** A click on this box waits behind the cascade the picture still plays (it glows till drawn). */
  static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

  private ProcessNodeModel model;
  private final ResourceBundle bundle;
  private final Text idText = new Text();
  private final Text pidText = new Text();
  private final Label nameLabel = new Label();
  private final Text restartsText = new Text();
  private final Label badge = new Label();
  private final Text meterText = new Text();

  /**
   * The kind line: a DynamicSupervisor's children are anonymous ({@code :undefined}, the spec they
   * came from here), a significant child, a DynamicSupervisor, a supervisor's auto_shutdown.
   */
  private final Label tagLabel = new Label();

  private String shownTag;
  private boolean shownIgnored;
  private boolean shownSignificant;

  /** The restart-intensity gauge: one slot per allowed restart (supervisors). */
  private final javafx.scene.layout.HBox gauge = new javafx.scene.layout.HBox();

  private final javafx.scene.layout.HBox badgeRow = new javafx.scene.layout.HBox();

  /**
   * Where the pid before a restart is drawn (struck through, above the box) in this box's parent's
   * coordinates, while it is; else null. Labels drawn over the tree keep off it.
   */
  public javafx.geometry.Bounds oldPidBounds() {
    return oldPidText.isVisible() ? localToParent(oldPidText.getBoundsInParent()) : null;
  }

  /** The pid before a restart, struck through above the box while the new one appears. */
  private final Text oldPidText = new Text();

  private String shownGauge = "";
  private NodeStatus shownStatus;
  private String shownPid = "";
  private Pid shownPidObject;
  private String shownName;
  private String shownMeter = "";
  private int shownRestartCount = -1;
  private long shownMeterKey = -1;
  private String shownBadge = "";
  private boolean shownTrapping;
  private boolean shownLit;
  private boolean shownGaveUp;
  private boolean shownDeleted;
  private boolean shownAdded;
  private boolean shownLeaving;
  private double shownOpacity = 1;

  public ProcessNodeView(ProcessNodeModel model, ResourceBundle bundle, boolean compact) {
    this(model, bundle, compact, true);
  }

  /**
   * A box for {@code model}; {@code withId} false leaves the box (and its gauge) without a CSS id,
   * so that it can be {@linkplain #rebind rebound} to another process without CSS being applied
   * again (the big trees' recycled boxes, {@link TreePane#VIRTUAL_ABOVE}).
   */
  ProcessNodeView(ProcessNodeModel model, ResourceBundle bundle, boolean compact, boolean withId) {
    this.model = model;
    this.bundle = bundle;
    if (withId) {
      setId(idFor(model.path()));
    }
    getStyleClass().addAll("process-node", model.isSupervisor() ? "supervisor" : "worker");
    if (compact) {
      getStyleClass().add("compact");
    }
    setAlignment(Pos.CENTER);
    idText.getStyleClass().add("node-id");
    idText.setText(model.anonymous() ? ":undefined" : model.id());
    tagLabel.getStyleClass().add("node-tag");
    tagLabel.setMnemonicParsing(false);
    tagLabel.setMinWidth(0);
    tagLabel.setMaxWidth(Double.MAX_VALUE);
    tagLabel.setAlignment(Pos.CENTER);
    pseudoClassStateChanged(ANONYMOUS, model.anonymous());
    pseudoClassStateChanged(LINKED_ONLY, model.linkedOnly());
    pidText.getStyleClass().add("node-pid");
    nameLabel.getStyleClass().add("node-name");
    nameLabel.setMnemonicParsing(false);
    nameLabel.setMinWidth(0);
    nameLabel.setMaxWidth(Double.MAX_VALUE);
    nameLabel.setAlignment(Pos.CENTER);
    restartsText.getStyleClass().add("node-restarts");
    badge.getStyleClass().add("strategy-badge");
    badge.setMnemonicParsing(false);
    meterText.getStyleClass().add("node-meter");
    getChildren().add(idText);
    if (hasNameLine(model)) {
      getChildren().add(nameLabel);
    }
    shownTag = tagText(bundle, model);
    if (shownTag != null) {
      tagLabel.setText(shownTag);
      getChildren().add(tagLabel);
    }
    getChildren().add(pidText);
    oldPidText.getStyleClass().add("node-old-pid");
    oldPidText.setManaged(false);
    oldPidText.setVisible(false);
    getChildren().add(oldPidText);
    if (model.isSupervisor()) {
      gauge.getStyleClass().add("intensity-gauge");
      if (withId) {
        gauge.setId(idFor(model.path()) + "-gauge");
      }
      gauge.setAlignment(Pos.CENTER);
      badgeRow.setAlignment(Pos.CENTER);
      badgeRow.getStyleClass().add("badge-row");
      badgeRow.getChildren().addAll(badge, gauge);
      getChildren().add(badgeRow);
      if (!compact) {
        getChildren().add(meterText);
      }
    } else if (!compact) {
      getChildren().add(restartsText);
    }
    setMouseTransparent(false);
    setPickOnBounds(true);
    update(0);
  }

  /**
   * The node id used for lookups: {@code node-} and the path with {@code /} as {@code -} and every
   * other character that is not a letter, a digit, {@code -} or {@code _} as {@code _}, so it can
   * stand in a CSS {@code #id} selector ({@code iex/Servy.KickStarter} is {@code
   * node-iex-Servy_KickStarter}; a dot would start a style class).
   */
  public static String idFor(String path) {
    StringBuilder b = new StringBuilder(path.length() + 5).append("node-");
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      b.append(c == '/' ? '-' : plain || c == '-' ? c : '_');
    }
    return b.toString();
  }

  public ProcessNodeModel model() {
    return model;
  }

  /**
   * Draws another process of the same kind (supervisor or worker, with or without a name line) in
   * this box: only the texts and pseudo-classes that differ change, so no CSS is looked up again.
   */
  void rebind(ProcessNodeModel next, double nowNanos) {
    if (next.isSupervisor() != model.isSupervisor() || hasNameLine(next) != hasNameLine(model)) {
      throw new IllegalArgumentException("a box is rebound to a process of another kind");
    }
    model = next;
    idText.setText(next.anonymous() ? ":undefined" : next.id());
    pseudoClassStateChanged(ANONYMOUS, next.anonymous());
    pseudoClassStateChanged(LINKED_ONLY, next.linkedOnly());
    shownPid = ""; // the pid and name lines are written again
    setPending(false); // (the tree marks the new process's box again if a click waits on it)
    update(nowNanos);
  }

  private boolean pending;

  /** Marks the box as clicked, its answer still to be drawn ({@code :pending}); cheap if same. */
  void setPending(boolean p) {
    if (p != pending) {
      pending = p;
      pseudoClassStateChanged(PENDING, p);
    }
  }

  /** Whether the box is marked as clicked with its answer still to be drawn. */
  public boolean isPending() {
    return pending;
  }

  /** The state drawn now (null before the first update). */
  NodeStatus shownStatus() {
    return shownStatus;
  }

  /**
   * Nodes whose spec registers a name get a line for it; so does a process a worker linked (the
   * HTTP server), which registers its name itself.
   */
  static boolean hasNameLine(ProcessNodeModel m) {
    return m.spec().name().isPresent() || m.linkedOnly();
  }

  /**
   * The kind line's text, or null when the node has none: the spec an anonymous child of a
   * DynamicSupervisor came from, "significant", "DynamicSupervisor", "auto_shutdown: ...", joined
   * by " · ".
   */
  public static String tagText(ResourceBundle bundle, ProcessNodeModel m) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (m.anonymous()) {
      parts.add(m.id());
    }
    if (m.linkedOnly()) {
      parts.add(bundle.getString("node.linkedOnly"));
    }
    if (m.significant()) {
      parts.add(bundle.getString("node.significant"));
    }
    if (m.isSupervisor() && m.dynamic()) {
      parts.add(bundle.getString("node.dynamic"));
      if (m.full()) {
        parts.add(MessageFormat.format(bundle.getString("node.full"), m.maxChildren()));
      }
    }
    if (m.isSupervisor() && !"never".equals(m.autoShutdown())) {
      parts.add(MessageFormat.format(bundle.getString("node.autoShutdown"), m.autoShutdown()));
    }
    return parts.isEmpty() ? null : String.join(" \u00b7 ", parts);
  }

  /** Whether the box has a kind line now (its height depends on it). */
  public boolean hasTagLine() {
    return shownTag != null;
  }

  private boolean tagLineChanged;

  /** True once after the kind line came or went (the box needs another height). */
  boolean takeTagLineChanged() {
    boolean c = tagLineChanged;
    tagLineChanged = false;
    return c;
  }

  /** Brings the texts and pseudo-classes in line with the model (cheap when nothing changed). */
  public void update(double nowNanos) {
    if (model.status() != shownStatus) {
      for (NodeStatus s : NodeStatus.values()) {
        pseudoClassStateChanged(PseudoClass.getPseudoClass(s.pseudoClass()), s == model.status());
      }
      shownStatus = model.status();
    }
    Pid current = model.pid().orElse(null);
    String name = model.registeredName().orElse(null);
    String tag = tagText(bundle, model);
    if (!java.util.Objects.equals(tag, shownTag)) {
      if (tag == null) {
        getChildren().remove(tagLabel);
      } else if (shownTag == null) {
        getChildren().add(getChildren().indexOf(pidText), tagLabel);
      }
      tagLabel.setText(tag == null ? "" : tag);
      tagLineChanged = (tag == null) != (shownTag == null);
      shownTag = tag;
    }
    if (model.significant() != shownSignificant) {
      pseudoClassStateChanged(SIGNIFICANT, model.significant());
      shownSignificant = model.significant();
    }
    if (current != shownPidObject
        || !java.util.Objects.equals(name, shownName)
        || model.ignored() != shownIgnored
        || shownPid.isEmpty()) {
      shownPidObject = current;
      shownName = name;
      shownIgnored = model.ignored();
      pseudoClassStateChanged(IGNORED, shownIgnored);
      // init returned :ignore: kept with no process (:undefined)
      shownPid =
          shownIgnored
              ? bundle.getString("node.ignored")
              : current == null ? "-" : current.toString(); // the Elixir way: #PID<0.105.0>
      pidText.setText(shownPid);
      if (hasNameLine(model)) {
        // the registered name; the spec's name, dimmed, while nothing holds it
        nameLabel.setText(name != null ? name : model.spec().name().orElse(""));
        nameLabel.pseudoClassStateChanged(UNREGISTERED, name == null);
      }
    }
    boolean trapping = model.trapping(nowNanos);
    if (trapping != shownTrapping) {
      pseudoClassStateChanged(TRAPPING, trapping);
      shownTrapping = trapping;
    }
    if (model.gaveUp() != shownGaveUp) {
      pseudoClassStateChanged(GAVE_UP, model.gaveUp());
      shownGaveUp = model.gaveUp();
    }
    if (model.deleted() != shownDeleted) {
      pseudoClassStateChanged(DELETED, model.deleted());
      shownDeleted = model.deleted();
    }
    boolean added = model.justAdded(nowNanos);
    if (added != shownAdded) {
      pseudoClassStateChanged(ADDED, added);
      shownAdded = added;
    }
    if (model.leaving() != shownLeaving) {
      pseudoClassStateChanged(LEAVING, model.leaving());
      shownLeaving = model.leaving();
    }
    double opacity = model.leaving() ? 0.15 + 0.6 * model.presence(nowNanos) : 1.0;
    double exit = model.exitEffect(nowNanos);
    if (!Double.isNaN(exit) && !model.exitWasCrash() && !model.leaving()) {
      opacity = 1.0 - 0.5 * Math.sin(Math.PI * exit); // an orderly stop fades out and back
    }
    double change = model.pidChange(nowNanos);
    boolean changing = !Double.isNaN(change) && model.previousPid().isPresent();
    oldPidText.setVisible(changing);
    if (changing) {
      oldPidText.setText(model.previousPid().get().toString());
      oldPidText.setOpacity(1 - change);
      double w = oldPidText.getLayoutBounds().getWidth();
      double h = oldPidText.getLayoutBounds().getHeight();
      oldPidText.relocate((getPrefWidth() - w) / 2, -h - 2 - change * h * 0.6);
    }
    pidText.setOpacity(changing ? 0.25 + 0.75 * change : 1.0);
    if (opacity != shownOpacity) {
      setOpacity(opacity);
      shownOpacity = opacity;
    }
    if (model.restartCount() != shownRestartCount) {
      shownRestartCount = model.restartCount();
      restartsText.setText(
          MessageFormat.format(bundle.getString("node.restarts"), shownRestartCount));
    }
    if (model.isSupervisor()) {
      String b = model.strategy().otpName();
      if (!b.equals(shownBadge)) {
        badge.setText(b);
        shownBadge = b;
      }
      boolean lit = model.badgeLit(nowNanos);
      if (lit != shownLit) {
        badge.pseudoClassStateChanged(LIT, lit);
        shownLit = lit;
      }
      // formatting is the costly part of a refresh: only when the numbers changed
      long key =
          (model.gaveUp() ? 1L << 62 : 0)
              ^ ((long) model.restartsInWindow() << 40)
              ^ ((long) model.intensity() << 24)
              ^ model.periodMillis();
      updateGauge(model.virtualMillisForGauge());
      if (key != shownMeterKey) {
        shownMeterKey = key;
        String meter = meterText(bundle, model);
        if (!meter.equals(shownMeter)) {
          meterText.setText(meter);
          shownMeter = meter;
        }
      }
    }
  }

  private static final PseudoClass FILLED = PseudoClass.getPseudoClass("filled");
  private static final PseudoClass LAST = PseudoClass.getPseudoClass("last");
  private static final PseudoClass FULL = PseudoClass.getPseudoClass("gave-up");

  /** Slots drawn at most; a bigger intensity is one continuous bar. */
  static final int MAX_SLOTS = 10;

  /**
   * The gauge: {@code intensity} slots, one filled per restart in the window (oldest first, each
   * paler as it ages towards leaving the window); amber when the last free slot is taken (one more
   * crash and it gives up), red once it gave up. An intensity above {@link #MAX_SLOTS} (say
   * max_restarts 1000) is one bar as wide as four slots, filled by the restarts in the window over
   * the intensity (at least a sliver for one), with the same colours; the meter line under it gives
   * the count and the limit.
   */
  private void updateGauge(long nowMillis) {
    int intensity = model.intensity();
    boolean bar = intensity > MAX_SLOTS;
    int slots = bar ? 2 : Math.max(1, intensity);
    java.util.List<Double> ages = model.restartAges(nowMillis);
    int filled = model.gaveUp() ? slots : Math.min(slots, ages.size());
    boolean last = !model.gaveUp() && model.restartsInWindow() >= intensity && intensity > 0;
    double fraction =
        model.gaveUp() ? 1 : Math.min(1, ages.size() / (double) Math.max(1, intensity));
    StringBuilder key =
        new StringBuilder()
            .append(slots)
            .append(bar)
            .append(filled)
            .append(last)
            .append(model.gaveUp())
            .append(bar ? Math.round(fraction * 200) : 0);
    for (double a : bar ? java.util.List.<Double>of() : ages) {
      key.append(',').append(Math.round(a * 20));
    }
    if (key.toString().equals(shownGauge)) {
      return;
    }
    shownGauge = key.toString();
    while (gauge.getChildren().size() < slots) {
      javafx.scene.layout.Region r = new javafx.scene.layout.Region();
      r.getStyleClass().add("gauge-slot");
      gauge.getChildren().add(r);
    }
    gauge.getChildren().remove(slots, gauge.getChildren().size());
    gauge.pseudoClassStateChanged(GAUGE_BAR, bar);
    if (bar) {
      // the filled part and the free part of one bar, as wide as four slots (the badge keeps its
      // width)
      double width = BAR_EM;
      double on = fraction <= 0 ? 0 : Math.max(0.2, width * fraction);
      javafx.scene.Node fill = gauge.getChildren().get(0);
      javafx.scene.Node rest = gauge.getChildren().get(1);
      fill.setStyle(widthStyle(on));
      rest.setStyle(widthStyle(width - on));
      fill.setVisible(on > 0);
      fill.setManaged(on > 0);
      rest.setVisible(width - on > 0.01);
      rest.setManaged(width - on > 0.01);
      fill.pseudoClassStateChanged(FILLED, true);
      fill.pseudoClassStateChanged(LAST, last);
      fill.pseudoClassStateChanged(FULL, model.gaveUp());
      rest.pseudoClassStateChanged(FILLED, false);
      rest.pseudoClassStateChanged(LAST, false);
      rest.pseudoClassStateChanged(FULL, false);
      fill.setOpacity(1);
      gaugeFraction = fraction;
      return;
    }
    gaugeFraction = intensity <= 0 ? 0 : Math.min(1, filled / (double) slots);
    for (int i = 0; i < slots; i++) {
      javafx.scene.Node r = gauge.getChildren().get(i);
      r.setStyle("");
      r.setVisible(true);
      r.setManaged(true);
      boolean on = i < filled;
      r.pseudoClassStateChanged(FILLED, on);
      r.pseudoClassStateChanged(LAST, on && last);
      r.pseudoClassStateChanged(FULL, model.gaveUp());
      double age = on && !model.gaveUp() && i < ages.size() ? ages.get(i) : 0;
      r.setOpacity(1 - 0.65 * age); // paler as it ages out of the window
    }
  }

  private static final PseudoClass GAUGE_BAR = PseudoClass.getPseudoClass("bar");

  /** The width of a big intensity's bar, in em. */
  private static final double BAR_EM = 3.0;

  private double gaugeFraction;

  private static String widthStyle(double em) {
    return String.format(
        java.util.Locale.ROOT,
        "-fx-min-width: %.3fem; -fx-pref-width: %.3fem; -fx-max-width: %.3fem;",
        em,
        em,
        em);
  }

  /** Whether the gauge is one bar (an intensity above {@link #MAX_SLOTS}), for tests. */
  public boolean gaugeIsBar() {
    return model.intensity() > MAX_SLOTS;
  }

  /** How full the gauge is drawn: 0 to 1 (restarts in the window over the intensity), tests. */
  public double gaugeFraction() {
    return gaugeFraction;
  }

  /** The gauge's slots (tests): each a Region with :filled, :last, :gave-up. */
  public java.util.List<javafx.scene.Node> gaugeSlots() {
    return java.util.List.copyOf(gauge.getChildren());
  }

  /** "2 of 3 restarts in 5 s", or "gave up" once the supervisor reached its intensity. */
  public static String meterText(ResourceBundle bundle, ProcessNodeModel m) {
    if (m.gaveUp()) {
      return bundle.getString("node.gaveUp");
    }
    return MessageFormat.format(
        bundle.getString("node.meter"),
        m.restartsInWindow(),
        m.intensity(),
        m.periodMillis() % 1000 == 0
            ? Long.toString(m.periodMillis() / 1000)
            : Double.toString(m.periodMillis() / 1000.0));
  }
}
