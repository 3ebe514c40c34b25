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
  List<String> at = new ArrayList<>();

  @Option(names = "--tree")
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
        if (run.trace().onlyChecksumDiffers(now)) {
          out.flush();
          CliText.error("replay", "checksumOnly", file, now.lines());
          return 3;
        }
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
      List<java.math.BigInteger> asked = new ArrayList<>();
      for (String s : at) {
        if (RunAt.position(s) == null) {
          CliText.error("replay", "at.notWhole", s);
          return 2;
        }
        asked.add(RunAt.position(s));
      }
      RunCursor cursor = new RunCursor(run);
      long total = cursor.totalLines();
      List<Long> positions = new ArrayList<>();
      for (int i = 0; i < asked.size(); i++) {
        if (!RunAt.fits(asked.get(i), total)) {
          System.err.println(RunAt.outOfRange("replay", at.get(i), file, total));
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
