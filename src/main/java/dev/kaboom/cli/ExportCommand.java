package dev.kaboom.cli;

import dev.kaboom.run.Run;
import dev.kaboom.run.RunFile;
import dev.kaboom.scenario.Command;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.scenario.TraceRunner;
import dev.kaboom.ui.model.SequenceExport;
import dev.kaboom.ui.model.SequenceModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kaboom export RUN --format sequence-mermaid|sequence-svg [--from N --to M] [-o OUT]}: the
 * sequence chart of a run (or of a scenario's steps) as Mermaid text or an SVG picture, written
 * from the same {@link SequenceModel} the window draws, without JavaFX.
 */
@picocli.CommandLine.Command(name = "export", mixinStandardHelpOptions = true)
public final class ExportCommand implements Callable<Integer> {
  /** The formats {@code --format} takes. */
  static final List<String> FORMATS = List.of("sequence-mermaid", "sequence-svg");

  @Parameters(descriptionKey = "file", index = "0", paramLabel = "RUN")
  Path file;

  @Option(names = "--format", required = true, paramLabel = "FORMAT")
  String format;

  @Option(names = "--from", paramLabel = "N")
  Long from;

  @Option(names = "--to", paramLabel = "M")
  Long to;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT")
  Path output;

  @Option(names = "--lang", paramLabel = "en|ko")
  String lang;

  @Override
  public Integer call() {
    if (!FORMATS.contains(format)) {
      return bad("export.format", format);
    }
    if (Main.langProblem("export", lang).isPresent()) {
      return bad("lang.expected", lang);
    }
    List<Simulation> sims = new ArrayList<>(1);
    String problem = load(sims);
    if (problem != null) {
      System.err.println("kaboom export: " + problem);
      return 2;
    }
    SequenceModel model = new SequenceModel();
    List<Long> linesBefore = new ArrayList<>();
    long[] lines = {0};
    try {
      sims.get(0)
          .runner(
              TraceRunner.listener(
                  e -> {
                    model.apply(e);
                    linesBefore.add(lines[0]);
                  },
                  line -> lines[0]++))
          .runToEnd();
    } catch (dev.kaboom.engine.RunawayException e) {
      CliText.error("export", "line", file, CliText.runaway(e));
      return 3;
    }
    long total = lines[0];
    long n = from == null ? 0 : from;
    long m = to == null ? total : to;
    for (long[] at : new long[][] {{n, 0}, {m, 1}}) {
      if (at[0] < 0 || at[0] > total) {
        return bad("range.outOfRange", at[1] == 0 ? "--from" : "--to", at[0], file, total);
      }
    }
    if (n > m) {
      return bad("range.backwards", n, m);
    }
    // the events between the moment after line N and the moment after line M
    int firstEvent = 0;
    while (firstEvent < linesBefore.size() && linesBefore.get(firstEvent) < n) {
      firstEvent++;
    }
    int endEvent = firstEvent;
    while (endEvent < linesBefore.size() && linesBefore.get(endEvent) < m) {
      endEvent++;
    }
    int firstRow = model.lastRowAtOrBefore(firstEvent - 1) + 1;
    int endRow = model.lastRowAtOrBefore(endEvent - 1) + 1;
    Locale locale = Locale.forLanguageTag(Main.language(lang));
    ResourceBundle bundle = ResourceBundle.getBundle("dev.kaboom.ui.messages", locale);
    String comment =
        "kaboom export "
            + file.getFileName()
            + " --from "
            + n
            + " --to "
            + m
            + " ("
            + (endRow - firstRow)
            + " rows)";
    String text =
        format.equals("sequence-mermaid")
            ? SequenceExport.mermaid(model, firstRow, endRow, bundle, comment)
            : SequenceExport.svg(model, firstRow, endRow, bundle, locale, comment);
    if (output == null) {
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      out.print(text);
      out.flush();
      return 0;
    }
    try {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      CliText.error(
          "export", "write.failed", output, dev.kaboom.scenario.ErrorText.unwritableReason(e));
      return 1;
    }
    return 0;
  }

  private static int bad(String key, Object... args) {
    CliText.error("export", key, args);
    return 2;
  }

  /** What to run: a run's commands, or a scenario's steps (as {@code trace --record} runs them). */
  private record Simulation(Run run, dev.kaboom.scenario.Scenario scenario) {
    TraceRunner runner(TraceRunner.Listener listener) {
      return run != null
          ? dev.kaboom.run.Recording.runner(run, listener)
          : new TraceRunner(
              scenario.tree(),
              TraceRunner.atIdle(scenario.steps().stream().map(Command::of).toList()),
              1L,
              listener);
    }
  }

  /** Reads the file into {@code out}; the one-line problem (without the prefix) if it cannot. */
  private String load(List<Simulation> out) {
    if (RunFile.isRun(file)) {
      var result = RunFile.read(file);
      if (result instanceof RunFile.Result.Damaged d) {
        return d.message(Main.errorLocale());
      }
      out.add(new Simulation(((RunFile.Result.Loaded) result).run(), null));
      return null;
    }
    var result = ScenarioLoader.load(file);
    if (result instanceof ScenarioLoader.Result.Failed f) {
      return f.error().toString(Main.errorLocale());
    }
    out.add(new Simulation(null, ((ScenarioLoader.Result.Loaded) result).scenario()));
    return null;
  }
}
