package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.SignalOutcome;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.otp.RestartType;
import dev.kaboom.otp.Strategy;
import dev.kaboom.otp.SupervisorBehavior;
import dev.kaboom.scenario.TreeNode;
import dev.kaboom.ui.sim.EngineSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The drawn supervision tree: one {@link ProcessNodeModel} per node of the scenario, kept up to date
 * from the engine's events ({@link #apply}). Highlights (a lit strategy badge, a signal on a link, a
 * trapped signal) fade on the model's own clock, advanced by {@link #advance}.
 */
public final class TreeModel {
  private final ProcessNodeModel root;
  private final Map<String, ProcessNodeModel> byPath = new LinkedHashMap<>();
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

  /** The model's clock (ns), which highlights are measured against. */
  public double nowNanos() {
    return nowNanos;
  }

  /** Moves the model's clock on; returns true if some highlight went out. */
  public boolean advance(long deltaNanos) {
    double before = nowNanos;
    nowNanos += deltaNanos;
    for (ProcessNodeModel n : byPath.values()) {
      if (crossed(n.badgeLitUntil, before) || crossed(n.trappingUntil, before)
          || crossed(n.edgeLitUntil, before)) {
        return true;
      }
    }
    return false;
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
      ProcessNodeModel n = byPath.get(st.label());
      if (n == null) {
        return false;
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
      n.registeredName = null;
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
                n.strategy = Strategy.parse(f.strategy()).orElse(n.strategy);
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
                c.deleted = true;
                return c;
              })
          .isPresent();
    } else if (e instanceof TraceEvent.Registered r) {
      return at(s, r.pid()).map(n -> n.registeredName = r.name()).isPresent();
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
