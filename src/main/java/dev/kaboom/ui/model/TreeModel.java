package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.SignalOutcome;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.otp.RestartType;
import dev.kaboom.otp.Strategy;
import dev.kaboom.otp.SupervisorBehavior;
import dev.kaboom.scenario.TreeNode;
import dev.kaboom.ui.sim.EngineSession;
import dev.kaboom.engine.ProcessKind;
import dev.kaboom.engine.Proc;
import dev.kaboom.otp.ChildInfo;
import dev.kaboom.otp.ChildType;
import dev.kaboom.otp.Shutdown;
import dev.kaboom.otp.SupFlags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The drawn supervision tree: one {@link ProcessNodeModel} per node, kept up to date from the
 * engine's events ({@link #apply}). It starts as the scenario's tree and follows the engine: a child
 * started at run time ({@code start_child}) is added last under its supervisor when its {@code
 * Started} event arrives (node identity is the path, the event's label); a child whose spec was
 * removed ({@code delete_child}, a temporary child that ended, a start_child'ed child of a supervisor
 * that was restarted from its original spec) fades out and leaves. {@link #structureVersion()} goes
 * up whenever nodes came or went, so the view knows to lay the tree out again. Highlights (a lit
 * strategy badge, a signal on a link, a trapped signal) fade on the model's own clock, advanced by
 * {@link #advance}.
 */
public final class TreeModel {
  private final ProcessNodeModel root;
  private final Map<String, ProcessNodeModel> byPath = new LinkedHashMap<>();
  /** Specs of children asked for with start_child, by path, until they come (or come again). */
  private final Map<String, TreeNode> expected = new HashMap<>();
  private final List<ProcessNodeModel> leaving = new ArrayList<>();
  private long structure;
  private double nowNanos;

  public TreeModel(TreeNode tree) {
    this.root = build(tree, tree.id(), null);
  }

  private ProcessNodeModel build(TreeNode n, String path, ProcessNodeModel parent) {
    ProcessNodeModel m = new ProcessNodeModel(path, n, parent);
    byPath.put(path, m);
    for (TreeNode c : n.children()) {
      m.addChild(build(c, path + "/" + c.id(), m));
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
    return Collections.unmodifiableList(new ArrayList<>(byPath.values()));
  }

  public int size() {
    return byPath.size();
  }

  /** Goes up whenever a node was added to or removed from the tree. */
  public long structureVersion() {
    return structure;
  }

  /**
   * Tells the model which spec a child about to be started at run time has ({@code start_child} on
   * the supervisor at {@code supervisorPath}), so it is drawn as what it is.
   */
  public void expectChild(String supervisorPath, TreeNode spec) {
    expected.put(supervisorPath + "/" + spec.id(), spec);
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
    nowNanos += deltaNanos;
    if (!leaving.isEmpty()) {
      // fading out: visible every frame; gone once their time is up
      for (ProcessNodeModel n : new ArrayList<>(leaving)) {
        if (nowNanos >= n.removeAt) {
          detach(n);
        }
      }
      return true;
    }
    for (ProcessNodeModel n : byPath.values()) {
      if (crossed(n.badgeLitUntil, before) || crossed(n.trappingUntil, before)
          || crossed(n.edgeLitUntil, before) || crossed(n.addedUntil, before)) {
        return true;
      }
    }
    return false;
  }

  // ---- nodes coming and going ----

  /** Adds the node at {@code path} (its parent must be drawn); null if it cannot be placed. */
  private ProcessNodeModel create(String path, EngineSession s, ProcessKind kind, Pid pid, double until) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    ProcessNodeModel parent = byPath.get(path.substring(0, slash));
    if (parent == null || parent.leaving()) {
      return null;
    }
    String id = path.substring(slash + 1);
    TreeNode spec = expected.get(path);
    boolean fromParentSpec = false;
    if (spec == null) {
      spec = parent.spec().children().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
      fromParentSpec = spec != null;
    }
    if (spec == null) {
      spec = synthesize(id, parent, s, kind);
    }
    ProcessNodeModel m = new ProcessNodeModel(path, spec, parent);
    if (fromParentSpec) {
      // started from its supervisor's own spec (a restarted supervisor): in spec order, before
      // any child added at run time
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
      parent.addChild(m); // start_child: last in start order
      m.addedAt = nowNanos;
      m.addedUntil = until;
    }
    if (m.isSupervisor() && pid != null) {
      s.sim().node().process(pid)
          .map(Proc::behavior)
          .filter(b -> b instanceof SupervisorBehavior)
          .map(b -> ((SupervisorBehavior) b).flags())
          .ifPresent(f -> applyFlags(m, f));
    }
    byPath.put(path, m);
    structure++;
    return m;
  }

  private static void applyFlags(ProcessNodeModel m, SupFlags f) {
    m.strategy = f.strategy();
    m.intensity = f.intensity();
    m.periodMillis = f.periodMillis();
  }

  private static int indexOf(List<TreeNode> specs, String id) {
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** A spec for a child nobody told us about: what its supervisor knows of it. */
  private static TreeNode synthesize(String id, ProcessNodeModel parent, EngineSession s, ProcessKind kind) {
    Optional<ChildInfo> info =
        parent.pid()
            .flatMap(p -> s.sim().node().process(p))
            .map(Proc::behavior)
            .filter(b -> b instanceof SupervisorBehavior)
            .flatMap(b -> ((SupervisorBehavior) b).children().stream()
                .filter(c -> c.id().equals(id)).findFirst());
    boolean sup = info.map(i -> i.type() == ChildType.SUPERVISOR).orElse(kind == ProcessKind.SUPERVISOR);
    TreeNode base = sup ? TreeNode.supervisor(id, Strategy.ONE_FOR_ONE, List.of()) : TreeNode.worker(id);
    return new TreeNode(id, sup, info.map(ChildInfo::restart).orElse(base.restart()),
        info.map(ChildInfo::shutdown).orElse(sup ? Shutdown.INFINITY : Shutdown.WORKER_DEFAULT),
        base.strategy(), base.intensity(), base.periodSeconds(), List.of(), false, 0);
  }

  /** Marks {@code n} as removed: it fades out until {@code removeAt}, then leaves. */
  private void startLeaving(ProcessNodeModel n, double removeAt) {
    n.deleted = true;
    if (!n.leaving()) {
      n.removedAt = nowNanos;
      n.removeAt = removeAt;
      leaving.add(n);
    }
  }

  /** Takes {@code n} and its subtree out of the tree. */
  private void detach(ProcessNodeModel n) {
    n.parent().ifPresent(p -> p.removeChild(n));
    List<ProcessNodeModel> stack = new ArrayList<>(List.of(n));
    while (!stack.isEmpty()) {
      ProcessNodeModel x = stack.remove(stack.size() - 1);
      byPath.remove(x.path(), x);
      leaving.remove(x);
      stack.addAll(x.children());
    }
    structure++;
  }

  private boolean crossed(double until, double before) {
    return before < until && nowNanos >= until;
  }

  private Optional<ProcessNodeModel> at(EngineSession s, Pid pid) {
    return s.pathOf(pid).flatMap(this::node);
  }

  /**
   * Applies one engine event. {@code highlightNanos} is how long a highlight stays lit (a few beats
   * at the current speed). Returns true if anything visible changed.
   */
  public boolean apply(TraceEvent e, EngineSession s, double highlightNanos) {
    double until = nowNanos + highlightNanos;
    if (e instanceof TraceEvent.Started st) {
      if (st.label() == null) {
        return false;
      }
      ProcessNodeModel n = byPath.get(st.label());
      if (n != null && n.leaving()) {
        detach(n); // started again (start_child with the same id): a new node, last in order
        n = null;
      }
      if (n == null) {
        n = create(st.label(), s, st.kind(), st.pid(), until);
        if (n == null) {
          return false;
        }
      }
      if (n.starts > 0 && n.isSupervisor()) {
        // a supervisor starts again from its own spec: what start_child added to it is gone
        for (ProcessNodeModel c : n.children()) {
          if (c.wasAdded()) {
            expected.remove(c.path());
            startLeaving(c, until);
          }
        }
      }
      if (n.starts > 0) {
        n.addHistory(new RestartRecord(st.timeMillis(), n.pid, st.pid(), n.lastReason));
      }
      n.starts++;
      n.pid = st.pid();
      n.status = NodeStatus.RUNNING;
      n.stopping = false;
      n.gaveUp = false;
      n.deleted = false;
      // it registered its name just before init (start_link({local, Name}))
      String name = s.sim().node().process(st.pid()).map(Proc::registeredName).orElse(null);
      if (name != null) {
        n.registeredName = name;
      }
      if (n.isSupervisor()) {
        n.restartsInWindow = 0;
      }
      return true;
    } else if (e instanceof TraceEvent.Exited x) {
      ProcessNodeModel n = byPath.get(x.label());
      if (n == null || !x.pid().equals(n.pid)) {
        return false;
      }
      n.lastReason = x.reason().format();
      boolean orderly =
          (n.stopping || s.isBeingShutDown(x.pid()) || RestartType.isNormalExit(x.reason()))
              && !n.gaveUp;
      n.status = orderly ? NodeStatus.STOPPED : NodeStatus.CRASHED;
      n.registeredName = null;
      return true;
    } else if (e instanceof TraceEvent.ExitSignalSent sig && sig.viaLink()) {
      Optional<ProcessNodeModel> from = at(s, sig.from());
      Optional<ProcessNodeModel> to = at(s, sig.to());
      if (from.isEmpty() || to.isEmpty()) {
        return false;
      }
      if (from.get().parent().orElse(null) == to.get()) {
        from.get().edgeLitUntil = until; // up the link to the supervisor
        return true;
      }
      if (to.get().parent().orElse(null) == from.get()) {
        to.get().edgeLitUntil = until; // down the link to a child
        return true;
      }
      return false;
    } else if (e instanceof TraceEvent.ExitSignalHandled h
        && h.outcome() == SignalOutcome.TRAPPED
        && s.pathOf(h.from()).isEmpty()) {
      return at(s, h.to()).map(n -> n.trappingUntil = until).isPresent();
    } else if (e instanceof TraceEvent.RestartPlanned p) {
      Optional<ProcessNodeModel> sup = at(s, p.supervisor());
      sup.ifPresent(
          n -> {
            n.badgeLitUntil = until;
            node(n.path() + "/" + p.failedChildId())
                .filter(c -> c.status != NodeStatus.RUNNING && !p.startIds().isEmpty())
                .ifPresent(c -> c.status = NodeStatus.RESTARTING);
          });
      return sup.isPresent();
    } else if (e instanceof TraceEvent.ChildShutdown cs) {
      return at(s, cs.supervisor())
          .flatMap(n -> node(n.path() + "/" + cs.childId()))
          .map(c -> c.stopping = true)
          .isPresent();
    } else if (e instanceof TraceEvent.RestartIntensity ri) {
      return at(s, ri.supervisor())
          .map(
              n -> {
                n.restartsInWindow = ri.restartsInWindow();
                n.intensity = ri.intensity();
                n.periodMillis = ri.periodMillis();
                return n;
              })
          .isPresent();
    } else if (e instanceof TraceEvent.GaveUp g) {
      return at(s, g.supervisor())
          .map(
              n -> {
                n.gaveUp = true;
                n.badgeLitUntil = until;
                return n;
              })
          .isPresent();
    } else if (e instanceof TraceEvent.FlagsChanged f) {
      return at(s, f.supervisor())
          .map(
              n -> {
                n.strategy = f.strategy();
                n.intensity = f.intensity();
                n.periodMillis = f.periodMillis();
                n.badgeLitUntil = until;
                return n;
              })
          .isPresent();
    } else if (e instanceof TraceEvent.ChildRemoved r) {
      return at(s, r.supervisor())
          .flatMap(n -> node(n.path() + "/" + r.childId()))
          .map(
              c -> {
                expected.remove(c.path());
                startLeaving(c, until);
                return c;
              })
          .isPresent();
    } else if (e instanceof TraceEvent.Registered r) {
      return at(s, r.pid()).map(n -> n.registeredName = r.name()).isPresent();
    } else if (e instanceof TraceEvent.Unregistered u) {
      return at(s, u.pid())
          .filter(n -> u.pid().equals(n.pid) && u.name().equals(n.registeredName))
          .map(n -> {
            n.registeredName = null;
            return n;
          })
          .isPresent();
    } else if (e instanceof TraceEvent.TimeAdvanced) {
      return refreshWindows(s);
    }
    return false;
  }

  /** Restart windows age with virtual time: re-read each live supervisor's count. */
  private boolean refreshWindows(EngineSession s) {
    boolean changed = false;
    for (ProcessNodeModel n : byPath.values()) {
      if (!n.isSupervisor() || n.pid == null || n.restartsInWindow == 0) {
        continue;
      }
      int count =
          s.sim()
              .node()
              .process(n.pid)
              .filter(p -> p.behavior() instanceof SupervisorBehavior)
              .map(p -> ((SupervisorBehavior) p.behavior()).restartsInWindow())
              .orElse(n.restartsInWindow);
      if (count != n.restartsInWindow) {
        n.restartsInWindow = count;
        changed = true;
      }
    }
    return changed;
  }
}
