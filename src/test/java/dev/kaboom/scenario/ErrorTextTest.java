package dev.kaboom.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The errors bundle: every message in English and Korean, with the same arguments. */
class ErrorTextTest {
  private static Properties load(String name) throws IOException {
    return dev.kaboom.scenario.BundlePair.load("/dev/kaboom/scenario/" + name);
  }

  private static TreeSet<String> arguments(String pattern) {
    return dev.kaboom.scenario.BundlePair.arguments(pattern);
  }

  @Test
  void everyMessageIsInBothLanguagesWithTheSameArguments() throws IOException {
    Properties en = load("errors.properties");
    Properties ko = load("errors_ko.properties");
    assertThat(ko.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(arguments(ko.getProperty(key))).as(key).isEqualTo(arguments(en.getProperty(key)));
      String said = ko.getProperty(key);
      if (!key.equals("kind.null") && !key.startsWith("run.at") && !key.equals("file.systemSays")) {
        assertThat(said.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3))
            .as(key + " is Korean")
            .isTrue();
      }
    }
  }

  @Test
  void aLoaderErrorIsEnglishForTheCommandLineAndKoreanInTheWindowAtTheSamePlace() {
    String text =
        "{\"tree\": {\"id\": \"root\", \"strategy\": \"one_for_one\", \"intensity\": \"x3\"}}";
    var failed = (ScenarioLoader.Result.Failed) ScenarioLoader.parse("bad.json", text);
    ScenarioError e = failed.error();
    assertThat(e.toString())
        .isEqualTo("bad.json:1:65: \"intensity\" must be a whole number; got a string");
    assertThat(e.toString(Locale.ENGLISH)).isEqualTo(e.toString());
    assertThat(e.toString(Locale.KOREAN))
        .isEqualTo("bad.json:1:65: \"intensity\"은(는) 정수여야 해요 (지금: 문자열)");
  }

  @Test
  void quotesBracesAndNestedPhrasesComeOutAsBefore() {
    var failed =
        (ScenarioLoader.Result.Failed)
            ScenarioLoader.parse(
                "s.yaml", "tree:\n  id: root\n  children:\n    - id: a\n      bogus: 1\n");
    assertThat(failed.error().toString())
        .startsWith("s.yaml:5:7: unknown field \"bogus\" in a tree node: expected one of ");
    assertThat(failed.error().toString(Locale.KOREAN))
        .startsWith("s.yaml:5:7: 트리 노드에 모르는 필드 \"bogus\"가 있어요.");
    var init =
        (ScenarioLoader.Result.Failed)
            ScenarioLoader.parse(
                "i.json",
                "{\"tree\": {\"id\": \"r\", \"children\": [{\"id\": \"w\", \"init\": []}]}}");
    assertThat(init.error().message())
        .isEqualTo("\"init\" needs at least one outcome: \"ok\", \"ignore\" or {\"stop\": REASON}");
  }
}
