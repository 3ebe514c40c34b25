package dev.kaboom.scenario;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.EventSink;
import dev.kaboom.engine.Node;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.otp.Client;
import dev.kaboom.otp.SimpleWorker;
import dev.kaboom.otp.SupervisorRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A supervision tree running on a {@link Node}, addressed by paths ({@code servy/services/sensor}):
 * what the CLI, the console and the window drive. The root is started by a driver process that is
 * its parent and traps exits; exit signals come from a separate outsider process, never the parent.
 */
public final class Simulation {
  private final Node node;
  private final Client driver;
  private final Client outsider;
  private final Map<String, Pid> live = new HashMap<>();
  private final EventSink downstream;
  private TreeNode tree;
  private long events;

  /** What the root's start returned ({@code ok} or {@code {error, R}}), once known. */
  private Term rootStart;

  private final java.util.List<Recorded> recorded = new RecordedList();

  /**
   * The console's shell on a simulation (the console package implements it): it starts its shell
   * process when made, hears every event, and runs the console's commands.
   */
  public interface Shell {
    /** Every event of the simulation, in order. */
    void onEvent(TraceEvent e);

    /** Runs one typed line to completion; returns what it printed. */
    String type(String line);

    /** Shows a line done another way with its answer (counts as a line); returns what it shows. */
    String echo(String line, String answer);

    /** The modules become {@code world}'s ({@link Command.Recompile}). */
    void recompile(Scenario world);

    /**
     * How many characters the shell has shown so far (its transcript: banner, lines, answers, and
     * what processes printed between two lines, when it happened).
     */
    int transcriptLength();

    /** What the shell showed from {@code from} ({@link #transcriptLength()} then) on. */
    String transcriptFrom(int from);
  }

  /** Makes a shell labelled {@code label} (null: the default) on this simulation. */
  private java.util.function.Function<String, Shell> shells;

  private Shell shell;
  private String shellOutput = "";

  /**
   * A command the simulation was asked to run, the virtual time it was asked at, how many events
   * had been emitted and how many process turns had run before it: a replay that runs to the same
   * point places it exactly (also between two steps of a busy engine, as the window may).
   */
  public record Recorded(long atMillis, long eventIndex, long turn, Command command, boolean step) {
    /** A command a user gave (not one of the scenario's steps). */
    public Recorded(long atMillis, long eventIndex, long turn, Command command) {
      this(atMillis, eventIndex, turn, command, false);
    }

    /** A command with no recorded place: it runs once everything before it ran to idle. */
    public static Recorded atIdle(Command command) {
      return new Recorded(-1, -1, -1, command);
    }

    /**
     * This command as one of the scenario file's steps ({@code step} true): the window's "next
     * step" counter is how many of them the run has given up to a point, so it follows the timeline
     * (a seek, a fork, an undo).
     */
    public Recorded asStep() {
      return new Recorded(atMillis, eventIndex, turn, command, true);
    }
  }

  /**
   * Marks the command recorded last as one of the scenario's steps ({@link Recorded#asStep}); does
   * nothing when {@code count} (the {@link #recordedCount()} before it was given) shows none was.
   */
  public void markStep(int count) {
    if (recorded.size() > count) {
      int last = recorded.size() - 1;
      recorded.set(last, recorded.get(last).asStep());
    }
  }

  /**
   * A simulation whose events also go to {@code sink}; {@code seed} seeds the node's randomness.
   */
  public Simulation(EventSink sink, long seed) {
    this.downstream = sink;
    this.node = new Node(this::onEvent, seed);
    this.driver = new Client(node, null, true);
    driver.onOtherMessage(
        m -> {
          if (m instanceof dev.kaboom.otp.Messages.Ack a && rootStart == null) {
            rootStart = a.result();
          }
        });
    this.outsider = new Client(node, null, false);
  }

  /**
   * How this simulation starts a console shell ({@link Command.ShellStart}); without it the console
   * commands find no process ({@code noproc}).
   */
  public void setShells(java.util.function.Function<String, Shell> shells) {
    this.shells = shells;
  }

  /** The console's shell, once a {@link Command.ShellStart} ran. */
  public Optional<Shell> shell() {
    return Optional.ofNullable(shell);
  }

  /** What the last console line (or echo) printed; "" before any. */
  public String shellOutput() {
    return shellOutput;
  }

  private void onEvent(TraceEvent e) {
    events++;
    if (shell != null) {
      shell.onEvent(e);
    }
    if (e instanceof TraceEvent.Started s && s.label() != null) {
      live.put(s.label(), s.pid());
    } else if (e instanceof TraceEvent.Exited x && x.label() != null) {
      live.remove(x.label(), x.pid());
    }
    downstream.accept(e);
  }

  public Node node() {
    return node;
  }

  public Client driver() {
    return driver;
  }

  /** The tree the simulation was started with. */
  public Optional<TreeNode> tree() {
    return Optional.ofNullable(tree);
  }

  /** {@code start_link} of the root supervisor; returns at once (run the scheduler to see it). */
  public Pid start(TreeNode root) {
    this.tree = root;
    return driver.startLink(TreeBuilder.behavior(root), root.id());
  }

  /**
   * What the root's {@code start_link} returned: {@code ok}, or {@code {error, Reason}} when it
   * failed to start; empty until its init has answered.
   */
  public Optional<Term> rootStartResult() {
    return Optional.ofNullable(rootStart);
  }

  /**
   * A reason as a term: Erlang syntax ({@code {shutdown,done}}); text that is no Erlang term is
   * taken as the atom of that name.
   */
  public static Term reasonTerm(String reason) {
    try {
      return dev.kaboom.engine.TermSyntax.parseErlang(reason);
    } catch (dev.kaboom.engine.TermSyntax.ParseError e) {
      return Atom.of(reason);
    }
  }

  /** Whether {@code pid} is a dynamic supervisor ({@code DynamicSupervisor}). */
  public boolean isDynamicSupervisor(Pid pid) {
    return node.process(pid)
        .map(p -> p.behavior() instanceof dev.kaboom.otp.DynamicSupervisorBehavior)
        .orElse(false);
  }

  /** Whether {@code pid} is a supervisor (static or dynamic). */
  public boolean isSupervisor(Pid pid) {
    return node.process(pid)
        .map(p -> p.behavior().kind() == dev.kaboom.engine.ProcessKind.SUPERVISOR)
        .orElse(false);
  }

  /** The live process at {@code path}, if any. */
  public Optional<Pid> pidAt(String path) {
    return Optional.ofNullable(live.get(path));
  }

  /** The path of a live process started by this simulation's tree. */
  public Optional<String> pathOf(Pid pid) {
    return node.process(pid).map(Proc::label);
  }

  /** The live process a command's target names now, if any. */
  public Optional<Pid> resolve(Command.Target target) {
    if (target instanceof Command.Target.Path p) {
      return pidAt(p.path());
    } else if (target instanceof Command.Target.Name n) {
      return node.whereis(n.name());
    }
    Pid pid = ((Command.Target.Process) target).pid();
    return node.isAlive(pid) ? Optional.of(pid) : Optional.empty();
  }

  /**
   * The one runner: records {@code command} (with the virtual time and the number of events so far)
   * and sets it off; returns at once (run the scheduler to see what it does). A call's result goes
   * to {@code onResult} when it comes. Returns false ({@code noproc}) when nothing lives at the
   * command's target; a sleep lets the time pass before it returns.
   */
  public boolean run(Command command, Consumer<Client.CallResult> onResult) {
    recorded.add(new Recorded(node.nowMillis(), events, node.scheduler().turns(), command));
    if (command instanceof Command.Sleep s) {
      node.scheduler().advanceBy(s.millis(), maxTurns);
      return true;
    } else if (command instanceof Command.ShellStart s) {
      if (shells == null) {
        return false;
      }
      shell = shells.apply(s.label());
      return true;
    } else if (command instanceof Command.ConsoleLine l) {
      if (shell == null) {
        return false;
      }
      shellOutput = shell.type(l.line());
      return true;
    } else if (command instanceof Command.ConsoleEcho l) {
      if (shell == null) {
        return false;
      }
      shellOutput = shell.echo(l.line(), l.answer());
      return true;
    } else if (command instanceof Command.Recompile r) {
      if (shell == null) {
        return false;
      }
      shell.recompile(r.world());
      return true;
    }
    Optional<Pid> target = resolve(targetOf(command));
    if (target.isEmpty()) {
      return false;
    }
    Pid p = target.get();
    if (command instanceof Command.Exit e) {
      outsider.exit(p, e.reason());
    } else if (command instanceof Command.Stop s && isSupervisor(p)) {
      // Supervisor.stop(Pid, Reason): sys:terminate from an outside process
      outsider.send(p, new dev.kaboom.otp.Messages.SysTerminate(s.reason()));
    } else if (command instanceof Command.Stop s) {
      driver.cast(p, new SimpleWorker.StopWith(s.reason()));
    } else if (isDynamicSupervisor(p) && dynamicRequest(command, p, onResult)) {
      return true;
    } else if (command instanceof Command.Send s) {
      driver.send(p, s.message());
    } else if (command instanceof Command.GenServerCast c) {
      driver.cast(p, c.request());
    } else if (command instanceof Command.GenServerCall c) {
      driver.call(p, c.request(), onResult);
    } else {
      driver.call(p, request(command), onResult);
    }
    return true;
  }

  /**
   * A child-API command on a dynamic supervisor, as {@code DynamicSupervisor}'s API (children by
   * pid: {@code terminate_child} names the child started under that id, {@code path/id}); false
   * when {@code command} is not one of its calls.
   */
  private boolean dynamicRequest(Command command, Pid sup, Consumer<Client.CallResult> onResult) {
    Object request;
    if (command instanceof Command.WhichChildren) {
      request = new dev.kaboom.otp.DynamicSupervisorBehavior.Request.WhichChildren();
    } else if (command instanceof Command.CountChildren) {
      request = new dev.kaboom.otp.DynamicSupervisorBehavior.Request.CountChildren();
    } else if (command instanceof Command.StartChild s) {
      request =
          new dev.kaboom.otp.DynamicSupervisorBehavior.Request.StartChild(
              TreeBuilder.childSpec(s.spec()));
    } else if (command instanceof Command.TerminateChild t) {
      Optional<Pid> child = pathOf(sup).flatMap(path -> pidAt(path + "/" + t.id()));
      if (child.isEmpty()) {
        onResult.accept(
            new Client.CallResult.Replied(Term.tuple(Atom.ERROR, Atom.of("not_found"))));
        return true;
      }
      request = new dev.kaboom.otp.DynamicSupervisorBehavior.Request.TerminateChild(child.get());
    } else {
      return false;
    }
    driver.call(sup, request, onResult);
    return true;
  }

  /** Whom {@code c} is for; null for a sleep. */
  static Command.Target targetOf(Command c) {
    if (c instanceof Command.Exit x) {
      return x.target();
    } else if (c instanceof Command.Stop x) {
      return x.target();
    } else if (c instanceof Command.WhichChildren x) {
      return x.target();
    } else if (c instanceof Command.CountChildren x) {
      return x.target();
    } else if (c instanceof Command.TerminateChild x) {
      return x.target();
    } else if (c instanceof Command.RestartChild x) {
      return x.target();
    } else if (c instanceof Command.DeleteChild x) {
      return x.target();
    } else if (c instanceof Command.StartChild x) {
      return x.target();
    } else if (c instanceof Command.SetFlags x) {
      return x.target();
    } else if (c instanceof Command.GetFlags x) {
      return x.target();
    } else if (c instanceof Command.Send x) {
      return x.target();
    } else if (c instanceof Command.GenServerCall x) {
      return x.target();
    } else if (c instanceof Command.GenServerCast x) {
      return x.target();
    }
    return null;
  }

  /** The supervisor request a child-API command sends. */
  private static SupervisorRequest request(Command c) {
    if (c instanceof Command.WhichChildren) {
      return new SupervisorRequest.WhichChildren();
    } else if (c instanceof Command.CountChildren) {
      return new SupervisorRequest.CountChildren();
    } else if (c instanceof Command.TerminateChild t) {
      return new SupervisorRequest.TerminateChild(t.id());
    } else if (c instanceof Command.RestartChild r) {
      return new SupervisorRequest.RestartChild(r.id());
    } else if (c instanceof Command.DeleteChild d) {
      return new SupervisorRequest.DeleteChild(d.id());
    } else if (c instanceof Command.StartChild s) {
      return new SupervisorRequest.StartChild(TreeBuilder.childSpec(s.spec()));
    } else if (c instanceof Command.SetFlags f) {
      return new SupervisorRequest.SetFlags(f.flags());
    } else if (c instanceof Command.GetFlags) {
      return new SupervisorRequest.GetFlags();
    }
    throw new IllegalArgumentException("not a supervisor call: " + c);
  }

  /** {@code exit(Pid, Reason)} from the outsider; false (noproc) if nothing lives there. */
  public boolean exit(String path, String reason) {
    return run(new Command.Exit(Command.Target.path(path), reasonTerm(reason)), r -> {});
  }

  /** Makes the worker at {@code path} stop itself with {@code reason}; false if noproc. */
  public boolean stop(String path, String reason) {
    return run(new Command.Stop(Command.Target.path(path), reasonTerm(reason)), r -> {});
  }

  /**
   * Calls the supervisor at {@code path} with a child-API request; false (noproc) if nothing lives
   * there. A {@code StartChild}'s spec must come from {@link TreeBuilder#childSpec} (data).
   */
  public boolean call(
      String path, SupervisorRequest request, Consumer<Client.CallResult> onResult) {
    return run(commandFor(Command.Target.path(path), request), onResult);
  }

  /** The command for a child-API request (its spec as data), or an exception if there is none. */
  public static Command commandFor(Command.Target t, SupervisorRequest r) {
    if (r instanceof SupervisorRequest.WhichChildren) {
      return new Command.WhichChildren(t);
    } else if (r instanceof SupervisorRequest.CountChildren) {
      return new Command.CountChildren(t);
    } else if (r instanceof SupervisorRequest.TerminateChild x) {
      return new Command.TerminateChild(t, x.id());
    } else if (r instanceof SupervisorRequest.RestartChild x) {
      return new Command.RestartChild(t, x.id());
    } else if (r instanceof SupervisorRequest.DeleteChild x) {
      return new Command.DeleteChild(t, x.id());
    } else if (r instanceof SupervisorRequest.SetFlags x) {
      return new Command.SetFlags(t, x.flags());
    } else if (r instanceof SupervisorRequest.GetFlags) {
      return new Command.GetFlags(t);
    } else if (r instanceof SupervisorRequest.StartChild x
        && x.spec().start() instanceof TreeBuilder.StartTree st) {
      return new Command.StartChild(t, st.node());
    }
    throw new IllegalArgumentException("not a recordable supervisor request: " + r);
  }

  /**
   * Runs {@code commands} (a recorded run's) again on this simulation, each at its recorded place,
   * and everything they set off, to idle.
   */
  public void replay(java.util.List<Recorded> commands) {
    int next = 0;
    while (true) {
      if (next < commands.size() && isDue(commands.get(next))) {
        rerun(commands.get(next++));
      } else if (next >= commands.size()) {
        runUntilIdle(); // guarded: a run that never ends stops with a RunawayException
        return;
      } else if (!node.scheduler().step()) {
        rerun(commands.get(next++));
      }
    }
  }

  /**
   * Runs {@code commands} (a prefix of a recorded run's) again on this simulation, each at its
   * recorded place, until the engine has emitted {@code events} events (a fork: the run continues
   * from there). It stops at the first process turn that reaches the count, so it may be a few
   * events past it (a turn may emit several); it stops early when nothing is left to run.
   *
   * @throws dev.kaboom.engine.RunawayException when the run before that point never ends
   */
  public void replayUntil(java.util.List<Recorded> commands, long events) {
    int next = 0;
    while (this.events < events) {
      if (next < commands.size() && isDue(commands.get(next))) {
        rerun(commands.get(next++));
      } else if (!node.scheduler().step()) {
        if (next >= commands.size()) {
          return;
        }
        rerun(commands.get(next++));
      }
    }
  }

  /** Runs a recorded command again (recorded again, a scenario step still one). */
  public boolean rerun(Recorded r, Consumer<Client.CallResult> onResult) {
    int count = recorded.size();
    boolean found = run(r.command(), onResult);
    if (r.step()) {
      markStep(count);
    }
    return found;
  }

  private void rerun(Recorded r) {
    rerun(r, x -> {});
  }

  /**
   * Whether the engine has come to the place {@code r} was recorded at (the same number of events
   * and process turns, the same virtual time), or past it; false for a command with no place.
   */
  public boolean isDue(Recorded r) {
    if (r.eventIndex() < 0) {
      return false;
    }
    long turns = node.scheduler().turns();
    if (events > r.eventIndex() || turns > r.turn()) {
      return true; // past its place (the run diverged): issue it now
    }
    return events == r.eventIndex() && turns == r.turn() && node.nowMillis() >= r.atMillis();
  }

  /** Everything this simulation was asked to do, in order, with virtual times and event counts. */
  public java.util.List<Recorded> recorded() {
    return java.util.List.copyOf(recorded);
  }

  /** {@link #recorded()} without copying it: a read-only view that grows as commands are given. */
  public java.util.List<Recorded> recordedView() {
    return java.util.Collections.unmodifiableList(recorded);
  }

  /** How many commands {@link #recorded()} lists (without copying it). */
  public int recordedCount() {
    return recorded.size();
  }

  /** How many events the simulation has emitted so far. */
  public long eventCount() {
    return events;
  }

  /**
   * Runs everything the last command set off to completion.
   *
   * @throws dev.kaboom.engine.RunawayException when it runs away (more than ten million process
   *     turns, or virtual time moving by more than an hour): the work left stays pending
   */
  public long runUntilIdle() {
    return node.scheduler()
        .runUntilIdleGuarded(
            maxTurns, dev.kaboom.engine.VirtualScheduler.MAX_ADVANCE_MILLIS_PER_STEP);
  }

  private long maxTurns = dev.kaboom.engine.VirtualScheduler.MAX_TURNS_PER_STEP;

  /** Lowers (or raises) the runaway bound on process turns per step (tests). */
  public void setMaxTurnsPerStep(long maxTurns) {
    this.maxTurns = maxTurns;
  }

  /** The runaway bound on process turns per step. */
  public long maxTurnsPerStep() {
    return maxTurns;
  }

  /**
   * Lets {@code millis} ms of virtual time pass.
   *
   * @throws dev.kaboom.engine.RunawayException when processes keep running without end meanwhile
   */
  public void sleep(long millis) {
    run(new Command.Sleep(millis), r -> {});
  }
}
