package dev.kaboom.cli;

import dev.kaboom.explain.TraceExplainer;
import dev.kaboom.run.Recording;
import dev.kaboom.run.Run;
import dev.kaboom.run.RunFile;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.scenario.TraceRunner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kaboom trace FILE}: runs a scenario on virtual time and prints its conformance trace. */
@Command(name = "trace", mixinStandardHelpOptions = true)
public final class TraceCommand implements Callable<Integer> {
  @Parameters(descriptionKey = "file", index = "0", paramLabel = "FILE")
  Path file;

  @Option(names = "--record", paramLabel = "RUN")
  Path record;

  /** The runaway bound on process turns per step (hidden: tests lower it). */
  @Option(names = "--max-turns", hidden = true)
  long maxTurns = dev.kaboom.engine.VirtualScheduler.MAX_TURNS_PER_STEP;

  @picocli.CommandLine.Mixin ExplainOptions explanation = new ExplainOptions();

  /** True when {@code a} and {@code b} name the same file (through links and ./ too). */
  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(b) ? Files.isSameFile(a, b) : a.toAbsolutePath().normalize().equals(b);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Integer call() {
    if (RunFile.isRun(file)) {
      if (record != null) {
        CliText.error("trace", "trace.alreadyRun", file);
        return 2;
      }
      ReplayCommand replay = new ReplayCommand();
      replay.file = file;
      replay.command = "trace";
      replay.explanation = explanation;
      return replay.call();
    }
    if (record != null && sameFile(file, record)) {
      // (it would write the run over the scenario it runs)
      String name = file.getFileName().toString().replaceFirst("\\.(json|ya?ml)$", "");
      CliText.error("trace", "trace.recordOverScenario", record, name + "-run.json");
      return 2;
    }
    var result = ScenarioLoader.load(file);
    if (result instanceof ScenarioLoader.Result.Failed f) {
      System.err.println("kaboom trace: " + f.error().toString(Main.errorLocale()));
      return 2;
    }
    if (record != null && !CliText.writable("trace", record)) {
      return 1; // (said before the trace runs: nothing is printed for nothing)
    }
    var scenario = ((ScenarioLoader.Result.Loaded) result).scenario();
    if (explanation.problem("trace").isPresent()) {
      System.err.println(explanation.problem("trace").get());
      return 2;
    }
    TraceExplainer explainer = explanation.explainerOrNull();
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    try {
      if (record == null) {
        TraceRunner.run(scenario, line -> out.append(line).append('\n'), maxTurns, explainer);
      } else {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Run run =
            Recording.record(
                file.getFileName().toString(),
                text,
                scenario,
                1L,
                line -> out.append(line).append('\n'));
        RunFile.write(run, record);
      }
    } catch (IOException e) {
      out.flush();
      CliText.error(
          "trace", "write.failed", record, dev.kaboom.scenario.ErrorText.unwritableReason(e));
      return 1;
    } catch (UncheckedIOException e) {
      return 1;
    } catch (dev.kaboom.engine.RunawayException e) {
      out.flush();
      CliText.error("trace", "line", file, CliText.runaway(e));
      return 3;
    } finally {
      out.flush();
    }
    return 0;
  }
}
