package dev.kaboom.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.EventLog;
import dev.kaboom.engine.Strategy;
import dev.kaboom.otp.SupFlags;
import dev.kaboom.scenario.Command.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationRecordingTest {
  private static final TreeNode TREE =
      TreeNode.supervisor(
          "root", Strategy.ONE_FOR_ONE, List.of(TreeNode.worker("a"), TreeNode.worker("b")));

  @Test
  void everyCommandIsRecordedWithItsVirtualTimeAndEventCount() {
    EventLog log = new EventLog();
    Simulation sim = new Simulation(log, 1);
    sim.start(TREE);
    sim.runUntilIdle();
    int afterStart = log.size();
    sim.exit("root/a", "kaboom");
    sim.runUntilIdle();
    sim.sleep(7000);
    sim.runUntilIdle();
    sim.call(
        "root",
        new dev.kaboom.otp.SupervisorRequest.StartChild(
            TreeBuilder.childSpec(TreeNode.worker("c"))),
        r -> {});
    sim.runUntilIdle();
    sim.run(
        new Command.SetFlags(Target.path("root"), new SupFlags(Strategy.ONE_FOR_ALL, 1, 2000)),
        r -> {});
    sim.runUntilIdle();

    List<Simulation.Recorded> rec = sim.recorded();
    assertThat(rec)
        .extracting(Simulation.Recorded::command)
        .containsExactly(
            new Command.Exit(Target.path("root/a"), Atom.of("kaboom")),
            new Command.Sleep(7000),
            new Command.StartChild(Target.path("root"), TreeNode.worker("c")),
            new Command.SetFlags(Target.path("root"), new SupFlags(Strategy.ONE_FOR_ALL, 1, 2000)));
    assertThat(rec.get(0).eventIndex()).isEqualTo(afterStart);
    assertThat(rec.get(0).atMillis()).isZero();
    assertThat(rec.get(2).atMillis()).isEqualTo(7000);
    assertThat(rec.get(3).eventIndex()).isGreaterThan(rec.get(2).eventIndex());
  }

  @Test
  void aRunOfRecordedCommandsReplaysToTheSameTrace() {
    List<String> first = new ArrayList<>();
    List<Command> commands =
        List.of(
            new Command.Exit(Target.path("root/a"), Atom.of("kaboom")),
            new Command.Sleep(7000),
            new Command.StartChild(Target.path("root"), TreeNode.worker("c")),
            new Command.Exit(Target.path("root/b"), Atom.of("kill")),
            new Command.CountChildren(Target.path("root")));
    Simulation sim = TraceRunner.run(TREE, commands, first::add, e -> {});
    List<String> again = new ArrayList<>();
    TraceRunner.run(
        TREE,
        sim.recorded().stream().map(Simulation.Recorded::command).toList(),
        again::add,
        e -> {});
    assertThat(again).isEqualTo(first);
    assertThat(first)
        .contains("exit root/b killed", "= [{specs,3},{active,3},{supervisors,0},{workers,3}]");
  }
}
