package dev.kaboom.run;

import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.Simulation;
import java.util.List;

/**
 * A recorded run: the scenario it started from (its file name and text, so a run file stands on its
 * own), the seed, every command with its virtual time and the number of events before it, the
 * Kaboom version that recorded it and a digest of its trace. The engine is deterministic, so
 * running the commands again gives the same events and the same trace. {@code emptyWorld}: the
 * scenario's tree was not started (a lesson's world: the console's lines start its modules).
 */
public record Run(
    String scenarioFile,
    String scenarioText,
    Scenario scenario,
    long seed,
    List<Simulation.Recorded> commands,
    String kaboomVersion,
    TraceDigest trace,
    boolean emptyWorld) {

  /** A run whose scenario's tree started first (every run but a lesson's). */
  public Run(
      String scenarioFile,
      String scenarioText,
      Scenario scenario,
      long seed,
      List<Simulation.Recorded> commands,
      String kaboomVersion,
      TraceDigest trace) {
    this(scenarioFile, scenarioText, scenario, seed, commands, kaboomVersion, trace, false);
  }

  /** The version run files are written with. */
  public static final String KABOOM_VERSION = "0.1.0";

  public Run {
    commands = List.copyOf(commands);
  }
}
