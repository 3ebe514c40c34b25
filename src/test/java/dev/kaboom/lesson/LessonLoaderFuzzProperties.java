package dev.kaboom.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.fuzz.Fuzz;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * {@link LessonLoader} on generated lesson files (the bundled lessons truncated and mutated, deeply
 * nested, huge numbers, binary garbage, in YAML and JSON): every text ends within a second with a
 * lesson or a {@code file:line:column: what} error, never an exception or a hang. How many texts:
 * {@code -Dkaboom.fuzz.tries=N} (see {@link Fuzz}).
 */
class LessonLoaderFuzzProperties {
  private static final List<String> LESSONS = bundled();

  private static List<String> bundled() {
    return Fuzz.bundled("resources/lessons", f -> f.toString().endsWith(".yaml"));
  }

  private static final List<String> BITS =
      List.of(
          "- ",
          ": ",
          "  ",
          "\n",
          "\t",
          "&a ",
          "*a",
          "<<: *a\n",
          "[",
          "]",
          "{",
          "}",
          "---\n",
          "? ",
          "|",
          ">-",
          "#",
          "\"",
          "~",
          "world: ",
          "world: x.json",
          "world: ../../etc/passwd.yaml",
          "steps:\n",
          "check:\n",
          "iex: ",
          "en: ",
          "ko: ",
          "id: ",
          "\u0000",
          "\uFEFF",
          "\uD800");

  @Provide
  Arbitrary<String> yaml() {
    Arbitrary<String> base = Arbitraries.of(LESSONS);
    return Arbitraries.frequencyOf(
        Tuple.of(1, base),
        Tuple.of(6, Fuzz.truncated(base)),
        Tuple.of(8, Fuzz.mutated(base, Arbitraries.of(BITS))),
        Tuple.of(
            2,
            Fuzz.hugeNumbers()
                .map(n -> "name: a\ntitle: {en: a, ko: a}\nsummary: {en: a, ko: a}\n" + n)),
        Tuple.of(2, Fuzz.nested("[", "]", Arbitraries.of("1", "a", ""), 20_000)),
        Tuple.of(2, Fuzz.nested("steps: [{check: ", "}]", Arbitraries.of("{}", ""), 3_000)),
        Tuple.of(2, Arbitraries.of(BITS).list().ofMaxSize(60).map(l -> String.join("", l))),
        Tuple.of(3, Fuzz.garbage(2_000)));
  }

  @Property(seed = "16")
  void aLessonFileGivesALessonOrAnErrorWithItsPlace(@ForAll("yaml") String text) {
    for (String name : List.of("fuzz.yaml", "fuzz.json")) {
      LessonLoader.Result r =
          Fuzz.endsWithinASecond(text, () -> LessonLoader.parse(name, text, null));
      if (r instanceof LessonLoader.Result.Failed f) {
        assertThat(f.error().toString()).startsWith(name + ":").doesNotContain("Exception");
      } else {
        assertThat(r).isInstanceOf(LessonLoader.Result.Loaded.class);
      }
    }
  }

  /** Loads the reader's classes before the first timed input (class loading is not a hang). */
  @BeforeProperty
  void warmUp() {
    for (int i = 0; i < 20; i++) {
      LessonLoader.parse("warm.yaml", LESSONS.get(0), null);
      LessonLoader.parse("warm.json", "[".repeat(500), null);
    }
  }
}
