package dev.kaboom.ui.model;

import dev.kaboom.engine.ChildType;
import dev.kaboom.engine.Down;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.PidTable;
import dev.kaboom.engine.ProcessKind;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.SignalOutcome;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.scenario.TreeNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The drawn supervision tree: one {@link ProcessNodeModel} per node, a pure fold of the engine's
 * events ({@link #apply}): it reads no engine object, so the same events give the same model, live
 * or replayed. It starts as the scenario's tree and follows the events: a process that starts at a
 * path not drawn yet is added under its supervisor (node identity is the path, the event's label)
 * and put where {@code ChildStarted} says among its siblings; a child whose spec was removed
 * ({@code ChildRemoved}: {@code delete_child}, a temporary child that ended) or that a supervisor
 * starting again from its specs no longer has ({@code SupervisorInit}) fades out and leaves. A
 * death is a crash unless a supervisor asked for it ({@code ChildShutdown}) or it was a normal
 * exit. Restart meters, links, monitors, trap_exit and mailbox lengths are folds too. {@link
 * #structureVersion()} goes up whenever nodes came or went, so the view knows to lay the tree out
 * again. Highlights (a lit strategy badge, a signal on a link, a trapped signal) fade on the
 * model's own clock, advanced by {@link #advance}.
 */
public final class TreeModel {
  private ProcessNodeModel root;

  /** The run's restart histories, shared with every fold made from this one. */
  private RestartLog restarts = new RestartLog();

  private final NodeIndex byPath;

  /** Paths of processes started at a path (kept after they die, until the path starts again). */
  private PidTable<String> paths;

  /** The name each process registered last (kept after it died: its exit's log line names it). */
  private PidTable<String> names = new PidTable<>();

  /** Pids a supervisor has asked to shut down, until they exit. */
  private PidTable<Boolean> shuttingDown = new PidTable<>();

  /** Inspector facts of live processes that have a path. */
  private PidTable<ProcFacts> facts;

  /** Facts made or copied by this tree since its last copy (the others are shared: read only). */
  private Object epoch = new Object();

  private final List<ProcessNodeModel> leaving = new ArrayList<>();
  private long structure;
  private double nowNanos;

  /** Exit signals travelling along links now (cleared when they arrive). */
  private final List<Flight> flights = new ArrayList<>();

  /** Nodes with an exit (burst or fade) or a new pid being shown, until their effect ends. */
  private final Set<ProcessNodeModel> animating = new HashSet<>();

  /** The virtual time (ms) of the latest event: restart gauges age against it. */
  private long virtualMillis;

  /**
   * An exit signal travelling along the link between the child at {@code childPath} and its
   * supervisor: {@code up} for the child's {@code EXIT} to the supervisor, else the supervisor's
   * signal down to the child. It left at model time {@code start} and arrives at {@code end} (ns);
   * {@code orderly} for {@code normal}, {@code shutdown} and {@code {:shutdown, _}}.
   */
  public record Flight(
      String childPath, boolean up, String reason, boolean orderly, double start, double end) {
    /** How far it has come at {@code nowNanos}: 0 (just sent) to 1 (arrived). */
    public double progress(double nowNanos) {
      return progressOf(start, end, nowNanos);
    }
  }

  private static double progressOf(double start, double end, double nowNanos) {
    return end <= start ? 1 : Math.max(0, Math.min(1, (nowNanos - start) / (end - start)));
  }

  /**
   * A signal between two processes of the tree that are not supervisor and child: an exit signal
   * along a link the console made ({@code Process.link}, {@code spawn_link}), or a monitor's {@code
   * DOWN} message ({@code down}: its reason is the dead process's). It goes from the box at {@code
   * fromPath} to the box at {@code toPath}, left at model time {@code start} and arrives at {@code
   * end} (ns).
   */
  public record Crossing(
      String fromPath,
      String toPath,
      String reason,
      boolean orderly,
      boolean down,
      double start,
      double end) {
    /** How far it has come at {@code nowNanos}: 0 (just sent) to 1 (arrived). */
    public double progress(double nowNanos) {
      return progressOf(start, end, nowNanos);
    }
  }

  private final List<Crossing> crossings = new ArrayList<>();

  /** The signals travelling now between processes that are not supervisor and child. */
  public List<Crossing> crossings() {
    return Collections.unmodifiableList(crossings);
  }

  /** The exit signals travelling now, oldest first. */
  public List<Flight> flights() {
    return Collections.unmodifiableList(flights);
  }

  /** The virtual time (ms) of the latest event folded. */
  public long virtualMillis() {
    return virtualMillis;
  }

  public TreeModel(TreeNode tree) {
    this(tree, new RestartLog());
  }

  /**
   * A model of {@code tree} whose restart histories go in {@code restarts} (the window's folds of
   * one run share it: two folds of the same events hold each restart once).
   */
  TreeModel(TreeNode tree, RestartLog restarts) {
    this(16);
    this.restarts = restarts;
    this.root = build(tree, tree.id(), null);
  }

  /** The restart histories its nodes' are in. */
  RestartLog restarts() {
    return restarts;
  }

  /** An empty model whose maps have room for {@code nodes} processes (a thaw knows how many). */
  private TreeModel(int nodes) {
    this.byPath = new NodeIndex(nodes);
    this.paths = new PidTable<>(nodes);
    this.facts = new PidTable<>(nodes);
  }

  private TreeModel(ProcessNodeModel root) {
    this(16);
    this.root = root;
  }

  /**
   * A deep copy: folding the same events into the copy and into this model gives equal models (a
   * checkpoint of the window's seek is a copy, so a seek never changes it).
   */
  public TreeModel copy() {
    Map<ProcessNodeModel, ProcessNodeModel> copies = new java.util.IdentityHashMap<>();
    epoch = new Object(); // the facts are shared from now on: either tree copies before changing
    TreeModel t = new TreeModel(root.copyTree(null, copies));
    t.restarts = restarts;
    for (ProcessNodeModel n : byPath.each()) {
      t.byPath.put(copies.get(n));
    }
    t.paths = paths.copy();
    t.names = names.copy();
    t.shuttingDown = shuttingDown.copy();
    t.facts = facts.copy();
    for (ProcessNodeModel n : leaving) {
      t.leaving.add(copies.get(n));
    }
    t.structure = structure;
    t.nowNanos = nowNanos;
    return t;
  }

  private ProcessNodeModel build(TreeNode n, String path, ProcessNodeModel parent) {
    ProcessNodeModel m = new ProcessNodeModel(path, n, parent);
    m.tree = this;
    m.restarts = restarts;
    byPath.put(m);
    for (TreeNode c : n.children()) {
      // interned: the picture and the shadow hold one string per path (a thaw takes the one its
      // pool made the first time, Pool.path: 2,000 interns a seek cost it about 1 ms)
      m.addChild(build(c, (path + "/" + c.id()).intern(), m));
    }
    return m;
  }

  public ProcessNodeModel root() {
    return root;
  }

  public Optional<ProcessNodeModel> node(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** All nodes, parents before children. */
  public List<ProcessNodeModel> nodes() {
    return Collections.unmodifiableList(byPath.values());
  }

  public int size() {
    return byPath.size();
  }

  /**
   * How many nodes are {@link ProcessNodeModel#live live} (the status line's count; one pass, no
   * copy of the nodes: in a storm the count is taken every frame).
   */
  public int liveCount() {
    int n = 0;
    for (ProcessNodeModel m : byPath.each()) {
      if (m.live()) {
        n++;
      }
    }
    return n;
  }

  /** Goes up whenever a node was added to or removed from the tree. */
  public long structureVersion() {
    return structure;
  }

  /** The path a pid was started at (also after it died, until the path starts again). */
  public Optional<String> pathOf(Pid pid) {
    return Optional.ofNullable(paths.get(pid));
  }

  /** The name {@code pid} registered last (also after it died), if it registered one. */
  public Optional<String> registeredNameOf(Pid pid) {
    return Optional.ofNullable(names.get(pid));
  }

  /** Nodes fading out before they leave the tree. */
  public List<ProcessNodeModel> leavingNodes() {
    return Collections.unmodifiableList(leaving);
  }

  /** The model's clock (ns), which highlights are measured against. */
  public double nowNanos() {
    return nowNanos;
  }

  /** Moves the model's clock on; returns true if some highlight went out. */
  public boolean advance(long deltaNanos) {
    double before = nowNanos;
    if (move(deltaNanos)) {
      return true;
    }
    for (ProcessNodeModel n : byPath.each()) {
      if (crossed(n.badgeLitUntil, before)
          || crossed(n.trappingUntil, before)
          || crossed(n.edgeLitUntil, before)
          || crossed(n.addedUntil(), before)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Moves the model's clock on as {@link #advance} does, without finding out whether a highlight
   * went out (a sought picture, where nothing is half-way: no walk over the nodes).
   */
  public void skipAhead(long deltaNanos) {
    move(deltaNanos);
  }

  /**
   * Moves the clock on: what arrived is cleared, what left is taken out; true when something moves
   * or fades (a change every frame).
   */
  private boolean move(long deltaNanos) {
    nowNanos += deltaNanos;
    boolean moving = !flights.isEmpty() || !animating.isEmpty() || !crossings.isEmpty();
    flights.removeIf(f -> f.end() <= nowNanos); // arrived: cleared
    crossings.removeIf(f -> f.end() <= nowNanos);
    animating.removeIf(n -> n.effectsEnd() <= nowNanos);
    if (moving) {
      // travelling signals, bursts, fades and pids move every frame
      for (ProcessNodeModel n : new ArrayList<>(leaving)) {
        if (nowNanos >= n.removeAt()) {
          detach(n);
        }
      }
      return true;
    }
    if (!leaving.isEmpty()) {
      // fading out: visible every frame; gone once their time is up
      for (ProcessNodeModel n : new ArrayList<>(leaving)) {
        if (nowNanos >= n.removeAt()) {
          detach(n);
        }
      }
      return true;
    }
    return false;
  }

  // ---- nodes coming and going ----

  /** Adds the node at {@code path} (its parent must be drawn); null if it cannot be placed. */
  private ProcessNodeModel create(String path, ProcessKind kind, double until) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    ProcessNodeModel parent = byPath.get(path.substring(0, slash));
    if (parent == null || parent.leaving()) {
      return null;
    }
    String id = path.substring(slash + 1);
    TreeNode spec = null;
    for (TreeNode c : parent.spec().children()) {
      if (c.id().equals(id)) {
        spec = c;
      }
    }
    boolean fromParentSpec = spec != null;
    if (spec == null) {
      boolean sup = kind == ProcessKind.SUPERVISOR;
      spec = sup ? TreeNode.supervisor(id, Strategy.ONE_FOR_ONE, List.of()) : TreeNode.worker(id);
    }
    ProcessNodeModel m = new ProcessNodeModel(path, spec, parent);
    m.tree = this;
    m.restarts = restarts;
    if (fromParentSpec) {
      // started from its supervisor's own spec: in spec order, before any child added at run time
      List<TreeNode> order = parent.spec().children();
      int mine = indexOf(order, id);
      int at = 0;
      for (ProcessNodeModel c : parent.children()) {
        int i = c.wasAdded() ? -1 : indexOf(order, c.id());
        if (i >= 0 && i < mine) {
          at++;
        }
      }
      parent.insertChild(at, m);
    } else {
      parent.addChild(m); // start_child: last in start order (ChildStarted says where exactly)
      m.setAddedAt(nowNanos);
      m.setAddedUntil(until);
    }
    byPath.put(m);
    structure++;
    return m;
  }

  private static int indexOf(List<TreeNode> specs, String id) {
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** Marks {@code n} as removed: it fades out until {@code removeAt}, then leaves. */
  private void startLeaving(ProcessNodeModel n, double removeAt) {
    n.deleted = true;
    if (!n.leaving()) {
      n.setRemovedAt(nowNanos);
      n.setRemoveAt(removeAt);
      leaving.add(n);
    }
  }

  /** Takes {@code n} and its subtree out of the tree. */
  private void detach(ProcessNodeModel n) {
    n.parent().ifPresent(p -> p.removeChild(n));
    List<ProcessNodeModel> stack = new ArrayList<>(List.of(n));
    while (!stack.isEmpty()) {
      ProcessNodeModel x = stack.remove(stack.size() - 1);
      byPath.remove(x);
      leaving.remove(x);
      stack.addAll(x.children());
    }
    structure++;
  }

  private boolean crossed(double until, double before) {
    return before < until && nowNanos >= until;
  }

  private Optional<ProcessNodeModel> at(Pid pid) {
    String path = paths.get(pid);
    return path == null ? Optional.empty() : node(path);
  }

  /** The node whose current process is {@code pid}. */
  private Optional<ProcessNodeModel> current(Pid pid) {
    return at(pid).filter(n -> pid.equals(n.pid));
  }

  /**
   * Keeps {@code n} moving until its effect ends; not in a fold without highlights ({@code until}
   * is now: a seek), where nothing moves and the set would only grow.
   */
  private void animate(ProcessNodeModel n, double until) {
    if (until > nowNanos) {
      animating.add(n);
    }
  }

  /**
   * Applies one engine event. {@code highlightNanos} is how long a highlight stays lit (a few beats
   * at the current speed). Returns true if anything visible changed.
   */
  public boolean apply(TraceEvent e, double highlightNanos) {
    double until = nowNanos + highlightNanos;
    virtualMillis = Math.max(virtualMillis, e.timeMillis());
    foldFacts(e);
    if (e instanceof TraceEvent.Spawned sp) {
      if (sp.label() != null) {
        paths.put(sp.pid(), sp.label());
        ProcFacts fresh = new ProcFacts();
        fresh.epoch = epoch;
        facts.put(sp.pid(), fresh);
        ProcessNodeModel shell = sp.kind() == ProcessKind.EXTERNAL ? byPath.get(sp.label()) : null;
        if (shell != null) {
          // an outside process drawn as a node (the console's shell in an empty world): it
          // runs from its spawn, it has no init to wait for
          shell.pid = sp.pid();
          shell.facts = facts.get(sp.pid());
          shell.status = NodeStatus.RUNNING;
          return true;
        }
      }
      return false;
    } else if (e instanceof TraceEvent.Started st) {
      if (st.label() == null) {
        return false;
      }
      ProcessNodeModel n = byPath.get(st.label());
      if (n != null && n.leaving()) {
        detach(n); // started again (start_child with the same id): a new node, last in order
        n = null;
      }
      if (n == null) {
        n = create(st.label(), st.kind(), until);
        if (n == null) {
          return false;
        }
      }
      if (n.pid != null && !n.pid.equals(st.pid())) {
        paths.remove(n.pid, st.label());
      }
      if (n.starts > 0) {
        n.addHistory(new RestartRecord(st.timeMillis(), n.pid, st.pid(), n.lastReason));
        if (n.pid != null && !n.pid.equals(st.pid())) {
          // the old pid struck through, the new one appearing
          n.setPrevious(n.pid);
          n.pidChangedAt = nowNanos;
          n.pidChangedUntil = until;
          animate(n, until);
        }
      }
      String startedPath = st.label();
      flights.removeIf(f -> f.childPath().equals(startedPath)); // a new process: its link is clear
      crossings.removeIf(f -> f.fromPath().equals(startedPath) || f.toPath().equals(startedPath));
      n.starts++;
      n.pid = st.pid();
      // registered before it ran (the kick starter names its HTTP server right after spawning it)
      n.registeredName = names.get(st.pid());
      n.facts = facts.get(st.pid());
      n.status = NodeStatus.RUNNING;
      n.stopping = false;
      n.setGaveUp(false);
      n.deleted = false;
      n.ignored = false;
      if (n.isSupervisor()) {
        n.setRestartsInWindow(0);
        n.restartTimes().clear(); // (the shared empty one stays empty)
      }
      return true;
    } else if (e instanceof TraceEvent.Exited x) {
      boolean askedToStop = shuttingDown.remove(x.pid()) != null;
      facts.remove(x.pid());
      ProcessNodeModel n = x.label() == null ? null : byPath.get(x.label());
      if (n == null || !x.pid().equals(n.pid)) {
        return false;
      }
      n.lastReason = reasonText(x.reason()); // shared by checkpoints and histories
      n.facts = null;
      boolean orderly =
          (n.stopping || askedToStop || RestartType.isNormalExit(x.reason())) && !n.gaveUp();
      n.status = orderly ? NodeStatus.STOPPED : NodeStatus.CRASHED;
      n.registeredName = null;
      n.exitAt = nowNanos;
      n.exitUntil = until;
      n.exitCrash = !orderly;
      animate(n, until);
      return true;
    } else if (e instanceof TraceEvent.SupervisorInit si) {
      ProcessNodeModel n = si.label() == null ? null : byPath.get(si.label());
      if (n == null) {
        return false;
      }
      n.setStrategy(si.strategy());
      n.setIntensity(si.intensity());
      n.setPeriodMillis(si.periodMillis());
      n.setDynamic(si.dynamic());
      n.setMaxChildren(si.maxChildren());
      n.setAutoShutdown(si.autoShutdown());
      // a supervisor starts from its specs: children added at run time to an earlier one are gone
      for (ProcessNodeModel c : new ArrayList<>(n.children())) {
        if (!c.leaving() && !si.childIds().contains(c.id()) && c.wasAdded()) {
          startLeaving(c, until);
        }
      }
      return true;
    } else if (e instanceof TraceEvent.ChildStarted cs) {
      Optional<ProcessNodeModel> child = current(cs.child());
      if (child.isEmpty()) {
        return false;
      }
      ProcessNodeModel c = child.get();
      c.significant = cs.significant();
      TreeNode spec = c.spec();
      boolean sup = cs.type() == ChildType.SUPERVISOR;
      if (spec.supervisor() != sup
          || spec.restart() != cs.restartType()
          || !spec.shutdown().equals(cs.shutdown())) {
        c.setSpec(
            TreeNode.builder(spec.id(), sup)
                .restart(cs.restartType())
                .shutdown(cs.shutdown())
                .strategy(spec.strategy())
                .intensity(spec.intensity(), spec.periodSeconds())
                .children(spec.children())
                .trapExit(spec.trapExit(), spec.stopMillis())
                .name(spec.name())
                .build());
      }
      c.parent().ifPresent(p -> place(p, c, cs.position()));
      return true;
    } else if (e instanceof TraceEvent.ExitSignalSent sig) {
      if (until <= nowNanos) {
        return false; // a fold without highlights (a seek): nothing travels
      }
      Optional<ProcessNodeModel> from = at(sig.from());
      Optional<ProcessNodeModel> to = at(sig.to());
      if (from.isEmpty() || to.isEmpty()) {
        return false;
      }
      // it travels for half the highlight (a beat and a half), then it has arrived
      double arrive = nowNanos + (until - nowNanos) / 2;
      if (arrive <= nowNanos) {
        return false;
      }
      String reason = sig.reason().format();
      boolean orderly = isOrderly(sig.reason());
      if (from.get().parent().orElse(null) == to.get() && sig.viaLink()) {
        flights.add(new Flight(from.get().path(), true, reason, orderly, nowNanos, arrive));
        from.get().edgeLitUntil = arrive; // up the link to the supervisor
        return true;
      }
      if (to.get().parent().orElse(null) == from.get()) {
        flights.add(new Flight(to.get().path(), false, reason, orderly, nowNanos, arrive));
        to.get().edgeLitUntil = arrive; // down the link to a child (shutdown, kill)
        return true;
      }
      if (sig.viaLink() && from.get() != to.get()) {
        // along a link that is not a supervision link (made at the console)
        crossings.add(
            new Crossing(
                from.get().path(), to.get().path(), reason, orderly, false, nowNanos, arrive));
        return true;
      }
      return false;
    } else if (e instanceof TraceEvent.MessageSent m && m.message() instanceof Down d) {
      Optional<ProcessNodeModel> from = at(d.pid());
      Optional<ProcessNodeModel> to = at(m.to());
      if (from.isEmpty() || to.isEmpty() || from.get() == to.get()) {
        return true; // the watcher's mailbox (inspector) changed
      }
      double arrive = nowNanos + (until - nowNanos) / 2;
      crossings.add(
          new Crossing(
              from.get().path(),
              to.get().path(),
              d.reason().format(),
              isOrderly(d.reason()),
              true,
              nowNanos,
              arrive));
      return true;
    } else if (e instanceof TraceEvent.ExitSignalHandled h
        && h.outcome() == SignalOutcome.TRAPPED
        && !paths.containsKey(h.from())) {
      return at(h.to()).map(n -> n.trappingUntil = until).isPresent();
    } else if (e instanceof TraceEvent.RestartPlanned p) {
      Optional<ProcessNodeModel> sup = at(p.supervisor());
      sup.ifPresent(
          n -> {
            n.badgeLitUntil = until;
            node(n.path() + "/" + p.failedChildId())
                .filter(c -> c.status != NodeStatus.RUNNING && !p.startIds().isEmpty())
                .ifPresent(c -> c.status = NodeStatus.RESTARTING);
          });
      return sup.isPresent();
    } else if (e instanceof TraceEvent.ChildShutdown cs) {
      shuttingDown.put(cs.child(), Boolean.TRUE);
      return current(cs.child()).map(c -> c.stopping = true).isPresent();
    } else if (e instanceof TraceEvent.RestartIntensity ri) {
      return at(ri.supervisor()).map(n -> foldWindow(n, ri)).isPresent();
    } else if (e instanceof TraceEvent.GaveUp g) {
      return at(g.supervisor())
          .map(
              n -> {
                n.setGaveUp(true);
                n.badgeLitUntil = until;
                return n;
              })
          .isPresent();
    } else if (e instanceof TraceEvent.FlagsChanged f) {
      return at(f.supervisor())
          .map(
              n -> {
                n.setStrategy(f.strategy());
                n.setIntensity(f.intensity());
                n.setPeriodMillis(f.periodMillis());
                n.badgeLitUntil = until;
                return n;
              })
          .isPresent();
    } else if (e instanceof TraceEvent.ChildRemoved r) {
      return at(r.supervisor())
          .flatMap(n -> node(n.path() + "/" + r.childId()))
          .map(
              c -> {
                startLeaving(c, until);
                return c;
              })
          .isPresent();
    } else if (e instanceof TraceEvent.Registered r) {
      names.put(r.pid(), r.name());
      return at(r.pid()).map(n -> n.registeredName = r.name()).isPresent();
    } else if (e instanceof TraceEvent.Unregistered u) {
      return at(u.pid())
          .filter(n -> u.pid().equals(n.pid) && u.name().equals(n.registeredName))
          .map(
              n -> {
                n.registeredName = null;
                return n;
              })
          .isPresent();
    } else if (e instanceof TraceEvent.InitRefused r) {
      if (!r.result().equals(dev.kaboom.engine.Atom.of("ignore"))) {
        return false; // {stop, R}: its exit draws the failed start
      }
      ProcessNodeModel n = r.label() == null ? null : byPath.get(r.label());
      if (n == null || !r.pid().equals(n.pid)) {
        return false;
      }
      // kept with no process (pid :undefined); a DynamicSupervisor keeps nothing of it
      n.ignored = true;
      n.parent().filter(ProcessNodeModel::dynamic).ifPresent(p -> startLeaving(n, until));
      return true;
    } else if (e instanceof TraceEvent.TimeAdvanced t) {
      return ageWindows(t.timeMillis());
    }
    return e instanceof TraceEvent.MessageSent
        || e instanceof TraceEvent.MessageReceived
        || e instanceof TraceEvent.Linked
        || e instanceof TraceEvent.Unlinked
        || e instanceof TraceEvent.TrapExitChanged;
  }

  /** The last exit reason formatted, and its text (a storm's exits have one reason, an atom). */
  private dev.kaboom.engine.Term lastReasonTerm;

  private String lastReasonText;

  /**
   * {@code reason} formatted and interned (checkpoints and histories share the string): the same
   * term object as the exit before's is not formatted again (an intern costs about 100 ns).
   */
  private String reasonText(dev.kaboom.engine.Term reason) {
    if (reason != lastReasonTerm) {
      lastReasonText = reason.format().intern();
      lastReasonTerm = reason;
    }
    return lastReasonText;
  }

  /** {@code normal}, {@code shutdown} or {@code {:shutdown, _}}: an orderly stop, not a crash. */
  static boolean isOrderly(dev.kaboom.engine.Term reason) {
    return RestartType.isNormalExit(reason) || reason.equals(dev.kaboom.engine.Atom.of("shutdown"));
  }

  /** Puts {@code c} at {@code position} among the children its supervisor still has. */
  private void place(ProcessNodeModel parent, ProcessNodeModel c, int position) {
    int at = 0;
    int seen = 0;
    for (ProcessNodeModel x : parent.children()) {
      if (seen == position) {
        break;
      }
      at++;
      if (x != c && !x.leaving()) {
        seen++;
      }
    }
    int current = parent.children().indexOf(c);
    int target = current < at ? at - 1 : at;
    if (current != target) {
      parent.moveChild(c, target);
      structure++;
    }
  }

  /** Inspector facts: trap_exit, links, monitors, mailbox length. */
  private void foldFacts(TraceEvent e) {
    if (e instanceof TraceEvent.MessageSent m) {
      ProcFacts f = writable(m.to());
      if (f != null) {
        f.mailbox++;
        if (m.message() instanceof Down d) {
          f.removeMonitor(d.ref()); // the monitor fired: it is gone
        }
      }
    } else if (e instanceof TraceEvent.MessageReceived r) {
      ProcFacts f = writable(r.pid());
      if (f != null) {
        f.mailbox--;
      }
    } else if (e instanceof TraceEvent.ExitSignalHandled h) {
      ProcFacts f = writable(h.to());
      if (f != null && h.outcome() == SignalOutcome.TRAPPED) {
        f.mailbox++;
      }
    } else if (e instanceof TraceEvent.ExitSignalSent s && s.viaLink()) {
      ProcFacts f = writable(s.to());
      if (f != null) {
        f.removeLink(s.from());
      }
    } else if (e instanceof TraceEvent.Linked l) {
      link(l.a(), l.b(), true);
      link(l.b(), l.a(), true);
    } else if (e instanceof TraceEvent.Unlinked l) {
      link(l.a(), l.b(), false);
      link(l.b(), l.a(), false);
    } else if (e instanceof TraceEvent.Monitored m) {
      ProcFacts f = writable(m.watcher());
      if (f != null) {
        f.putMonitor(m.ref(), m.target());
      }
    } else if (e instanceof TraceEvent.Demonitored m) {
      ProcFacts f = writable(m.watcher());
      if (f != null) {
        f.removeMonitor(m.ref());
      }
    } else if (e instanceof TraceEvent.TrapExitChanged t) {
      ProcFacts f = writable(t.pid());
      if (f != null) {
        f.trapExit = t.trapExit();
      }
    }
  }

  private void link(Pid a, Pid b, boolean on) {
    ProcFacts f = writable(a);
    if (f != null) {
      if (on) {
        f.addLink(b);
      } else {
        f.removeLink(b);
      }
    }
  }

  /**
   * The facts of {@code pid} this tree may change (null when it has none). Facts are shared with
   * the tree's copies (a seek's checkpoints) until one of them changes them: the first change after
   * a copy copies them ({@link #epoch} tells), so a copy costs no facts and holds none twice.
   */
  private ProcFacts writable(Pid pid) {
    ProcFacts f = facts.get(pid);
    if (f == null || f.epoch == epoch) {
      return f;
    }
    ProcFacts c = f.copy();
    c.epoch = epoch;
    facts.put(pid, c);
    String path = paths.get(pid);
    ProcessNodeModel n = path == null ? null : byPath.get(path);
    if (n != null && n.facts == f) {
      n.facts = c;
    }
    return c;
  }

  /**
   * A restart window changed: a restart was counted (one more than the times still in the window
   * say: it happened now) or the flags changed (the same count). Either way the meter shows it.
   */
  private ProcessNodeModel foldWindow(ProcessNodeModel n, TraceEvent.RestartIntensity ri) {
    int before = inWindow(n.restartTimes(), ri.timeMillis(), ri.periodMillis());
    if (ri.restartsInWindow() == before + 1) {
      TimeList times = n.restartTimesToWrite();
      times.addLast(ri.timeMillis());
      while (times.size() > ri.restartsInWindow()) {
        times.pollFirst(); // aged out as the restart was counted
      }
    }
    n.setRestartsInWindow(ri.restartsInWindow());
    n.setIntensity(ri.intensity());
    n.setPeriodMillis(ri.periodMillis());
    n.setOldestAgesOutAtMillis(ri.oldestAgesOutAtMillis());
    return n;
  }

  private static int inWindow(TimeList times, long nowMillis, long period) {
    return times.countAtLeast(nowMillis - period); // an entry at r counts at n iff n - r <= period
  }

  private List<ProcessNodeModel> supervisors = List.of();
  private long supervisorsOf = -1;

  /**
   * The supervisors among the nodes (time advances many times a frame: its meters are aged without
   * going through every worker of a big tree); found again when the structure changed.
   */
  private List<ProcessNodeModel> supervisors() {
    if (supervisorsOf != structure) {
      List<ProcessNodeModel> s = new ArrayList<>();
      for (ProcessNodeModel n : byPath.each()) {
        if (n.isSupervisor()) {
          s.add(n);
        }
      }
      supervisors = s;
      supervisorsOf = structure;
    }
    return supervisors;
  }

  /** The oldest of the newest {@code count} times. */
  private static long oldestOf(TimeList times, int count) {
    int n = Math.min(count, times.size());
    return n == 0 ? 0 : times.get(times.size() - n);
  }

  /** Virtual time moved: restart meters age (an entry at r counts at n iff n - r <= period). */
  private boolean ageWindows(long nowMillis) {
    boolean changed = false;
    for (ProcessNodeModel n : supervisors()) {
      if (n.restartsInWindow() == 0) {
        continue;
      }
      int count = inWindow(n.restartTimes(), nowMillis, n.periodMillis());
      if (count != n.restartsInWindow()) {
        n.setRestartsInWindow(count);
        n.setOldestAgesOutAtMillis(
            count == 0 ? 0 : oldestOf(n.restartTimes(), count) + n.periodMillis());
      }
      changed = true; // the gauge's slots age as virtual time moves
    }
    return changed;
  }

  // ---- checkpoints ----

  /**
   * A fold frozen as bytes (a seek's checkpoint): about 15 bytes a node deflated, against about 350
   * for a {@link #copy()}; {@link #thaw} makes a model that folds on as the frozen one would. Made
   * of a fold without highlights (a seek's): travelling signals and crossings, which such a fold
   * only clears, are not kept. Immutable; the restart histories and specs are shared, not copied.
   */
  public static final class Frozen {
    /** The encoding, deflated (nodes of a tree look alike: about a fifth of its size). */
    private final byte[] data;

    private final int rawLength;
    private final Pool pool;

    private Frozen(byte[] data, int rawLength, Pool pool) {
      this.data = data;
      this.rawLength = rawLength;
      this.pool = pool;
    }

    /** The bytes it takes, about (not its pool's: {@link Pool#bytes}). */
    public long bytes() {
      return 32L + data.length;
    }
  }

  /**
   * The objects frozen folds share rather than encode (specs, labels, reasons), each once however
   * many checkpoints hold it, and the restart histories their nodes' histories are numbers in: the
   * checkpoints of one run share one pool.
   */
  public static final class Pool {
    private final dev.kaboom.run.ByteWriter.Table<Object> objects =
        dev.kaboom.run.ByteWriter.Table.byIdentity();
    private final RestartLog restarts;

    /** A pool for folds whose restart histories are in {@code restarts}. */
    Pool(RestartLog restarts) {
      this.restarts = restarts;
    }

    /** The restart histories of the folds it freezes. */
    RestartLog restarts() {
      return restarts;
    }

    /**
     * By a spec's number in {@link #objects}: the path a thaw made for a node of that spec, and its
     * parent's path it was made under (the same string, thaw after thaw).
     */
    private String[] pathOf = new String[0];

    private String[] pathUnder = new String[0];

    /**
     * The path of a node of spec number {@code spec} under {@code parentPath}: the one made by the
     * thaw before, interned when made (the picture's own string; a thaw makes none, and finds nodes
     * by paths whose hashes are known).
     */
    String path(int spec, String parentPath, String id) {
      if (spec < pathOf.length && pathUnder[spec] == parentPath) {
        return pathOf[spec];
      }
      if (spec >= pathOf.length) {
        int n = Math.max(spec + 1, pathOf.length + (pathOf.length >> 1) + 16);
        pathOf = java.util.Arrays.copyOf(pathOf, n);
        pathUnder = java.util.Arrays.copyOf(pathUnder, n);
      }
      String p = (parentPath + "/" + id).intern();
      pathOf[spec] = p;
      pathUnder[spec] = parentPath;
      return p;
    }

    /** The paths of the nodes the last thaw indexed anew, in order, and its index's table. */
    private String[] layoutPaths;

    private int[] layout;

    /**
     * The table of {@link NodeIndex#fill} for {@code nodes}: the one kept, when its nodes had the
     * same paths (the same strings, {@link #path}) in the same order; else null.
     */
    int[] layoutFor(ProcessNodeModel[] nodes) {
      if (layout == null || layoutPaths.length != nodes.length) {
        return null;
      }
      for (int i = 0; i < nodes.length; i++) {
        if (nodes[i].path() != layoutPaths[i]) {
          return null;
        }
      }
      return layout;
    }

    /** Keeps {@code layout}, the table {@link NodeIndex#fill} made for {@code nodes}. */
    void keepLayout(ProcessNodeModel[] nodes, int[] layout) {
      String[] paths = new String[nodes.length];
      for (int i = 0; i < nodes.length; i++) {
        paths[i] = nodes[i].path();
      }
      this.layoutPaths = paths;
      this.layout = layout;
    }

    /** The bytes it takes, about (its tables; the objects and the histories are shared). */
    public long bytes() {
      return objects.bytes()
          + 8L * (pathOf.length + pathUnder.length)
          + (layout == null ? 0 : 4L * layout.length + 8L * layoutPaths.length);
    }
  }

  /** Freezes this model into a pool of its own (see {@link #freeze(Pool)}). */
  public Frozen freeze() {
    return freeze(new Pool(restarts));
  }

  /**
   * Freezes this model (a fold without highlights), sharing {@code pool}'s objects; null when its
   * nodes do not hang together.
   */
  public Frozen freeze(Pool pool) {
    if (pool.restarts != restarts) {
      throw new IllegalArgumentException("a pool of another run's restart histories");
    }
    FrozenWriter w = new FrozenWriter(pool);
    List<ProcessNodeModel> order = byPath.values();
    java.util.IdentityHashMap<ProcessNodeModel, Integer> index = new java.util.IdentityHashMap<>();
    for (ProcessNodeModel n : order) {
      index.put(n, index.size());
    }
    // the nodes' facts first, in node order (a node's is then the one after the one before's)
    java.util.IdentityHashMap<ProcFacts, Integer> factIds = new java.util.IdentityHashMap<>();
    List<ProcFacts> allFacts = new ArrayList<>();
    for (ProcessNodeModel n : order) {
      if (n.facts != null && factIds.putIfAbsent(n.facts, allFacts.size()) == null) {
        allFacts.add(n.facts);
      }
    }
    facts.forEachValue(
        f -> {
          if (factIds.putIfAbsent(f, allFacts.size()) == null) {
            allFacts.add(f);
          }
        });
    w.varint(order.size());
    w.varint(allFacts.size());
    // the nodes' pids first: the facts' links and monitors name them by node (a supervisor's links
    // are its children, in order: differences of 1 that deflate to nothing, not pids)
    PidTable<Integer> nodeOf = new PidTable<>();
    for (int i = 0; i < order.size(); i++) {
      Pid p = order.get(i).pid;
      w.pid(p);
      if (p != null && nodeOf.get(p) == null) {
        nodeOf.put(p, i);
      }
    }
    for (ProcFacts f : allFacts) {
      w.put(f.trapExit ? 1 : 0);
      w.zigzag(f.mailbox);
      w.varint(f.linkCount());
      int[] last = {0};
      for (int i = 0; i < f.linkCount(); i++) {
        w.nodePid(f.link(i), nodeOf, last);
      }
      w.varint(f.monitorCount());
      for (int i = 0; i < f.monitorCount(); i++) {
        w.zigzag(f.monitorRef(i).serial());
        w.nodePid(f.monitorTarget(i), nodeOf, last);
      }
    }
    int[] lastSpec = {0};
    for (ProcessNodeModel n : order) {
      Integer parent = n.parent().map(index::get).orElse(-1);
      if (parent == null || (n.parent().isEmpty() && n != root)) {
        return null;
      }
      String derived = n.parent().map(p -> p.path() + "/" + n.spec().id()).orElse(n.spec().id());
      if (derived.equals(n.path())) {
        w.put(0); // its parent's path and its id, as nearly always
      } else {
        w.put(1);
        w.ref(n.path());
      }
      w.refAfter(n.spec(), lastSpec); // the specs' numbers go up by one, node by node
      w.zigzag(parent);
    }
    if (!index.containsKey(root)) {
      return null;
    }
    PidTable<Boolean> impliedPaths = new PidTable<>();
    PidTable<Boolean> impliedFacts = new PidTable<>();
    int lastFacts = 0;
    for (ProcessNodeModel n : order) {
      w.varint(n.children().size());
      int lastChild = index.get(n);
      for (ProcessNodeModel c : n.children()) {
        Integer i = index.get(c);
        if (i == null) {
          return null;
        }
        w.zigzag(i - lastChild); // children follow their parent in order: 1s, that deflate away
        lastChild = i;
      }
      w.put(n.status.ordinal());
      w.varint(n.starts);
      w.ref(n.registeredName);
      w.ref(n.lastReason);
      w.put(n.strategy() == null ? 0 : n.strategy().ordinal() + 1);
      w.zigzag(n.intensity());
      w.zigzag(n.periodMillis());
      w.zigzag(n.restartsInWindow());
      w.restartTimes(n.restartTimes());
      if (n.facts == null) {
        w.put(0);
      } else {
        int fi = factIds.get(n.facts) + 1;
        w.varint(1 + zigzag(fi - lastFacts - 1)); // the facts after the node before's: 1
        lastFacts = fi;
      }
      // a live process's path and facts, as nearly always, are its node's: a bit each, not an
      // entry of the maps after the nodes (their pids would be written again)
      boolean pathHere = n.pid != null && n.path().equals(paths.get(n.pid));
      boolean factsHere = n.pid != null && n.facts != null && facts.get(n.pid) == n.facts;
      if (pathHere) {
        impliedPaths.put(n.pid, Boolean.TRUE);
      }
      if (factsHere) {
        impliedFacts.put(n.pid, Boolean.TRUE);
      }
      // its history is the entry that started its pid, and its previous pid that entry's old one,
      // nearly always: a bit each (the restart log has them), not about 3 bytes each that deflate
      // cannot shorten
      int history = n.historyId();
      boolean historyOfPid = history != RestartLog.NONE && restarts.entryOf(n.pid) == history;
      Pid previous = n.previous();
      boolean previousInHistory =
          previous != null
              && history != RestartLog.NONE
              && previous.equals(restarts.record(history).oldPid());
      w.varint(
          (n.gaveUp() ? 1 : 0)
              | (n.deleted ? 2 : 0)
              | (n.dynamic() ? 4 : 0)
              | (n.significant ? 8 : 0)
              | (n.ignored ? 16 : 0)
              | (n.stopping ? 32 : 0)
              | (n.exitCrash ? 64 : 0)
              | (pathHere ? PATH_HERE : 0)
              | (factsHere ? FACTS_HERE : 0)
              | (historyOfPid ? HISTORY_OF_PID : 0)
              | (previousInHistory ? PREVIOUS_IN_HISTORY : 0));
      w.ref(n.autoShutdown());
      if (!historyOfPid) {
        w.varint(history + 1L);
      }
      if (!previousInHistory) {
        w.pid(previous);
      }
      w.zigzag(n.oldestAgesOutAtMillis());
      w.reals(
          n.badgeLitUntil,
          n.exitAt,
          n.exitUntil,
          n.pidChangedAt,
          n.pidChangedUntil,
          n.trappingUntil,
          n.edgeLitUntil,
          n.removedAt(),
          n.removeAt(),
          n.addedAt(),
          n.addedUntil());
    }
    w.varint(paths.size() - impliedPaths.size());
    paths.forEach(
        (p, path) -> {
          if (!impliedPaths.containsKey(p)) {
            w.pid(p);
            w.ref(path);
          }
        });
    w.varint(names.size());
    names.forEach(
        (p, name) -> {
          w.pid(p);
          w.ref(name);
        });
    w.varint(shuttingDown.size());
    shuttingDown.forEach((p, yes) -> w.pid(p));
    w.varint(facts.size() - impliedFacts.size());
    facts.forEach(
        (p, f) -> {
          if (!impliedFacts.containsKey(p)) {
            w.pid(p);
            w.varint(factIds.get(f));
          }
        });
    w.varint(leaving.size());
    for (ProcessNodeModel n : leaving) {
      Integer i = index.get(n);
      if (i == null) {
        return null;
      }
      w.varint(i);
    }
    w.zigzag(structure);
    w.real(nowNanos);
    w.zigzag(virtualMillis);
    java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
    try {
      d.setInput(w.buffer(), 0, w.length());
      d.finish();
      byte[] out = new byte[w.length() + 64];
      int n = 0;
      while (!d.finished()) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        n += d.deflate(out, n, out.length - n);
      }
      return new Frozen(java.util.Arrays.copyOf(out, n), w.length(), pool);
    } finally {
      d.end();
    }
  }

  /** A node's flag in a frozen fold: the map of paths has its pid at its path. */
  private static final int PATH_HERE = 128;

  /** A node's flag in a frozen fold: the map of facts has its pid with its facts. */
  private static final int FACTS_HERE = 256;

  /**
   * A node's flag in a frozen fold: its history is the restart log's entry that started its pid.
   */
  private static final int HISTORY_OF_PID = 512;

  /** A node's flag in a frozen fold: its previous pid is its history's latest entry's old pid. */
  private static final int PREVIOUS_IN_HISTORY = 1024;

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static final NodeStatus[] STATUSES = NodeStatus.values();
  private static final Strategy[] STRATEGIES = Strategy.values();

  /** A model that folds on from where {@code f} was frozen. */
  public static TreeModel thaw(Frozen f) {
    FrozenReader r = new FrozenReader(f);
    int nodeCount = (int) r.varint();
    int factCount = (int) r.varint();
    TreeModel t = new TreeModel(Math.max(nodeCount, factCount));
    t.restarts = f.pool.restarts;
    r.start(t, nodeCount, factCount);
    // a method a node (a fact), not one loop over all: the JIT compiles them within a seek or two
    for (int i = 0; i < nodeCount; i++) {
      r.nodePid(i);
    }
    for (int i = 0; i < factCount; i++) {
      r.fact(i);
    }
    for (int i = 0; i < nodeCount; i++) {
      r.node(i);
    }
    // the nodes by path: the table the thaw before made, when its paths were these (a storm's are)
    int[] layout = f.pool.layoutFor(r.nodes);
    t.byPath.fill(r.nodes, layout);
    if (layout == null) {
      f.pool.keepLayout(r.nodes, t.byPath.layout().clone());
    }
    for (int i = 0; i < nodeCount; i++) {
      r.state(i);
    }
    r.implied();
    for (int k = (int) r.varint(); k > 0; k--) {
      Pid p = r.pid();
      t.paths.put(p, (String) r.ref());
    }
    for (int k = (int) r.varint(); k > 0; k--) {
      Pid p = r.pid();
      t.names.put(p, (String) r.ref());
    }
    for (int k = (int) r.varint(); k > 0; k--) {
      t.shuttingDown.put(r.pid(), Boolean.TRUE);
    }
    for (int k = (int) r.varint(); k > 0; k--) {
      Pid p = r.pid();
      t.facts.put(p, r.allFacts[(int) r.varint()]);
    }
    for (int k = (int) r.varint(); k > 0; k--) {
      t.leaving.add(r.nodes[(int) r.varint()]);
    }
    t.structure = r.zigzag();
    t.nowNanos = r.real();
    t.virtualMillis = r.zigzag();
    t.root = r.nodes[0];
    return t;
  }

  private static final class FrozenWriter extends dev.kaboom.run.ByteWriter {
    final dev.kaboom.run.ByteWriter.Table<Object> refs;

    FrozenWriter(Pool pool) {
      super(65536);
      this.refs = pool.objects;
    }

    /**
     * A pid some node has: 1 + zigzag(its node's index - {@code last[0]}), and {@code last[0]}
     * becomes that index; else 0 and the pid.
     */
    void nodePid(Pid p, PidTable<Integer> nodeOf, int[] last) {
      Integer i = p == null ? null : nodeOf.get(p);
      if (i == null) {
        put(0);
        pid(p);
        return;
      }
      long d = i - last[0];
      varint(((d << 1) ^ (d >> 63)) + 1);
      last[0] = i;
    }

    /** 0: null; else 1 + the index of {@code o} in the table of shared objects. */
    void ref(Object o) {
      varint(o == null ? 0 : refs.id(o) + 1L);
    }

    /**
     * {@code o} (not null) as the difference of its index in the table of shared objects from
     * {@code last[0]}, which becomes its index.
     */
    void refAfter(Object o, int[] last) {
      int id = refs.id(o);
      zigzag(id - last[0]);
      last[0] = id;
    }

    void pid(Pid p) {
      if (p == null) {
        put(0);
      } else if (p.node() == 0 && p.creation() == 0) {
        varint(((long) p.serial() << 1) + 2);
      } else {
        varint(((long) p.serial() << 1) + 3);
        varint(p.node());
        varint(p.creation());
      }
    }

    /**
     * Restart times (a supervisor of a storm holds thousands in its window, most at the same few
     * milliseconds): runs of equal times, each its difference from the run before and its length.
     */
    void restartTimes(TimeList times) {
      int runs = 0;
      long prev = Long.MIN_VALUE;
      for (int i = 0; i < times.size(); i++) {
        long t = times.get(i);
        if (t != prev) {
          runs++;
          prev = t;
        }
      }
      varint(runs);
      long last = 0;
      int count = 0;
      prev = Long.MIN_VALUE;
      for (int i = 0; i < times.size(); i++) {
        long t = times.get(i);
        if (t != prev && count > 0) {
          zigzag(prev - last);
          varint(count);
          last = prev;
          count = 0;
        }
        prev = t;
        count++;
      }
      if (count > 0) {
        zigzag(prev - last);
        varint(count);
      }
    }

    /**
     * Up to 16 doubles: two bits each in a mask (0, NaN, or written out), then those written out.
     */
    void reals(double... ds) {
      long mask = 0;
      for (int i = 0; i < ds.length; i++) {
        mask |= (long) (ds[i] == 0 ? 0 : Double.isNaN(ds[i]) ? 1 : 2) << (2 * i);
      }
      varint(mask);
      for (double d : ds) {
        if (d != 0 && !Double.isNaN(d)) {
          long bits = Double.doubleToRawLongBits(d);
          for (int i = 0; i < 8; i++) {
            put((int) (bits >>> (8 * i)));
          }
        }
      }
    }

    /** 0 and NaN in a byte; others in nine. */
    void real(double d) {
      if (d == 0) {
        put(0);
      } else if (Double.isNaN(d)) {
        put(1);
      } else {
        put(2);
        long bits = Double.doubleToRawLongBits(d);
        for (int i = 0; i < 8; i++) {
          put((int) (bits >>> (8 * i)));
        }
      }
    }
  }

  /** Reads a frozen fold into the model being thawed, a node (or a fact) a call. */
  private static final class FrozenReader extends dev.kaboom.run.ByteReader {
    private final dev.kaboom.run.ByteWriter.Table<Object> refs;
    private final Pool pool;

    // the thaw's state
    private TreeModel t;
    private Pid[] nodePids;
    ProcFacts[] allFacts;
    ProcessNodeModel[] nodes;
    private int[] nodeFlags;
    private final int[] lastSpec = {0};
    private final int[] last = {0};
    private int lastFacts;
    private final double[] reals = new double[11];
    private Pid[] linkBuffer = new Pid[64];

    FrozenReader(Frozen f) {
      super(inflate(f), 0);
      this.refs = f.pool.objects;
      this.pool = f.pool;
    }

    void start(TreeModel t, int nodeCount, int factCount) {
      this.t = t;
      nodePids = new Pid[nodeCount];
      allFacts = new ProcFacts[factCount];
      nodes = new ProcessNodeModel[nodeCount];
      nodeFlags = new int[nodeCount];
    }

    void nodePid(int i) {
      nodePids[i] = pid();
    }

    void fact(int i) {
      ProcFacts x = new ProcFacts();
      x.epoch = t.epoch;
      x.trapExit = u8() != 0;
      x.mailbox = (int) zigzag();
      last[0] = 0;
      int links = (int) varint();
      if (links > linkBuffer.length) {
        linkBuffer = new Pid[Math.max(links, 2 * linkBuffer.length)];
      }
      for (int k = 0; k < links; k++) {
        linkBuffer[k] = nodePid(nodePids, last);
      }
      x.setLinks(linkBuffer, links); // a set when frozen
      for (int k = (int) varint(); k > 0; k--) {
        long ref = zigzag();
        x.putMonitor(new dev.kaboom.engine.Ref(ref), nodePid(nodePids, last));
      }
      allFacts[i] = x;
    }

    /** Node {@code i}'s path, spec and parent. */
    void node(int i) {
      String given = u8() == 0 ? null : (String) ref();
      TreeNode spec = (TreeNode) refAfter(lastSpec);
      int parent = (int) zigzag();
      String path =
          given != null
              ? given
              : parent < 0 ? spec.id() : pool.path(lastSpec[0], nodes[parent].path(), spec.id());
      ProcessNodeModel m = new ProcessNodeModel(path, spec, parent < 0 ? null : nodes[parent]);
      m.tree = t;
      m.restarts = t.restarts;
      nodes[i] = m;
    }

    /** Node {@code i}'s children and state. */
    void state(int i) {
      ProcessNodeModel n = nodes[i];
      int lastChild = i;
      for (int k = (int) varint(); k > 0; k--) {
        lastChild += (int) zigzag();
        n.addChild(nodes[lastChild]);
      }
      n.pid = nodePids[i];
      n.status = STATUSES[u8()];
      n.starts = (int) varint();
      n.registeredName = (String) ref();
      n.lastReason = (String) ref();
      int s = u8();
      n.setStrategy(s == 0 ? null : STRATEGIES[s - 1]);
      n.setIntensity((int) zigzag());
      n.setPeriodMillis(zigzag());
      n.setRestartsInWindow((int) zigzag());
      restartTimes(n);
      long fc = varint();
      if (fc == 0) {
        n.facts = null;
      } else {
        long z = fc - 1;
        lastFacts += 1 + (int) ((z >>> 1) ^ -(z & 1));
        n.facts = allFacts[lastFacts - 1];
      }
      int flags = (int) varint();
      nodeFlags[i] = flags;
      n.setGaveUp((flags & 1) != 0);
      n.deleted = (flags & 2) != 0;
      n.setDynamic((flags & 4) != 0);
      n.significant = (flags & 8) != 0;
      n.ignored = (flags & 16) != 0;
      n.stopping = (flags & 32) != 0;
      n.exitCrash = (flags & 64) != 0;
      n.setAutoShutdown((String) ref());
      n.setHistoryId(
          (flags & HISTORY_OF_PID) != 0 ? t.restarts.entryOf(n.pid) : (int) varint() - 1);
      if ((flags & PREVIOUS_IN_HISTORY) != 0) {
        n.setPreviousInHistory();
      } else {
        n.setPrevious(pid());
      }
      n.setOldestAgesOutAtMillis(zigzag());
      double[] d = reals(reals);
      n.badgeLitUntil = d[0];
      n.exitAt = d[1];
      n.exitUntil = d[2];
      n.pidChangedAt = d[3];
      n.pidChangedUntil = d[4];
      n.trappingUntil = d[5];
      n.edgeLitUntil = d[6];
      n.setRemovedAt(d[7]);
      n.setRemoveAt(d[8]);
      n.setAddedAt(d[9]);
      n.setAddedUntil(d[10]);
    }

    /** The paths and facts the nodes' flags say are their own. */
    void implied() {
      for (int i = 0; i < nodes.length; i++) {
        if ((nodeFlags[i] & PATH_HERE) != 0) {
          t.paths.put(nodes[i].pid, nodes[i].path());
        }
        if ((nodeFlags[i] & FACTS_HERE) != 0) {
          t.facts.put(nodes[i].pid, nodes[i].facts);
        }
      }
    }

    private static byte[] inflate(Frozen f) {
      byte[] bytes = new byte[f.rawLength];
      java.util.zip.Inflater inf = new java.util.zip.Inflater();
      try {
        inf.setInput(f.data);
        int n = 0;
        while (n < bytes.length) {
          int got = inf.inflate(bytes, n, bytes.length - n);
          if (got == 0 && (inf.finished() || inf.needsInput())) {
            throw new IllegalStateException("damaged checkpoint: " + n + " of " + bytes.length);
          }
          n += got;
        }
      } catch (java.util.zip.DataFormatException e) {
        throw new IllegalStateException("damaged checkpoint", e);
      } finally {
        inf.end();
      }
      return bytes;
    }

    /** What {@link FrozenWriter#nodePid} wrote. */
    Pid nodePid(Pid[] nodePids, int[] last) {
      long v = varint();
      if (v == 0) {
        return pid();
      }
      long z = v - 1;
      last[0] += (int) ((z >>> 1) ^ -(z & 1));
      return nodePids[last[0]];
    }

    Object ref() {
      long id = varint();
      return id == 0 ? null : refs.get((int) id - 1);
    }

    /** What {@link FrozenWriter#refAfter} wrote. */
    Object refAfter(int[] last) {
      last[0] += (int) zigzag();
      return refs.get(last[0]);
    }

    Pid pid() {
      long v = varint();
      if (v == 0) {
        return null;
      }
      int serial = (int) ((v - 2) >>> 1);
      return ((v - 2) & 1) == 0 ? new Pid(serial) : new Pid((int) varint(), serial, (int) varint());
    }

    void restartTimes(ProcessNodeModel n) {
      long t = 0;
      for (long runs = varint(); runs > 0; runs--) {
        t += zigzag();
        TimeList into = n.restartTimesToWrite();
        for (long k = varint(); k > 0; k--) {
          into.addLast(t);
        }
      }
    }

    /** What {@link FrozenWriter#reals} wrote, into {@code out} (as many as it is long). */
    double[] reals(double[] out) {
      long mask = varint();
      for (int i = 0; i < out.length; i++) {
        int code = (int) (mask >>> (2 * i)) & 3;
        if (code == 0) {
          out[i] = 0;
        } else if (code == 1) {
          out[i] = Double.NaN;
        } else if (code == 2) {
          long bits = 0;
          for (int k = 0; k < 8; k++) {
            bits |= (long) u8() << (8 * k);
          }
          out[i] = Double.longBitsToDouble(bits);
        }
      }
      return out;
    }

    double real() {
      int tag = u8();
      if (tag == 0) {
        return 0;
      }
      if (tag == 1) {
        return Double.NaN;
      }
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits |= (long) u8() << (8 * i);
      }
      return Double.longBitsToDouble(bits);
    }
  }
}
