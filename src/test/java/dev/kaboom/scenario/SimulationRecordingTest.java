package dev.kaboom.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.EventSink;
import dev.kaboom.otp.Strategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationRecordingTest {
  private static final TreeNode TREE =
      TreeNode.supervisor(
          "root", Strategy.ONE_FOR_ONE, List.of(TreeNode.worker("a"), TreeNode.worker("b")));

  @Test
  void aRecordedRunReplaysToTheSameTrace() {
    List<String> live = new ArrayList<>();
    Simulation sim = new Simulation(EventSink.NONE, 1);
    sim.start(TREE);
    sim.runUntilIdle();
    sim.exit("root/a", "kaboom");
    sim.runUntilIdle();
    sim.sleep(7000);
    sim.runUntilIdle();
    sim.exit("root/b", "kill");
    sim.runUntilIdle();
    sim.call("root", new dev.kaboom.otp.SupervisorRequest.CountChildren(), r -> {});
    sim.runUntilIdle();

    Scenario replay = sim.toScenario("replay");

    assertThat(replay.steps())
        .containsExactly(
            new Step.Exit("root/a", "kaboom"),
            new Step.Sleep(7000),
            new Step.Exit("root/b", "kill"),
            new Step.CountChildren("root"));
    TraceRunner.run(replay, live::add);
    assertThat(live).contains("exit root/b killed", "= [{specs,2},{active,2},{supervisors,0},{workers,2}]");
  }
}
