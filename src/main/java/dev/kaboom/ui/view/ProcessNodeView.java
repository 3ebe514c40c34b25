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

  private final ProcessNodeModel model;
  private final ResourceBundle bundle;
  private final Text idText = new Text();
  private final Text pidText = new Text();
  private final Label nameLabel = new Label();
  private final Text restartsText = new Text();
  private final Label badge = new Label();
  private final Text meterText = new Text();
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
    this.model = model;
    this.bundle = bundle;
    setId(idFor(model.path()));
    getStyleClass().addAll("process-node", model.isSupervisor() ? "supervisor" : "worker");
    if (compact) {
      getStyleClass().add("compact");
    }
    setAlignment(Pos.CENTER);
    idText.getStyleClass().add("node-id");
    idText.setText(model.id());
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
    getChildren().add(pidText);
    if (model.isSupervisor()) {
      getChildren().add(badge);
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

  /** The node id used for lookups: {@code node-} and the path with {@code /} as {@code -}. */
  public static String idFor(String path) {
    return "node-" + path.replace('/', '-');
  }

  public ProcessNodeModel model() {
    return model;
  }

  /** The state drawn now (null before the first update). */
  NodeStatus shownStatus() {
    return shownStatus;
  }

  /** Nodes whose spec registers a name get a line for it. */
  static boolean hasNameLine(ProcessNodeModel m) {
    return m.spec().name().isPresent();
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
    if (current != shownPidObject
        || !java.util.Objects.equals(name, shownName)
        || shownPid.isEmpty()) {
      shownPidObject = current;
      shownName = name;
      shownPid = current == null ? "-" : current.toString(); // the Elixir way: #PID<0.105.0>
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
