package dev.kaboom.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.fuzz.Fuzz;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * {@link RunFile} on generated run files: every text ends within a second with a run or a {@code
 * Damaged} message that starts with the file name, never an exception or a hang. How many texts:
 * {@code -Dkaboom.fuzz.tries=N} (see {@link Fuzz}).
 */
class RunFileFuzzProperties {
  private static final List<String> RUNS =
      List.of(
          record("src/test/resources/conformance/child_api.json"),
          record("resources/scenarios/servy.json"),
          record("resources/scenarios/escalation.json"));

  private static String record(String file) {
    try {
      Path p = Path.of(file);
      String text = Files.readString(p, StandardCharsets.UTF_8);
      Scenario s = ((ScenarioLoader.Result.Loaded) ScenarioLoader.parse(file, text)).scenario();
      return RunFile.toJson(Recording.record(p.getFileName().toString(), text, s, 1L, line -> {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final List<String> BITS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "\"",
          "null",
          "true",
          "-1",
          "1e999",
          "\"kind\": \"kaboom-run\"",
          "\"format\": 2",
          "\"commands\": [",
          "\"at_ms\": ",
          "\"events\": ",
          "\"lines\": ",
          "\"line_crc32\": \"",
          "====",
          "\\u0000",
          "\\",
          "\n",
          "\uFEFF");

  @BeforeProperty
  void warmUp() {
    for (int i = 0; i < 5; i++) {
      RUNS.forEach(r -> RunFile.parse("warm.json", r));
    }
  }

  @Provide
  Arbitrary<String> runs() {
    Arbitrary<String> base = Arbitraries.of(RUNS);
    Arbitrary<String> numbers =
        Combinators.combine(base, Fuzz.hugeNumbers())
            .as(
                (t, n) ->
                    t.replaceAll(
                        "(\"(?:format|seed|at_ms|events|lines)\" *: *)-?[0-9]+", "$1" + n));
    return Arbitraries.frequencyOf(
        Tuple.of(1, base),
        Tuple.of(5, Fuzz.truncated(base)),
        Tuple.of(6, Fuzz.mutated(base, Arbitraries.of(BITS))),
        Tuple.of(3, numbers),
        Tuple.of(2, Fuzz.nested("[", "]", Arbitraries.of("1", ""), 20_000)),
        Tuple.of(
            2,
            Fuzz.nested(
                "{\"kind\": \"kaboom-run\", \"commands\": [{\"a\": ",
                "}]}",
                Arbitraries.of("1"),
                3_000)),
        Tuple.of(2, Arbitraries.of(BITS).list().ofMaxSize(60).map(l -> String.join("", l))),
        Tuple.of(3, Fuzz.garbage(2_000)));
  }

  @Property(seed = "16")
  void aRunFileGivesARunOrSaysWhatIsDamaged(@ForAll("runs") String text) {
    RunFile.Result r = Fuzz.endsWithinASecond(text, () -> RunFile.parse("fuzz.json", text));
    if (r instanceof RunFile.Result.Damaged d) {
      assertThat(d.message()).startsWith("fuzz.json");
    } else {
      assertThat(r).isInstanceOf(RunFile.Result.Loaded.class);
    }
  }
}
