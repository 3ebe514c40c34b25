package dev.kaboom.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.fuzz.Fuzz;
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
 * {@link ScenarioLoader} on generated JSON and YAML: every text ends within a second with a
 * scenario or a {@code file:line:column: what} error, never an exception or a hang. How many texts:
 * {@code -Dkaboom.fuzz.tries=N} (see {@link Fuzz}).
 */
class ScenarioLoaderFuzzProperties {
  private static final List<String> JSON = bundled(".json");
  private static final List<String> YAML = bundled(".yaml");

  private static List<String> bundled(String ending) {
    return Fuzz.bundled(
        "resources/scenarios",
        f -> f.toString().endsWith(ending) && !f.getFileName().toString().startsWith("big_"));
  }

  private static final List<String> JSON_BITS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "\"",
          "\"tree\"",
          "\"children\": [",
          "\"intensity\": ",
          "\"period_s\": ",
          "\"restart\": \"transient\"",
          "null",
          "true",
          "-",
          "1e999",
          "\\u0000",
          "\\",
          "/*",
          "\n",
          "\t",
          "\uFEFF",
          "\"\uD800\"");

  private static final List<String> YAML_BITS =
      List.of(
          "- ",
          ": ",
          "  ",
          "\n",
          "\t",
          "&a ",
          "*a",
          "!!binary ",
          "!!python/object ",
          "[",
          "]",
          "{",
          "}",
          "---\n",
          "...\n",
          "? ",
          "|",
          ">",
          "#",
          "'",
          "\"",
          "%YAML 1.1\n",
          "<<: *a\n",
          "children:\n",
          "intensity: ",
          "~",
          "\uFEFF");

  private static Arbitrary<String> texts(
      List<String> good, List<String> bits, String open, String close) {
    Arbitrary<String> base = Arbitraries.of(good);
    Arbitrary<String> number =
        Combinators.combine(base, Fuzz.hugeNumbers())
            .as(
                (t, n) ->
                    t.replaceAll(
                        "(\"?(?:intensity|period_s|shutdown|stop_ms|sleep_ms)\"?: *)[0-9]+",
                        "$1" + n));
    return Arbitraries.frequencyOf(
        Tuple.of(1, base),
        Tuple.of(6, Fuzz.truncated(base)),
        Tuple.of(6, Fuzz.mutated(base, Arbitraries.of(bits))),
        Tuple.of(3, number),
        Tuple.of(2, Fuzz.nested(open, close, Arbitraries.of("1", "\"a\"", ""), 20_000)),
        Tuple.of(
            2,
            Fuzz.nested(
                "{\"tree\": {\"id\": \"a\", \"children\": [",
                "]}}",
                Arbitraries.of("{\"id\": \"b\"}", ""),
                3_000)),
        Tuple.of(2, Arbitraries.of(bits).list().ofMaxSize(60).map(l -> String.join("", l))),
        Tuple.of(3, Fuzz.garbage(2_000)));
  }

  /** Loads the readers' classes before the first timed input (class loading is not a hang). */
  @BeforeProperty
  void warmUp() {
    for (int i = 0; i < 20; i++) {
      ScenarioLoader.parse("warm.json", JSON.get(0));
      ScenarioLoader.parse("warm.yaml", YAML.get(0));
      ScenarioLoader.parse("warm.yaml", "[".repeat(500));
    }
  }

  @Provide
  Arbitrary<String> json() {
    return texts(JSON, JSON_BITS, "[", "]");
  }

  @Provide
  Arbitrary<String> yaml() {
    Arbitrary<String> blockNesting =
        Arbitraries.integers()
            .between(1, 3_000)
            .map(
                d -> {
                  StringBuilder b = new StringBuilder();
                  for (int i = 0; i < d; i++) {
                    b.append("  ".repeat(i)).append("- \n");
                  }
                  return b.toString();
                });
    return Arbitraries.oneOf(
        texts(YAML, YAML_BITS, "[", "]"),
        blockNesting,
        Fuzz.nested("&a [", "]", Arbitraries.of("*a"), 500));
  }

  @Property(seed = "16")
  void jsonGivesAScenarioOrAnErrorWithItsPlace(@ForAll("json") String text) {
    loadsOrSaysWhere("fuzz.json", text);
  }

  @Property(seed = "16")
  void yamlGivesAScenarioOrAnErrorWithItsPlace(@ForAll("yaml") String text) {
    loadsOrSaysWhere("fuzz.yaml", text);
  }

  private static void loadsOrSaysWhere(String name, String text) {
    ScenarioLoader.Result r = Fuzz.endsWithinASecond(text, () -> ScenarioLoader.parse(name, text));
    if (r instanceof ScenarioLoader.Result.Failed f) {
      assertThat(f.error().toString()).startsWith(name + ":").doesNotContain("Exception");
    } else {
      assertThat(r).isInstanceOf(ScenarioLoader.Result.Loaded.class);
    }
  }
}
