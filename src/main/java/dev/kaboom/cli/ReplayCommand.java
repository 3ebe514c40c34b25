package dev.kaboom.cli;

import dev.kaboom.engine.Pid;
import dev.kaboom.run.Recording;
import dev.kaboom.run.Run;
import dev.kaboom.run.RunCursor;
import dev.kaboom.run.RunFile;
import dev.kaboom.run.TraceDigest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kaboom replay RUN [--at N,... --tree]}: replays a recorded run. */
@Command(name = "replay", mixinStandardHelpOptions = true)
public final class ReplayCommand implements Callable<Integer> {
  @Parameters(descriptionKey = "file", index = "0", paramLabel = "RUN")
  Path file;

  @Option(names = "--at", split = ",", paramLabel = "N")
  List<String> at;

  @Option(names = "--tree")
  boolean tree;

  @picocli.CommandLine.Mixin ExplainOptions explanation = new ExplainOptions();

  /** The command the user typed: replay, or trace (given a run file). */
  String command = "replay";

  @Override
  public Integer call() {
    if (!RunFile.isRun(file)
        && dev.kaboom.scenario.ScenarioLoader.load(file)
            instanceof dev.kaboom.scenario.ScenarioLoader.Result.Loaded) {
      CliText.error(command, "replay.scenario", file);
      return 2;
    }
    var result = RunFile.read(file);
    if (result instanceof RunFile.Result.Damaged d) {
      System.err.println("kaboom " + command + ": " + d.message(Main.errorLocale()));
      return 2;
    }
    Run run = ((RunFile.Result.Loaded) result).run();
    if (explanation.problem(command).isPresent()) {
      System.err.println(explanation.problem(command).get());
      return 2;
    }
    if (at != null && (at.isEmpty() || at.contains(""))) {
      // --at "" or --at 1,,2: picocli's split leaves no N, or an empty one
      CliText.error(command, "at.empty", String.join(",", at));
      return 2;
    }
    if (explanation.explain && at != null) {
      CliText.error(command, "replay.explainWithAt");
      return 2;
    }
    dev.kaboom.explain.TraceExplainer explainer = explanation.explainerOrNull();
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    try {
      if (at == null) {
        if (tree) {
          CliText.error(command, "replay.treeNeedsAt");
          return 2;
        }
        List<String> lines = new ArrayList<>();
        TraceDigest now =
            Recording.replay(
                run,
                line -> {
                  if (!line.startsWith("#")) {
                    lines.add(line);
                  }
                  out.append(line).append('\n');
                },
                explainer);
        long differs = run.trace().firstDifference(now);
        if (run.trace().onlyChecksumDiffers(now)) {
          out.flush();
          CliText.error(command, "checksumOnly", file, now.lines());
          return 3;
        }
        if (differs > 0) {
          out.flush();
          String was =
              differs <= lines.size()
                  ? lines.get((int) differs - 1)
                  : CliText.say("replay.traceEnds");
          CliText.error(
              command, "replay.differs", file, differs, run.trace().lines(), now.lines(), was);
          return 3;
        }
        return 0;
      }
      List<java.math.BigInteger> asked = new ArrayList<>();
      for (String s : at) {
        if (RunAt.position(s) == null) {
          CliText.error(command, "at.notWhole", s);
          return 2;
        }
        asked.add(RunAt.position(s));
      }
      RunCursor cursor = new RunCursor(run);
      long total = cursor.totalLines();
      List<Long> positions = new ArrayList<>();
      for (int i = 0; i < asked.size(); i++) {
        if (!RunAt.fits(asked.get(i), total)) {
          System.err.println(RunAt.outOfRange(command, at.get(i), file, total));
          return 2;
        }
        positions.add(asked.get(i).longValue());
      }
      for (long n : positions) {
        cursor.seek(n);
        out.append('@').append(Long.toString(n)).append('\n');
        if (tree) {
          for (Map.Entry<String, Pid> e : cursor.live().entrySet()) {
            out.append(e.getKey()).append(' ').append(e.getValue().format()).append('\n');
          }
        }
      }
      return 0;
    } finally {
      out.flush();
    }
  }
}
