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
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a run file (written by `trace FILE --record RUN` or the window's File > Save run)"
          + " and prints its trace, as `trace` printed it when it was recorded.",
      "With --explain [--lang ko]: the trace with the OTP rule behind each step, as `trace"
          + " FILE --explain` prints it.",
      "With --at N[,N...] --tree: for each N, in the order given, a line @N and then one line per"
          + " process live after the first N trace lines: its path, a space, its pid; sorted by path.",
      "Exit status: 0 ok, 2 the run file is damaged or an N is out of range (one line on stderr),"
          + " 3 the trace differs from the run's checksum (a warning names the first differing line)."
    })
public final class ReplayCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN", description = "the run file")
  Path file;

  @Option(
      names = "--at",
      split = ",",
      paramLabel = "N",
      description = "positions in trace lines (0 = before the first line)")
  List<String> at = new ArrayList<>();

  @Option(names = "--tree", description = "with --at: print the live processes at each N")
  boolean tree;

  @picocli.CommandLine.Mixin ExplainOptions explanation = new ExplainOptions();

  @Override
  public Integer call() {
    var result = RunFile.read(file);
    if (result instanceof RunFile.Result.Damaged d) {
      System.err.println("kaboom replay: " + d.message(Main.errorLocale()));
      return 2;
    }
    Run run = ((RunFile.Result.Loaded) result).run();
    if (explanation.problem("replay").isPresent()) {
      System.err.println(explanation.problem("replay").get());
      return 2;
    }
    if (explanation.explain && !at.isEmpty()) {
      CliText.error("replay", "replay.explainWithAt");
      return 2;
    }
    dev.kaboom.explain.TraceExplainer explainer = explanation.explainerOrNull();
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    try {
      if (at.isEmpty()) {
        if (tree) {
          CliText.error("replay", "replay.treeNeedsAt");
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
        if (differs > 0) {
          out.flush();
          String was =
              differs <= lines.size()
                  ? lines.get((int) differs - 1)
                  : CliText.say("replay.traceEnds");
          CliText.error(
              "replay", "replay.differs", file, differs, run.trace().lines(), now.lines(), was);
          return 3;
        }
        return 0;
      }
      List<Long> positions = new ArrayList<>();
      for (String s : at) {
        try {
          positions.add(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
          CliText.error("replay", "at.notWhole", s);
          return 2;
        }
      }
      RunCursor cursor = new RunCursor(run);
      long total = cursor.totalLines();
      for (long n : positions) {
        if (n < 0 || n > total) {
          System.err.println(RunAt.outOfRange("replay", n, file, total));
          return 2;
        }
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
