package dev.kaboom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.cli.CliTest.Ran;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace --record}, {@code replay}, {@code replay --at N --tree}, and their errors. */
class ReplayCliTest {
  static final String SCENARIO =
      "tree: {id: root, strategy: one_for_all, intensity: 1, period_s: 5,"
          + " children: [{id: a}, {id: b}]}\n"
          + "steps:\n  - {exit: root/a, reason: kaboom}\n  - {which_children: root}\n"
          + "  - {exit: root/b, reason: kaboom}\n";

  Path record(Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
    Path run = dir.resolve("s.run.json");
    Ran r = CliTest.run("trace", f.toString(), "--record", run.toString());
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo(CliTest.run("trace", f.toString()).out());
    return run;
  }

  @Test
  void aRecordedRunReplaysToTheSameTraceAndTraceTakesItToo(@TempDir Path dir) throws Exception {
    Path run = record(dir);
    assertThat(Files.readString(run)).contains("\"kind\" : \"kaboom-run\"", "\"at_ms\"");
    String trace = CliTest.run("trace", dir.resolve("s.yaml").toString()).out();
    Ran replay = CliTest.run("replay", run.toString());
    assertThat(replay.status()).isZero();
    assertThat(replay.err()).isEmpty();
    assertThat(replay.out()).isEqualTo(trace);
    assertThat(CliTest.run("trace", run.toString()).out()).isEqualTo(trace);
  }

  @Test
  void explainAddsTheRuleBehindEachStepAsTraceExplainDoesInEnglishOrKorean(@TempDir Path dir)
      throws Exception {
    Path run = record(dir);
    String plain = CliTest.run("replay", run.toString()).out();
    Ran en = CliTest.run("replay", run.toString(), "--explain");
    assertThat(en.status()).as(en.err()).isZero();
    assertThat(en.out())
        .isEqualTo(CliTest.run("trace", dir.resolve("s.yaml").toString(), "--explain").out());
    assertThat(en.out().lines().filter(l -> !l.startsWith("#")).toList())
        .as("the trace lines are unchanged")
        .isEqualTo(plain.lines().toList());
    assertThat(en.out().lines().filter(l -> l.startsWith("# ")).toList())
        .isNotEmpty()
        .anyMatch(l -> l.contains("one_for_all"));
    Ran ko = CliTest.run("replay", run.toString(), "--explain", "--lang", "ko");
    assertThat(ko.status()).isZero();
    assertThat(ko.out().lines().filter(l -> l.startsWith("# ")))
        .anyMatch(l -> l.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3));
    assertThat(CliTest.run("trace", run.toString(), "--explain", "--lang", "ko").out())
        .isEqualTo(ko.out());
    Ran bad = CliTest.run("replay", run.toString(), "--explain", "--lang", "fr");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("--lang fr").contains("en or ko");
  }

  @Test
  void atNTreeListsTheLiveProcessesForwardAndBack(@TempDir Path dir) throws Exception {
    Path run = record(dir);
    Ran r = CliTest.run("replay", run.toString(), "--at", "4,6,0,4", "--tree");
    assertThat(r.status()).as(r.err()).isZero();
    // 1 > start_link root, 2 start root, 3 start root/a, 4 start root/b, 5 > exit..., 6 exit root/a
    assertThat(r.out())
        .isEqualTo(
            "@4\nroot <0.102.0>\nroot/a <0.103.0>\nroot/b <0.104.0>\n"
                + "@6\nroot <0.102.0>\nroot/b <0.104.0>\n"
                + "@0\n"
                + "@4\nroot <0.102.0>\nroot/a <0.103.0>\nroot/b <0.104.0>\n");
  }

  @Test
  void theLastLineIsAPositionTooWhenTheRunEndsWithAReply(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("ends.yaml"),
            SCENARIO.replace(
                "  - {exit: root/b, reason: kaboom}\n", "  - {which_children: root}\n"));
    Path run = dir.resolve("ends.run.json");
    assertThat(CliTest.run("trace", f.toString(), "--record", run.toString()).status()).isZero();
    String trace = CliTest.run("replay", run.toString()).out();
    assertThat(trace.strip()).endsWith("]");
    long lines = trace.lines().count();
    Ran r = CliTest.run("replay", run.toString(), "--at", Long.toString(lines), "--tree");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("@" + lines + "\nroot <0.102.0>\n");
  }

  @Test
  void anNOutOfRangeSaysTheRangeAndExitsTwo(@TempDir Path dir) throws Exception {
    Path run = record(dir);
    long lines = CliTest.run("replay", run.toString()).out().lines().count();
    Ran r = CliTest.run("replay", run.toString(), "--at", "1," + (lines + 1), "--tree");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--at " + (lines + 1), "0.." + lines);
    assertThat(CliTest.run("replay", run.toString(), "--at", "x").status()).isEqualTo(2);
  }

  @Test
  void aDamagedRunFileSaysWhereAndExitsTwo(@TempDir Path dir) throws Exception {
    Path run = record(dir);
    String text = Files.readString(run);
    Path bad =
        Files.writeString(
            dir.resolve("bad.json"),
            text.replaceFirst("\"reason\" : \"kaboom\"", "\"reason\" : [1]"));
    Ran r = CliTest.run("replay", bad.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("bad.json", "commands[0].reason", "not a term");
    Path cut = Files.writeString(dir.resolve("cut.json"), text.substring(0, text.length() / 2));
    Ran r2 = CliTest.run("replay", cut.toString());
    assertThat(r2.status()).isEqualTo(2);
    assertThat(r2.err()).containsPattern("cut.json:\\d+:\\d+: malformed JSON");
  }

  /** On a Korean system ({@code LANG=ko_KR.UTF-8}) the line is Korean, every word of it. */
  @Test
  void aDamagedRunFileIsSaidInKoreanOnAKoreanSystem(@TempDir Path dir) throws Exception {
    Path run = record(dir);
    String text = Files.readString(run);
    Path bad =
        Files.writeString(
            dir.resolve("bad.json"), text.replaceFirst("\"commands\" : \\[", "\"commands\" : [ :"));
    Locale was = Locale.getDefault();
    Ran r;
    Ran lesson;
    try {
      Locale.setDefault(Locale.forLanguageTag("ko-KR"));
      r = CliTest.run("replay", bad.toString());
      lesson = CliTest.run("lesson", dir.resolve("none.yaml").toString(), "--terminal");
    } finally {
      Locale.setDefault(was);
    }
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).containsPattern("bad.json:\\d+:\\d+: JSON 형식이 잘못됐어요: ':'이\\(가\\) 왔어요");
    assertThat(dev.kaboom.scenario.KoreanText.englishProse(r.err())).isNull();
    assertThat(lesson.status()).isEqualTo(2);
    assertThat(lesson.err()).contains("none.yaml: 그런 파일이 없어요");
  }

  @Test
  void aTraceThatNoLongerMatchesTheChecksumIsReportedWithExitThree(@TempDir Path dir)
      throws Exception {
    Path run = record(dir);
    // the same run on a tree whose supervisor allows more restarts: it no longer gives up
    String text = Files.readString(run).replace("intensity: 1,", "intensity: 5,");
    Path changed = Files.writeString(dir.resolve("changed.json"), text);
    Ran r = CliTest.run("replay", changed.toString());
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err()).contains("warning", "differs", "from line ");
    assertThat(r.out()).startsWith("> start_link root");
  }
}
