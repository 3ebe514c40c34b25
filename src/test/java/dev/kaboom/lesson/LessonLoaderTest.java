package dev.kaboom.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lesson files: the bundled ones load whole and bilingual; a broken one is one clear line. */
class LessonLoaderTest {
  static Lesson bundled(String name) {
    LessonLoader.Result r = LessonLoader.load(name);
    assertThat(r).as(name + ": " + r).isInstanceOf(LessonLoader.Result.Loaded.class);
    return ((LessonLoader.Result.Loaded) r).lesson();
  }

  @Test
  void theChaptersLessonAndTheStrategiesLessonAreBundled() {
    assertThat(LessonLoader.bundled()).containsExactly("servy-supervisor", "strategies");
    Lesson servy = bundled("servy-supervisor");
    assertThat(servy.steps()).extracting(Step::id).startsWith("links", "children", "kaboom");
    assertThat(servy.worldAt(0)).isEqualTo("servy-course-first");
    int arguments = servy.steps().stream().map(Step::id).toList().indexOf("arguments");
    assertThat(servy.worldAt(arguments)).isEqualTo("servy-course");
    assertThat(servy.worldAt(servy.steps().size() - 1)).isEqualTo("servy-course");
    assertThat(bundled("strategies").worlds()).containsOnlyKeys("strategies-lab");
  }

  @ParameterizedTest
  @MethodSource("bundledNames")
  void everyTextOfABundledLessonIsInEnglishAndKorean(String name) {
    Lesson lesson = bundled(name);
    List<Text> texts = new java.util.ArrayList<>(List.of(lesson.title(), lesson.summary()));
    for (Step s : lesson.steps()) {
      texts.addAll(List.of(s.title(), s.say(), s.watch(), s.hint(), s.done()));
      assertThat(s.iex()).as(s.id() + " asks for lines").isNotEmpty();
    }
    for (Text t : texts) {
      assertThat(t.byLanguage()).containsKeys("en", "ko");
      assertThat(t.in("ko")).isNotBlank().isNotEqualTo(t.in("en"));
    }
  }

  static Stream<String> bundledNames() {
    return LessonLoader.bundled().stream();
  }

  static final String OK_STEP =
      "  - id: one\n    title: T\n    say: S\n    iex: [\"self()\"]\n    check: {started: a}\n";

  @ParameterizedTest
  @MethodSource("broken")
  void aBrokenLessonIsOneLineWithItsFileLineAndColumn(String text, String error) {
    LessonLoader.Result r = LessonLoader.parse("my.yaml", text, null);
    assertThat(r).isInstanceOf(LessonLoader.Result.Failed.class);
    assertThat(((LessonLoader.Result.Failed) r).error().toString()).isEqualTo(error);
  }

  static Stream<Arguments> broken() {
    String head = "title: X\nworld: servy-course\nsteps:\n";
    return Stream.of(
        Arguments.of("", "my.yaml:1:1: the file is empty"),
        Arguments.of(
            "title: [x\nworld: y\n",
            "my.yaml:1:8: malformed YAML: expected ',' or ']' in the [...] list, found ':'"
                + " (the [...] list that starts here; the problem shows at line 2, column 6)"),
        Arguments.of(
            "title: X\nworld: servy-course\nstep: []\n",
            "my.yaml:3:1: unknown field \"step\" in a lesson: expected one of name, title,"
                + " summary, world, steps"),
        Arguments.of(
            "title: X\nworld: nowhere\nsteps: []\n",
            "my.yaml:2:8: no bundled scenario 'nowhere' (resources/scenarios/NAME.json); or give"
                + " a scenario file (NAME.json)"),
        Arguments.of(
            "title: X\nworld: servy-course\nsteps: []\n",
            "my.yaml:3:8: \"steps\" is empty: a lesson needs at least one step"),
        Arguments.of(
            head + "  - id: one\n    title: T\n    say: S\n",
            "my.yaml:4:5: missing \"check\": what the learner must do (docs/lessons.md, Checks)"),
        Arguments.of(
            head + "  - id: one\n    title: T\n    say: S\n    check: {restart: a}\n",
            "my.yaml:7:13: unknown check \"restart\": expected one of started, restarted, exited,"
                + " gave_up, called, printed, typed, all, any"),
        Arguments.of(
            head + "  - id: one\n    title: T\n    say: S\n    check: {typed: \"(\"}\n",
            "my.yaml:7:20: \"typed\" is no regular expression: a '(' is not closed (at character 2)"),
        Arguments.of(
            head + "  - id: one\n    title: {ko: 제목}\n    say: S\n    check: {started: a}\n",
            "my.yaml:5:12: \"title\" has no English text (en)"),
        Arguments.of(
            head + "  - id: one\n    title: {en: T, fr: X}\n    say: S\n    check: {started: a}\n",
            "my.yaml:5:20: \"fr\" in \"title\" is no language of Kaboom's: expected en or ko"),
        Arguments.of(head + OK_STEP + OK_STEP, "my.yaml:9:9: duplicate step id 'one'"),
        Arguments.of(
            head + "  - id: one\n    title: T\n    say: S\n    check: {started: a, called: b}\n",
            "my.yaml:7:12: a check has exactly one of started, restarted, exited, gave_up, called,"
                + " printed, typed, all, any; this one has started, called"));
  }

  @Test
  void anUnknownNameSaysWhichLessonsThereAre() {
    LessonLoader.Result r = LessonLoader.load("nope");
    assertThat(((LessonLoader.Result.Failed) r).error().toString())
        .isEqualTo(
            "nope: no bundled lesson of that name: the bundled ones are servy-supervisor,"
                + " strategies; or give a lesson file (NAME.yaml)");
  }

  @ParameterizedTest
  @MethodSource("broken")
  void aBrokenLessonSaysItInKoreanAtTheSamePlace(String text, String error) {
    var e = ((LessonLoader.Result.Failed) LessonLoader.parse("my.yaml", text, null)).error();
    String ko = e.toString(java.util.Locale.KOREAN);
    assertThat(ko).startsWith(error.substring(0, error.indexOf(": ") + 2));
    assertThat(dev.kaboom.scenario.KoreanText.hasHangul(ko)).as(ko).isTrue();
    assertThat(dev.kaboom.scenario.KoreanText.englishProse(ko)).as(ko).isNull();
  }

  @Test
  void anUnknownLessonNameOrAMissingFileIsSaidInKoreanToo() {
    for (String name : List.of("no-such-lesson", "/nowhere/lesson.yaml")) {
      var e = ((LessonLoader.Result.Failed) LessonLoader.load(name)).error();
      String ko = e.toString(java.util.Locale.KOREAN);
      assertThat(ko).startsWith(name + ": ");
      assertThat(dev.kaboom.scenario.KoreanText.englishProse(ko)).as(ko).isNull();
      assertThat(dev.kaboom.scenario.KoreanText.hasHangul(ko)).as(ko).isTrue();
    }
  }
}
