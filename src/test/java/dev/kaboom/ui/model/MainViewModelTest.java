package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Strategy;
import dev.kaboom.otp.SupervisorRequest;
import dev.kaboom.scenario.TreeNode;
import dev.kaboom.ui.MainWindow;
import dev.kaboom.ui.sim.Pacer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's logic without a window: given Servy, when the user acts, then the tree shows it. */
class MainViewModelTest extends OnServy {
  @Test
  void servyStartsUpAtOnce() {
    assertThat(vm.tree().size()).isEqualTo(5);
    for (ProcessNodeModel n : vm.tree().nodes()) {
      assertThat(n.status()).as(n.path()).isEqualTo(NodeStatus.RUNNING);
      assertThat(n.restartCount()).isZero();
    }
    assertThat(vm.logLines()).first().isEqualTo("> start_link servy");
  }

  @Test
  void kaboomUnderOneForOneRestartsOnlyTheSensor() {
    Pid sensor = pid("servy/services/sensor");
    Pid pledge = pid("servy/services/pledge");
    vm.kaboom("servy/services/sensor");
    vm.runToIdle();
    assertThat(pid("servy/services/sensor")).isNotEqualTo(sensor);
    assertThat(pid("servy/services/pledge")).isEqualTo(pledge);
    assertThat(node("servy/services/sensor").restartCount()).isEqualTo(1);
    assertThat(node("servy/services").restartsInWindow()).isEqualTo(1);
    assertThat(vm.logLines())
        .anyMatch(
            l ->
                l.contains(
                    "=SUPERVISOR REPORT==== supervisor: Servy.ServicesSupervisor errorContext: "
                        + "child_terminated reason: kaboom"));
    RestartRecord r = node("servy/services/sensor").history().get(0);
    assertThat(r.oldPid()).isEqualTo(sensor);
    assertThat(r.reason()).isEqualTo("kaboom");
  }

  /** Statuses of pledge and sensor after each frame of one beat, until the engine is idle. */
  private List<String> animate() {
    List<String> frames = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      vm.frame(Pacer.BEAT_NANOS);
      String f =
          node("servy/services/pledge").status() + "/" + node("servy/services/sensor").status();
      if (frames.isEmpty() || !frames.get(frames.size() - 1).equals(f)) {
        frames.add(f);
      }
      if (vm.session().orElseThrow().scheduler().isQuiescent()
          && !vm.pacer().isWaiting()
          && vm.behindEvents() == 0) {
        break;
      }
    }
    return frames;
  }

  @Test
  void oneForAllAnimatesOneVisibleStepAtATime() {
    vm.setFlags("servy/services", Strategy.ONE_FOR_ALL, 3, 5);
    vm.runToIdle();
    assertThat(node("servy/services").strategy()).isEqualTo(Strategy.ONE_FOR_ALL);
    Pid pledge = pid("servy/services/pledge");
    vm.kaboom("servy/services/sensor");
    List<String> frames = animate();
    assertThat(frames)
        .containsSubsequence(
            "RUNNING/CRASHED", // the sensor dies first
            "RUNNING/RESTARTING", // the supervisor decided (badge lit)
            "STOPPED/RESTARTING", // pledge is stopped
            "RUNNING/RESTARTING", // pledge starts again first...
            "RUNNING/RUNNING"); // ...then the sensor
    assertThat(pid("servy/services/pledge")).isNotEqualTo(pledge);
    int pledgeStart = indexOf("started: [pid:", "id: pledge] (restart)");
    int sensorStart = indexOf("started: [pid:", "id: sensor] (restart)");
    assertThat(pledgeStart).isPositive().isLessThan(sensorStart);
  }

  private int indexOf(String a, String b) {
    for (int i = 0; i < vm.logLines().size(); i++) {
      if (vm.logLines().get(i).contains(a) && vm.logLines().get(i).contains(b)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void theStrategyBadgeLightsAndFades() {
    vm.kaboom("servy/services/sensor");
    boolean lit = false;
    for (int i = 0; i < 20 && !lit; i++) {
      vm.frame(Pacer.BEAT_NANOS);
      lit = node("servy/services").badgeLit(vm.tree().nowNanos());
    }
    assertThat(lit).isTrue();
    for (int i = 0; i < 40; i++) {
      vm.frame(Pacer.BEAT_NANOS);
    }
    assertThat(node("servy/services").badgeLit(vm.tree().nowNanos())).isFalse();
  }

  @Test
  void pausedNothingMovesButStepShowsOneVisibleEvent() {
    vm.pausedProperty().set(true);
    Pid sensor = pid("servy/services/sensor");
    vm.kaboom("servy/services/sensor");
    vm.frame(Pacer.BEAT_NANOS);
    vm.frame(Pacer.BEAT_NANOS);
    assertThat(node("servy/services/sensor").status()).isEqualTo(NodeStatus.RUNNING);
    vm.step();
    assertThat(node("servy/services/sensor").status()).isEqualTo(NodeStatus.CRASHED);
    assertThat(pid("servy/services/sensor")).isEqualTo(sensor);
    for (int i = 0; i < 10; i++) {
      vm.step();
    }
    assertThat(node("servy/services/sensor").status()).isEqualTo(NodeStatus.RUNNING);
    assertThat(pid("servy/services/sensor")).isNotEqualTo(sensor);
  }

  @Test
  void speedStepsThroughPresetsAndClamps() {
    assertThat(vm.speedProperty().get()).isEqualTo(1.0);
    vm.changeSpeed(+1);
    assertThat(vm.speedProperty().get()).isEqualTo(2.0);
    vm.changeSpeed(+1);
    vm.changeSpeed(+1);
    assertThat(vm.speedProperty().get()).isEqualTo(4.0);
    for (int i = 0; i < 9; i++) {
      vm.changeSpeed(-1);
    }
    assertThat(vm.speedProperty().get()).isEqualTo(0.1);
    assertThat(vm.pacer().speed()).isEqualTo(0.1);
  }

  @Test
  void kaboomOnASupervisorIsTrappedAndNothingDies() {
    List<Pid> before = vm.tree().nodes().stream().map(n -> n.pid().orElseThrow()).toList();
    vm.kaboom("servy/services");
    vm.runToIdle();
    assertThat(vm.tree().nodes().stream().map(n -> n.pid().orElseThrow()).toList())
        .isEqualTo(before);
    assertThat(vm.logLines())
        .anyMatch(l -> l.contains("Servy.ServicesSupervisor traps exit signal kaboom"));
  }

  @Test
  void killOnServicesRestartsItsSubtree() {
    Pid services = pid("servy/services");
    Pid kick = pid("servy/kick_starter");
    Pid pledge = pid("servy/services/pledge");
    vm.exit("servy/services", "kill");
    vm.runToIdle();
    assertThat(pid("servy/services")).isNotEqualTo(services);
    assertThat(pid("servy/services/pledge")).isNotEqualTo(pledge);
    assertThat(pid("servy/kick_starter")).isEqualTo(kick);
    assertThat(node("servy").restartsInWindow()).isEqualTo(1);
    assertThat(node("servy/services").history().get(0).reason()).isEqualTo("killed");
  }

  @Test
  void restartIntensityRunsOutAndEscalates() {
    ResourceBundle en = MainWindow.bundle(Locale.ENGLISH);
    for (int i = 1; i <= 3; i++) {
      vm.kaboom("servy/services/sensor");
      vm.runToIdle();
      assertThat(dev.kaboom.ui.view.ProcessNodeView.meterText(en, node("servy/services")))
          .isEqualTo(i + " of 3 restarts in 5 s");
    }
    Pid services = pid("servy/services");
    vm.kaboom("servy/services/sensor");
    vm.runToIdle();
    assertThat(vm.logLines())
        .anyMatch(
            l ->
                l.contains(
                    "supervisor: Servy.ServicesSupervisor errorContext: shutdown "
                        + "reason: reached_max_restart_intensity"));
    assertThat(pid("servy/services")).isNotEqualTo(services); // servy restarted it
    assertThat(node("servy").restartsInWindow()).isEqualTo(1);
    assertThat(node("servy/services").restartsInWindow()).isZero();
  }

  @Test
  void theRestartWindowAgesWithVirtualTime() {
    vm.kaboom("servy/services/sensor");
    vm.runToIdle();
    assertThat(node("servy/services").restartsInWindow()).isEqualTo(1);
    for (int i = 0; i < 60; i++) {
      vm.frame(100_000_000L); // 6 s of idle frames at 1x
    }
    assertThat(node("servy/services").restartsInWindow()).isZero();
  }

  @Test
  void supervisorApiRepliesGoToTheLog() {
    vm.call("servy/services", new SupervisorRequest.CountChildren());
    vm.call("servy/services", new SupervisorRequest.WhichChildren());
    vm.runToIdle();
    assertThat(vm.logLines()).anyMatch(l -> l.startsWith("= ") && l.contains("specs"));
    assertThat(vm.logLines()).anyMatch(l -> l.startsWith("= [{sensor,#PID<0."));
    vm.call("servy/services", new SupervisorRequest.TerminateChild("pledge"));
    vm.runToIdle();
    assertThat(node("servy/services/pledge").status()).isEqualTo(NodeStatus.STOPPED);
    vm.call("servy/services", new SupervisorRequest.RestartChild("pledge"));
    vm.runToIdle();
    assertThat(node("servy/services/pledge").status()).isEqualTo(NodeStatus.RUNNING);
    vm.call("servy/services", new SupervisorRequest.TerminateChild("pledge"));
    vm.call("servy/services", new SupervisorRequest.DeleteChild("pledge"));
    vm.runToIdle();
    assertThat(node("servy/services/pledge").deleted()).isTrue();
  }

  @Test
  void aWorkerStoppingItselfNormallyIsStillRestartedWhenPermanent() {
    Pid pledge = pid("servy/services/pledge");
    vm.stop("servy/services/pledge", "normal");
    vm.runToIdle();
    assertThat(pid("servy/services/pledge")).isNotEqualTo(pledge);
    assertThat(node("servy/services/pledge").history().get(0).reason()).isEqualTo("normal");
  }

  @Test
  void theInspectorShowsTheProcess() {
    List<InspectorRow> rows = vm.inspect("servy/services/sensor");
    assertThat(rows)
        .extracting(InspectorRow::key)
        .contains(
            "inspector.pid",
            "inspector.status",
            "inspector.restart",
            "inspector.shutdown",
            "inspector.links",
            "inspector.monitors",
            "inspector.mailbox",
            "inspector.history");
    assertThat(value(rows, "inspector.restart")).isEqualTo("permanent");
    assertThat(value(rows, "inspector.shutdown")).isEqualTo("5000");
    assertThat(value(rows, "inspector.links")).contains("servy/services");
    assertThat(value(rows, "inspector.mailbox")).isEqualTo("0");
  }

  private static String value(List<InspectorRow> rows, String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().value();
  }

  @Test
  void aMalformedFileShowsWhereAndKeepsTheTree(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\n  \"tree\": {\n    \"id\": 42\n  }\n}\n");
    TreeModel before = vm.tree();
    assertThat(vm.open(bad)).isFalse();
    assertThat(vm.errorProperty().get()).startsWith(bad + ":3:");
    assertThat(vm.tree()).isSameAs(before);
  }

  @Test
  void theScenarioStepsRunOneByOne() {
    int total = vm.scriptRemaining();
    assertThat(total).isEqualTo(7);
    Pid sensor = pid("servy/services/sensor");
    for (int i = 0; i < 3; i++) {
      vm.runNextScriptStep();
      vm.runToIdle();
    }
    assertThat(pid("servy/services/sensor")).isNotEqualTo(sensor);
    assertThat(vm.scriptRemaining()).isEqualTo(4);
  }

  @Test
  void resetStartsAgainWithFreshState() {
    vm.kaboom("servy/services/sensor");
    vm.runToIdle();
    vm.reset();
    assertThat(node("servy/services/sensor").restartCount()).isZero();
    assertThat(node("servy/services").restartsInWindow()).isZero();
  }

  @Test
  void aTwoThousandNodeTreeRunsAndRestarts() {
    List<TreeNode> sups = new ArrayList<>();
    for (int s = 0; s < 20; s++) {
      List<TreeNode> workers = new ArrayList<>();
      for (int w = 0; w < 100; w++) {
        workers.add(TreeNode.worker("w" + w));
      }
      sups.add(TreeNode.supervisor("s" + s, Strategy.ONE_FOR_ALL, workers));
    }
    TreeNode root = TreeNode.supervisor("big", Strategy.ONE_FOR_ONE, sups);
    vm.load(new dev.kaboom.scenario.Scenario("big", "", root, List.of()), null);
    vm.kaboom("big/s3/w50");
    vm.runToIdle();
    assertThat(vm.tree().size()).isEqualTo(2021);
    assertThat(node("big/s3/w0").restartCount()).isEqualTo(1);
    assertThat(node("big/s4/w0").restartCount()).isZero();
  }

  @Test
  void theLogsOwnWordsFollowTheLanguageAndTheReportsStayAsOtpPrintsThem() {
    vm.narration().localeProperty().set(Locale.KOREAN);
    vm.kaboom("servy/services/sensor");
    vm.runToIdle();
    vm.exit("servy/nobody", "kaboom");
    vm.runToIdle();
    assertThat(vm.logLines()).anyMatch(l -> l.contains("Servy.ServicesSupervisor: 5초 안에 1/3번 재시작"));
    assertThat(vm.logLines()).anyMatch(l -> l.contains("= noproc (servy/nobody 자리에"));
    assertThat(vm.logLines()).anyMatch(l -> l.contains("=SUPERVISOR REPORT===="));
    int at = -1;
    for (int i = 0; i < vm.logLines().size(); i++) {
      if (vm.logLines().get(i).contains("1/3번 재시작")) {
        at = i;
      }
    }
    vm.narration().localeProperty().set(Locale.ENGLISH);
    assertThat(vm.logLines().get(at)).endsWith("Servy.ServicesSupervisor: 1 of 3 restarts in 5 s");
    assertThat(vm.logLines()).anyMatch(l -> l.equals("= noproc (servy/nobody is not running)"));
  }
}
