package dev.kaboom.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.conformance.TraceCanon;
import dev.kaboom.conformance.UnifiedDiff;
import dev.kaboom.engine.EventLog;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.otp.Client;
import dev.kaboom.otp.SupervisorRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/** "Given tree, when kaboom, then trace": small helpers over scenarios, traces and simulations. */
final class Given {
  private Given() {}

  /** Loads a YAML scenario or fails with the loader's one-line error. */
  static Scenario scenario(String yaml) {
    var result = ScenarioLoader.parse("given.yaml", yaml);
    if (result instanceof ScenarioLoader.Result.Failed f) {
      throw new AssertionFailedError("scenario does not load: " + f.error());
    }
    return ((ScenarioLoader.Result.Loaded) result).scenario();
  }

  static List<String> trace(Scenario scenario) {
    List<String> lines = new ArrayList<>();
    TraceRunner.run(scenario, lines::add);
    return lines;
  }

  /** Runs the YAML scenario and compares canonical traces, printing a diff on mismatch. */
  static void assertTrace(String yaml, String expected) {
    assertLines(trace(scenario(yaml)), expected);
  }

  static void assertLines(List<String> actualLines, String expected) {
    List<String> want = TraceCanon.canonical(expected.lines().toList());
    List<String> got = TraceCanon.canonical(actualLines);
    if (!want.equals(got)) {
      throw new AssertionFailedError(
          "trace differs\n"
              + UnifiedDiff.diff("expected", want, "engine", got, 3)
              + "\nwhole engine trace:\n"
              + String.join("\n", actualLines),
          String.join("\n", want),
          String.join("\n", got));
    }
  }

  /** A running tree whose trace lines (TraceRunner's format) and raw events are both recorded. */
  static final class Run {
    final EventLog log = new EventLog();
    final List<String> lines = new ArrayList<>();
    final Simulation sim;

    Run(String yamlWithTree) {
      Scenario s = scenario(yamlWithTree);
      sim =
          new Simulation(
              e -> {
                log.accept(e);
                if (e instanceof TraceEvent.Started st && st.label() != null) {
                  lines.add("start " + st.label());
                } else if (e instanceof TraceEvent.Exited x && x.label() != null) {
                  lines.add("exit " + x.label() + " " + x.reason().formatAnonymous());
                } else if (e instanceof TraceEvent.GaveUp g) {
                  lines.add("give_up " + g.label() + " " + g.reason().formatAnonymous());
                }
              },
              3L);
      sim.start(s.tree());
      sim.runUntilIdle();
    }

    /** Makes a call, runs to idle and returns the reply (or the failure reason) as printed. */
    String call(String path, SupervisorRequest request) {
      AtomicReference<String> out = new AtomicReference<>("noproc");
      sim.call(
          path,
          request,
          r ->
              out.set(
                  r instanceof Client.CallResult.Replied rep
                      ? rep.value().formatAnonymous()
                      : "failed " + ((Client.CallResult.Failed) r).reason().formatAnonymous()));
      sim.runUntilIdle();
      lines.add("= " + out.get());
      return out.get();
    }

    void exit(String path, String reason) {
      lines.add("> exit " + path + " " + reason);
      assertThat(sim.exit(path, reason)).as("a process at " + path).isTrue();
      sim.runUntilIdle();
    }

    <T extends TraceEvent> List<T> events(Class<T> type) {
      return log.all().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Virtual time at which the process at {@code label} exited (the last time it did). */
    long exitTime(String label) {
      return events(TraceEvent.Exited.class).stream()
          .filter(x -> label.equals(x.label()))
          .reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionFailedError(label + " never exited"))
          .timeMillis();
    }
  }
}
