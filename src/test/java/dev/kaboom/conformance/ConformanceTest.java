package dev.kaboom.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.scenario.TraceRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The project's differential suite: every {@code conformance/*.json} scenario (with the {@code
 * .trace} real OTP recorded for it) runs through the engine, and the canonical traces must be
 * equal. No Erlang is needed to run it; an empty or missing folder passes.
 */
class ConformanceTest {
  static final String FOLDER = "conformance";

  /** The scenario folder: on the test classpath, else in the source tree. */
  static Optional<Path> folder() {
    URL url = ConformanceTest.class.getClassLoader().getResource(FOLDER);
    if (url != null && url.getProtocol().equals("file")) {
      try {
        return Optional.of(Path.of(url.toURI()));
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    Path src = Path.of("src", "test", "resources", FOLDER);
    return Files.isDirectory(src) ? Optional.of(src) : Optional.empty();
  }

  static List<Path> scenarios(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRecordedScenarioMatchesOtp() throws IOException {
    Optional<Path> dir = folder();
    if (dir.isEmpty()) {
      return Stream.empty();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path json : scenarios(dir.get())) {
      String name = json.getFileName().toString().replaceFirst("\\.json$", "");
      tests.add(DynamicTest.dynamicTest(name, json.toUri(), () -> check(json)));
    }
    return tests.stream();
  }

  static void check(Path json) throws IOException {
    String name = json.getFileName().toString().replaceFirst("\\.json$", "");
    Path tracePath = json.resolveSibling(name + ".trace");
    assertThat(tracePath).as("every scenario needs the trace OTP recorded for it").exists();
    List<String> expected =
        TraceCanon.canonical(Files.readAllLines(tracePath, StandardCharsets.UTF_8));
    var result = ScenarioLoader.load(json);
    if (result instanceof ScenarioLoader.Result.Failed f) {
      throw new AssertionFailedError("the scenario does not load: " + f.error());
    }
    List<String> raw = new ArrayList<>();
    TraceRunner.run(((ScenarioLoader.Result.Loaded) result).scenario(), raw::add);
    List<String> actual = TraceCanon.canonical(raw);
    if (!expected.equals(actual)) {
      throw new AssertionFailedError(
          name
              + ": the engine's canonical trace differs from OTP's\n"
              + UnifiedDiff.diff(
                  name + ".trace (OTP, canonical)",
                  expected,
                  name + " (engine, canonical)",
                  actual,
                  3),
          String.join("\n", expected),
          String.join("\n", actual));
    }
  }
}
