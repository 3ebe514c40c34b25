package dev.kaboom.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.fuzz.Fuzz;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The console's parser and evaluator on generated lines: every line ends within a second with a
 * value or an Elixir-style error ({@link ConsoleError}), never another exception or a hang. How
 * many lines: {@code -Dkaboom.fuzz.tries=N} (see {@link Fuzz}).
 */
class ConsoleFuzzProperties {
  /** Lines of the course session and the console's vocabulary (README, The console). */
  static final List<String> GOOD_LINES =
      List.of(
          "{:ok, sup_pid} = Servy.ServicesSupervisor.start_link()",
          "Supervisor.which_children(sup_pid)",
          "Supervisor.count_children(sup_pid)",
          "Process.whereis(:sensor_server) |> Process.exit(:kaboom)",
          "pid = Process.whereis(Servy.ServicesSupervisor)",
          "Process.exit(pid, :kill)",
          "Process.alive?(pid(\"0.105.0\"))",
          "Process.info(#PID<0.102.0>)",
          "Supervisor.terminate_child(Servy.ServicesSupervisor, :sensor)",
          "Supervisor.restart_child(Servy.ServicesSupervisor, :sensor)",
          "Supervisor.delete_child(Servy.ServicesSupervisor, :sensor)",
          "Servy.Supervisor.start_link()",
          ":timer.sleep(5000)",
          "Process.sleep(100)",
          "[1, 2, {:a, \"b\"}, [3]]",
          "x = {:ok, [1, 2, 3]}",
          "self() |> Process.alive?()",
          "flush",
          "tree",
          "h");

  private static final List<String> TOKENS =
      List.of(
          "(",
          ")",
          "{",
          "}",
          "[",
          "]",
          ",",
          "|>",
          "=",
          " ",
          ":ok",
          ":kaboom",
          ":",
          "\"",
          "\"x\"",
          "#PID<",
          "0.105.0",
          ">",
          "Process.exit",
          "Process.whereis",
          "Supervisor.which_children",
          "Servy.ServicesSupervisor",
          "start_link",
          ".",
          "pid",
          "self",
          "x",
          "_",
          "1",
          "-1",
          "%{",
          "&",
          "fn",
          "->",
          "end",
          "do",
          "\\",
          "'",
          "@",
          "#",
          "\n",
          "\t",
          "9".repeat(30));

  private Console console;

  @BeforeProperty
  void servy() {
    Scenario s =
        ((ScenarioLoader.Result.Loaded)
                ScenarioLoader.load(Path.of("resources/scenarios/servy.json")))
            .scenario();
    console = new Console(s);
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> good = Arbitraries.of(GOOD_LINES);
    Arbitrary<String> core = Arbitraries.oneOf(good, Arbitraries.of("1", ":a", "self()", ""));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, good),
        net.jqwik.api.Tuple.of(5, Fuzz.truncated(good)),
        net.jqwik.api.Tuple.of(5, Fuzz.mutated(good, Arbitraries.of(TOKENS))),
        net.jqwik.api.Tuple.of(
            5, Arbitraries.of(TOKENS).list().ofMaxSize(30).map(l -> String.join("", l))),
        net.jqwik.api.Tuple.of(2, Fuzz.nested("(", ")", core, 5000)),
        net.jqwik.api.Tuple.of(2, Fuzz.nested("{", "}", core, 5000)),
        net.jqwik.api.Tuple.of(2, Fuzz.nested("[", "]", core, 5000)),
        net.jqwik.api.Tuple.of(2, Fuzz.nested("Process.alive?(", ")", core, 3000)),
        net.jqwik.api.Tuple.of(2, Fuzz.nested("x = ", "", core, 3000)),
        net.jqwik.api.Tuple.of(2, Fuzz.nested("1 |> ", "", Arbitraries.of("self()"), 3000)),
        net.jqwik.api.Tuple.of(
            3,
            Combinators.combine(
                    Fuzz.hugeNumbers(),
                    Arbitraries.of(
                        "%s",
                        ":timer.sleep(%s)",
                        "Process.sleep(%s)",
                        "pid(\"0.%s.0\")",
                        "#PID<0.%s.0>",
                        "{%s}"))
                .as((n, template) -> template.formatted(n))),
        net.jqwik.api.Tuple.of(4, Fuzz.garbage(200)));
  }

  @Property(seed = "16")
  void theParserGivesAnExpressionOrASyntaxError(@ForAll("lines") String line) {
    Fuzz.endsWithinASecond(
        line,
        () -> {
          try {
            return Parser.parse(line);
          } catch (Parser.Incomplete e) {
            return null; // iex would wait for the rest of the expression
          } catch (ConsoleError e) {
            assertThat(e.render(1)).startsWith("** (");
            return null;
          }
        });
  }

  @Property(seed = "16")
  void everyLineGivesAValueOrAnError(@ForAll("lines") String line) {
    String out = Fuzz.endsWithinASecond(line, () -> console.eval(line));
    assertThat(out).isNotNull();
  }
}
