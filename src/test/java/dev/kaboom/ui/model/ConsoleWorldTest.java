package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.console.Console;
import dev.kaboom.run.Recording;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.ui.sim.Pacer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lesson's world in the view model (an empty start, iex lines typed): the kick starter's HTTP
 * server is drawn under it as the linked, unsupervised process it is; the log calls registered
 * processes by their names, as iex's reports do; and the console's output is paced with the
 * picture: the servers' printed lines as the tree reaches them, a line's value after everything it
 * set off. Virtual time and frames only, no window.
 */
class ConsoleWorldTest {
  private MainViewModel vm;

  static Scenario course() throws IOException {
    try (InputStream in =
        ConsoleWorldTest.class.getResourceAsStream("/scenarios/servy-course.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ((ScenarioLoader.Result.Loaded) ScenarioLoader.parse("servy-course.json", text))
          .scenario();
    }
  }

  @BeforeEach
  void open() throws IOException {
    vm = new MainViewModel();
    vm.loadEmpty(course());
    vm.runToIdle();
  }

  /** A typed line, as the console pane runs it. */
  private void type(String line) {
    assertThat(vm.consoleLine(line)).isPresent();
  }

  /** What the console pane shows now (after the banner). */
  private String shown() {
    Console c = vm.consoleProperty().get();
    String t = c.transcript();
    return t.substring(Console.BANNER.length() + 1, vm.consoleShownLength(t.length()));
  }

  @Test
  void theKickStartersHttpServerIsDrawnUnderItAsALinkedUnsupervisedProcess() {
    type("Servy.Supervisor.start_link()");
    vm.runToIdle();
    ProcessNodeModel kick = vm.tree().node("iex/Servy.Supervisor/Servy.KickStarter").orElseThrow();
    ProcessNodeModel http = vm.tree().node(kick.path() + "/http_server").orElseThrow();
    assertThat(http.parent()).contains(kick);
    assertThat(http.status()).isEqualTo(NodeStatus.RUNNING);
    assertThat(http.linkedOnly()).isTrue();
    assertThat(http.registeredName()).contains("http_server");
    assertThat(kick.linkedOnly()).isFalse(); // supervised
    assertThat(vm.tree().node("iex/Servy.Supervisor").orElseThrow().linkedOnly()).isFalse();
    // the kick starter starts a new one when it dies: the same box, a new pid
    var before = http.pid().orElseThrow();
    type("Process.whereis(:http_server) |> Process.exit(:kaboom)");
    vm.runToIdle();
    assertThat(http.pid().orElseThrow()).isNotEqualTo(before);
    assertThat(http.status()).isEqualTo(NodeStatus.RUNNING);
    assertThat(vm.consoleProperty().get().transcript())
        .contains("HttpServer exited (:kaboom)\nStarting the HTTP server...");
  }

  @Test
  void theShellHasIexsPidsAndTheNarrationNamesItTheIexShell() {
    // iex 1.14: the shell is #PID<0.106.0>, what the first line starts #PID<0.108.0> (as in the
    // terminal's console)
    assertThat(vm.consoleProperty().get().shellPid().toString()).isEqualTo("#PID<0.106.0>");
    type("{:ok, sup} = Servy.ServicesSupervisor.start_link()");
    vm.runToIdle();
    assertThat(shown()).contains("{:ok, #PID<0.108.0>}");
    assertThat(vm.narration().captions().stream().map(vm.narration()::render))
        .anyMatch(
            l ->
                l.startsWith(
                    "Servy.ServicesSupervisor is started with start_link from the iex shell"))
        .noneMatch(l -> l.contains("outside the tree"));
  }

  @Test
  void theLogCallsRegisteredProcessesByName() {
    type("Servy.Supervisor.start_link()");
    vm.runToIdle();
    type("Process.whereis(:pledge_server) |> Process.exit(:kaboom)");
    vm.runToIdle();
    assertThat(vm.logLines())
        .anyMatch(
            l ->
                l.contains("=SUPERVISOR REPORT==== supervisor: Servy.ServicesSupervisor")
                    && l.contains("child_terminated reason: kaboom"))
        .anyMatch(l -> l.contains("=CRASH REPORT==== process: :pledge_server"))
        .anyMatch(l -> l.contains("=PROGRESS REPORT==== supervisor: Servy.Supervisor started"))
        .noneMatch(l -> l.contains("supervisor: iex/"));
  }

  @Test
  void aShellKilledBetweenLinesSaysSoAtOnceAndTheNextLineRunsInANewShell() {
    type("x = 1");
    type("Servy.Supervisor.start_link()");
    vm.runToIdle();
    Console c = vm.consoleProperty().get();
    String old = c.shellPid().toString();
    // a kill from the tree (no typed line): the shell is linked to the supervisor and dies too
    assertThat(vm.exit("iex/Servy.Supervisor", "kill")).isTrue();
    vm.runToIdle();
    assertThat(shown())
        .endsWith(
            "** (EXIT from "
                + old
                + ") shell process exited with reason: killed\n\n"
                + Console.BANNER
                + "\n");
    assertThat(vm.consolePrompt()).isEqualTo("iex(1)> ");
    // the next line runs in a new shell, without the old bindings
    type("x");
    vm.runToIdle(); // the picture takes in the new shell's start
    assertThat(shown()).contains("iex(1)> x\n").contains("** (CompileError)");
    type("self()");
    vm.runToIdle();
    assertThat(shown()).contains("iex(1)> self()\n#PID<0.");
    assertThat(c.shellPid().toString()).isNotEqualTo(old);
    assertThat(shown()).doesNotContain("iex(1)> self()\n" + old);
  }

  @Test
  void theConsolesOutputIsPacedWithThePicture() {
    type("Servy.Supervisor.start_link()");
    type("Process.alive?(Process.whereis(:http_server))"); // typed at once, as a lesson's button
    // only the first line yet: the picture has not shown the start
    assertThat(shown()).isEqualTo("iex(1)> Servy.Supervisor.start_link()\n");
    assertThat(vm.consoleOutputPending()).isTrue();
    // beat by beat: the servers' lines come as their boxes appear, the value last
    int beats = 0;
    String firstSeen = null;
    while (vm.consoleOutputPending() && beats < 200) {
      vm.frame(Pacer.BEAT_NANOS);
      beats++;
      String now = shown();
      if (firstSeen == null && now.contains("Starting")) {
        firstSeen = now;
      }
    }
    assertThat(beats).isGreaterThan(3);
    assertThat(firstSeen)
        .startsWith("iex(1)> Servy.Supervisor.start_link()\nStarting THE supervisor...\n")
        .doesNotContain("{:ok, #PID<");
    String all = shown();
    assertThat(all)
        .containsSubsequence(
            "iex(1)> Servy.Supervisor.start_link()",
            "Starting THE supervisor...",
            "Starting the kickstarter...",
            "Starting the HTTP server...",
            "Starting the services supervisor...",
            "Starting the pledge server...",
            "{:ok, #PID<",
            "iex(2)> Process.alive?(Process.whereis(:http_server))\ntrue\n");
    // a line that sets nothing off answers at once
    type("1 + 1");
    assertThat(shown()).endsWith("iex(3)> 1 + 1\n2\n");
  }

  @Test
  void aReplayShowsWhatWasPrintedBetweenTwoLinesWhereItHappened() {
    type("Servy.ServicesSupervisor.start_link()");
    vm.runToIdle();
    // a click kills the sensor server: its supervisor restarts it between two typed lines
    assertThat(vm.exit("iex/Servy.ServicesSupervisor/Servy.SensorServer", "kaboom")).isTrue();
    vm.runToIdle();
    assertThat(shown())
        .endsWith("Starting the sensor server with 60...\nRunning tasks to get sensor data...\n");
    // the next line's answer is its own, not the restart's lines again
    assertThat(vm.consoleLine("1 + 1")).contains("2\n");
    vm.runToIdle();
    assertThat(shown().substring(shown().indexOf("{:ok")))
        .containsOnlyOnce("Starting the sensor server with 60...\nRunning");
    // the replay shows the restart's lines after the click, and the next line answers 2 alone
    List<String> replayed = new ArrayList<>();
    Recording.replay(vm.currentRun().orElseThrow(), replayed::add);
    String trace = String.join("\n", replayed);
    assertThat(trace)
        .containsSubsequence(
            "> exit iex/Servy.ServicesSupervisor/Servy.SensorServer kaboom",
            "| Starting the sensor server with 60...",
            "| Running tasks to get sensor data...",
            "> iex 1 + 1\n| 2");
  }

  @Test
  void theTranscriptKeepsAScrollbacksLinesAndLooksBackInWhatItKept() {
    type("x = 0");
    vm.runToIdle();
    Console c = vm.consoleProperty().get();
    int lines = Console.SCROLLBACK_LINES;
    for (int i = 1; i <= lines; i++) {
      type("x = " + i);
    }
    vm.runToIdle();
    // each line is two (the prompt with the line, the value): the oldest were dropped
    assertThat(c.transcriptStart()).isPositive();
    assertThat(c.transcript().lines().count()).isBetween((long) lines, (long) lines * 5 / 4);
    assertThat(c.transcriptLength()).isEqualTo(c.transcriptStart() + c.transcript().length());
    assertThat(c.transcript())
        .endsWith("iex(" + (lines + 1) + ")> x = " + lines + "\n" + lines + "\n");
    assertThat(c.transcriptFrom(0)).isEqualTo(c.transcript());
    // the transcript as of an earlier moment still ends where it ended then
    long events = c.simulation().eventCount();
    assertThat(c.transcriptLengthAt(events)).isEqualTo(c.transcriptLength());
    assertThat(c.promptAt(events)).isEqualTo("iex(" + (lines + 2) + ")> ");
  }
}
