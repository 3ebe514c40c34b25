package dev.kaboom.scenario;

import dev.kaboom.engine.TraceEvent;
import dev.kaboom.otp.Client;
import dev.kaboom.otp.SupervisorRequest;
import java.util.function.Consumer;

/**
 * Runs a scenario on virtual time and writes its conformance trace (SPEC.md section 2): echo lines,
 * {@code start}/{@code exit}/{@code give_up} lines from the event stream, and call results. After
 * the start and after every step everything it set off runs to completion.
 */
public final class TraceRunner {
  private TraceRunner() {}

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
  }

  /**
   * Runs {@code scenario}, handing each trace line (without newline) to {@code out}.
   *
   * @throws dev.kaboom.engine.RunawayException when a step runs away (the lines so far are out)
   */
  public static void run(Scenario scenario, Consumer<String> out) {
    run(scenario, out, dev.kaboom.engine.VirtualScheduler.MAX_TURNS_PER_STEP, null);
  }

  /** {@link #run(Scenario, Consumer)} with another bound on process turns per step. */
  public static void run(Scenario scenario, Consumer<String> out, long maxTurns) {
    run(scenario, out, maxTurns, null);
  }

  /** As {@link #run(Scenario, Consumer)}, with {@code annotator}'s lines (null: none). */
  public static void run(Scenario scenario, Consumer<String> out, Annotator annotator) {
    run(scenario, out, dev.kaboom.engine.VirtualScheduler.MAX_TURNS_PER_STEP, annotator);
  }

  /** The trace, with a bound on process turns per step and {@code annotator}'s lines (or null). */
  public static void run(
      Scenario scenario, Consumer<String> out, long maxTurns, Annotator annotator) {
    // a process that never ran its init (its name was taken) has no start line, so no exit line
    java.util.Set<dev.kaboom.engine.Pid> started = new java.util.HashSet<>();
    Simulation sim =
        new Simulation(
            e -> {
              if (e instanceof TraceEvent.Started s && s.label() != null) {
                started.add(s.pid());
                out.accept("start " + s.label());
              } else if (e instanceof TraceEvent.Exited x
                  && x.label() != null
                  && started.remove(x.pid())) {
                out.accept("exit " + x.label() + " " + x.reason().formatAnonymous());
              } else if (e instanceof TraceEvent.GaveUp g) {
                out.accept("give_up " + g.label() + " " + g.reason().formatAnonymous());
              }
              if (annotator != null) {
                annotator.event(e, out);
              }
            },
            1L);
    sim.setMaxTurnsPerStep(maxTurns);
    out.accept("> start_link " + scenario.tree().id());
    sim.start(scenario.tree());
    sim.runUntilIdle();
    for (Step step : scenario.steps()) {
      out.accept("> " + step.echo());
      String path = pathOf(step);
      Consumer<Client.CallResult> printResult =
          r -> {
            if (r instanceof Client.CallResult.Replied rep) {
              out.accept("= " + rep.value().formatAnonymous());
            } else if (r instanceof Client.CallResult.Failed f) {
              out.accept("= " + f.reason().formatAnonymous());
            }
            if (annotator != null) {
              annotator.result(path, r, out);
            }
          };
      boolean found = true;
      if (step instanceof Step.Exit e) {
        found = sim.exit(e.path(), e.reason());
      } else if (step instanceof Step.Stop s) {
        found = sim.stop(s.path(), s.reason());
      } else if (step instanceof Step.WhichChildren w) {
        found = sim.call(w.path(), new SupervisorRequest.WhichChildren(), printResult);
      } else if (step instanceof Step.CountChildren c) {
        found = sim.call(c.path(), new SupervisorRequest.CountChildren(), printResult);
      } else if (step instanceof Step.TerminateChild t) {
        found = sim.call(t.path(), new SupervisorRequest.TerminateChild(t.id()), printResult);
      } else if (step instanceof Step.RestartChild r) {
        found = sim.call(r.path(), new SupervisorRequest.RestartChild(r.id()), printResult);
      } else if (step instanceof Step.DeleteChild d) {
        found = sim.call(d.path(), new SupervisorRequest.DeleteChild(d.id()), printResult);
      } else if (step instanceof Step.StartChild s) {
        found =
            sim.call(
                s.path(),
                new SupervisorRequest.StartChild(TreeBuilder.childSpec(s.spec())),
                printResult);
      } else if (step instanceof Step.Sleep s) {
        sim.sleep(s.millis());
      }
      if (!found) {
        out.accept("= noproc");
        if (annotator != null) {
          annotator.result(path, null, out);
        }
      }
      sim.runUntilIdle();
    }
  }

  private static String pathOf(Step step) {
    if (step instanceof Step.Exit s) {
      return s.path();
    } else if (step instanceof Step.Stop s) {
      return s.path();
    } else if (step instanceof Step.WhichChildren s) {
      return s.path();
    } else if (step instanceof Step.CountChildren s) {
      return s.path();
    } else if (step instanceof Step.TerminateChild s) {
      return s.path();
    } else if (step instanceof Step.RestartChild s) {
      return s.path();
    } else if (step instanceof Step.DeleteChild s) {
      return s.path();
    } else if (step instanceof Step.StartChild s) {
      return s.path();
    }
    return "";
  }
}
