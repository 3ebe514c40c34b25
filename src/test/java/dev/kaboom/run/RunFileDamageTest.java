package dev.kaboom.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.scenario.KoreanText;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A damaged run file says what and where ({@code FILE:LINE:COLUMN}) in English and, every word of
 * it, in Korean (File > Open run in a Korean window, {@code replay} on a Korean system).
 */
class RunFileDamageTest {
  private static String good;

  private static synchronized String good() throws IOException {
    if (good == null) {
      Path file = Path.of("resources", "scenarios", "servy.json");
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Scenario s =
          ((ScenarioLoader.Result.Loaded) ScenarioLoader.parse("servy.json", text)).scenario();
      good = RunFile.toJson(Recording.record("servy.json", text, s, 1L, line -> {}));
    }
    return good;
  }

  static Stream<Arguments> damages() {
    return Stream.of(
        Arguments.of(
            "a stray colon",
            (UnaryOperator<String>) t -> t.replaceFirst("\"commands\" : \\[", "\"commands\" : [ :"),
            "malformed JSON: unexpected ':': expected a value"),
        Arguments.of(
            "cut in half",
            (UnaryOperator<String>) t -> t.substring(0, t.indexOf("\"commands\"") + 5),
            "malformed JSON: the file ends inside a field name"),
        Arguments.of(
            "a missing comma",
            (UnaryOperator<String>) t -> t.replace("\"kaboom-run\",", "\"kaboom-run\""),
            "malformed JSON: unexpected '\"': expected ',' between the object's fields"),
        Arguments.of(
            "a seed in words",
            (UnaryOperator<String>) t -> t.replace("\"seed\" : 1", "\"seed\" : \"one\""),
            ": seed: expected a whole number, got \"one\""),
        Arguments.of(
            "a reason that is no term",
            (UnaryOperator<String>)
                t -> t.replaceFirst("\"reason\" : \"kaboom\"", "\"reason\" : [1]"),
            "].reason: not a term: [1]"),
        Arguments.of(
            "an unknown command",
            (UnaryOperator<String>)
                t -> t.replaceFirst("\"command\" : \"exit\"", "\"command\" : \"exut\""),
            "].command: unknown command 'exut'"),
        Arguments.of(
            "a command without its time",
            (UnaryOperator<String>) t -> t.replaceFirst("\"at_ms\" : \\d+,", ""),
            "].at_ms: missing"),
        Arguments.of(
            "a bad checksum",
            (UnaryOperator<String>)
                t -> t.replaceFirst("\"sha256\" : \"[0-9a-f]+\"", "\"sha256\" : \"xyz\""),
            "trace.sha256: not a SHA-256 in hex"),
        Arguments.of(
            "not an object",
            (UnaryOperator<String>) t -> "[" + t + "]",
            "a run file is a JSON object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  void saysWhatAndWhereInEnglishAndInKorean(
      String name, UnaryOperator<String> damage, String english) throws IOException {
    String text = damage.apply(good());
    var r = RunFile.parse("bad.json", text);
    assertThat(r).isInstanceOf(RunFile.Result.Damaged.class);
    var d = (RunFile.Result.Damaged) r;
    assertThat(d.message()).matches("bad\\.json:\\d+:\\d+: .*").contains(english);
    String ko = d.message(Locale.KOREAN);
    assertThat(ko).matches("bad\\.json:\\d+:\\d+: .*");
    assertThat(ko.substring(0, ko.indexOf(": ")))
        .as("the same place")
        .isEqualTo(d.message().substring(0, d.message().indexOf(": ")));
    assertThat(KoreanText.hasHangul(ko)).as(ko).isTrue();
    assertThat(KoreanText.englishProse(ko)).as(ko).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  void theLineAndColumnAreWhereTheDamageIs(
      String name, UnaryOperator<String> damage, String english) throws IOException {
    String text = damage.apply(good());
    var d = (RunFile.Result.Damaged) RunFile.parse("bad.json", text);
    String[] place = d.message().split(":", 4);
    int line = Integer.parseInt(place[1]);
    int column = Integer.parseInt(place[2]);
    String[] lines = text.split("\n", -1);
    assertThat(line).isBetween(1, lines.length);
    assertThat(column).isBetween(1, lines[line - 1].length() + 1);
    if (name.equals("a seed in words")) {
      assertThat(lines[line - 1].substring(column - 1)).startsWith("\"one\"");
    } else if (name.equals("a command without its time")) {
      assertThat(lines[line - 1].substring(column - 1))
          .as("the command that lacks it")
          .startsWith("{");
    }
  }
}
