package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Strategy;
import dev.kaboom.scenario.TreeNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The view model of one node of the supervision tree: its place (path), its spec, and its state as
 * the engine's events have told it. Plain Java so it can be tested without a window.
 */
public final class ProcessNodeModel {
  private final String path;
  private TreeNode spec;
  private final ProcessNodeModel parent;

  /** Its children in order: a shared empty list until it has one (most nodes are workers). */
  private List<ProcessNodeModel> children = NO_CHILDREN;

  private static final List<ProcessNodeModel> NO_CHILDREN = List.of();

  /** Read only: the restart times of the nodes that never had one. */
  private static final TimeList NO_TIMES = new TimeList();

  /**
   * Its restarts, newest first, as an immutable list: a copy of the tree (a seek's checkpoint)
   * shares it, however long the run.
   */
  /** Its latest restart in {@link #restarts} ({@link RestartLog#NONE}: none). */
  private int history = RestartLog.NONE;

  /** The run's restart histories (shared by every fold of the run). */
  RestartLog restarts;

  Pid pid;
  NodeStatus status = NodeStatus.STOPPED;
  int starts;
  String registeredName;
  String lastReason = "";

  /** Restart times (virtual ms) that may still be in the window, oldest first. */
  private TimeList restartTimes; // most hold none: null

  /** What the inspector shows of the current process (folded from its events); null before. */
  ProcFacts facts;

  boolean deleted;

  /** A DynamicSupervisor (its children are anonymous: {@code :undefined} ids). */

  /** A DynamicSupervisor's {@code max_children} ({@code -1}: {@code :infinity}). */

  /** A significant child: its exit may shut its supervisor down ({@code auto_shutdown}). */
  boolean significant;

  /** A supervisor's {@code auto_shutdown}: never, any_significant, all_significant. */

  /** Its last start's {@code init} returned {@code ignore}: kept with no process. */
  boolean ignored;

  boolean stopping;
  double badgeLitUntil;

  /** Model time (ns) it last exited, until when its exit is drawn, and whether it crashed. */
  double exitAt = Double.NaN;

  double exitUntil = Double.NaN;
  boolean exitCrash;

  /**
   * The pid before its last restart (read it with {@link #previous()}), and when the change is
   * drawn (model ns).
   */
  private Pid previousPid;

  /**
   * {@link #previousPid} is the old pid of its history's latest entry, not looked up yet (a thawed
   * checkpoint leaves it so: the look-up decodes a block of the restart log).
   */
  private boolean previousInHistory;

  double pidChangedAt = Double.NaN;
  double pidChangedUntil = Double.NaN;

  /** Virtual time (ms) the oldest restart in the window leaves it (RestartIntensity). */
  double trappingUntil;

  double edgeLitUntil;

  /** Model time (ns) its spec was removed at; NaN while it has one. */

  /** Model time (ns) it disappears from the drawn tree; NaN while it stays. */

  /** Model time (ns) it appeared at run time (start_child); NaN for the scenario's own nodes. */

  /**
   * A copy of this node and its subtree under {@code newParent}: every field (the facts and the
   * restart history shared: the tree copies facts before it changes them), each copy entered into
   * {@code copies}.
   */
  ProcessNodeModel copyTree(
      ProcessNodeModel newParent, java.util.Map<ProcessNodeModel, ProcessNodeModel> copies) {
    ProcessNodeModel c = new ProcessNodeModel(path, spec, newParent);
    copies.put(this, c);
    c.history = history;
    c.restarts = restarts;
    c.pid = pid;
    c.status = status;
    c.starts = starts;
    c.registeredName = registeredName;
    c.lastReason = lastReason;
    c.sup = sup == null ? null : sup.copy();
    c.life = life == null ? null : life.clone();
    if (restartTimes != null && !restartTimes.isEmpty()) {
      c.restartTimesToWrite().addAll(restartTimes);
    }
    c.facts = facts; // shared: the tree copies them before it changes them
    c.deleted = deleted;
    c.significant = significant;
    c.ignored = ignored;
    c.stopping = stopping;
    c.badgeLitUntil = badgeLitUntil;
    c.trappingUntil = trappingUntil;
    c.edgeLitUntil = edgeLitUntil;
    for (ProcessNodeModel child : children) {
      c.addChild(child.copyTree(c, copies));
    }
    return c;
  }

  ProcessNodeModel(String path, TreeNode spec, ProcessNodeModel parent) {
    this.path = path;
    this.spec = spec;
    this.parent = parent;
    setStrategy(spec.strategy());
    setIntensity(spec.intensity());
    setPeriodMillis(spec.periodSeconds() * 1000L);
    setDynamic(spec.options().dynamic());
    setMaxChildren(spec.options().maxChildren());
    this.significant = spec.options().significant();
    setAutoShutdown(spec.options().autoShutdown().otpName());
  }

  public String path() {
    return path;
  }

  public String id() {
    return spec.id();
  }

  public TreeNode spec() {
    return spec;
  }

  public boolean isSupervisor() {
    return spec.supervisor();
  }

  public Optional<ProcessNodeModel> parent() {
    return Optional.ofNullable(parent);
  }

  public List<ProcessNodeModel> children() {
    return Collections.unmodifiableList(children);
  }

  void addChild(ProcessNodeModel c) {
    writableChildren().add(c);
  }

  private List<ProcessNodeModel> writableChildren() {
    if (children == NO_CHILDREN) {
      children = new ArrayList<>(4);
    }
    return children;
  }

  /** Its restart times, oldest first (read only: a shared empty list when it has none). */
  TimeList restartTimes() {
    return restartTimes == null ? NO_TIMES : restartTimes;
  }

  /** Its restart times, to change. */
  TimeList restartTimesToWrite() {
    if (restartTimes == null) {
      restartTimes = new TimeList();
    }
    return restartTimes;
  }

  void setSpec(TreeNode spec) {
    this.spec = spec;
  }

  /** Moves child {@code c} to {@code index} among its siblings. */
  void moveChild(ProcessNodeModel c, int index) {
    if (children != NO_CHILDREN && children.remove(c)) {
      insertChild(index, c);
    }
  }

  void insertChild(int index, ProcessNodeModel c) {
    writableChildren().add(Math.max(0, Math.min(index, children.size())), c);
  }

  /** It was added at run time (start_child), not part of its supervisor's own spec. */
  public boolean wasAdded() {
    return !Double.isNaN(addedAt());
  }

  void removeChild(ProcessNodeModel c) {
    if (children != NO_CHILDREN) {
      children.remove(c);
    }
  }

  /**
   * How visible it is while it fades out after its spec was removed: 1 until then, going down to 0
   * when it leaves the tree.
   */
  public double presence(double nowNanos) {
    double removeAt = removeAt();
    if (Double.isNaN(removeAt)) {
      return 1.0;
    }
    double span = removeAt - removedAt();
    return span <= 0 ? 0.0 : Math.max(0.0, Math.min(1.0, (removeAt - nowNanos) / span));
  }

  /** It is about to leave the drawn tree (its spec was removed). */
  public boolean leaving() {
    return !Double.isNaN(removeAt());
  }

  /** It just appeared at run time (start_child): drawn highlighted for a few beats. */
  public boolean justAdded(double nowNanos) {
    double addedUntil = addedUntil();
    return !Double.isNaN(addedUntil) && nowNanos < addedUntil;
  }

  /** The current (or last) pid; empty before the first start. */
  public Optional<Pid> pid() {
    return Optional.ofNullable(pid);
  }

  /** Alive as the status line counts it: has a pid, not stopped, crashed or leaving the tree. */
  public boolean live() {
    return status != NodeStatus.STOPPED
        && status != NodeStatus.CRASHED
        && pid != null
        && !leaving();
  }

  public NodeStatus status() {
    return status;
  }

  /** How many times it was started again after its first start. */
  public int restartCount() {
    return Math.max(0, starts - 1);
  }

  public Optional<String> registeredName() {
    return Optional.ofNullable(registeredName);
  }

  public String lastReason() {
    return lastReason;
  }

  public Strategy strategy() {
    return sup().strategy;
  }

  public int intensity() {
    return sup().intensity;
  }

  public long periodMillis() {
    return sup().periodMillis;
  }

  public int restartsInWindow() {
    return sup().restartsInWindow;
  }

  /** {@code process_flag(trap_exit)} of the current process. */
  public boolean trapsExits() {
    return facts != null && facts.trapExit;
  }

  /** The current process's links, in the order they were made. */
  public List<Pid> links() {
    return facts == null ? List.of() : facts.links();
  }

  /** The processes the current process monitors. */
  public List<Pid> monitors() {
    return facts == null ? List.of() : facts.monitorTargets();
  }

  /** Messages in the current process's mailbox (sent to it and not yet received). */
  public int mailboxLength() {
    return facts == null ? 0 : facts.mailbox;
  }

  /** The supervisor reached its restart intensity and gave up (escalated to its parent). */
  public boolean gaveUp() {
    return sup().gaveUp;
  }

  /** A DynamicSupervisor: it has no child specs, its children come and go. */
  public boolean dynamic() {
    return sup().dynamic;
  }

  /** A DynamicSupervisor's {@code max_children}: {@code -1} for {@code :infinity}. */
  public int maxChildren() {
    return sup().maxChildren;
  }

  /** A DynamicSupervisor's children now: those shown that are not leaving. */
  public int dynamicChildCount() {
    int n = 0;
    for (ProcessNodeModel c : children()) {
      if (!c.leaving()) {
        n++;
      }
    }
    return n;
  }

  /**
   * A DynamicSupervisor at its {@code max_children}: {@code start_child} answers {@code {:error,
   * :max_children}} until one of its children ends.
   */
  public boolean full() {
    int maxChildren = maxChildren();
    return dynamic() && maxChildren >= 0 && dynamicChildCount() >= maxChildren;
  }

  /**
   * A child of a DynamicSupervisor: anonymous, {@code :undefined} in {@code which_children} (its
   * path keeps the id Kaboom gave it).
   */
  public boolean anonymous() {
    return parent != null && parent.dynamic();
  }

  /**
   * A process a worker started and linked itself (the kick starter's HTTP server): no supervisor
   * restarts it, its link does the work. The shell's own children (an empty world's top) are not.
   */
  public boolean linkedOnly() {
    return parent != null && !parent.isSupervisor() && parent.parent != null;
  }

  /** A significant child ({@code significant: true}): its exit may shut its supervisor down. */
  public boolean significant() {
    return significant;
  }

  /** A supervisor's {@code auto_shutdown} flag as OTP writes it ({@code never} by default). */
  public String autoShutdown() {
    return sup().autoShutdown;
  }

  /**
   * Its last start's {@code init} returned {@code :ignore}: no process runs, its supervisor keeps
   * the child (pid {@code :undefined}) until it is restarted or deleted.
   */
  public boolean ignored() {
    return ignored;
  }

  /** Its spec was removed from its supervisor (temporary child ended, or delete_child). */
  public boolean deleted() {
    return deleted;
  }

  /** Its restarts, oldest first. */
  public List<RestartRecord> history() {
    if (history == RestartLog.NONE) {
      return List.of();
    }
    // one walk back (each entry's block decoded once, not twice: a storm's worker has hundreds)
    List<RestartRecord> all = new ArrayList<>();
    for (int h = history; h != RestartLog.NONE; h = restarts.before(h)) {
      all.add(restarts.record(h));
    }
    Collections.reverse(all);
    return Collections.unmodifiableList(all);
  }

  /** Its latest restart entry in {@link #restarts} (a checkpoint keeps the number). */
  int historyId() {
    return history;
  }

  void setHistoryId(int h) {
    history = h;
  }

  /** The pid before its last restart, or null. */
  Pid previous() {
    if (previousInHistory) {
      previousInHistory = false;
      previousPid = restarts.record(history).oldPid();
    }
    return previousPid;
  }

  void setPrevious(Pid p) {
    previousPid = p;
    previousInHistory = false;
  }

  /** Its previous pid is the old pid of its history's latest entry ({@link #historyId}). */
  void setPreviousInHistory() {
    previousPid = null;
    previousInHistory = true;
  }

  void addHistory(RestartRecord r) {
    history = restarts.add(r, history);
  }

  /** The strategy badge is lit: the supervisor just decided a restart (or gave up). */
  public boolean badgeLit(double nowNanos) {
    return nowNanos < badgeLitUntil;
  }

  /** It just trapped an exit signal from outside the tree (a supervisor shrugging off kaboom). */
  public boolean trapping(double nowNanos) {
    return nowNanos < trappingUntil;
  }

  /** When its exit and pid effects are over (model ns; NaN-safe: past when there are none). */
  double effectsEnd() {
    double a = Double.isNaN(exitUntil) ? Double.NEGATIVE_INFINITY : exitUntil;
    double b = Double.isNaN(pidChangedUntil) ? Double.NEGATIVE_INFINITY : pidChangedUntil;
    return Math.max(a, b);
  }

  /**
   * How far its last exit's effect has come at {@code nowNanos}: 0 to 1 while it is drawn (a burst
   * for a crash, a fade for an orderly stop), NaN when none is.
   */
  public double exitEffect(double nowNanos) {
    if (Double.isNaN(exitAt) || nowNanos >= exitUntil || status == NodeStatus.RUNNING) {
      return Double.NaN;
    }
    return exitUntil <= exitAt ? 1 : Math.max(0, (nowNanos - exitAt) / (exitUntil - exitAt));
  }

  /** Its last exit was a crash (a burst), not an orderly stop (a fade). */
  public boolean exitWasCrash() {
    return exitCrash;
  }

  /**
   * How far the change to its new pid has come at {@code nowNanos}: 0 to 1 while the old pid is
   * shown struck through and the new one appears; NaN otherwise.
   */
  public double pidChange(double nowNanos) {
    if (Double.isNaN(pidChangedAt) || nowNanos >= pidChangedUntil) {
      return Double.NaN;
    }
    return pidChangedUntil <= pidChangedAt
        ? 1
        : Math.max(0, (nowNanos - pidChangedAt) / (pidChangedUntil - pidChangedAt));
  }

  /** The pid it had before its last restart, if it was restarted. */
  public Optional<Pid> previousPid() {
    return Optional.ofNullable(previous());
  }

  /**
   * The age of each restart in its window (oldest first) at virtual time {@code nowMillis}: 0 just
   * counted, 1 about to leave the window. The oldest one leaves at the time the last
   * RestartIntensity event said.
   */
  public List<Double> restartAges(long nowMillis) {
    List<Double> ages = new ArrayList<>();
    int restartsInWindow = restartsInWindow();
    long periodMillis = periodMillis();
    long oldestAgesOutAtMillis = oldestAgesOutAtMillis();
    if (restartsInWindow == 0 || periodMillis <= 0) {
      return ages;
    }
    TimeList restartTimes = restartTimes();
    List<Long> times = new ArrayList<>(restartTimes.size());
    for (int i = 0; i < restartTimes.size(); i++) {
      times.add(restartTimes.get(i));
    }
    List<Long> inWindow = times.subList(Math.max(0, times.size() - restartsInWindow), times.size());
    for (int i = 0; i < inWindow.size(); i++) {
      long leaves =
          i == 0 && oldestAgesOutAtMillis > 0
              ? oldestAgesOutAtMillis
              : inWindow.get(i) + periodMillis;
      double left = (leaves - nowMillis) / (double) periodMillis;
      ages.add(Math.max(0, Math.min(1, 1 - left)));
    }
    while (ages.size() < restartsInWindow) {
      ages.add(0.0); // counted before the model saw its time (a seek): fresh
    }
    return ages;
  }

  /**
   * A supervisor's flags and restart window. Workers have the defaults and share {@link #DEFAULTS}
   * (a node gets its own on the first change): in a big tree most nodes are workers.
   */
  private static final class Sup {
    Strategy strategy = Strategy.ONE_FOR_ONE;
    int intensity = 3;
    long periodMillis = 5000;
    int restartsInWindow;

    /** Virtual time (ms) the oldest restart in the window leaves it (RestartIntensity). */
    long oldestAgesOutAtMillis;

    boolean gaveUp;
    boolean dynamic;
    int maxChildren = -1;
    String autoShutdown = "never";

    Sup copy() {
      Sup c = new Sup();
      c.strategy = strategy;
      c.intensity = intensity;
      c.periodMillis = periodMillis;
      c.restartsInWindow = restartsInWindow;
      c.oldestAgesOutAtMillis = oldestAgesOutAtMillis;
      c.gaveUp = gaveUp;
      c.dynamic = dynamic;
      c.maxChildren = maxChildren;
      c.autoShutdown = autoShutdown;
      return c;
    }
  }

  /** Read only. */
  private static final Sup DEFAULTS = new Sup();

  /** Its own flags and window; null: {@link #DEFAULTS}. */
  private Sup sup;

  private Sup sup() {
    return sup == null ? DEFAULTS : sup;
  }

  private Sup supToWrite() {
    if (sup == null) {
      sup = DEFAULTS.copy();
    }
    return sup;
  }

  void setStrategy(Strategy v) {
    if (sup().strategy != v) {
      supToWrite().strategy = v;
    }
  }

  void setIntensity(int v) {
    if (sup().intensity != v) {
      supToWrite().intensity = v;
    }
  }

  void setPeriodMillis(long v) {
    if (sup().periodMillis != v) {
      supToWrite().periodMillis = v;
    }
  }

  void setRestartsInWindow(int v) {
    if (sup().restartsInWindow != v) {
      supToWrite().restartsInWindow = v;
    }
  }

  /** Virtual time (ms) the oldest restart in the window leaves it (RestartIntensity). */
  long oldestAgesOutAtMillis() {
    return sup().oldestAgesOutAtMillis;
  }

  void setOldestAgesOutAtMillis(long v) {
    if (sup().oldestAgesOutAtMillis != v) {
      supToWrite().oldestAgesOutAtMillis = v;
    }
  }

  void setGaveUp(boolean v) {
    if (sup().gaveUp != v) {
      supToWrite().gaveUp = v;
    }
  }

  void setDynamic(boolean v) {
    if (sup().dynamic != v) {
      supToWrite().dynamic = v;
    }
  }

  void setMaxChildren(int v) {
    if (sup().maxChildren != v) {
      supToWrite().maxChildren = v;
    }
  }

  void setAutoShutdown(String v) {
    if (!java.util.Objects.equals(sup().autoShutdown, v)) {
      supToWrite().autoShutdown = v;
    }
  }

  /**
   * When its spec was removed and when it leaves the drawn tree, when it appeared at run time
   * (start_child) and until when that is highlighted (model ns; NaN: never); null while all four
   * are NaN, as for nearly every node.
   */
  private double[] life;

  private static final int REMOVED_AT = 0;
  private static final int REMOVE_AT = 1;
  private static final int ADDED_AT = 2;
  private static final int ADDED_UNTIL = 3;

  private double life(int i) {
    return life == null ? Double.NaN : life[i];
  }

  private void setLife(int i, double v) {
    if (life == null) {
      if (Double.isNaN(v)) {
        return;
      }
      life = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }
    life[i] = v;
  }

  /** Model time (ns) its spec was removed at; NaN while it has one. */
  double removedAt() {
    return life(REMOVED_AT);
  }

  void setRemovedAt(double v) {
    setLife(REMOVED_AT, v);
  }

  /** Model time (ns) it disappears from the drawn tree; NaN while it stays. */
  double removeAt() {
    return life(REMOVE_AT);
  }

  void setRemoveAt(double v) {
    setLife(REMOVE_AT, v);
  }

  /** Model time (ns) it appeared at run time (start_child); NaN for the scenario's own nodes. */
  double addedAt() {
    return life(ADDED_AT);
  }

  void setAddedAt(double v) {
    setLife(ADDED_AT, v);
  }

  double addedUntil() {
    return life(ADDED_UNTIL);
  }

  void setAddedUntil(double v) {
    setLife(ADDED_UNTIL, v);
  }

  /** The tree it is drawn in (its virtual time ages the restart gauge). */
  TreeModel tree;

  /** The virtual time (ms) the restart gauge is drawn at: the latest event its tree folded. */
  public long virtualMillisForGauge() {
    return tree == null ? 0 : tree.virtualMillis();
  }

  /** An exit signal is travelling along the link between it and its parent. */
  public boolean edgeLit(double nowNanos) {
    return nowNanos < edgeLitUntil;
  }

  @Override
  public String toString() {
    return path + " " + status + (pid == null ? "" : " " + pid);
  }
}
