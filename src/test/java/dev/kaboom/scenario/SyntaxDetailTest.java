package dev.kaboom.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.run.RunFile;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Jackson's and SnakeYAML's details that came through in English (on a Korean system too): each is
 * said from the errors bundle, with its place (line, column) and what was expected.
 */
class SyntaxDetailTest {
  private static String error(String file, String text, Locale locale) {
    var r = ScenarioLoader.parse(file, text);
    assertThat(r).isInstanceOf(ScenarioLoader.Result.Failed.class);
    return ((ScenarioLoader.Result.Failed) r).error().toString(locale);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "x.yaml | 'tree: ]\n' | x.yaml:1:7: malformed YAML: expected a value, found ']'",
        "x.yaml | 'tree: {id: [}\n' | x.yaml:1:13: malformed YAML: expected a value, found '}'",
        "x.yaml | '%YAML 9.9\n---\ntree: {}\n' | x.yaml:1:1: malformed YAML: the %YAML line asks"
            + " for a YAML version other than 1.x",
        "x.json | '\u00a0{}' | x.json:1:1: malformed JSON: unexpected U+00A0: expected a value (a"
            + " string in double quotes, a number, a list, an object, true, false or null)",
      })
  void eachDetailIsSaidFromTheBundle(String file, String text, String english) {
    assertThat(error(file, text, Locale.ROOT)).isEqualTo(english);
    String korean = error(file, text, Locale.KOREAN);
    assertThat(korean).startsWith(english.substring(0, english.indexOf(": ")));
    assertThat(KoreanText.hasHangul(korean)).isTrue();
    assertThat(KoreanText.englishProse(korean)).as(korean).isNull();
  }

  /** A number of 1,201 digits (over Jackson's limit) has its place and the limit, in both. */
  @Test
  void aNumberTooLongForJacksonSaysWhereAndTheLimit() {
    String text = "{\"tree\": 1" + "0".repeat(1200) + "}";
    assertThat(error("x.json", text, Locale.ROOT))
        .isEqualTo("x.json:1:1212: malformed JSON: a number of 1201 digits: at most 1000 digits");
    assertThat(error("x.json", text, Locale.KOREAN))
        .isEqualTo("x.json:1:1212: JSON 형식이 잘못됐어요: 숫자가 1201자리예요. 1000자리까지만 쓸 수 있어요");
    var run =
        RunFile.parse("r.json", "{\"kind\": \"kaboom-run\", \"seed\": 1" + "0".repeat(1200) + "}");
    assertThat(((RunFile.Result.Damaged) run).message(Locale.KOREAN))
        .matches("r.json:1:\\d+: JSON 형식이 잘못됐어요: 숫자가 1201자리예요.*");
  }

  @Test
  void anEmptyRunFileIsSaidToBeEmpty() {
    assertThat(((RunFile.Result.Damaged) RunFile.parse("r.json", " \n")).message(Locale.ROOT))
        .isEqualTo("r.json:1:1: the file is empty");
  }
}
