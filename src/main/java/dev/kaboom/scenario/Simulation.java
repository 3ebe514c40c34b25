package dev.kaboom.scenario;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.EventSink;
import dev.kaboom.engine.Node;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
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
  private final java.util.List<Recorded> recorded = new java.util.ArrayList<>();

  /** A step the simulation was asked to do, and the virtual time it was asked at. */
  public record Recorded(long atMillis, Step step) {}

  /** A simulation whose events also go to {@code sink}; {@code seed} seeds the node's randomness. */
  public Simulation(EventSink sink, long seed) {
    this.downstream = sink;
    this.node = new Node(this::onEvent, seed);
    this.driver = new Client(node, null, true);
    this.outsider = new Client(node, null, false);
  }

  private void onEvent(TraceEvent e) {
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

  /** The live process at {@code path}, if any. */
  public Optional<Pid> pidAt(String path) {
    return Optional.ofNullable(live.get(path));
  }

  /** The path of a live process started by this simulation's tree. */
  public Optional<String> pathOf(Pid pid) {
    return node.process(pid).map(Proc::label);
  }

  /** Sends {@code exit(Pid, Reason)} from the outsider; false (noproc) if nothing lives there. */
  public boolean exit(String path, String reason) {
    record(new Step.Exit(path, reason));
    Optional<Pid> pid = pidAt(path);
    pid.ifPresent(p -> outsider.exit(p, Atom.of(reason)));
    return pid.isPresent();
  }

  /** Makes the worker at {@code path} stop itself with {@code reason}; false if noproc. */
  public boolean stop(String path, String reason) {
    record(new Step.Stop(path, reason));
    Optional<Pid> pid = pidAt(path);
    pid.ifPresent(p -> driver.cast(p, new SimpleWorker.StopWith(Atom.of(reason))));
    return pid.isPresent();
  }

  /** Calls the supervisor at {@code path}; false (noproc) if nothing lives there. */
  public boolean call(String path, SupervisorRequest request, Consumer<Client.CallResult> onResult) {
    stepFor(path, request).ifPresent(this::record);
    Optional<Pid> pid = pidAt(path);
    pid.ifPresent(p -> driver.call(p, request, onResult));
    return pid.isPresent();
  }

  private void record(Step step) {
    recorded.add(new Recorded(node.nowMillis(), step));
  }

  private static Optional<Step> stepFor(String path, SupervisorRequest r) {
    if (r instanceof SupervisorRequest.WhichChildren) {
      return Optional.of(new Step.WhichChildren(path));
    } else if (r instanceof SupervisorRequest.CountChildren) {
      return Optional.of(new Step.CountChildren(path));
    } else if (r instanceof SupervisorRequest.TerminateChild t) {
      return Optional.of(new Step.TerminateChild(path, t.id()));
    } else if (r instanceof SupervisorRequest.RestartChild t) {
      return Optional.of(new Step.RestartChild(path, t.id()));
    } else if (r instanceof SupervisorRequest.DeleteChild t) {
      return Optional.of(new Step.DeleteChild(path, t.id()));
    }
    return Optional.empty(); // start_child specs and flag changes are not replayable as steps
  }

  /** Everything this simulation was asked to do, in order, with virtual times (for replay). */
  public java.util.List<Recorded> recorded() {
    return java.util.List.copyOf(recorded);
  }

  /**
   * The run so far as a scenario: the tree and the recorded steps, with a {@code sleep_ms} step
   * wherever virtual time moved between two of them. When every step was run to idle before the
   * next (as the CLI does), replaying it gives the same trace.
   */
  public Scenario toScenario(String name) {
    java.util.List<Step> steps = new java.util.ArrayList<>();
    long last = 0;
    for (Recorded r : recorded) {
      if (r.atMillis() > last) {
        steps.add(new Step.Sleep(r.atMillis() - last));
      }
      steps.add(r.step());
      last = r.atMillis() + (r.step() instanceof Step.Sleep s ? s.millis() : 0);
    }
    return new Scenario(name, "recorded in Kaboom", tree, steps);
  }

  /**
   * Runs everything the last step set off to completion.
   *
   * @throws dev.kaboom.engine.RunawayException when it runs away (more than ten million process
   *     turns, or virtual time moving by more than an hour): the work left stays pending
   */
  public long runUntilIdle() {
    return node.scheduler()
        .runUntilIdleGuarded(maxTurns, dev.kaboom.engine.VirtualScheduler.MAX_ADVANCE_MILLIS_PER_STEP);
  }

  private long maxTurns = dev.kaboom.engine.VirtualScheduler.MAX_TURNS_PER_STEP;

  /** Lowers (or raises) the runaway bound on process turns per step (tests). */
  public void setMaxTurnsPerStep(long maxTurns) {
    this.maxTurns = maxTurns;
  }

  /**
   * Lets {@code millis} ms of virtual time pass.
   *
   * @throws dev.kaboom.engine.RunawayException when processes keep running without end meanwhile
   */
  public void sleep(long millis) {
    record(new Step.Sleep(millis));
    node.scheduler().advanceBy(millis, maxTurns);
  }
}
