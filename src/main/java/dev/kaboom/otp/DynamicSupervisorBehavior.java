package dev.kaboom.otp;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Behavior;
import dev.kaboom.engine.ChildType;
import dev.kaboom.engine.Down;
import dev.kaboom.engine.ExitMessage;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.ProcessKind;
import dev.kaboom.engine.Ref;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import dev.kaboom.engine.ShutdownHow;
import dev.kaboom.engine.StopCause;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.VirtualScheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elixir's {@code DynamicSupervisor}: starts with no children, {@code start_child} adds one (up to
 * {@code maxChildren}), children are addressed by pid, restarts are one_for_one with the same
 * intensity rules as {@link SupervisorBehavior}, and on shutdown all children are stopped at the
 * same time (each with its own shutdown timeout), not one by one.
 */
public final class DynamicSupervisorBehavior implements Behavior {
  /** The calls it answers. */
  public sealed interface Request {
    record StartChild(ChildSpec spec) implements Request {}

    record TerminateChild(Pid pid) implements Request {}

    record WhichChildren() implements Request {}

    record CountChildren() implements Request {}
  }

  private static final Atom REACHED_MAX = Atom.of("reached_max_restart_intensity");

  private record TryAgain(Pid oldPid) {}

  private final int intensity;
  private final long periodMillis;
  private final int maxChildren;

  /** Children by pid, in the order they were started. */
  private final LinkedHashMap<Pid, ChildSpec> children = new LinkedHashMap<>();

  private final RestartWindow window = new RestartWindow();
  private Proc self;
  private Pid parent;

  private final java.util.Optional<String> name;

  /** {@code maxChildren < 0} means {@code :infinity}. */
  public DynamicSupervisorBehavior(int intensity, long periodMillis, int maxChildren) {
    this(intensity, periodMillis, maxChildren, java.util.Optional.empty());
  }

  /** A dynamic supervisor that registers {@code name} as it starts. */
  public DynamicSupervisorBehavior(
      int intensity, long periodMillis, int maxChildren, java.util.Optional<String> name) {
    this.intensity = intensity;
    this.periodMillis = periodMillis;
    this.maxChildren = maxChildren;
    this.name = name;
  }

  @Override
  public boolean preInit(Proc self) {
    return Names.registerAtInit(self, name, self.spawner());
  }

  @Override
  public ProcessKind kind() {
    return ProcessKind.SUPERVISOR;
  }

  public int childCount() {
    return children.size();
  }

  @Override
  public void init(Proc self) {
    this.self = self;
    this.parent = self.spawner();
    self.trapExit(true);
    self.node()
        .emit(
            new TraceEvent.SupervisorInit(
                self.nowMillis(),
                self.pid(),
                self.label(),
                Strategy.ONE_FOR_ONE,
                intensity,
                periodMillis,
                List.of(),
                true,
                AutoShutdown.NEVER.otpName(),
                maxChildren));
    self.send(parent, new Messages.Ack(self.pid(), Atom.OK));
  }

  @Override
  public void handle(Proc self, Object message) {
    if (message instanceof ExitMessage exit) {
      if (exit.from().equals(parent)) {
        terminateAll(StopCause.PARENT_SHUTDOWN, () -> self.die(exit.reason()));
        return;
      }
      ChildSpec spec = children.get(exit.from());
      if (spec != null) {
        onChildExit(exit.from(), spec, exit.reason());
      }
    } else if (message instanceof Messages.Call call && call.request() instanceof Request r) {
      handleCall(call, r);
    } else if (message instanceof Messages.SysTerminate st) {
      terminateAll(StopCause.SUPERVISOR_STOP, () -> self.die(st.reason()));
    } else if (message instanceof TryAgain t) {
      ChildSpec spec = children.get(t.oldPid());
      if (spec != null) {
        restart(t.oldPid(), spec);
      }
    }
  }

  private void onChildExit(Pid pid, ChildSpec spec, Term reason) {
    self.node()
        .emit(new TraceEvent.ChildExited(self.nowMillis(), self.pid(), spec.id(), pid, reason));
    self.node()
        .emit(
            new TraceEvent.ChildStopped(
                self.nowMillis(),
                self.pid(),
                spec.id(),
                pid,
                reason,
                StopCause.EXITED,
                !RestartType.isNormalExit(reason)));
    if (spec.restart().restarts(reason)) {
      restart(pid, spec);
    } else {
      children.remove(pid);
    }
  }

  private void restart(Pid oldPid, ChildSpec spec) {
    int n = window.add(self.nowMillis(), periodMillis);
    self.node()
        .emit(
            new TraceEvent.RestartIntensity(
                self.nowMillis(),
                self.pid(),
                n,
                intensity,
                periodMillis,
                window.oldestAgesOutAt(self.nowMillis(), periodMillis)));
    if (n > intensity) {
      self.node()
          .emit(new TraceEvent.GaveUp(self.nowMillis(), self.pid(), self.label(), REACHED_MAX));
      children.remove(oldPid);
      ReportWork.write(self, () -> terminateAll(StopCause.GAVE_UP, () -> self.die(Atom.SHUTDOWN)));
      return;
    }
    start(
        spec,
        result -> {
          if (result instanceof Pid newPid) {
            children.remove(oldPid);
            children.put(newPid, spec);
            started(spec, newPid, true);
          } else if (result == IGNORE) {
            children.remove(oldPid);
          } else {
            self.send(self.pid(), new TryAgain(oldPid));
          }
        });
  }

  private static final Atom IGNORE = Atom.of("ignore");

  private void started(ChildSpec spec, Pid pid, boolean restart) {
    if (!self.node().tracing()) {
      return;
    }
    int position = 0;
    for (Pid p : children.keySet()) {
      if (p.equals(pid)) {
        break;
      }
      position++;
    }
    self.node()
        .emit(
            new TraceEvent.ChildStarted(
                self.nowMillis(),
                self.pid(),
                spec.id(),
                pid,
                restart,
                position,
                spec.type(),
                spec.restart(),
                spec.shutdown(),
                spec.significant()));
  }

  /**
   * Starts a child; {@code done} gets its pid, the atom {@code ignore}, or {@code {error, R}}. Its
   * path is the supervisor's path and the spec's id ({@code sup/worker}).
   */
  private void start(ChildSpec spec, java.util.function.Consumer<Term> done) {
    if (spec.name().isPresent()) {
      // gen:start looks the name up in the caller before spawning anything
      java.util.Optional<Pid> holder = self.node().whereis(spec.name().get());
      if (holder.isPresent()) {
        Names.printStartLine(self, spec);
        done.accept(Names.alreadyStarted(holder.get()));
        return;
      }
    }
    String mine = self.label();
    String label = (mine == null ? "" : mine + "/") + spec.id();
    Pid pid = self.spawnLink(spec.start().get(), label);
    self.receive(
        m -> StartAck.matches(m, pid),
        m -> {
          StartAck.Outcome o = StartAck.outcome(self, m, pid);
          if (o.up()) {
            done.accept(pid);
          } else if (o.ignored()) {
            done.accept(IGNORE);
          } else {
            done.accept(Term.tuple(Atom.ERROR, o.reason()));
          }
        });
  }

  /** Stops every child at once, each with its own shutdown, then runs {@code done}. */
  private void terminateAll(StopCause cause, Runnable done) {
    terminate(new LinkedHashMap<>(children), cause, done);
  }

  /** Stops {@code which} at once (they leave the children), then runs {@code done}. */
  private void terminate(Map<Pid, ChildSpec> which, StopCause cause, Runnable done) {
    if (which.isEmpty()) {
      done.run();
      return;
    }
    Map<Ref, Pid> waiting = new HashMap<>();
    Map<Pid, ChildSpec> specs = new HashMap<>(which);
    List<VirtualScheduler.Timer> timers = new ArrayList<>();
    for (Map.Entry<Pid, ChildSpec> e : which.entrySet()) {
      Pid pid = e.getKey();
      Ref mon = self.monitor(pid);
      waiting.put(mon, pid);
      Shutdown how = e.getValue().shutdown();
      self.node()
          .emit(
              new TraceEvent.ChildShutdown(
                  self.nowMillis(),
                  self.pid(),
                  e.getValue().id(),
                  pid,
                  how instanceof Shutdown.BrutalKill
                      ? ShutdownHow.BRUTAL_KILL
                      : ShutdownHow.SHUTDOWN,
                  cause));
      if (how instanceof Shutdown.BrutalKill) {
        self.exit(pid, Atom.KILL);
      } else {
        self.exit(pid, Atom.SHUTDOWN);
        if (how instanceof Shutdown.Timeout t) {
          timers.add(
              self.node()
                  .scheduler()
                  .schedule(
                      t.millis(),
                      () -> {
                        if (waiting.containsValue(pid) && self.isAlive()) {
                          self.node()
                              .emit(
                                  new TraceEvent.ChildShutdown(
                                      self.nowMillis(),
                                      self.pid(),
                                      e.getValue().id(),
                                      pid,
                                      ShutdownHow.KILL,
                                      cause));
                          self.exit(pid, Atom.KILL);
                        }
                      }));
        }
      }
    }
    children.keySet().removeAll(which.keySet());
    awaitDowns(waiting, timers, specs, cause, done);
  }

  private void awaitDowns(
      Map<Ref, Pid> waiting,
      List<VirtualScheduler.Timer> timers,
      Map<Pid, ChildSpec> specs,
      StopCause cause,
      Runnable done) {
    if (waiting.isEmpty()) {
      timers.forEach(VirtualScheduler.Timer::cancel);
      done.run();
      return;
    }
    self.receive(
        m -> m instanceof Down d && waiting.containsKey(d.ref()),
        m -> {
          Down down = (Down) m;
          Pid pid = waiting.remove(down.ref());
          self.unlink(pid);
          self.flush(x -> x instanceof ExitMessage e && e.from().equals(pid));
          ChildSpec spec = specs.get(pid);
          boolean asked =
              down.reason() == Atom.KILLED
                  || (down.reason() == Atom.SHUTDOWN
                      && !(spec.shutdown() instanceof Shutdown.BrutalKill));
          self.node()
              .emit(
                  new TraceEvent.ChildStopped(
                      self.nowMillis(), self.pid(), spec.id(), pid, down.reason(), cause, !asked));
          awaitDowns(waiting, timers, specs, cause, done);
        });
  }

  private void reply(Messages.Call call, Term value) {
    self.send(call.from(), new Messages.Reply(call.ref(), value));
    self.node()
        .emit(
            new TraceEvent.CallReplied(
                self.nowMillis(), self.pid(), call.from(), call.request(), value));
  }

  private void handleCall(Messages.Call call, Request request) {
    if (request instanceof Request.StartChild s) {
      if (s.spec().shutdown() instanceof Shutdown.Timeout t && t.millis() == 0) {
        // Elixir 1.14's validate_shutdown (before anything is sent): a positive integer,
        // :infinity or :brutal_kill (OTP's supervisor takes 0)
        reply(
            call, Term.tuple(Atom.ERROR, Term.tuple(Atom.of("invalid_shutdown"), new IntTerm(0))));
        return;
      }
      if (maxChildren >= 0 && children.size() >= maxChildren) {
        reply(call, Term.tuple(Atom.ERROR, Atom.of("max_children")));
        return;
      }
      start(
          s.spec(),
          result -> {
            if (result instanceof Pid pid) {
              children.put(pid, s.spec());
              started(s.spec(), pid, false);
              reply(call, Term.tuple(Atom.OK, pid));
            } else {
              reply(call, result); // ignore, or {error, Reason} with the child's real reason
            }
          });
    } else if (request instanceof Request.TerminateChild t) {
      ChildSpec spec = children.get(t.pid());
      if (spec == null) {
        reply(call, Term.tuple(Atom.ERROR, Atom.of("not_found")));
        return;
      }
      terminate(Map.of(t.pid(), spec), StopCause.TERMINATE_CHILD, () -> reply(call, Atom.OK));
    } else if (request instanceof Request.WhichChildren) {
      // Elixir keeps the children in a map keyed by pid: a small map lists them in pid order
      List<Term> rows = new ArrayList<>();
      List<Map.Entry<Pid, ChildSpec>> entries = new ArrayList<>(children.entrySet());
      entries.sort(java.util.Comparator.comparingInt(e -> e.getKey().serial()));
      for (Map.Entry<Pid, ChildSpec> e : entries) {
        rows.add(Term.tuple(Atom.UNDEFINED, e.getKey(), e.getValue().type().atom()));
      }
      reply(call, new TermList(rows));
    } else if (request instanceof Request.CountChildren) {
      int sups = 0;
      for (ChildSpec s : children.values()) {
        if (s.type() == ChildType.SUPERVISOR) {
          sups++;
        }
      }
      reply(call, SupervisorBehavior.countChildren(children.size(), children.size(), sups));
    }
  }
}
