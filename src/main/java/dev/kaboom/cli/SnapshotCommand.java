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
@Command(name = "snapshot", mixinStandardHelpOptions = true)
public final class SnapshotCommand implements Callable<Integer> {
  @Parameters(descriptionKey = "file", index = "0", paramLabel = "FILE")
  Path file;

  @Parameters(descriptionKey = "out", index = "1", paramLabel = "OUT.png")
  Path out;

  @Option(names = "--after", paramLabel = "STEPS")
  int after;

  @Option(names = "--at", paramLabel = "N")
  String at;

  @Option(names = "--lang", paramLabel = "en|ko")
  String lang;

  @Override
  public Integer call() throws Exception {
    try {
      return snapshot();
    } catch (WriteFailed e) {
      return 1;
    }
  }

  private int snapshot() throws Exception {
    if (Main.langProblem("snapshot", lang).isPresent()) {
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
      CliText.error("snapshot", "after.outOfRange", after, file, steps);
      return 2;
    }
    if (!CliText.writable("snapshot", out)) {
      return 1;
    }
    headless();
    var scenario = ((ScenarioLoader.Result.Loaded) result).scenario();
    write(
        dev.kaboom.ui.Snapshotter.render(
            scenario, after, Locale.forLanguageTag(Main.language(lang))));
    return 0;
  }

  /**
   * A run file: its moment after the first N trace lines (the end without --at); exit 3 (the
   * picture is written) when the replayed trace no longer matches the run's checksum.
   */
  private int snapshotRun() throws Exception {
    if (after != 0) {
      CliText.error("snapshot", "after.runFile", after, file);
      return 2;
    }
    java.util.Optional<RunAt.At> checked =
        at == null
            ? readRun().map(r -> new RunAt.At(r, Long.MAX_VALUE))
            : RunAt.check("snapshot", file, at);
    if (checked.isEmpty()) {
      return 2;
    }
    long n = checked.get().n();
    java.util.Optional<dev.kaboom.run.Run> run = checked.map(RunAt.At::run);
    if (!CliText.writable("snapshot", out)) {
      return 1;
    }
    headless();
    write(
        dev.kaboom.ui.Snapshotter.renderRun(
            file, run.get(), n, Locale.forLanguageTag(Main.language(lang))));
    dev.kaboom.run.TraceDigest now = dev.kaboom.run.Recording.replay(run.get(), l -> {});
    long differs = run.get().trace().firstDifference(now);
    if (run.get().trace().onlyChecksumDiffers(now)) {
      CliText.error("snapshot", "checksumOnly", file, now.lines());
      return 3;
    }
    if (differs > 0) {
      CliText.error("snapshot", "snapshot.differs", file, differs);
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

  /**
   * Writes the PNG to OUT as {@code trace --record} writes a run (through a link, into a device); a
   * failure is one line on stderr and {@link WriteFailed}.
   */
  private void write(BufferedImage img) {
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", png);
      java.nio.file.Files.write(out, png.toByteArray());
    } catch (java.io.IOException e) {
      CliText.error(
          "snapshot", "write.failed", out, dev.kaboom.scenario.ErrorText.unwritableReason(e));
      throw new WriteFailed();
    }
    System.out.println(out + " (" + img.getWidth() + "x" + img.getHeight() + ")");
  }

  /** OUT could not be written; the line saying why is printed. */
  private static final class WriteFailed extends RuntimeException {
    WriteFailed() {
      super(null, null, false, false);
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
