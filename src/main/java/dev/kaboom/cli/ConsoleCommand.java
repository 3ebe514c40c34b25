package dev.kaboom.cli;

import dev.kaboom.console.Console;
import dev.kaboom.scenario.ScenarioLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kaboom console [FILE]}: an iex-like console on the engine. */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = {
      "An iex-like console on the engine. The scenario's registered nodes are modules you can",
      "start (Servy.ServicesSupervisor.start_link()); then Supervisor.which_children(pid),",
      "Process.whereis(:sensor_server) |> Process.exit(:kaboom) and the like run on virtual time.",
      "Reads standard input, so a file of lines can be piped in."
    })
public final class ConsoleCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "the scenario (default: the bundled Servy tree)")
  Path file;

  @Override
  public Integer call() throws Exception {
    ScenarioLoader.Result result =
        file != null
            ? ScenarioLoader.load(file)
            : ScenarioLoader.parse(
                "servy.json",
                new String(
                    ConsoleCommand.class
                        .getResourceAsStream("/scenarios/servy.json")
                        .readAllBytes(),
                    StandardCharsets.UTF_8));
    if (result instanceof ScenarioLoader.Result.Failed f) {
      System.err.println("kaboom console: " + f.error());
      return 2;
    }
    Console console = new Console(((ScenarioLoader.Result.Loaded) result).scenario());
    console.run(
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        System.out,
        System.console() == null);
    return 0;
  }
}
