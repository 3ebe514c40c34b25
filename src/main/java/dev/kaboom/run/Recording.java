package dev.kaboom.run;

import dev.kaboom.console.Console;
import dev.kaboom.scenario.Command;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.Simulation;
import dev.kaboom.scenario.TraceRunner;
import java.util.List;
import java.util.function.Consumer;

/** Recording runs and replaying them, as {@code kaboom trace --record} and {@code replay} do. */
public final class Recording {
  private Recording() {}

  /**
   * Runs {@code scenario}'s steps as {@code kaboom trace} does (handing each trace line to {@code
   * out}) and returns the run: every command with its place, and the trace's digest.
   */
  public static Run record(
      String scenarioFile,
      String scenarioText,
      Scenario scenario,
      long seed,
      Consumer<String> out) {
    TraceDigest.Builder digest = new TraceDigest.Builder();
    List<Simulation.Recorded> commands =
        TraceRunner.atIdle(scenario.steps().stream().map(Command::of).toList());
    TraceRunner runner =
        new TraceRunner(
            scenario.tree(),
            commands,
            seed,
            TraceRunner.listener(
                e -> {},
                line -> {
                  digest.line(line);
                  out.accept(line);
                }));
    runner.runToEnd();
    return new Run(
        scenarioFile,
        scenarioText,
        scenario,
        seed,
        runner.simulation().recorded(),
        Run.KABOOM_VERSION,
        digest.build());
  }

  /**
   * Replays {@code run}, handing each trace line to {@code out}; returns the digest of the trace it
   * printed (compare it with {@code run.trace()}).
   */
  public static TraceDigest replay(Run run, Consumer<String> out) {
    return replay(run, out, null);
  }

  /**
   * As {@link #replay(Run, Consumer)}, with {@code annotator}'s lines (null: none) among the trace
   * lines; they start with {@code #} and are not part of the digest (the trace is the same).
   */
  public static TraceDigest replay(Run run, Consumer<String> out, TraceRunner.Annotator annotator) {
    TraceDigest.Builder digest = new TraceDigest.Builder();
    runner(
            run,
            TraceRunner.listener(
                e -> {},
                line -> {
                  if (!line.startsWith("#")) {
                    digest.line(line);
                  }
                  out.accept(line);
                }))
        .annotate(annotator)
        .runToEnd();
    return digest.build();
  }

  /**
   * A runner of {@code run}'s commands (nothing runs until it steps), with the console a run's
   * {@code shell_start} and {@code console} lines need: a {@link Console} on the run's scenario.
   */
  public static TraceRunner runner(Run run, TraceRunner.Listener listener) {
    TraceRunner r =
        new TraceRunner(
            run.scenario().tree(), run.commands(), run.seed(), listener, !run.emptyWorld());
    r.simulation().setShells(Console.shells(run.scenario(), r.simulation()));
    return r;
  }
}
