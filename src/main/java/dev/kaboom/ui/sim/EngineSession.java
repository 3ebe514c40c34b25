package dev.kaboom.ui.sim;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.VirtualScheduler;
import dev.kaboom.run.EventStore;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.Simulation;
import java.util.Optional;

/**
 * One run of a scenario's tree on the engine, as the window drives it: the simulation, its event
 * log, and what the pacer needs to know about pids (their paths, and which ones a supervisor is
 * shutting down). Not thread-safe: the JavaFX thread owns it.
 */
public final class EngineSession {
  private final Scenario scenario;
  private final EventRecorder recorder = new EventRecorder();

  private final Simulation sim;

  /** Starts {@code scenario}'s root ({@code start_link}); nothing runs until the scheduler does. */
  public EngineSession(Scenario scenario, long seed) {
    this(scenario, seed, true);
  }

  /**
   * {@code startTree} false: an empty world, nothing runs until the console starts a module of
   * {@code scenario} (a lesson, as the chapter starts from iex).
   */
  public EngineSession(Scenario scenario, long seed, boolean startTree) {
    this.scenario = scenario;
    this.sim = new Simulation(this::onEvent, seed);
    sim.setShells(dev.kaboom.console.Console.shells(scenario, sim));
    if (startTree) {
      sim.start(scenario.tree());
    }
  }

  private final java.util.List<dev.kaboom.engine.EventSink> listeners = new java.util.ArrayList<>();

  /** Also hands every event to {@code listener}. */
  public void listen(dev.kaboom.engine.EventSink listener) {
    listeners.add(listener);
  }

  private void onEvent(TraceEvent e) {
    for (dev.kaboom.engine.EventSink l : listeners) {
      l.accept(e);
    }
    recorder.accept(e);
  }

  /**
   * The console on this run's engine, once its shell started (a {@code shell_start} command: the
   * console, its bindings and what it showed belong to the run, and a replay makes them again).
   */
  public Optional<dev.kaboom.console.Console> console() {
    return sim.shell().map(dev.kaboom.console.Console.class::cast);
  }

  public Scenario scenario() {
    return scenario;
  }

  public Simulation sim() {
    return sim;
  }

  public EventStore log() {
    return recorder.log();
  }

  public VirtualScheduler scheduler() {
    return sim.node().scheduler();
  }

  /** The tree path a pid was started at (also after it died); empty for drivers and outsiders. */
  public Optional<String> pathOf(Pid pid) {
    return Optional.ofNullable(recorder.pathOf(pid));
  }

  /**
   * Whether event {@code index} of {@link #log()} is worth a beat (a timeline mark): a fold of the
   * events before it ({@link Visibility}), not of the engine's state.
   */
  public boolean isVisible(int index) {
    return recorder.isVisible(index);
  }
}
