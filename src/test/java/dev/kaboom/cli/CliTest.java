package dev.kaboom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code bin/kaboom}'s entry point, run in-process with System.out and System.err captured. */
class CliTest {
  record Ran(int status, String out, String err) {}

  static synchronized Ran run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Main.execute(args);
      return new Ran(
          status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void traceOfAValidScenarioPrintsItsTraceAndExitsZero(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("ok.yaml"),
            "tree: {id: root, strategy: one_for_all, children: [{id: a}, {id: b}]}\n"
                + "steps:\n  - {exit: root/a, reason: kaboom}\n  - {which_children: root}\n");
    Ran r = run("trace", f.toString());
    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines().toList())
        .containsExactly(
            "> start_link root",
            "start root",
            "start root/a",
            "start root/b",
            "> exit root/a kaboom",
            "exit root/a kaboom",
            "exit root/b shutdown",
            "start root/a",
            "start root/b",
            "> which_children root",
            "= [{b,pid,worker},{a,pid,worker}]");
    assertThat(r.out()).endsWith("\n").doesNotContain("\r");
  }

  /** Issue 14: the notifier holds its name for two hours, root retries site without end. */
  static Path runaway(Path dir) throws java.io.IOException {
    return Files.writeString(
        dir.resolve("loop.yaml"),
        "tree: {id: root, intensity: 1000000000, period_s: 60000, children: [\n"
            + "  {id: site, children: [{id: notifier, name: site_notifier, trap_exit: true,"
            + " stop_ms: 7200000}]}]}\n"
            + "steps:\n  - {exit: root/site, reason: kill}\n  - {which_children: root}\n");
  }

  @Test
  void aStepThatRunsAwayStopsWithStatusThreeNamingTheProcesses(@TempDir Path dir) throws Exception {
    Path f = runaway(dir);
    Ran r = run("trace", "--max-turns=30000", f.toString());
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err())
        .startsWith("kaboom trace: " + f + ": stopped a run that does not end: more than 30000")
        .contains("root (#PID<0.")
        .contains("root/site (#PID<0.");
    assertThat(r.out()).startsWith("> start_link root\n").contains("> exit root/site kill\n");
  }

  @Test
  void traceExplainAddsASentenceAfterEachExplainedLineInEnglishOrKorean(@TempDir Path dir)
      throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("ok.yaml"),
            "tree: {id: root, strategy: one_for_all, children: [{id: a}, {id: b}]}\n"
                + "steps:\n  - {exit: root/a, reason: normal}\n  - {exit: root/b, reason: kill}\n");
    Ran en = run("trace", f.toString(), "--explain");
    assertThat(en.status()).isZero();
    List<String> lines = en.out().lines().toList();
    assertThat(lines.get(lines.indexOf("> exit root/a normal") + 1))
        .startsWith("# ")
        .contains("normal")
        .contains("ignored");
    assertThat(lines.get(lines.indexOf("exit root/b killed") + 1))
        .startsWith("# ")
        .contains("kill cannot be trapped");
    assertThat(lines.get(lines.indexOf("exit root/a shutdown") + 1))
        .startsWith("# ")
        .contains("one_for_all");
    Ran ko = run("trace", f.toString(), "--explain", "--lang", "ko");
    assertThat(ko.out()).contains("# a 프로세스는 종료 신호를 가로채지 않아요");
    assertThat(ko.out().lines().filter(l -> !l.startsWith("#")).toList())
        .isEqualTo(run("trace", f.toString()).out().lines().toList());
    Ran bad = run("trace", f.toString(), "--explain", "--lang", "fr");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("expected en or ko");
  }

  @Test
  void theBundledServyScenarioTraces() {
    Ran r = run("trace", "resources/scenarios/servy.json");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("> start_link ");
  }

  @Test
  void anInvalidScenarioGivesOneLineAndStatusTwo(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("bad.json"),
            "{\"tree\": {\"id\": \"root\", \"strategy\": \"one_for_none\"}}");
    Ran r = run("trace", f.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList())
        .containsExactly(
            "kaboom trace: "
                + f
                + ":1:37: unknown strategy 'one_for_none': "
                + "expected one_for_one, one_for_all or rest_for_one");
  }

  @Test
  void malformedJsonGivesOneLineWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("broken.json"), "{\"tree\": {\"id\": \"root\"\n");
    Ran r = run("trace", f.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err())
        .contains(f + ":2:")
        .contains("malformed JSON")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void aMissingFileGivesOneLineAndStatusTwo(@TempDir Path dir) {
    Ran r = run("trace", dir.resolve("nope.json").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "kaboom trace: "
                + dir.resolve("nope.json")
                + ": no such file"
                + System.lineSeparator());
  }

  @Test
  void missingArgumentsAreAUsageError() {
    Ran r = run("trace");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "kaboom trace: Missing required parameter: 'FILE' (see bin/kaboom trace --help)"
                + System.lineSeparator());
    assertThat(r.out()).isEmpty();
  }

  /** A bad option or argument on any command: one line naming it and the help to read, status 2. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "snapshot s.json o.png --after abc | kaboom snapshot: Invalid value for option '--after':"
            + " 'abc' is not a whole number (see bin/kaboom snapshot --help)",
        "trace s.json --max-turns x | kaboom trace: Invalid value for option '--max-turns': 'x' is"
            + " not a whole number (see bin/kaboom trace --help)",
        "bench --warmups many | kaboom bench: Invalid value for option '--warmups': 'many' is not"
            + " a whole number (see bin/kaboom bench --help)",
        "replay --tree | kaboom replay: Missing required parameter: 'RUN' (see bin/kaboom replay"
            + " --help)",
        "console --script | kaboom console: Missing required parameter for option '--script'"
            + " (FILE) (see bin/kaboom console --help)",
        "open a.json b.json | kaboom open: Unmatched argument at index 2: 'b.json' (see bin/kaboom"
            + " open --help)",
        "trace s.json --explian | kaboom trace: Unknown option: '--explian'; did you mean"
            + " --explain? (see bin/kaboom trace --help)",
        "--frobnicate | kaboom: Unknown option: '--frobnicate' (see bin/kaboom --help)",
      })
  void aBadOptionOrArgumentIsOneLineNamingItAndTheHelp(String args, String line) {
    Ran r = run(args.split(" "));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(line + System.lineSeparator());
    assertThat(r.out()).isEmpty();
  }

  /**
   * On a Korean system every bad option or argument, and every line of kaboom's own, is Korean:
   * picocli's English is said again from the bundle, with the option and the value as typed.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "trace | kaboom trace: 꼭 필요한 인자 'FILE'이(가) 없어요 (bin/kaboom trace --help 참고)",
        "snapshot s.json o.png --after abc | kaboom snapshot: 옵션 '--after'의 값 'abc'은(는) 정수가"
            + " 아니에요 (bin/kaboom snapshot --help 참고)",
        "console --script | kaboom console: 옵션 '--script' 뒤에 값(FILE)이 없어요 (bin/kaboom console"
            + " --help 참고)",
        "open a.json b.json | kaboom open: 쓸 데가 없는 인자예요: 'b.json' (2번 자리) (bin/kaboom open"
            + " --help 참고)",
        "trace s.json --explian | kaboom trace: 모르는 옵션이에요: '--explian'; 혹시 --explain인가요?"
            + " (bin/kaboom trace --help 참고)",
        "snapshot s.json o.png --lang fr | kaboom snapshot: --lang fr: en이나 ko여야 해요",
        "open --at 3 | kaboom open: --at 3에는 실행 기록 파일이 필요해요",
      })
  void aBadOptionOrArgumentIsKoreanOnAKoreanSystem(String args, String line) {
    Ran r = inKorean(() -> run(args.split(" ")));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(line + System.lineSeparator());
    assertThat(dev.kaboom.scenario.KoreanText.englishProse(r.err())).isNull();
  }

  /**
   * A file that cannot be written says why, in the bundle's words (here: its folder is missing).
   */
  @Test
  void aFileThatCannotBeWrittenSaysWhyInEitherLanguage(@TempDir Path dir) throws Exception {
    Path scenario =
        Files.writeString(
            dir.resolve("ok.yaml"), "tree: {id: root, children: [{id: a}]}\nsteps: []\n");
    String target = dir.resolve("no/such/run.json").toString();
    Ran english = run("trace", scenario.toString(), "--record", target);
    assertThat(english.status()).isEqualTo(1);
    assertThat(english.out()).as("said before the trace runs").isEmpty();
    assertThat(english.err())
        .isEqualTo(
            "kaboom trace: cannot write "
                + target
                + ": its folder does not exist"
                + System.lineSeparator());
    Ran korean = inKorean(() -> run("trace", scenario.toString(), "--record", target));
    assertThat(korean.err())
        .isEqualTo("kaboom trace: " + target + "에 쓸 수 없어요: 그 폴더가 없어요" + System.lineSeparator());
  }

  /** snapshot refuses an OUT it cannot write before drawing: one line, status 1, no trace. */
  @Test
  void aSnapshotThatCannotBeWrittenSaysWhy(@TempDir Path dir) throws Exception {
    Path scenario =
        Files.writeString(
            dir.resolve("ok.yaml"), "tree: {id: root, children: [{id: a}]}\nsteps: []\n");
    Ran toDir = run("snapshot", scenario.toString(), dir.toString());
    assertThat(toDir.status()).isEqualTo(1);
    assertThat(toDir.err())
        .isEqualTo(
            "kaboom snapshot: cannot write "
                + dir
                + ": a directory, not a file"
                + System.lineSeparator());
    String missing = dir.resolve("no/x.png").toString();
    Ran toMissing = inKorean(() -> run("snapshot", scenario.toString(), missing));
    assertThat(toMissing.status()).isEqualTo(1);
    assertThat(toMissing.err())
        .isEqualTo("kaboom snapshot: " + missing + "에 쓸 수 없어요: 그 폴더가 없어요" + System.lineSeparator());
    assertThat(Files.exists(dir.resolve("no"))).isFalse();
  }

  /** A script that is a directory or not UTF-8 text is one line saying so, status 2. */
  @Test
  void aScriptThatCannotBeReadSaysWhy(@TempDir Path dir) throws Exception {
    Ran directory = run("console", "--script", dir.toString());
    assertThat(directory.status()).isEqualTo(2);
    assertThat(directory.err())
        .isEqualTo(
            "kaboom console: cannot read the script "
                + dir
                + ": a directory, not a file"
                + System.lineSeparator());
    Path binary = Files.write(dir.resolve("b.exs"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    Ran notText = run("console", "--script", binary.toString());
    assertThat(notText.status()).isEqualTo(2);
    assertThat(notText.err()).contains("b.exs: not UTF-8 text");
  }

  /** A file saved with a byte-order mark (Windows Notepad) reads as the same file without it. */
  @Test
  void aByteOrderMarkIsDropped(@TempDir Path dir) throws Exception {
    String text = "tree: {id: root, children: [{id: a}]}\nsteps: []\n";
    Path plain = Files.writeString(dir.resolve("plain.yaml"), text);
    Path marked =
        Files.writeString(
            dir.resolve("marked.json"),
            "\uFEFF{\"tree\": {\"id\": \"root\", \"children\": [{\"id\": \"a\"}]}, \"steps\": []}");
    Ran a = run("trace", plain.toString());
    Ran b = run("trace", marked.toString());
    assertThat(b.err()).isEmpty();
    assertThat(b.status()).isZero();
    assertThat(b.out()).isEqualTo(a.out());
  }

  static Ran inKorean(java.util.function.Supplier<Ran> what) {
    java.util.Locale was = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ko-KR"));
      return what.get();
    } finally {
      java.util.Locale.setDefault(was);
    }
  }

  static List<String> subcommands() {
    return new ArrayList<>(new CommandLine(new Main()).getSubcommands().keySet());
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void everySubcommandHasHelp(String sub) {
    assertThat(subcommands()).contains("trace");
    Ran r = run(sub, "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Usage: kaboom " + sub);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void topLevelHelpListsTheSubcommands() {
    Ran r = run("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Usage: kaboom").contains("trace");
    Ran noArgs = run(); // the tests run headless: no display
    assertThat(noArgs.err().lines().toList())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("no display")
        .contains("xvfb-run");
    assertThat(noArgs.out()).isEmpty();
    assertThat(noArgs.status()).isEqualTo(1);
    Ran helpTrace = run("help", "trace");
    assertThat(helpTrace.out()).contains("Usage: kaboom trace").contains("FILE");
  }

  @Test
  void aLessonInTheTerminalMovesOnWhenTheStepIsDoneAndAlwaysStartsWhereAsked(@TempDir Path dir)
      throws Exception {
    System.setProperty("kaboom.prefs", "memory");
    Path lines =
        Files.writeString(
            dir.resolve("lines.txt"),
            "Process.whereis(:cache) |> Process.exit(:kaboom)\n/hint\n/lang ko\n/steps\n/nope\n");
    Ran r = run("lesson", "strategies", "--restart", "--lang", "en", "--script", lines.toString());
    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("── Step 1 of 4: one_for_one: only the crashed child ──")
        .contains("iex(1)> {:ok, sup} = Lab.Supervisor.start_link(:one_for_one)")
        .contains("iex(2)> Process.whereis(:cache) |> Process.exit(:kaboom)\nStarting the cache...")
        .contains("✓ Done: The cache restarted alone.")
        .contains("── Step 2 of 4: one_for_all: every child ──")
        .contains("Hint: The strategy is an atom")
        .contains("── 4단계 중 2단계: one_for_all: 모든 child ──")
        .contains("✓ 1. one_for_one")
        .contains("알 수 없는 레슨 명령 /nope");
  }

  @Test
  void aBrokenLessonFileIsOneLineWithItsPlaceAndStatusTwo(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(dir.resolve("mine.yaml"), "title: X\nworld: servy-course\nsteps: 3\n");
    Ran r = run("lesson", f.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("kaboom lesson: " + f + ":3:8: \"steps\" must be a list; got a number");
    assertThat(run("lesson", "strategies", "--lang", "fr").err().strip())
        .isEqualTo("kaboom lesson: --lang fr: expected en or ko");
  }
}
