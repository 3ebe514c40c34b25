package dev.kaboom.cli;

import dev.kaboom.scenario.ScenarioLoader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kaboom snapshot FILE OUT.png [--after STEPS]}: draws a scenario's tree into a PNG. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Draws a scenario's tree into a PNG, offscreen (no display needed).",
      "Starts the tree, runs the scenario's first STEPS steps (each to completion) and draws the"
          + " tree as the window does. A run file (bin/kaboom trace FILE --record RUN) is replayed"
          + " and drawn at the end, or after its first N trace lines with --at N. Exit status: 0"
          + " ok, 2 a malformed or invalid file or an N out of range, 3 a run whose replayed"
          + " trace no longer matches its checksum (the picture is written)."
    })
public final class SnapshotCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "the scenario file (JSON or YAML), or a run file")
  Path file;

  @Parameters(index = "1", paramLabel = "OUT.png", description = "where to write the picture")
  Path out;

  @Option(
      names = "--after",
      paramLabel = "STEPS",
      description = "run the scenario's first STEPS steps (each to completion) before drawing")
  int after;

  @Option(
      names = "--at",
      paramLabel = "N",
      description =
          "with a run file: draw the moment after its first N trace lines (as replay --at N"
              + " counts them)")
  Long at;

  @Option(names = "--lang", paramLabel = "en|ko", description = "language of the labels")
  String lang = "en";

  @Override
  public Integer call() throws Exception {
    if (!lang.equals("en") && !lang.equals("ko")) {
      CliText.error("snapshot", "lang.expected", lang);
      return 2;
    }
    if (at != null || dev.kaboom.run.RunFile.isRun(file)) {
      return snapshotRun();
    }
    var result = ScenarioLoader.load(file);
    if (result instanceof ScenarioLoader.Result.Failed f) {
      System.err.println("kaboom snapshot: " + f.error().toString(Main.errorLocale()));
      return 2;
    }
    int steps = ((ScenarioLoader.Result.Loaded) result).scenario().steps().size();
    if (after < 0 || after > steps) {
      System.err.println(
          "kaboom snapshot: --after "
              + after
              + ": out of range; "
              + file
              + " has "
              + steps
              + " steps, so STEPS is 0.."
              + steps);
      return 2;
    }
    headless();
    var scenario = ((ScenarioLoader.Result.Loaded) result).scenario();
    write(dev.kaboom.ui.Snapshotter.render(scenario, after, Locale.forLanguageTag(lang)));
    return 0;
  }

  /**
   * A run file: its moment after the first N trace lines (the end without --at); exit 3 (the
   * picture is written) when the replayed trace no longer matches the run's checksum.
   */
  private int snapshotRun() throws Exception {
    if (after != 0) {
      System.err.println(
          "kaboom snapshot: --after "
              + after
              + ": "
              + file
              + " is a run file; its moments are counted in trace lines (--at N)");
      return 2;
    }
    long n = at == null ? Long.MAX_VALUE : at;
    java.util.Optional<dev.kaboom.run.Run> run =
        at == null ? readRun() : RunAt.check("snapshot", file, at);
    if (run.isEmpty()) {
      return 2;
    }
    headless();
    write(dev.kaboom.ui.Snapshotter.renderRun(file, run.get(), n, Locale.forLanguageTag(lang)));
    long differs =
        run.get().trace().firstDifference(dev.kaboom.run.Recording.replay(run.get(), l -> {}));
    if (differs > 0) {
      System.err.println(
          "kaboom snapshot: warning: "
              + file
              + ": the trace differs from the recorded one from line "
              + differs
              + " on (bin/kaboom replay "
              + file
              + " shows it)");
      return 3;
    }
    return 0;
  }

  private java.util.Optional<dev.kaboom.run.Run> readRun() {
    var r = dev.kaboom.run.RunFile.read(file);
    if (r instanceof dev.kaboom.run.RunFile.Result.Damaged d) {
      System.err.println("kaboom snapshot: " + d.message(Main.errorLocale()));
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(((dev.kaboom.run.RunFile.Result.Loaded) r).run());
  }

  /** Headless Monocle, as the tests use: set before any JavaFX class starts the toolkit. */
  private static void headless() {
    setIfAbsent("glass.platform", "Monocle");
    setIfAbsent("monocle.platform", "Headless");
    setIfAbsent("prism.order", "sw");
    setIfAbsent("prism.text", "t2k");
    setIfAbsent("java.awt.headless", "true");
  }

  private void write(BufferedImage img) throws java.io.IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      java.nio.file.Files.createDirectories(parent);
    }
    ImageIO.write(img, "png", out.toFile());
    System.out.println(out + " (" + img.getWidth() + "x" + img.getHeight() + ")");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
