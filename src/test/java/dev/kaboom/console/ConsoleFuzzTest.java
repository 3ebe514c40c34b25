package dev.kaboom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random lines built from the console's own vocabulary (and broken versions of them) never end the
 * console: each gets a value, an iex error or a request for more input, and the console answers the
 * next line. Seeded; a failure names its seed and line ({@code -Dkaboom.console.seed=N}).
 */
class ConsoleFuzzTest {
  private static final List<String> WORDS =
      List.of(
          "Servy.ServicesSupervisor.start_link()",
          "Servy.Supervisor.start_link()",
          "Servy.KickStarter.start_link()",
          "Servy.PledgeServer.start_link()",
          "Servy.SensorServer.start_link(1)",
          "Servy.PledgeServer.create_pledge(\"a\", 1)",
          "Servy.PledgeServer.recent_pledges()",
          "Servy.PledgeServer.total_pledged()",
          "Servy.SensorServer.get_sensor_data()",
          "Process.whereis(:sensor_server)",
          "Process.whereis(:pledge_server)",
          "Process.whereis(Servy.Supervisor)",
          "Process.exit(",
          "Process.alive?(",
          "Process.info(",
          "Supervisor.which_children(",
          "Supervisor.count_children(",
          "Supervisor.terminate_child(",
          "Supervisor.restart_child(",
          "Supervisor.delete_child(",
          "Supervisor.start_child(",
          "Supervisor.stop(",
          "GenServer.call(",
          "GenServer.stop(",
          "Process.flag(:trap_exit, true)",
          "flush()",
          "self()",
          "send(self(), :hi)",
          "Process.sleep(100)",
          ":kaboom",
          ":kill",
          ":normal",
          "Servy.SensorServer",
          "Servy.PledgeServer",
          "Servy.ServicesSupervisor",
          "x",
          "sup",
          "x =",
          "{:ok, x} =",
          "|>",
          "(",
          ")",
          "{",
          "}",
          "[",
          "]",
          "%{",
          ",",
          "=",
          ";",
          "\"",
          "'",
          "1",
          "-1",
          "nil",
          "true",
          "#PID<0.1.0>",
          "pid(\"0.104.0\")",
          "h",
          "?a",
          "++",
          "<>",
          "==",
          ".",
          "..");

  @Test
  void noLineEndsTheConsole() {
    Long only = Long.getLong("kaboom.console.seed");
    long first = only != null ? only : 1;
    long last = only != null ? only : 60;
    for (long seed = first; seed <= last; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Console console = new Console(ConsoleTest.course());
      for (int n = 0; n < 40; n++) {
        StringBuilder line = new StringBuilder();
        int words = 1 + random.nextInt(6);
        for (int w = 0; w < words; w++) {
          line.append(WORDS.get(random.nextInt(WORDS.size())))
              .append(random.nextInt(3) == 0 ? " " : "");
        }
        String out;
        try {
          out = console.eval(line.toString());
        } catch (RuntimeException | StackOverflowError e) {
          throw new AssertionError("seed " + seed + ", line '" + line + "': " + e, e);
        }
        assertThat(out).as("seed %d, line '%s'", seed, line).doesNotContain("Kaboom.InternalError");
        if (random.nextInt(4) == 0 && console.prompt().startsWith("...")) {
          console.eval(")))}}]]\"");
        }
      }
      assertThat(console.eval("\"\"\n")).isNotNull();
    }
  }
}
