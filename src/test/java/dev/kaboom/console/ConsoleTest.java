package dev.kaboom.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The course chapter's iex session, line by line, on the bundled Servy tree. */
class ConsoleTest {
  private final Console console = new Console(servy());

  private static Scenario servy() {
    return ((ScenarioLoader.Result.Loaded) ScenarioLoader.load(Path.of("resources/scenarios/servy.json")))
        .scenario();
  }

  @Test
  void theCourseSessionRunsLineByLine() {
    assertThat(console.eval("{:ok, sup_pid} = Servy.ServicesSupervisor.start_link()"))
        .contains("started  servy/services/pledge", "started  servy/services/sensor")
        .endsWith("{:ok, #PID<0.102.0>}\n");
    assertThat(console.eval("Supervisor.which_children(sup_pid)"))
        .isEqualTo(
            "[{:sensor, #PID<0.104.0>, :worker, []}, {:pledge, #PID<0.103.0>, :worker, []}]\n");
    assertThat(console.eval("Supervisor.count_children(sup_pid)"))
        .isEqualTo("%{active: 2, specs: 2, supervisors: 0, workers: 2}\n");
    assertThat(console.eval("Process.whereis(:sensor_server) |> Process.exit(:kaboom)"))
        .isEqualTo(
            "  exited   servy/services/sensor #PID<0.104.0> :kaboom\n"
                + "  started  servy/services/sensor #PID<0.105.0>\n"
                + "true\n");
    assertThat(console.eval("pid = Process.whereis(Servy.ServicesSupervisor)"))
        .isEqualTo("#PID<0.102.0>\n");
    // the shell started it, so the shell is linked to it: as in iex, the shell hears the kill
    assertThat(console.eval("Process.exit(pid, :kill)"))
        .contains(
            "exited   servy/services #PID<0.102.0> :killed",
            "** (EXIT from #PID<0.102.0>) shell process exited with reason: :killed")
        .endsWith("true\n");
    assertThat(console.eval("Process.alive?(pid)")).isEqualTo("false\n");
  }

  @Test
  void underTheTopSupervisorAKilledServicesSupervisorComesBack() {
    console.eval("Servy.Supervisor.start_link()");
    String out = console.eval("Process.whereis(Servy.ServicesSupervisor) |> Process.exit(:kill)");
    assertThat(out)
        .contains("exited   servy/services #PID<0.104.0> :killed", "started  servy/services #PID<");
    assertThat(console.eval("Supervisor.count_children(Servy.Supervisor)"))
        .isEqualTo("%{active: 2, specs: 2, supervisors: 1, workers: 1}\n");
  }

  @Test
  void badLinesSayWhatAndWhereAndTheConsoleGoesOn() {
    assertThat(console.eval("Foo.bar(1)"))
        .startsWith("** (UndefinedFunctionError) iex:1:1: function Foo.bar/1 is undefined");
    assertThat(console.eval("Process.exit(:x, )"))
        .isEqualTo("** (SyntaxError) iex:2:18: unexpected token ')'\n");
    assertThat(console.eval("Process.exit(Process.whereis(:nobody), :kaboom)"))
        .contains("must be a pid, got nil (nothing is registered under that name)");
    assertThat(console.eval("Supervisor.which_children(Servy.Supervisor)"))
        .startsWith("** (exit) exited in: Supervisor.which_children(Servy.Supervisor)")
        .contains("no process");
    assertThat(console.eval("Nope.start_link()"))
        .contains("module Nope is not in this scenario; its modules are Servy.Supervisor");
    assertThat(console.eval("{:ok, x} = Process.whereis(:nobody)"))
        .isEqualTo("** (MatchError) no match of right hand side value: nil\n");
    assertThat(console.eval("1 + 2")).startsWith("** (SyntaxError) iex:7:3:");
    assertThat(console.prompt()).isEqualTo("iex(8)> ");
  }

  @Test
  void aPipedSessionEchoesItsLinesAndStopsAtEndOfInput() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    console.run(
        new BufferedReader(new StringReader("Servy.Supervisor.start_link\ntree\n")),
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        true);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("iex(1)> Servy.Supervisor.start_link\n")
        .contains("{:ok, #PID<0.102.0>}")
        .contains("iex(2)> tree\n", "servy #PID<0.102.0> Servy.Supervisor", "    sensor #PID<0.106.0> :sensor_server");
  }
}
