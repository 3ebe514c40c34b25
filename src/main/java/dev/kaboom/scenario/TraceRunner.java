package dev.kaboom.scenario;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.RunawayException;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.VirtualScheduler;
import dev.kaboom.otp.Client;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a scenario, or a recorded run's commands, on virtual time and writes its conformance trace
 * (SPEC.md section 2): echo lines, {@code start}/{@code exit}/{@code give_up} lines from the event
 * stream, and call results.
 *
 * <p>It runs one engine step at a time ({@link #step()}): it starts the tree, and issues each
 * command when the engine has come to the point it was recorded at (the same number of events and
 * of process turns, the same virtual time); a command with no recorded place ({@code eventIndex <
 * 0}: a scenario's steps) once everything before it has run to idle. Every event and every trace
 * line goes to the {@link Listener}, in order (an event that prints a line comes just before it).
 */
public final class TraceRunner {
  /**
   * Adds lines of its own to a trace (the narration of {@code trace --explain}): they must begin
   * with {@code #} so that a trace comparison drops them.
   */
  public interface Annotator {
    /** After every event, and after the trace line it printed (if any). */
    void event(TraceEvent e, Consumer<String> out);

    /**
     * After a step's {@code = } line: {@code result} is the call's result, or null when the step
     * found no live process at {@code path} ({@code = noproc}).
     */
    void result(String path, Client.CallResult result, Consumer<String> out);

    /** Before a step's command runs (its {@code > } line is out). */
    default void command(Command c) {}

    /** After the {@code = } line of a root that did not start ({@code start_link} failed). */
    default void rootStartFailed(
        String root, dev.kaboom.engine.Term result, Consumer<String> out) {}
  }

  /** What a run produces. */
  public interface Listener {
    void event(TraceEvent e);

    void line(String line);
  }

  private final List<Simulation.Recorded> commands;
  private final Listener listener;
  private final Simulation sim;
  // a process that never ran its init (its name was taken) has no start line, so no exit line
  private final Set<Pid> started = new HashSet<>();
  private final Consumer<Client.CallResult> printResult;
  private int next;
  private boolean done;
  private Annotator annotator;
  private String commandPath = "";
  private long segmentTurns;
  private long segmentMillis;

  /** A worker's start line waits until its init has returned (`ignore PATH` may replace it). */
  private TraceEvent.Started pendingStart;

  private Client.CallResult pendingResult;

  /** The step was {@code Supervisor.stop}: it prints {@code = ok} after its events. */
  private boolean pendingOk;

  private boolean rootReported;

  private final String rootId;

  /** Starts {@code tree} (nothing runs until {@link #step()}). */
  public TraceRunner(
      TreeNode tree, List<Simulation.Recorded> commands, long seed, Listener listener) {
    this(tree, commands, seed, listener, true);
  }

  /**
   * As {@link #TraceRunner(TreeNode, List, long, Listener)}; {@code start} false: an empty world (a
   * lesson's: nothing runs until a console line starts a module), no {@code start_link} line.
   */
  public TraceRunner(
      TreeNode tree,
      List<Simulation.Recorded> commands,
      long seed,
      Listener listener,
      boolean start) {
    this.commands = commands;
    this.listener = listener;
    this.sim = new Simulation(this::onEvent, seed);
    // a call's result is printed after everything its step set off (as the oracle does)
    this.printResult = r -> pendingResult = r;
    this.rootId = tree.id();
    if (start) {
      listener.line("> start_link " + tree.id());
      sim.start(tree);
    }
    segment();
  }

  /** A new step begins: the runaway guards count from here. */
  private void segment() {
    segmentTurns = sim.node().scheduler().turns();
    segmentMillis = sim.node().nowMillis();
  }

  /**
   * Runs {@code scenario}, handing each trace line (without newline) to {@code out}.
   *
   * @throws RunawayException when a step runs away (the lines so far are out)
   */
  public static Simulation run(Scenario scenario, Consumer<String> out) {
    return run(scenario, out, VirtualScheduler.MAX_TURNS_PER_STEP);
  }

  /** {@link #run(Scenario, Consumer)} with another bound on process turns per step. */
  public static Simulation run(Scenario scenario, Consumer<String> out, long maxTurns) {
    return run(scenario, out, maxTurns, null);
  }

  /** As {@link #run(Scenario, Consumer)}, with {@code annotator}'s lines (null: none). */
  public static Simulation run(Scenario scenario, Consumer<String> out, Annotator annotator) {
    return run(scenario, out, VirtualScheduler.MAX_TURNS_PER_STEP, annotator);
  }

  /** The trace, with a bound on process turns per step and {@code annotator}'s lines (or null). */
  public static Simulation run(
      Scenario scenario, Consumer<String> out, long maxTurns, Annotator annotator) {
    TraceRunner r =
        new TraceRunner(
            scenario.tree(),
            atIdle(scenario.steps().stream().map(Command::of).toList()),
            1L,
            listener(e -> {}, out));
    r.simulation().setMaxTurnsPerStep(maxTurns);
    r.annotator = annotator;
    r.runToEnd();
    return r.simulation();
  }

  /**
   * Starts {@code tree}, runs {@code commands} one after the other (each once the one before ran to
   * idle), hands each trace line to {@code out} and every event to {@code events}; returns the
   * simulation, which has recorded every command with its place.
   */
  public static Simulation run(
      TreeNode tree, List<Command> commands, Consumer<String> out, Consumer<TraceEvent> events) {
    TraceRunner r = new TraceRunner(tree, atIdle(commands), 1L, listener(events, out));
    r.runToEnd();
    return r.simulation();
  }

  /** The commands of a scenario's steps, each to be issued once the one before ran to idle. */
  public static List<Simulation.Recorded> atIdle(List<Command> commands) {
    return commands.stream().map(c -> Simulation.Recorded.atIdle(c).asStep()).toList();
  }

  /** Adds {@code annotator}'s lines (null: none) to this run's lines, where they belong. */
  public TraceRunner annotate(Annotator annotator) {
    this.annotator = annotator;
    return this;
  }

  /** A listener made of two consumers. */
  public static Listener listener(Consumer<TraceEvent> events, Consumer<String> lines) {
    return new Listener() {
      @Override
      public void event(TraceEvent e) {
        events.accept(e);
      }

      @Override
      public void line(String line) {
        lines.accept(line);
      }
    };
  }

  private void onEvent(TraceEvent e) {
    if (pendingStart != null
        && e instanceof TraceEvent.InitRefused r
        && r.pid().equals(pendingStart.pid())) {
      // the init did not return {ok, State}: no start line
      TraceEvent.Started s = pendingStart;
      pendingStart = null;
      // the annotator sees both (the narration says why it started, then that its init refused)
      for (TraceEvent x : List.of(s, e)) {
        listener.event(x);
        if (annotator != null) {
          annotator.event(x, listener::line);
        }
      }
      if (r.result() instanceof dev.kaboom.engine.Atom) {
        listener.line("ignore " + r.label()); // it ends normally, with no exit line
      } else {
        started.add(r.pid()); // {stop, R}: its exit line comes when it ends
      }
      return;
    }
    flushStart();
    consoleBetweenLines();
    if (e instanceof TraceEvent.Started s
        && s.label() != null
        && s.kind() == dev.kaboom.engine.ProcessKind.WORKER) {
      pendingStart = s;
      return;
    }
    emit(e);
  }

  private void emit(TraceEvent e) {
    listener.event(e);
    String line = line(e, started);
    if (line != null) {
      listener.line(line);
    }
    if (annotator != null) {
      annotator.event(e, listener::line);
    }
  }

  private void flushStart() {
    if (pendingStart != null) {
      TraceEvent.Started s = pendingStart;
      pendingStart = null;
      emit(s);
    }
  }

  /** The last step's work is done: its result line (and the root's failed start) come now. */
  private void flushResults() {
    flushStart();
    if (!rootReported) {
      rootReported = true;
      sim.rootStartResult()
          .filter(r -> r != dev.kaboom.engine.Atom.OK)
          .ifPresent(
              r -> {
                listener.line("= " + r.formatAnonymous());
                if (annotator != null) {
                  annotator.rootStartFailed(rootId, r, listener::line);
                }
              });
    }
    if (pendingResult != null) {
      Client.CallResult r = pendingResult;
      pendingResult = null;
      if (r instanceof Client.CallResult.Replied rep) {
        listener.line("= " + rep.value().formatAnonymous());
      } else if (r instanceof Client.CallResult.Failed f) {
        listener.line("= " + f.reason().formatAnonymous());
      }
      if (annotator != null) {
        annotator.result(commandPath, r, listener::line);
      }
    }
    if (pendingOk) {
      pendingOk = false;
      listener.line("= ok");
      if (annotator != null) {
        annotator.result(
            commandPath, new Client.CallResult.Replied(dev.kaboom.engine.Atom.OK), listener::line);
      }
    }
  }

  public Simulation simulation() {
    return sim;
  }

  /** True once every command was issued and everything they set off has run. */
  public boolean done() {
    return done;
  }

  /**
   * Runs one engine step or issues the next command; false when there is nothing left.
   *
   * @throws RunawayException when the work since the last command runs away (as {@link
   *     Simulation#runUntilIdle()}): more process turns than the bound, or the clock moving by more
   *     than an hour
   */
  public boolean step() {
    if (done) {
      return false;
    }
    if (next < commands.size() && due(commands.get(next))) {
      issue(commands.get(next++));
      return true;
    }
    VirtualScheduler s = sim.node().scheduler();
    long maxTurns = sim.maxTurnsPerStep();
    long maxAdvance = VirtualScheduler.MAX_ADVANCE_MILLIS_PER_STEP;
    if (s.turns() - segmentTurns > maxTurns) {
      throw s.runaway(RunawayException.Kind.TURNS, maxTurns);
    }
    if (s.isQuiescent()) {
      long t = s.nextTimerMillis();
      if (t != Long.MAX_VALUE && t - segmentMillis > maxAdvance) {
        throw s.runaway(RunawayException.Kind.TIME, maxAdvance);
      }
    } else if (s.nowMillis() - segmentMillis > maxAdvance) {
      throw s.runaway(RunawayException.Kind.TIME, maxAdvance);
    }
    if (s.step()) {
      return true;
    }
    if (next < commands.size()) {
      issue(commands.get(next++)); // idle (before its recorded place, if it has one): go on
      return true;
    }
    flushResults();
    done = true;
    return false;
  }

  /** Runs to the end. */
  public void runToEnd() {
    while (step()) {
      // keep going
    }
  }

  private boolean due(Simulation.Recorded r) {
    return sim.isDue(r);
  }

  private void issue(Simulation.Recorded r) {
    flushResults();
    listener.line("> " + r.command().echo());
    commandPath = Command.pathOf(r.command());
    if (annotator != null) {
      annotator.command(r.command());
    }
    if (r.command() instanceof Command.Stop s) {
      pendingOk =
          sim.resolve(s.target()).map(sim::isSupervisor).orElse(false); // Supervisor.stop: = ok
    }
    if (!sim.rerun(r, printResult)) {
      listener.line("= noproc");
      if (annotator != null) {
        annotator.result(commandPath, null, listener::line);
      }
    } else if (r.command() instanceof Command.ConsoleLine) {
      // the line ran to completion: what the console printed, a "| " line each
      flushStart();
      consoleLines(sim.shellOutput());
    }
    sim.shell().ifPresent(sh -> consoleShown = sh.transcriptLength());
    segment();
  }

  /** How much of the console's transcript this trace has shown (-1: no console yet). */
  private int consoleShown = -1;

  /**
   * What the console showed between two commands, when it happened (a restart's server lines after
   * a click, the shell's death and new banner): a {@code "| "} line each, not with the next line.
   */
  private void consoleBetweenLines() {
    if (consoleShown < 0) {
      return; // (also while the simulation is being made: its own processes' events)
    }
    var shell = sim.shell();
    if (shell.isEmpty()) {
      return;
    }
    int length = shell.get().transcriptLength();
    if (length > consoleShown) {
      consoleLines(shell.get().transcriptFrom(consoleShown));
      consoleShown = length;
    }
  }

  private void consoleLines(String out) {
    if (!out.isEmpty()) {
      for (String l : out.stripTrailing().split("\n", -1)) {
        listener.line(("| " + l).stripTrailing());
      }
    }
  }

  /** The trace line an event prints, or null; {@code started} tracks pids that printed a start. */
  public static String line(TraceEvent e, Set<Pid> started) {
    if (e instanceof TraceEvent.Started s && s.label() != null) {
      started.add(s.pid());
      return "start " + s.label();
    } else if (e instanceof TraceEvent.Exited x && x.label() != null && started.remove(x.pid())) {
      return "exit " + x.label() + " " + x.reason().formatAnonymous();
    } else if (e instanceof TraceEvent.GaveUp g) {
      return "give_up " + g.label() + " " + g.reason().formatAnonymous();
    }
    return null;
  }
}
