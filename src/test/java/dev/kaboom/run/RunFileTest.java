package dev.kaboom.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.scenario.TraceRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every conformance scenario: recorded, saved, read back and replayed gives the same trace. */
class RunFileTest {
  static Stream<Path> scenarios() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("src", "test", "resources", "conformance"))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void recordSaveOpenReplayGivesTheSameRunAndTrace(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Scenario scenario =
        ((ScenarioLoader.Result.Loaded) ScenarioLoader.parse(file.toString(), text)).scenario();
    List<String> trace = new ArrayList<>();
    TraceRunner.run(scenario, trace::add);

    List<String> recorded = new ArrayList<>();
    Run run = Recording.record(file.getFileName().toString(), text, scenario, 1L, recorded::add);
    assertThat(recorded).isEqualTo(trace);

    String json = RunFile.toJson(run);
    RunFile.Result back = RunFile.parse("x.json", json);
    assertThat(back).isInstanceOf(RunFile.Result.Loaded.class);
    Run again = ((RunFile.Result.Loaded) back).run();
    assertThat(again.commands()).isEqualTo(run.commands());
    assertThat(again.trace()).isEqualTo(run.trace());
    assertThat(RunFile.toJson(again)).isEqualTo(json);

    List<String> replayed = new ArrayList<>();
    TraceDigest d = Recording.replay(again, replayed::add);
    assertThat(replayed).isEqualTo(trace);
    assertThat(run.trace().firstDifference(d)).isZero();
  }
}
