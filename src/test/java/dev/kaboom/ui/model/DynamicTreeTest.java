package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Strategy;
import dev.kaboom.otp.SupervisorRequest;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.ui.sim.Pacer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The drawn tree follows the engine: children started at run time appear last under their
 * supervisor, removed specs fade out and leave; names and pids are shown the Elixir way; the
 * inspector's flags apply SetFlags; a supervisor giving up is a notice. No window, no sleeping:
 * time moves through the engine and the frame function.
 */
class DynamicTreeTest extends OnServy {
  private List<String> childIds(String path) {
    return node(path).children().stream().map(ProcessNodeModel::id).toList();
  }

  /** Frames of one beat each, until nothing is fading out any more (bounded). */
  private void letFadesFinish() {
    for (int i = 0; i < 100 && !vm.tree().leavingNodes().isEmpty(); i++) {
      vm.frame(Pacer.BEAT_NANOS);
    }
  }

  @Test
  void aStartedChildAppearsLastUnderItsSupervisor() {
    long structure = vm.tree().structureVersion();
    vm.startChild(
        "servy/services", MainViewModel.newChildSpec("cache", false, RestartType.PERMANENT));
    vm.runToIdle();
    assertThat(childIds("servy/services")).containsExactly("pledge", "sensor", "cache");
    ProcessNodeModel cache = node("servy/services/cache");
    assertThat(cache.status()).isEqualTo(NodeStatus.RUNNING);
    assertThat(cache.pid()).isPresent();
    assertThat(cache.wasAdded()).isTrue();
    assertThat(cache.justAdded(vm.tree().nowNanos())).isTrue();
    assertThat(vm.tree().structureVersion()).isGreaterThan(structure);
    assertThat(vm.logLines())
        .anyMatch(l -> l.contains("> Supervisor.start_child(cache) on servy/services"));
    // it is a real child: kaboom restarts it
    Pid before = cache.pid().orElseThrow();
    vm.kaboom("servy/services/cache");
    vm.runToIdle();
    assertThat(node("servy/services/cache").pid().orElseThrow()).isNotEqualTo(before);
    assertThat(node("servy/services/cache").restartCount()).isEqualTo(1);
  }

  @Test
  void aStartedSupervisorCanGetChildrenOfItsOwn() {
    vm.startChild("servy", MainViewModel.newChildSpec("pool", true, RestartType.PERMANENT));
    vm.runToIdle();
    assertThat(childIds("servy")).containsExactly("kick_starter", "services", "pool");
    assertThat(node("servy/pool").isSupervisor()).isTrue();
    assertThat(node("servy/pool").strategy()).isEqualTo(Strategy.ONE_FOR_ONE);
    vm.startChild("servy/pool", MainViewModel.newChildSpec("conn", false, RestartType.TRANSIENT));
    vm.runToIdle();
    assertThat(childIds("servy/pool")).containsExactly("conn");
    assertThat(node("servy/pool/conn").spec().restart()).isEqualTo(RestartType.TRANSIENT);
  }

  @Test
  void theScenarioFilesStartChildStepAddsTheNode() {
    vm.open(Path.of("resources/scenarios/all_fields.yaml"));
    assertThat(vm.errorProperty().get()).isEmpty();
    while (vm.scriptRemaining() > 2) { // up to and with start_child root/jobs extra
      vm.runNextScriptStep();
      vm.runToIdle();
    }
    assertThat(childIds("root/jobs")).endsWith("extra");
    assertThat(node("root/jobs/extra").trapsExits()).isTrue(); // from its TrapExitChanged event
    assertThat(node("root/jobs/extra").status()).isEqualTo(NodeStatus.RUNNING);
  }

  @Test
  void aDeletedChildFadesOutThenLeaves() {
    vm.selectedPathProperty().set("servy/services/pledge");
    vm.call("servy/services", new SupervisorRequest.TerminateChild("pledge"));
    vm.call("servy/services", new SupervisorRequest.DeleteChild("pledge"));
    vm.runToIdle();
    ProcessNodeModel pledge = node("servy/services/pledge");
    assertThat(pledge.deleted()).isTrue();
    assertThat(pledge.leaving()).isTrue();
    double start = pledge.presence(vm.tree().nowNanos());
    vm.frame(Pacer.BEAT_NANOS);
    assertThat(pledge.presence(vm.tree().nowNanos())).isLessThan(start);
    long structure = vm.tree().structureVersion();
    letFadesFinish();
    assertThat(vm.tree().node("servy/services/pledge")).isEmpty();
    assertThat(childIds("servy/services")).containsExactly("sensor");
    assertThat(vm.tree().structureVersion()).isGreaterThan(structure);
    assertThat(vm.selectedPathProperty().get()).isNull();
  }

  @Test
  void aTemporaryChildThatEndedLeavesTheTree() {
    vm.startChild(
        "servy/services", MainViewModel.newChildSpec("job", false, RestartType.TEMPORARY));
    vm.runToIdle();
    vm.kaboom("servy/services/job");
    vm.runToIdle();
    assertThat(node("servy/services/job").leaving()).isTrue();
    letFadesFinish();
    assertThat(vm.tree().node("servy/services/job")).isEmpty();
    // the same id can come again: a new node, last in order
    vm.startChild(
        "servy/services", MainViewModel.newChildSpec("job", false, RestartType.TEMPORARY));
    vm.runToIdle();
    assertThat(childIds("servy/services")).containsExactly("pledge", "sensor", "job");
  }

  @Test
  void startingAgainAnIdThatIsStillFadingMakesANewNodeAtTheEnd() {
    vm.call("servy/services", new SupervisorRequest.TerminateChild("pledge"));
    vm.call("servy/services", new SupervisorRequest.DeleteChild("pledge"));
    vm.runToIdle();
    vm.startChild(
        "servy/services", MainViewModel.newChildSpec("pledge", false, RestartType.PERMANENT));
    vm.runToIdle();
    assertThat(childIds("servy/services")).containsExactly("sensor", "pledge");
    assertThat(node("servy/services/pledge").leaving()).isFalse();
    assertThat(node("servy/services/pledge").status()).isEqualTo(NodeStatus.RUNNING);
  }

  @Test
  void aRestartedSupervisorForgetsItsStartedChildren() {
    vm.startChild(
        "servy/services", MainViewModel.newChildSpec("cache", false, RestartType.PERMANENT));
    vm.runToIdle();
    vm.exit("servy/services", "kill");
    vm.runToIdle();
    // OTP: the supervisor's init runs again with its original child specs
    assertThat(node("servy/services/cache").leaving()).isTrue();
    letFadesFinish();
    assertThat(childIds("servy/services")).containsExactly("pledge", "sensor");
    assertThat(node("servy/services/sensor").status()).isEqualTo(NodeStatus.RUNNING);
  }

  @Test
  void registeredNamesAndElixirPidsAreShown() {
    assertThat(node("servy").registeredName()).contains("Servy.Supervisor");
    assertThat(node("servy/kick_starter").registeredName()).contains("Servy.KickStarter");
    assertThat(node("servy/services").registeredName()).contains("Servy.ServicesSupervisor");
    assertThat(node("servy/services/pledge").registeredName()).contains("pledge_server");
    assertThat(node("servy/services/sensor").registeredName()).contains("sensor_server");
    vm.kaboom("servy/services/sensor");
    vm.runToIdle();
    assertThat(node("servy/services/sensor").registeredName()).contains("sensor_server");
    List<InspectorRow> rows = vm.inspect("servy/services/sensor");
    assertThat(value(rows, "inspector.registered")).isEqualTo("sensor_server");
    assertThat(value(rows, "inspector.pid")).matches("#PID<0\\.\\d+\\.0>");
    assertThat(value(rows, "inspector.history")).contains("#PID<0.").contains("kaboom");
    assertThat(value(rows, "inspector.links")).contains("#PID<0.");
    assertThat(vm.logLines()).anyMatch(l -> l.contains("offender: [pid: #PID<0."));
  }

  @Test
  void theInspectorsFlagRowsApplySetFlags() {
    List<InspectorRow> rows = vm.inspect("servy/services");
    InspectorRow strategy =
        rows.stream().filter(r -> r.key().equals(InspectorRow.STRATEGY)).findFirst().orElseThrow();
    assertThat(strategy.editable()).isTrue();
    assertThat(strategy.raw()).isEqualTo(Strategy.ONE_FOR_ONE);
    assertThat(rows)
        .filteredOn(
            r ->
                !r.key().startsWith("inspector.strategy")
                    && !r.key().equals(InspectorRow.INTENSITY)
                    && !r.key().equals(InspectorRow.PERIOD))
        .allMatch(r -> !r.editable());
    assertThat(vm.setFlag("servy/services", InspectorRow.STRATEGY, Strategy.ONE_FOR_ALL)).isTrue();
    vm.runToIdle();
    assertThat(vm.setFlag("servy/services", InspectorRow.INTENSITY, 7)).isTrue();
    vm.runToIdle();
    assertThat(vm.setFlag("servy/services", InspectorRow.PERIOD, 9)).isTrue();
    vm.runToIdle();
    ProcessNodeModel s = node("servy/services");
    assertThat(s.strategy()).isEqualTo(Strategy.ONE_FOR_ALL);
    assertThat(s.intensity()).isEqualTo(7);
    assertThat(s.periodMillis()).isEqualTo(9000);
    // the same value again is no call
    assertThat(vm.setFlag("servy/services", InspectorRow.PERIOD, 9)).isFalse();
  }

  @Test
  void aSupervisorGivingUpIsANotice() {
    for (int i = 0; i < 4; i++) {
      vm.kaboom("servy/services/sensor");
      vm.runToIdle();
    }
    assertThat(vm.notices()).contains(new MainViewModel.Notice("notify.gaveUp", "servy/services"));
  }

  @Test
  void aFileThatDidNotOpenIsANoticeAndAnError(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path bad = dir.resolve("bad.json");
    java.nio.file.Files.writeString(bad, "{\n  \"tree\": {\n");
    assertThat(vm.open(bad)).isFalse();
    assertThat(vm.notices()).contains(new MainViewModel.Notice("notify.openFailed", "bad.json"));
    assertThat(vm.errorProperty().get()).startsWith(bad.toString() + ":");
    assertThat(ScenarioLoader.load(bad)).isInstanceOf(ScenarioLoader.Result.Failed.class);
  }

  private static String value(List<InspectorRow> rows, String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().value();
  }
}
