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
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * OTP's {@code supervisor} behaviour as a process, following {@code supervisor.erl}.
 *
 * <p>THE RULES (all from OTP, none invented):
 *
 * <ul>
 *   <li>It traps exits. An {@code 'EXIT'} from its parent makes it stop all children (reverse start
 *       order) and exit with the same reason; from a child it applies the restart decision; from
 *       anybody else it is ignored.
 *   <li>Children start one at a time, in order, each start waiting for the child's init.
 *   <li>Every restart is counted first ({@link RestartWindow}); one more than {@code intensity}
 *       within the period and it gives up: it stops its children and exits with {@code shutdown}.
 *   <li>{@code one_for_all} / {@code rest_for_one} stop the affected running children in reverse
 *       start order (temporary ones are removed), then start them again in start order.
 *   <li>Stopping a child: monitor, {@code exit(Child, shutdown | kill)}, wait for the {@code DOWN}
 *       (and {@code kill} after the shutdown timeout), then unlink and flush its {@code 'EXIT'}.
 *   <li>Everything long (starting, stopping) is a selective receive: messages that arrive meanwhile
 *       wait in the mailbox, as in OTP.
 * </ul>
 */
public final class SupervisorBehavior implements Behavior {
  private static final Atom REACHED_MAX = Atom.of("reached_max_restart_intensity");

  /** One child record, as OTP's {@code #child{}}. */
  private static final class Child {
    final ChildSpec spec;
    Pid pid;
    boolean restarting;

    /** Its processes' label (computed at its first start, shared by its restarts). */
    String label;

    /** Where it was last seen in the child list: a hint for {@link #positionOf}, -1 if never. */
    int index = -1;

    Child(ChildSpec spec) {
      this.spec = spec;
    }
  }

  /** A child whose start failed, and why ({@code {error, Reason}}, or its exit reason). */
  private record StartFailure(Child child, Term reason) {}

  /** Cast to itself when a restart failed to start a child ({@code try_again_restart}). */
  private record TryAgainRestart(String id) {}

  private final SupervisorSpec spec;
  private SupFlags flags;
  private final ArrayList<Child> children;
  private final HashMap<String, Child> byId;
  private final HashMap<Pid, Child> byPid;
  private final RestartWindow window = new RestartWindow();
  private Proc self;
  private Pid parent;

  private final java.util.Optional<String> name;

  public SupervisorBehavior(SupervisorSpec spec) {
    this(spec, java.util.Optional.empty());
  }

  /** A supervisor that registers {@code name} as it starts ({@code name: __MODULE__}). */
  public SupervisorBehavior(SupervisorSpec spec, java.util.Optional<String> name) {
    this.spec = spec;
    this.flags = spec.flags();
    this.name = name;
    // sized for the spec's children: growing three tables child by child was a tenth of a
    // subtree's restart (S4, docs/performance.md)
    int n = spec.children().size();
    this.children = new ArrayList<>(n);
    this.byId = new HashMap<>(tableCapacity(n));
    this.byPid = new HashMap<>(tableCapacity(n));
  }

  /** A HashMap capacity that holds {@code n} entries without resizing (load factor 0.75). */
  private static int tableCapacity(int n) {
    return Math.max(16, (int) (n / 0.75f) + 1);
  }

  @Override
  public ProcessKind kind() {
    return ProcessKind.SUPERVISOR;
  }

  public SupFlags flags() {
    return flags;
  }

  /** Restarts in the window now (a read: the window itself ages only when a restart is added). */
  public int restartsInWindow() {
    return self == null ? window.size() : window.countAt(self.nowMillis(), flags.periodMillis());
  }

  public long[] restartTimes() {
    return window.toArray();
  }

  /** The children in start order. */
  public List<ChildInfo> children() {
    List<ChildInfo> out = new ArrayList<>(children.size());
    for (Child c : children) {
      out.add(
          new ChildInfo(
              c.spec.id(),
              Optional.ofNullable(c.pid),
              c.restarting,
              c.spec.restart(),
              c.spec.shutdown(),
              c.spec.type()));
    }
    return out;
  }

  // ---- init ----

  private String startLine;

  /**
   * The line its {@code start_link} prints before starting it ({@code IO.puts "Starting the
   * services supervisor..."}), printed even when the name is taken; null for none.
   */
  public SupervisorBehavior printingOnStart(String line) {
    this.startLine = line;
    return this;
  }

  @Override
  public boolean preInit(Proc self) {
    if (startLine != null) {
      self.node().print(startLine); // IO.puts in start_link, before gen:start registers the name
    }
    return Names.registerAtInit(self, name, self.spawner());
  }

  @Override
  public void init(Proc self) {
    this.self = self;
    this.parent = self.spawner();
    self.trapExit(true);
    if (node().tracing()) {
      List<String> ids = new ArrayList<>(spec.children().size());
      for (ChildSpec cs : spec.children()) {
        ids.add(cs.id());
      }
      node()
          .emit(
              new TraceEvent.SupervisorInit(
                  self.nowMillis(),
                  self.pid(),
                  self.label(),
                  flags.strategy(),
                  flags.intensity(),
                  flags.periodMillis(),
                  List.copyOf(ids),
                  false,
                  flags.autoShutdown().otpName(),
                  -1));
    }
    for (ChildSpec cs : spec.children()) {
      if (byId.containsKey(cs.id())) {
        fail(Term.tuple(Atom.of("duplicate_child_name"), cs.idAtom()));
        return;
      }
      Term bad = badCombination(cs, flags.autoShutdown());
      if (bad != null) {
        fail(Term.tuple(Atom.of("start_spec"), bad));
        return;
      }
      Child c = new Child(cs);
      c.index = children.size();
      children.add(c);
      byId.put(cs.id(), c);
    }
    startChildren(
        new ArrayList<>(children),
        false,
        failed -> {
          if (failed == null) {
            self.send(parent, new Messages.Ack(self.pid(), Atom.OK));
          } else {
            // init_children failed: stop what started and refuse to start
            terminateChildren(
                new ArrayList<>(children),
                StopCause.START_FAILED,
                () ->
                    fail(
                        Term.tuple(
                            Atom.SHUTDOWN,
                            Term.tuple(
                                Atom.of("failed_to_start_child"),
                                failed.child().spec.idAtom(),
                                failed.reason()))));
          }
        });
  }

  /**
   * OTP's {@code check_childspec} for significant children: they must be transient or temporary,
   * and the supervisor's {@code auto_shutdown} must not be {@code never}. Null when the spec is
   * fine.
   */
  static Term badCombination(ChildSpec cs, AutoShutdown autoShutdown) {
    if (!cs.significant()) {
      return null;
    }
    if (cs.restart() == RestartType.PERMANENT) {
      return Term.tuple(
          Atom.of("bad_combination"),
          Term.list(
              List.of(
                  Term.tuple(Atom.of("restart"), Atom.of("permanent")),
                  Term.tuple(Atom.of("significant"), Atom.TRUE))));
    }
    if (autoShutdown == AutoShutdown.NEVER) {
      return Term.tuple(
          Atom.of("bad_combination"),
          Term.list(
              List.of(
                  Term.tuple(Atom.of("auto_shutdown"), Atom.of("never")),
                  Term.tuple(Atom.of("significant"), Atom.TRUE))));
    }
    return null;
  }

  private void fail(Term reason) {
    self.send(parent, new Messages.Ack(self.pid(), Term.tuple(Atom.ERROR, reason)));
    self.die(reason);
  }

  private String labelFor(ChildSpec cs) {
    String mine = self.label();
    return mine == null ? cs.id() : mine + "/" + cs.id();
  }

  // ---- main loop ----

  @Override
  public void handle(Proc self, Object message) {
    if (message instanceof ExitMessage exit) {
      if (exit.from().equals(parent)) {
        terminateChildren(
            new ArrayList<>(children), StopCause.PARENT_SHUTDOWN, () -> self.die(exit.reason()));
        return;
      }
      Child c = byPid.get(exit.from());
      if (c != null) {
        restartChild(c, exit.reason());
      }
    } else if (message instanceof Messages.Call call) {
      if (call.request() instanceof SupervisorRequest r) {
        handleCall(call, r);
      } else {
        reply(call, Term.tuple(Atom.ERROR, Atom.of("unknown_call")));
      }
    } else if (message instanceof Messages.SysTerminate st) {
      // Supervisor.stop/2: terminate/2 stops the children, then the supervisor exits
      terminateChildren(
          new ArrayList<>(children), StopCause.SUPERVISOR_STOP, () -> self.die(st.reason()));
    } else if (message instanceof TryAgainRestart t) {
      Child c = byId.get(t.id());
      if (c != null && c.restarting) {
        restart(c);
      }
    }
    // anything else: OTP logs "unexpected message" and carries on
  }

  // ---- restarts (do_restart / restart / restart_multiple_children) ----

  private void restartChild(Child c, Term reason) {
    node()
        .emit(new TraceEvent.ChildExited(self.nowMillis(), self.pid(), c.spec.id(), c.pid, reason));
    if (node().tracing()) {
      node()
          .emit(
              new TraceEvent.ChildStopped(
                  self.nowMillis(),
                  self.pid(),
                  c.spec.id(),
                  c.pid,
                  reason,
                  StopCause.EXITED,
                  !RestartType.isNormalExit(reason)));
    }
    if (c.spec.restart().restarts(reason)) {
      restart(c);
    } else {
      delChild(c);
      node()
          .emit(
              new TraceEvent.RestartPlanned(
                  self.nowMillis(),
                  self.pid(),
                  flags.strategy(),
                  c.spec.id(),
                  List.of(),
                  List.of()));
      if (autoShutdown(c)) {
        // maybe_shutdown: {stop, shutdown} -> terminate/2 stops the others, exit shutdown
        node()
            .emit(
                new TraceEvent.AutoShutdown(
                    self.nowMillis(),
                    self.pid(),
                    self.label(),
                    c.spec.id(),
                    flags.autoShutdown().otpName()));
        terminateChildren(
            new ArrayList<>(children), StopCause.AUTO_SHUTDOWN, () -> self.die(Atom.SHUTDOWN));
      }
    }
  }

  /** OTP's {@code check_auto_shutdown} for a significant child that ended and is not restarted. */
  private boolean autoShutdown(Child ended) {
    if (!ended.spec.significant()) {
      return false;
    }
    return switch (flags.autoShutdown()) {
      case NEVER -> false;
      case ANY_SIGNIFICANT -> true;
      case ALL_SIGNIFICANT -> {
        for (Child c : children) {
          if (c != ended && c.spec.significant() && c.pid != null) {
            yield false;
          }
        }
        yield true;
      }
    };
  }

  private dev.kaboom.engine.Node node() {
    return self.node();
  }

  private void restart(Child c) {
    int inWindow = window.add(self.nowMillis(), flags.periodMillis());
    emitWindow(inWindow);
    if (inWindow > flags.intensity()) {
      node().emit(new TraceEvent.GaveUp(self.nowMillis(), self.pid(), self.label(), REACHED_MAX));
      delChild(c);
      ReportWork.write(
          self,
          () ->
              terminateChildren(
                  new ArrayList<>(children), StopCause.GAVE_UP, () -> self.die(Atom.SHUTDOWN)));
      return;
    }
    switch (flags.strategy()) {
      case ONE_FOR_ONE -> {
        plan(c, List.of(), List.of(c));
        forget(c);
        startChild(c, true, error -> onRestartStarted(c, error));
      }
      case ONE_FOR_ALL -> {
        delChild(c);
        restartMultiple(c, new ArrayList<>(children));
      }
      case REST_FOR_ONE -> {
        int at = positionOf(c);
        forget(c);
        restartMultiple(c, new ArrayList<>(children.subList(at, children.size())));
      }
    }
  }

  private void emitWindow(int inWindow) {
    if (node().tracing()) {
      long now = self.nowMillis();
      node()
          .emit(
              new TraceEvent.RestartIntensity(
                  now,
                  self.pid(),
                  inWindow,
                  flags.intensity(),
                  flags.periodMillis(),
                  window.oldestAgesOutAt(now, flags.periodMillis())));
    }
  }

  private void plan(Child failed, List<Child> stop, List<Child> start) {
    if (!node().tracing()) {
      return;
    }
    List<String> stopIds = ids(stop);
    List<String> startIds = ids(start);
    node()
        .emit(
            new TraceEvent.RestartPlanned(
                self.nowMillis(),
                self.pid(),
                flags.strategy(),
                failed.spec.id(),
                stopIds,
                startIds));
  }

  private static List<String> ids(List<Child> list) {
    if (list.isEmpty()) {
      return List.of();
    }
    if (list.size() == 1) {
      return List.of(list.get(0).spec.id());
    }
    List<String> ids = new ArrayList<>(list.size());
    for (Child c : list) {
      ids.add(c.spec.id());
    }
    return ids;
  }

  private void restartMultiple(Child failed, List<Child> affected) {
    if (node().tracing()) {
      List<Child> stop = new ArrayList<>();
      List<Child> start = new ArrayList<>();
      for (int i = affected.size() - 1; i >= 0; i--) {
        if (affected.get(i).pid != null) {
          stop.add(affected.get(i));
        }
      }
      for (Child a : affected) {
        if (a.spec.restart() != RestartType.TEMPORARY) {
          start.add(a);
        }
      }
      plan(failed, stop, start);
    }
    terminateChildren(
        affected,
        StopCause.STRATEGY,
        () -> {
          List<Child> remaining = new ArrayList<>(affected.size());
          for (Child a : affected) {
            if (byId.get(a.spec.id()) == a) {
              remaining.add(a);
            }
          }
          startChildren(
              remaining,
              true,
              startFailure -> {
                if (startFailure != null) {
                  startFailure.child().restarting = true;
                  self.send(self.pid(), new TryAgainRestart(startFailure.child().spec.id()));
                }
              });
        });
  }

  private void onRestartStarted(Child c, Term error) {
    if (error != null) {
      c.restarting = true;
      self.send(self.pid(), new TryAgainRestart(c.spec.id()));
    }
  }

  /** The child is no longer running: temporary specs go away, others keep their spec. */
  private void delChild(Child c) {
    if (c.spec.restart() == RestartType.TEMPORARY) {
      remove(c);
    } else {
      forget(c);
    }
  }

  private void forget(Child c) {
    if (c.pid != null) {
      byPid.remove(c.pid);
      c.pid = null;
    }
  }

  private void remove(Child c) {
    forget(c);
    if (byId.remove(c.spec.id()) != null) {
      children.remove(c);
      node().emit(new TraceEvent.ChildRemoved(self.nowMillis(), self.pid(), c.spec.id()));
    }
  }

  // ---- starting ----

  /**
   * Starts one child; {@code done} gets null when its init succeeded (or returned {@code ignore}:
   * then it has no pid), else the reason it failed.
   */
  private void startChild(Child c, boolean isRestart, Consumer<Term> done) {
    if (c.spec.name().isPresent()) {
      // gen:start looks the name up in the caller before spawning anything
      java.util.Optional<Pid> holder = node().whereis(c.spec.name().get());
      if (holder.isPresent()) {
        Names.printStartLine(self, c.spec);
        done.accept(((dev.kaboom.engine.Tuple) Names.alreadyStarted(holder.get())).get(1));
        return;
      }
    }
    if (c.label == null) {
      c.label = labelFor(c.spec);
    }
    Pid pid = self.spawnLink(c.spec.start().get(), c.label);
    StartWait wait = new StartWait(c, pid, isRestart, done);
    self.receive(wait, wait);
  }

  /** Waiting for a starting child's ack or its exit: the receive's pattern and action in one. */
  private final class StartWait implements Predicate<Object>, Consumer<Object> {
    private final Child c;
    private final Pid pid;
    private final boolean isRestart;
    private final Consumer<Term> done;

    StartWait(Child c, Pid pid, boolean isRestart, Consumer<Term> done) {
      this.c = c;
      this.pid = pid;
      this.isRestart = isRestart;
      this.done = done;
    }

    @Override
    public boolean test(Object m) {
      return StartAck.matches(m, pid);
    }

    @Override
    public void accept(Object m) {
      StartAck.Outcome o = StartAck.outcome(self, m, pid);
      c.restarting = false;
      if (o.up()) {
        c.pid = pid;
        byPid.put(pid, c);
        if (node().tracing()) {
          int position = positionOf(c);
          node()
              .emit(
                  new TraceEvent.ChildStarted(
                      self.nowMillis(),
                      self.pid(),
                      c.spec.id(),
                      pid,
                      isRestart,
                      position < 0 ? children.size() : position,
                      c.spec.type(),
                      c.spec.restart(),
                      c.spec.shutdown(),
                      c.spec.significant()));
        }
      }
      // up, or init returned ignore (no pid): both are a start; else the reason it failed
      done.accept(o.up() || o.ignored() ? null : o.reason());
    }
  }

  /**
   * {@code c}'s index in the child list (start order), or -1 if it is not there: its cached index
   * when that still holds, else a scan (after a removal shifted it). A start of N children asks N
   * times, so this keeps it linear (a scan each time made {@code S1_start_100k} quadratic).
   */
  private int positionOf(Child c) {
    int i = c.index;
    if (i < 0 || i >= children.size() || children.get(i) != c) {
      i = children.indexOf(c);
      c.index = i;
    }
    return i;
  }

  /** Starts {@code list} in order; {@code done} gets the first child that failed, or null. */
  private void startChildren(List<Child> list, boolean isRestart, Consumer<StartFailure> done) {
    startFrom(list, 0, isRestart, done);
  }

  private void startFrom(List<Child> list, int i, boolean isRestart, Consumer<StartFailure> done) {
    new ListStart(list, i, isRestart, done).next();
  }

  /** Starting a list of children one after the other: one object for the whole list. */
  private final class ListStart implements Consumer<Term> {
    private final List<Child> list;
    private int i;
    private final boolean isRestart;
    private final Consumer<StartFailure> done;

    ListStart(List<Child> list, int i, boolean isRestart, Consumer<StartFailure> done) {
      this.list = list;
      this.i = i;
      this.isRestart = isRestart;
      this.done = done;
    }

    void next() {
      if (i >= list.size()) {
        done.accept(null);
        return;
      }
      startChild(list.get(i), isRestart, this);
    }

    /** The current child's start ended: null when it is up. */
    @Override
    public void accept(Term error) {
      if (error == null) {
        Child c = list.get(i);
        if (c.pid == null && c.spec.restart() == RestartType.TEMPORARY) {
          remove(c); // start_children: {ok, undefined} of a temporary child -> remove
        }
        i++;
        next();
      } else {
        done.accept(new StartFailure(list.get(i), error));
      }
    }
  }

  // ---- stopping ----

  /** Stops the running ones of {@code list} in reverse order; temporary children are removed. */
  private void terminateChildren(List<Child> list, StopCause cause, Runnable done) {
    new ListStop(list, list.size() - 1, cause, done).next();
  }

  /** Stopping a list of children one after the other, backwards: one object for the whole list. */
  private final class ListStop implements Runnable {
    private final List<Child> list;
    private int i;
    private final StopCause cause;
    private final Runnable done;

    ListStop(List<Child> list, int i, StopCause cause, Runnable done) {
      this.list = list;
      this.i = i;
      this.cause = cause;
      this.done = done;
    }

    void next() {
      while (i >= 0 && list.get(i).pid == null) {
        delChildAfterTerminate(list.get(i));
        i--;
      }
      if (i < 0) {
        done.run();
        return;
      }
      shutdown(list.get(i), cause, this);
    }

    /** The current child is down. */
    @Override
    public void run() {
      delChildAfterTerminate(list.get(i));
      i--;
      next();
    }
  }

  private void delChildAfterTerminate(Child c) {
    c.restarting = false;
    delChild(c);
  }

  /** OTP's {@code shutdown/1}: monitor, signal, wait for the DOWN, unlink and flush. */
  private void shutdown(Child c, StopCause cause, Runnable done) {
    Pid pid = c.pid;
    Ref mon = self.monitor(pid);
    Shutdown how = c.spec.shutdown();
    ShutdownWait wait =
        new ShutdownWait(
            c,
            pid,
            mon,
            cause,
            how instanceof Shutdown.BrutalKill ? ShutdownHow.BRUTAL_KILL : ShutdownHow.SHUTDOWN,
            done);
    java.util.function.Predicate<Object> isDown = wait;
    Consumer<Object> finish = wait;
    node()
        .emit(
            new TraceEvent.ChildShutdown(
                self.nowMillis(), self.pid(), c.spec.id(), pid, wait.how, cause));
    if (how instanceof Shutdown.BrutalKill) {
      self.exit(pid, Atom.KILL);
      self.receive(isDown, finish);
    } else if (how instanceof Shutdown.Timeout t) {
      self.exit(pid, Atom.SHUTDOWN);
      self.receive(isDown, finish, t.millis(), wait);
    } else {
      self.exit(pid, Atom.SHUTDOWN);
      self.receive(isDown, finish);
    }
  }

  /**
   * Waiting for a child's DOWN: the receive's pattern, its action (unlink, flush the 'EXIT') and
   * its timeout (kill it, then wait on) in one object.
   */
  private final class ShutdownWait implements Predicate<Object>, Consumer<Object>, Runnable {
    private final Child c;
    private final Pid pid;
    private final Ref mon;
    private final StopCause cause;
    private ShutdownHow how;
    private final Runnable done;

    ShutdownWait(Child c, Pid pid, Ref mon, StopCause cause, ShutdownHow how, Runnable done) {
      this.c = c;
      this.pid = pid;
      this.mon = mon;
      this.cause = cause;
      this.how = how;
      this.done = done;
    }

    @Override
    public boolean test(Object m) {
      return m instanceof Down d && d.ref().equals(mon);
    }

    @Override
    public void accept(Object m) {
      self.unlink(pid);
      self.flush(x -> x instanceof ExitMessage e && e.from().equals(pid));
      if (node().tracing()) {
        Term reason = ((Down) m).reason();
        node()
            .emit(
                new TraceEvent.ChildStopped(
                    self.nowMillis(),
                    self.pid(),
                    c.spec.id(),
                    pid,
                    reason,
                    cause,
                    !reason.equals(how.expectedReason())));
      }
      forget(c);
      done.run();
    }

    /** The shutdown timeout: kill it and wait on. */
    @Override
    public void run() {
      how = ShutdownHow.KILL;
      node()
          .emit(
              new TraceEvent.ChildShutdown(
                  self.nowMillis(), self.pid(), c.spec.id(), pid, ShutdownHow.KILL, cause));
      self.exit(pid, Atom.KILL);
      self.receive(this, this);
    }
  }

  // ---- calls ----

  private void reply(Messages.Call call, Term value) {
    self.send(call.from(), new Messages.Reply(call.ref(), value));
    node()
        .emit(
            new TraceEvent.CallReplied(
                self.nowMillis(), self.pid(), call.from(), call.request(), value));
  }

  /**
   * Why {@code restart_child} / {@code delete_child} refuse {@code c}: {@code not_found}, {@code
   * restarting} or {@code running}; null when it is stopped and can be restarted or deleted.
   */
  private static Term notStopped(Child c) {
    if (c == null) {
      return error("not_found");
    }
    if (c.restarting) {
      return error("restarting");
    }
    return c.pid != null ? error("running") : null;
  }

  /**
   * {@code count_children}'s answer: {@code [{specs,N},{active,N},{supervisors,N},{workers,N}]}.
   */
  static Term countChildren(int specs, int active, int supervisors) {
    return Term.list(
        List.of(
            Term.tuple(Atom.of("specs"), new IntTerm(specs)),
            Term.tuple(Atom.of("active"), new IntTerm(active)),
            Term.tuple(Atom.of("supervisors"), new IntTerm(supervisors)),
            Term.tuple(Atom.of("workers"), new IntTerm(specs - supervisors))));
  }

  private static Term error(String what) {
    return Term.tuple(Atom.ERROR, Atom.of(what));
  }

  private void handleCall(Messages.Call call, SupervisorRequest request) {
    if (request instanceof SupervisorRequest.WhichChildren) {
      List<Term> rows = new ArrayList<>(children.size());
      for (int i = children.size() - 1; i >= 0; i--) {
        Child c = children.get(i);
        Term child = c.restarting ? Atom.RESTARTING : c.pid != null ? c.pid : Atom.UNDEFINED;
        rows.add(Term.tuple(c.spec.idAtom(), child, c.spec.type().atom()));
      }
      reply(call, new TermList(rows));
    } else if (request instanceof SupervisorRequest.CountChildren) {
      int active = 0;
      int sups = 0;
      for (Child c : children) {
        if (c.pid != null) {
          active++;
        }
        if (c.spec.type() == ChildType.SUPERVISOR) {
          sups++;
        }
      }
      reply(call, countChildren(children.size(), active, sups));
    } else if (request instanceof SupervisorRequest.TerminateChild t) {
      Child c = byId.get(t.id());
      if (c == null) {
        reply(call, error("not_found"));
      } else if (c.pid != null) {
        shutdown(
            c,
            StopCause.TERMINATE_CHILD,
            () -> {
              delChildAfterTerminate(c);
              reply(call, Atom.OK);
            });
      } else {
        delChildAfterTerminate(c);
        reply(call, Atom.OK);
      }
    } else if (request instanceof SupervisorRequest.RestartChild r) {
      Child c = byId.get(r.id());
      Term refused = notStopped(c);
      if (refused != null) {
        reply(call, refused);
      } else {
        startChild(
            c,
            false,
            error ->
                reply(
                    call,
                    error == null
                        ? Term.tuple(Atom.OK, c.pid == null ? Atom.UNDEFINED : c.pid)
                        : Term.tuple(Atom.ERROR, error)));
      }
    } else if (request instanceof SupervisorRequest.DeleteChild d) {
      Child c = byId.get(d.id());
      Term refused = notStopped(c);
      if (refused != null) {
        reply(call, refused);
      } else {
        remove(c);
        reply(call, Atom.OK);
      }
    } else if (request instanceof SupervisorRequest.StartChild s) {
      Child old = byId.get(s.spec().id());
      if (old != null) {
        reply(
            call,
            old.pid != null
                ? Term.tuple(Atom.ERROR, Term.tuple(Atom.of("already_started"), old.pid))
                : error("already_present"));
        return;
      }
      Child c = new Child(s.spec());
      startChild(
          c,
          false,
          error -> {
            if (error != null) {
              // OTP returns its internal #child{} record here; traces write it as the atom child
              reply(call, Term.tuple(Atom.ERROR, Term.tuple(error, Atom.of("child"))));
              return;
            }
            if (c.pid != null || c.spec.restart() != RestartType.TEMPORARY) {
              c.index = children.size();
              children.add(c);
              byId.put(c.spec.id(), c);
            }
            reply(call, Term.tuple(Atom.OK, c.pid == null ? Atom.UNDEFINED : c.pid));
          });
    } else if (request instanceof SupervisorRequest.SetFlags f) {
      flags = f.flags();
      node()
          .emit(
              new TraceEvent.FlagsChanged(
                  self.nowMillis(),
                  self.pid(),
                  flags.strategy(),
                  flags.intensity(),
                  flags.periodMillis()));
      emitWindow(window.countAt(self.nowMillis(), flags.periodMillis()));
      reply(call, Atom.OK);
    } else if (request instanceof SupervisorRequest.GetFlags) {
      reply(
          call,
          Term.tuple(
              Atom.of(flags.strategy().otpName()),
              new IntTerm(flags.intensity()),
              new IntTerm(flags.periodMillis() / 1000)));
    }
  }
}
