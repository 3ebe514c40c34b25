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
          + " tree as the window does. Exit status: 0 ok, 2 the scenario is malformed or invalid."
    })
public final class SnapshotCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario file (JSON or YAML)")
  Path file;

  @Parameters(index = "1", paramLabel = "OUT.png", description = "where to write the picture")
  Path out;

  @Option(
      names = "--after",
      paramLabel = "STEPS",
      description = "run the scenario's first STEPS steps (each to completion) before drawing")
  int after;

  @Option(names = "--lang", paramLabel = "en|ko", description = "language of the labels")
  String lang = "en";

  @Override
  public Integer call() throws Exception {
    var result = ScenarioLoader.load(file);
    if (result instanceof ScenarioLoader.Result.Failed f) {
      System.err.println("kaboom snapshot: " + f.error());
      return 2;
    }
    if (!lang.equals("en") && !lang.equals("ko")) {
      System.err.println("kaboom snapshot: --lang " + lang + ": expected en or ko");
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
    // headless Monocle, as the tests use: must be set before any JavaFX class starts the toolkit
    setIfAbsent("glass.platform", "Monocle");
    setIfAbsent("monocle.platform", "Headless");
    setIfAbsent("prism.order", "sw");
    setIfAbsent("prism.text", "t2k");
    setIfAbsent("java.awt.headless", "true");
    var scenario = ((ScenarioLoader.Result.Loaded) result).scenario();
    BufferedImage img =
        dev.kaboom.ui.Snapshotter.render(scenario, after, Locale.forLanguageTag(lang));
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      java.nio.file.Files.createDirectories(parent);
    }
    ImageIO.write(img, "png", out.toFile());
    System.out.println(out + " (" + img.getWidth() + "x" + img.getHeight() + ")");
    return 0;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
