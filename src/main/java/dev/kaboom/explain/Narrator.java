package dev.kaboom.explain;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.PidTable;
import dev.kaboom.engine.ProcessKind;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import dev.kaboom.engine.ShutdownHow;
import dev.kaboom.engine.SignalOutcome;
import dev.kaboom.engine.StopCause;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.Tuple;
import dev.kaboom.otp.DynamicSupervisorBehavior;
import dev.kaboom.otp.Messages;
import dev.kaboom.otp.SimpleWorker;
import dev.kaboom.otp.SupervisorRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Explains the event stream step by step: a fold over {@link TraceEvent}s (no engine access, no
 * JavaFX) that returns, for each event worth a sentence, the {@link Narration} naming the row of
 * the OTP rule that decided it, with that row's inputs.
 *
 * <p>Narrated: every {@code Started} and {@code Exited} of a process in the tree (why it started,
 * why it ended), each supervisor's restart decision ({@code ChildExited}: restart type x reason),
 * its restart count ({@code RestartIntensity} against the intensity), {@code GaveUp}, every
 * supervisor call's reply ({@code CallReplied}), and every exit signal that changed nothing
 * (ignored, or turned into an {@code {:EXIT, from, reason}} message that nobody acts on).
 * Everything else returns an empty list.
 */
public final class Narrator {
  // kept for every process of the run (a later sentence may name a dead one): by pid serial
  private final PidMap<Pid> spawner = new PidMap<>();
  private final PidMap<ProcessKind> kind = new PidMap<>();
  private final PidMap<String> label = new PidMap<>();
  private final Map<Pid, Pid> spawners = new HashMap<>();
  private final PidTable<Boolean> started = new PidTable<>();

  /** Console shells (outside processes with a label): what they start is started from iex. */
  private final Set<Pid> shells = new HashSet<>();

  /** The exit signal a process is dying of (handled DIES or KILLED). */
  private final Map<Pid, TraceEvent.ExitSignalHandled> fatal = new HashMap<>();

  /** A child its supervisor is shutting down, why, and how. */
  private final Map<Pid, Order> orders = new HashMap<>();

  /** A supervisor's current restart plan. */
  private final Map<Pid, Plan> plans = new HashMap<>();

  private final Map<Pid, TraceEvent.RestartIntensity> lastCount = new HashMap<>();

  /** A supervisor's calls in its mailbox or in progress (request objects). */
  private final Map<Pid, List<Object>> calls = new HashMap<>();

  private final Map<Pid, Term> stopSelf = new HashMap<>();

  /** A supervisor that got an EXIT from its parent, or a trapping worker that did. */
  private final Map<Pid, TraceEvent.ExitSignalHandled> fromParent = new HashMap<>();

  private final Set<Pid> gaveUp = new HashSet<>();

  /** Supervisors shutting down by their auto_shutdown, and the significant child that ended. */
  private final Map<Pid, TraceEvent.AutoShutdown> autoShutdowns = new HashMap<>();

  /** Workers whose init returned ignore (they end with normal, kept with no process). */
  private final Set<Pid> ignored = new HashSet<>();

  /** Processes whose init returned {@code {:stop, reason}} (or another refusal): never started. */
  private final Set<Pid> refused = new HashSet<>();

  private final Set<String> removedIds = new HashSet<>();

  /** Children (supervisor/id) a supervisor has been asked to shut down since its last reply. */
  private final Set<String> shutIds = new HashSet<>();

  /**
   * Each supervised child's restart type and shutdown, from its {@code ChildStarted} (tables of
   * pids, not hash maps: a 2,000-process tree holds one of each per process).
   */
  private final PidTable<RestartType> restartTypes = new PidTable<>();

  private final PidTable<Shutdown> shutdowns = new PidTable<>();

  /** The shutdown last put in {@link #shutdowns}: equal ones share it (most children's are). */
  private Shutdown lastShutdown;

  /** Supervisors whose flags just changed (the window event that follows counts no restart). */
  private final Set<Pid> flagsChanged = new HashSet<>();

  /** Supervisors that counted a restart and made no plan (DynamicSupervisor: one_for_one). */
  private final Set<Pid> pendingDynamicRestart = new HashSet<>();

  private record Plan(TraceEvent.RestartPlanned event, Set<String> stopped, Set<String> started) {}

  private record Order(
      Pid supervisor,
      ShutdownHow how,
      long timeoutMillis,
      Narration.Msg why,
      SignalOutcome firstOutcome) {}

  /** The narrations for {@code e} (usually none or one), in order. */
  public List<Narration> apply(TraceEvent e) {
    if (e instanceof TraceEvent.Spawned s) {
      // one Pid object per spawner (a few supervisors spawn thousands of processes each)
      Pid by = s.spawner() == null ? null : spawners.computeIfAbsent(s.spawner(), p -> p);
      spawner.put(s.pid(), by);
      kind.put(s.pid(), s.kind());
      // an outside process (the console's shell) is not in the tree, even with a label: what it
      // starts is started from outside, as from iex
      if (s.label() != null && s.kind() != ProcessKind.EXTERNAL) {
        label.put(s.pid(), s.label());
      } else if (s.label() != null) {
        shells.add(s.pid()); // a console's shell: named as the iex shell it is
      }
    } else if (e instanceof TraceEvent.Started s) {
      // (a tree's root may have been spawned before this narrator heard the events)
      kind.put(s.pid(), s.kind());
      if (s.label() != null) {
        label.put(s.pid(), s.label());
        started.put(s.pid(), Boolean.TRUE);
        return List.of(started(s));
      }
    } else if (e instanceof TraceEvent.ExitSignalHandled h) {
      return handled(h);
    } else if (e instanceof TraceEvent.MessageSent m) {
      if (m.message() instanceof Messages.Call c) {
        calls.computeIfAbsent(m.to(), k -> new ArrayList<>()).add(c.request());
      } else if (m.message() instanceof Messages.Cast c
          && c.request() instanceof SimpleWorker.StopWith w) {
        stopSelf.put(m.to(), w.reason());
      }
    } else if (e instanceof TraceEvent.Exited x) {
      return exited(x);
    } else if (e instanceof TraceEvent.ChildStarted c) {
      restartTypes.put(c.child(), c.restartType());
      Shutdown shutdown = c.shutdown();
      if (shutdown != null && shutdown.equals(lastShutdown)) {
        shutdown = lastShutdown;
      }
      lastShutdown = shutdown;
      shutdowns.put(c.child(), shutdown);
    } else if (e instanceof TraceEvent.FlagsChanged f) {
      flagsChanged.add(f.supervisor());
    } else if (e instanceof TraceEvent.ChildExited c) {
      plans.remove(c.supervisor());
      return List.of(decide(c));
    } else if (e instanceof TraceEvent.RestartIntensity r) {
      if (flagsChanged.remove(r.supervisor())) {
        return List.of();
      }
      lastCount.put(r.supervisor(), r);
      pendingDynamicRestart.add(r.supervisor());
      if (r.restartsInWindow() <= r.intensity()) {
        String key = r.restartsInWindow() == r.intensity() ? "intensity.last" : "intensity.below";
        return List.of(
            Narration.of(
                key,
                name(r.supervisor()),
                num(r.restartsInWindow()),
                num(r.intensity()),
                seconds(r.periodMillis())));
      }
    } else if (e instanceof TraceEvent.RestartPlanned p) {
      pendingDynamicRestart.remove(p.supervisor());
      plans.put(p.supervisor(), new Plan(p, new HashSet<>(), new HashSet<>()));
    } else if (e instanceof TraceEvent.ChildShutdown cs) {
      shutdownOrdered(cs);
    } else if (e instanceof TraceEvent.ChildRemoved r) {
      removedIds.add(r.supervisor() + "/" + r.childId());
    } else if (e instanceof TraceEvent.AutoShutdown a) {
      autoShutdowns.put(a.supervisor(), a);
      String key =
          "all_significant".equals(a.autoShutdown())
              ? "autoshutdown.all_significant"
              : "autoshutdown.any_significant";
      return List.of(Narration.of(key, name(a.supervisor()), a.childId()));
    } else if (e instanceof TraceEvent.InitRefused r) {
      if (Atom.of("ignore").equals(r.result())) {
        ignored.add(r.pid());
      } else {
        refused.add(r.pid());
      }
    } else if (e instanceof TraceEvent.GaveUp g) {
      gaveUp.add(g.supervisor());
      plans.remove(g.supervisor());
      return List.of(giveUp(g));
    } else if (e instanceof TraceEvent.CallReplied r) {
      List<Object> pending = calls.get(r.server());
      if (pending != null) {
        pending.remove(r.request());
      }
      Narration n = replied(r);
      removedIds.clear();
      shutIds.clear();
      return List.of(n);
    }
    return List.of();
  }

  /** The sentence for a step that found no live process at {@code path} ({@code = noproc}). */
  public static Narration noproc(String path) {
    return Narration.of("call.noproc", path);
  }

  /**
   * The sentence for a step's result that no supervisor's reply explained: {@code Supervisor.stop}
   * ({@code = ok} once the supervisor and its children are gone), a DynamicSupervisor asked to
   * terminate a child that is not alive (answered {@code {error, not_found}} without a call), or
   * any other answer.
   */
  public Narration unanswered(String path, dev.kaboom.scenario.Command c, Term value) {
    if (c instanceof dev.kaboom.scenario.Command.Stop s && value == Atom.OK) {
      return Narration.of("call.stop.ok", path, s.reason().format());
    }
    if (c instanceof dev.kaboom.scenario.Command.TerminateChild t) {
      return Narration.of("call.terminate_child.dynamic_gone", path, t.id());
    }
    return Narration.of("call.other", path, value.format());
  }

  /**
   * The sentence after a root that did not start: a child spec the supervisor refuses before it
   * starts anything ({@code {error, {start_spec, _}}}), or another error.
   */
  public static Narration rootStartFailed(String root, Term result) {
    if (result instanceof Tuple t
        && t.size() == 2
        && t.get(1) instanceof Tuple inner
        && inner.size() == 2
        && inner.get(0).equals(Atom.of("start_spec"))) {
      return Narration.of("call.start_link.bad_spec", root, inner.get(1).format());
    }
    return Narration.of("call.start_link.error", root, result.format());
  }

  /** The sentence for a call that ended without a reply (the server exited with {@code reason}). */
  public Narration callFailed(String path, Term reason) {
    return Narration.of("call.failed", path, reason.format());
  }

  // ---- names ----

  private Object name(Pid pid) {
    String l = label.get(pid);
    if (l == null) {
      return Narration.Msg.of(shells.contains(pid) ? "word.shell" : "word.outside");
    }
    int slash = l.lastIndexOf('/');
    return slash < 0 ? l : l.substring(slash + 1);
  }

  private boolean isSupervisor(Pid pid) {
    ProcessKind k = kind.get(pid);
    return k == ProcessKind.SUPERVISOR;
  }

  private boolean inTree(Pid pid) {
    return label.containsKey(pid);
  }

  private static String num(long n) {
    return Long.toString(n);
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0
        ? Long.toString(millis / 1000)
        : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  private static String childId(String label) {
    int slash = label == null ? -1 : label.lastIndexOf('/');
    return label == null ? "" : slash < 0 ? label : label.substring(slash + 1);
  }

  // ---- signals ----

  private List<Narration> handled(TraceEvent.ExitSignalHandled h) {
    Pid to = h.to();
    Pid parent = spawner.get(to);
    boolean fromParentNow = h.from().equals(parent);
    switch (h.outcome()) {
      case DIES, KILLED -> {
        fatal.put(to, h);
        Order o = orders.get(to);
        if (o != null && o.firstOutcome() == null) {
          orders.put(
              to, new Order(o.supervisor(), o.how(), o.timeoutMillis(), o.why(), h.outcome()));
        }
        return List.of();
      }
      case IGNORED -> {
        if (!inTree(to)) {
          return List.of();
        }
        return List.of(Narration.of("signal.ignored.normal", name(to), name(h.from())));
      }
      case TRAPPED -> {
        Order o = orders.get(to);
        if (o != null && o.firstOutcome() == null) {
          orders.put(
              to, new Order(o.supervisor(), o.how(), o.timeoutMillis(), o.why(), h.outcome()));
        }
        if (fromParentNow) {
          fromParent.put(to, h);
          return List.of();
        }
        if (!inTree(to)) {
          return inTree(h.from())
              ? List.of(
                  Narration.of(
                      shells.contains(to) ? "signal.trapped.shell" : "signal.trapped.outside",
                      name(h.from()),
                      h.reason().format()))
              : List.of();
        }
        if (isSupervisor(to)) {
          boolean child = to.equals(spawner.get(h.from())) && inTree(h.from());
          return child
              ? List.of()
              : List.of(
                  Narration.of(
                      "signal.trapped.supervisor.stranger",
                      name(to),
                      name(h.from()),
                      h.reason().format()));
        }
        return List.of(
            Narration.of("signal.trapped.worker", name(to), name(h.from()), h.reason().format()));
      }
      default -> {
        return List.of();
      }
    }
  }

  // ---- exits ----

  private List<Narration> exited(TraceEvent.Exited x) {
    Pid pid = x.pid();
    TraceEvent.ExitSignalHandled sig = fatal.remove(pid);
    Order order = orders.remove(pid);
    Term stopReason = stopSelf.remove(pid);
    TraceEvent.ExitSignalHandled parentSig = fromParent.remove(pid);
    boolean wasStarted = started.remove(pid) != null;
    boolean gave = gaveUp.remove(pid);
    TraceEvent.AutoShutdown auto = autoShutdowns.remove(pid);
    boolean ignoredInit = ignored.remove(pid);
    boolean refusedInit = refused.remove(pid);
    plans.remove(pid);
    calls.remove(pid);
    shutdowns.remove(pid);
    if (x.label() == null) {
      return List.of();
    }
    Object me = name(pid);
    String reason = x.reason().format();
    Narration n;
    if (order != null) {
      n = new Narration(List.of(order.why(), how(order, me)));
    } else if (sig != null) {
      n = signalDeath(sig, me, reason);
    } else if (gave) {
      Pid parent = spawner.get(pid);
      n =
          inTree(parent)
              ? Narration.of("exit.gave_up.child", me, name(parent))
              : Narration.of("exit.gave_up.root", me);
    } else if (parentSig != null) {
      n =
          isSupervisor(pid)
              ? Narration.of("exit.supervisor.parent", me, name(parentSig.from()), reason)
              : Narration.of("exit.parent_trapped", me, name(parentSig.from()), reason);
    } else if (auto != null) {
      n = Narration.of("exit.auto_shutdown", me, auto.childId(), auto.autoShutdown());
    } else if (ignoredInit) {
      n = Narration.of("exit.init_ignore", me, name(spawner.get(pid)));
    } else if (refusedInit) {
      n = Narration.of("exit.init_failed", me, reason);
    } else if (stopReason != null) {
      n = Narration.of("exit.stop_self", me, reason);
    } else if (failedToStartChild(x.reason()) != null) {
      Tuple inner = failedToStartChild(x.reason());
      n =
          Narration.of(
              "exit.failed_to_start_child", me, inner.get(1).format(), inner.get(2).format());
    } else if (!wasStarted) {
      n = Narration.of("exit.init_failed", me, reason);
    } else {
      n = Narration.of("exit.other", me, reason);
    }
    return List.of(n);
  }

  private Narration signalDeath(TraceEvent.ExitSignalHandled sig, Object me, String reason) {
    if (sig.outcome() == SignalOutcome.KILLED) {
      return Narration.of("exit.killed", me, name(sig.from()));
    }
    if (sig.from().equals(sig.to())) {
      return Narration.of("exit.self_normal", me);
    }
    if (sig.viaLink()) {
      return Narration.of("exit.link", me, name(sig.from()), reason);
    }
    return Narration.of("exit.signal", me, name(sig.from()), reason);
  }

  /** {@code {shutdown, {failed_to_start_child, Id, Reason}}}, or null. */
  private static Tuple failedToStartChild(Term reason) {
    if (reason instanceof Tuple t
        && t.size() == 2
        && t.get(0) == Atom.SHUTDOWN
        && t.get(1) instanceof Tuple inner
        && inner.size() == 3
        && inner.get(0).equals(Atom.of("failed_to_start_child"))) {
      return inner;
    }
    return null;
  }

  // ---- supervisor decisions ----

  private Narration decide(TraceEvent.ChildExited c) {
    boolean normalish = isNormalStop(c.reason());
    RestartType type = restartTypes.remove(c.child());
    String key =
        type == RestartType.TEMPORARY
            ? "decide.temporary"
            : type == RestartType.TRANSIENT
                ? (normalish ? "decide.transient.normal" : "decide.transient.abnormal")
                : (normalish ? "decide.permanent.normal" : "decide.permanent.abnormal");
    return Narration.of(key, c.childId(), name(c.supervisor()), c.reason().format());
  }

  /** {@code normal}, {@code shutdown} or {@code {shutdown, _}}: a transient child stays stopped. */
  private static boolean isNormalStop(Term reason) {
    return reason == Atom.NORMAL
        || reason == Atom.SHUTDOWN
        || (reason instanceof Tuple t && t.size() == 2 && t.get(0) == Atom.SHUTDOWN);
  }

  private Narration giveUp(TraceEvent.GaveUp g) {
    TraceEvent.RestartIntensity r = lastCount.get(g.supervisor());
    String n = r == null ? "?" : num(r.restartsInWindow());
    String max = r == null ? "?" : num(r.intensity());
    String period = r == null ? "?" : seconds(r.periodMillis());
    Pid parent = spawner.get(g.supervisor());
    return inTree(parent)
        ? Narration.of("giveup.child", name(g.supervisor()), n, max, period, name(parent))
        : Narration.of("giveup.root", name(g.supervisor()), n, max, period);
  }

  private void shutdownOrdered(TraceEvent.ChildShutdown cs) {
    shutIds.add(cs.supervisor() + "/" + cs.childId());
    Order old = orders.get(cs.child());
    if (old != null) {
      // the shutdown timeout ran out: same order, now a kill
      orders.put(
          cs.child(),
          new Order(
              old.supervisor(),
              ShutdownHow.KILL,
              old.timeoutMillis(),
              old.why(),
              old.firstOutcome()));
      return;
    }
    Shutdown spec = shutdowns.get(cs.child());
    long timeout =
        spec instanceof Shutdown.Timeout t
            ? t.millis()
            : spec instanceof Shutdown.BrutalKill ? 0 : -1;
    orders.put(cs.child(), new Order(cs.supervisor(), cs.how(), timeout, why(cs), null));
  }

  /** Why the supervisor stops this child: the row of the rule that decided it. */
  private Narration.Msg why(TraceEvent.ChildShutdown cs) {
    Pid sup = cs.supervisor();
    Object s = name(sup);
    String child = cs.childId();
    StopCause cause = cs.cause();
    if (cause == StopCause.GAVE_UP) {
      return Narration.Msg.of("stop.gave_up", s, child);
    }
    if (cause == StopCause.PARENT_SHUTDOWN) {
      return Narration.Msg.of("stop.parent", s, child);
    }
    if (cause == StopCause.TERMINATE_CHILD) {
      return Narration.Msg.of("stop.terminate_child", s, child);
    }
    if (cause == StopCause.START_FAILED) {
      return Narration.Msg.of("stop.start_failed", s, child);
    }
    if (cause == StopCause.AUTO_SHUTDOWN) {
      return Narration.Msg.of("stop.auto_shutdown", s, child);
    }
    if (cause == StopCause.SUPERVISOR_STOP) {
      return Narration.Msg.of("stop.supervisor_stop", s, child);
    }
    Plan plan = plans.get(sup);
    if (plan != null && plan.event().stopIds().contains(child) && plan.stopped().add(child)) {
      TraceEvent.RestartPlanned p = plan.event();
      String failed = p.failedChildId();
      if (p.strategy() == dev.kaboom.engine.Strategy.REST_FOR_ONE) {
        return Narration.Msg.of("stop.rest_for_one.after", s, failed, child);
      }
      // stopIds run last-started first; the failed child's place is where startIds has it
      int at = p.startIds().indexOf(failed);
      int mine = p.startIds().indexOf(child);
      boolean before = at >= 0 && mine >= 0 ? mine < at : p.stopIds().indexOf(child) > 0;
      return Narration.Msg.of(
          before ? "stop.one_for_all.before" : "stop.one_for_all.after", s, failed, child);
    }
    return Narration.Msg.of("stop.other", s, child);
  }

  private static Narration.Msg how(Order o, Object me) {
    if (o.how() == ShutdownHow.BRUTAL_KILL) {
      return Narration.Msg.of("shutdown.brutal_kill", me);
    }
    if (o.how() == ShutdownHow.KILL) {
      return Narration.Msg.of("shutdown.timeout.killed", me, num(o.timeoutMillis()));
    }
    boolean trapped = o.firstOutcome() == SignalOutcome.TRAPPED;
    if (o.timeoutMillis() < 0) {
      return Narration.Msg.of(trapped ? "shutdown.infinity.trapped" : "shutdown.infinity.dies", me);
    }
    return Narration.Msg.of(
        trapped ? "shutdown.timeout.trapped" : "shutdown.timeout.dies", me, num(o.timeoutMillis()));
  }

  // ---- starts ----

  private Narration started(TraceEvent.Started s) {
    Pid sup = spawner.get(s.pid());
    Object me = name(s.pid());
    String pid = s.pid().toString();
    String id = childId(s.label());
    if (!inTree(sup)) {
      return Narration.of(shells.contains(sup) ? "start.shell" : "start.root", me, pid);
    }
    Object supName = name(sup);
    Plan plan = plans.get(sup);
    if (plan != null && plan.event().startIds().contains(id) && plan.started().add(id)) {
      TraceEvent.RestartPlanned p = plan.event();
      boolean failed = p.failedChildId().equals(id);
      return switch (p.strategy()) {
        case ONE_FOR_ALL ->
            failed
                ? Narration.of("start.one_for_all.failed", me, supName, pid)
                : Narration.of("start.one_for_all.sibling", me, supName, pid, p.failedChildId());
        case REST_FOR_ONE ->
            failed
                ? Narration.of("start.rest_for_one.failed", me, supName, pid)
                : Narration.of("start.rest_for_one.after", me, supName, pid, p.failedChildId());
        default -> Narration.of("start.one_for_one", me, supName, pid);
      };
    }
    for (Object req : calls.getOrDefault(sup, List.of())) {
      if (req instanceof SupervisorRequest.RestartChild r && r.id().equals(id)) {
        return Narration.of("start.restart_child", me, supName, pid);
      }
      if (req instanceof SupervisorRequest.StartChild c && c.spec().id().equals(id)
          || req instanceof DynamicSupervisorBehavior.Request.StartChild d
              && d.spec().id().equals(id)) {
        return Narration.of("start.start_child", me, supName, pid);
      }
    }
    if (pendingDynamicRestart.remove(sup)) {
      return Narration.of("start.dynamic.restart", me, supName, pid);
    }
    return Narration.of("start.initial", me, supName, pid);
  }

  // ---- calls ----

  private Narration replied(TraceEvent.CallReplied r) {
    Object sup = name(r.server());
    Term v = r.reply();
    Object req = r.request();
    if (req instanceof SupervisorRequest.WhichChildren
        || req instanceof DynamicSupervisorBehavior.Request.WhichChildren) {
      int n = v instanceof TermList l ? l.elements().size() : 0;
      return Narration.of("call.which_children", sup, num(n));
    }
    if (req instanceof SupervisorRequest.CountChildren
        || req instanceof DynamicSupervisorBehavior.Request.CountChildren) {
      return Narration.of("call.count_children", sup);
    }
    if (req instanceof SupervisorRequest.TerminateChild t) {
      if (v == Atom.OK) {
        String key = r.server() + "/" + t.id();
        String row =
            removedIds.contains(key)
                ? "call.terminate_child.removed"
                : shutIds.contains(key)
                    ? "call.terminate_child.ok"
                    : "call.terminate_child.not_running";
        return Narration.of(row, sup, t.id());
      }
      return Narration.of("call.terminate_child.not_found", sup, t.id());
    }
    if (req instanceof DynamicSupervisorBehavior.Request.TerminateChild t) {
      return v == Atom.OK
          ? Narration.of("call.terminate_child.removed", sup, t.pid().toString())
          : Narration.of("call.terminate_child.not_found", sup, t.pid().toString());
    }
    if (req instanceof SupervisorRequest.RestartChild rc) {
      return Narration.of("call.restart_child." + result(v, true), sup, rc.id(), detail(v));
    }
    if (req instanceof SupervisorRequest.DeleteChild d) {
      return Narration.of("call.delete_child." + result(v, false), sup, d.id());
    }
    if (req instanceof SupervisorRequest.StartChild sc) {
      return Narration.of("call.start_child." + startResult(v), sup, sc.spec().id(), detail(v));
    }
    if (req instanceof DynamicSupervisorBehavior.Request.StartChild sc) {
      String row =
          v instanceof Tuple t && t.get(0) == Atom.ERROR
              ? (t.get(1).equals(Atom.of("max_children")) ? "max_children" : "error")
              : "ok";
      return Narration.of("call.start_child." + row, sup, sc.spec().id(), detail(v));
    }
    if (req instanceof SupervisorRequest.SetFlags f) {
      return Narration.of(
          "call.set_flags",
          sup,
          f.flags().strategy().otpName(),
          num(f.flags().intensity()),
          seconds(f.flags().periodMillis()));
    }
    if (req instanceof SupervisorRequest.GetFlags) {
      return Narration.of("call.get_flags", sup, v.format());
    }
    return Narration.of("call.other", sup, v.format());
  }

  /**
   * ok / undefined / running / restarting / not_found / error, for restart_child and delete_child.
   */
  private static String result(Term v, boolean restart) {
    if (v == Atom.OK) {
      return "ok";
    }
    if (v instanceof Tuple t && t.size() == 2) {
      if (t.get(0) == Atom.OK) {
        return t.get(1) == Atom.UNDEFINED ? "undefined" : "ok";
      }
      Term why = t.get(1);
      if (why.equals(Atom.of("running"))) {
        return "running";
      }
      if (why == Atom.RESTARTING) {
        return "restarting";
      }
      if (why.equals(Atom.of("not_found"))) {
        return "not_found";
      }
    }
    return restart ? "error" : "not_found";
  }

  private static String startResult(Term v) {
    if (v instanceof Tuple t && t.size() == 2) {
      if (t.get(0) == Atom.OK) {
        return t.get(1) == Atom.UNDEFINED ? "undefined" : "ok";
      }
      if (t.get(1) == Atom.of("already_present")) {
        return "already_present";
      }
      if (t.get(1) instanceof Tuple inner && inner.get(0).equals(Atom.of("already_started"))) {
        return "already_started";
      }
    }
    return "error";
  }

  /** The interesting part of a reply: the pid of {@code {ok, Pid}}, the reason of an error. */
  private static String detail(Term v) {
    if (v instanceof Tuple t && t.size() == 2) {
      Term x = t.get(1);
      if (x instanceof Tuple inner
          && inner.size() >= 2
          && inner.get(0).equals(Atom.of("already_started"))) {
        return inner.get(1).format();
      }
      if (t.get(0) == Atom.ERROR && x instanceof Tuple inner && inner.size() == 2) {
        return inner.get(0).format(); // {error, {Reason, ChildRecord}}: the reason
      }
      return x.format();
    }
    return v.format();
  }

  /** Every key {@code n} uses exists in {@link Rules}. */
  static Optional<String> unknownKey(Narration n) {
    for (String k : n.keys()) {
      boolean known =
          Rules.WORDS.contains(k) || Rules.FAMILIES.values().stream().anyMatch(l -> l.contains(k));
      if (!known) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
