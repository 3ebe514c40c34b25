package dev.kaboom.cli;

import static dev.kaboom.cli.CliTest.inKorean;
import static dev.kaboom.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.cli.CliTest.Ran;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user types wrong, and what the command line then says (one line, what and where). */
class CliInputTest {
  private static final String NL = System.lineSeparator();

  private static Path scenario(Path dir) throws IOException {
    return Files.writeString(
        dir.resolve("ok.yaml"),
        "tree: {id: root, children: [{id: a}]}\nsteps:\n  - {exit: root/a, reason: kaboom}\n");
  }

  private static Path recorded(Path dir) throws IOException {
    Path run = dir.resolve("run.json");
    assertThat(run("trace", scenario(dir).toString(), "--record", run.toString()).status())
        .isZero();
    return run;
  }

  @Test
  void anEmptyFileNameIsSaidToBeEmpty(@TempDir Path dir) throws Exception {
    Ran r = run("trace", scenario(dir).toString(), "--record", "");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty(); // refused before the trace runs
    assertThat(r.err())
        .isEqualTo(
            "kaboom trace: Invalid value for option '--record': '' is an empty file name (see"
                + " bin/kaboom trace --help)"
                + NL);
    assertThat(inKorean(() -> run("trace", "")).err())
        .isEqualTo(
            "kaboom trace: FILE(0번 자리 인자)의 값 ''은(는) 빈 파일 이름이에요 (bin/kaboom trace --help 참고)" + NL);
  }

  @Test
  void aHugeNumberIsOutOfRangeNotNotAWholeNumber(@TempDir Path dir) throws Exception {
    Path run = recorded(dir);
    String huge = "99999999999999999999";
    for (String command : new String[] {"replay", "open", "snapshot"}) {
      Ran r =
          command.equals("snapshot")
              ? run(command, run.toString(), dir.resolve("x.png").toString(), "--at", huge)
              : run(command, run.toString(), "--at", huge);
      assertThat(r.status()).as(command).isEqualTo(2);
      assertThat(r.err())
          .as(command)
          .isEqualTo(
              "kaboom "
                  + command
                  + ": --at "
                  + huge
                  + ": out of range; "
                  + run
                  + " prints 6 trace lines, so N is 0..6"
                  + NL);
    }
    assertThat(run("replay", run.toString(), "--at", "4x").err())
        .isEqualTo("kaboom replay: --at 4x: not a whole number of trace lines" + NL);
    Ran after = run("snapshot", scenario(dir).toString(), "o.png", "--after", huge);
    assertThat(after.err())
        .isEqualTo(
            "kaboom snapshot: Invalid value for option '--after': '"
                + huge
                + "' is out of range (-2147483648..2147483647) (see bin/kaboom snapshot --help)"
                + NL);
    assertThat(inKorean(() -> run("bench", "--warmups", huge)).err())
        .isEqualTo(
            "kaboom bench: 옵션 '--warmups'의 값 '"
                + huge
                + "'은(는) 범위를 벗어났어요 (-2147483648..2147483647) (bin/kaboom bench --help 참고)"
                + NL);
  }

  /** A run file whose only change is its sha256: every line matches, the checksum does not. */
  @Test
  void aChangedChecksumAloneIsSaidSo(@TempDir Path dir) throws Exception {
    Path run = recorded(dir);
    String text = Files.readString(run);
    String sha = text.replaceAll("(?s).*\"sha256\" : \"([0-9a-f]+)\".*", "$1");
    assertThat(sha).hasSize(64);
    Files.writeString(run, text.replace(sha, "0".repeat(64)));
    Ran r = run("replay", run.toString());
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.out().lines()).hasSize(6);
    assertThat(r.err())
        .isEqualTo(
            "kaboom replay: warning: "
                + run
                + ": every line of the trace is the recorded one (6 lines), but the recorded"
                + " sha256 is not the trace's: the run file's checksum was changed"
                + NL);
  }

  /** A file of the wrong kind, or none at all, is named for what it is, by the command typed. */
  @Test
  void aFileOfTheWrongKindIsSaidToBeSo(@TempDir Path dir) throws Exception {
    Path run = recorded(dir);
    Path scenario = scenario(dir);
    String missing = dir.resolve("nosuch.json").toString();
    assertThat(run("open", missing, "--at", "1").err())
        .isEqualTo("kaboom open: " + missing + ": no such file" + NL);
    assertThat(run("snapshot", dir.toString(), "o.png", "--at", "1").err())
        .isEqualTo("kaboom snapshot: " + dir + ": a directory, not a file" + NL);
    assertThat(run("replay", scenario.toString()).err())
        .isEqualTo(
            "kaboom replay: "
                + scenario
                + " is a scenario, not a run file (bin/kaboom trace prints a scenario's trace;"
                + " trace --record RUN also writes its run)"
                + NL);
    Ran console = run("console", run.toString());
    assertThat(console.status()).isEqualTo(2);
    assertThat(console.err())
        .startsWith(
            "kaboom console: " + run + " is a run file; the console starts from a scenario");
    Path partial = Files.writeString(dir.resolve("p.json"), "{\"kind\": \"kaboom-run\"}");
    assertThat(run("trace", partial.toString()).err()).startsWith("kaboom trace: " + partial + ":");
    assertThat(run("replay", run.toString(), "--at", "1,,2").err())
        .isEqualTo(
            "kaboom replay: --at 1,,2: a position is missing (N or N,N,... with a whole number"
                + " between commas)"
                + NL);
    assertThat(inKorean(() -> run("lesson", dir.toString(), "--terminal")).err())
        .isEqualTo("kaboom lesson: " + dir + ": 파일이 아니라 디렉터리예요" + NL);
  }

  /** {@code trace s.yaml --record s.yaml} would write the run over the scenario: refused. */
  @Test
  void aRunIsNotWrittenOverItsOwnScenario(@TempDir Path dir) throws Exception {
    Path scenario = scenario(dir);
    String before = Files.readString(scenario);
    Ran r = run("trace", scenario.toString(), "--record", dir.resolve("./ok.yaml").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "kaboom trace: --record "
                + dir.resolve("./ok.yaml")
                + ": that is the scenario file itself, and the run would be written over it; give"
                + " the run a name of its own (for example ok-run.json)"
                + NL);
    assertThat(Files.readString(scenario)).isEqualTo(before);
    Path run = recorded(dir);
    assertThat(inKorean(() -> run("trace", run.toString(), "--record", "x.json")).err())
        .isEqualTo("kaboom trace: " + run + "은(는) 이미 실행 기록이에요. --record에는 시나리오를 주세요" + NL);
  }

  /** A step that runs away is said in Korean on a Korean system, naming the processes. */
  @Test
  void aRunawayStepIsSaidInKorean(@TempDir Path dir) throws Exception {
    Path f = CliTest.runaway(dir);
    Ran r = inKorean(() -> run("trace", "--max-turns=30000", f.toString()));
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err())
        .startsWith(
            "kaboom trace: "
                + f
                + ": 끝나지 않는 실행을 멈췄어요: 한 단계에서 프로세스 차례가 30000번을 넘었어요. 관련 프로세스: root (#PID<0.");
  }

  /** open takes --lang too: the window's language, and its "no display" line (tests: headless). */
  @Test
  void openSaysNoDisplayInTheLanguageAsked() {
    Ran korean = run("open", "--lang", "ko");
    assertThat(korean.status()).isEqualTo(1);
    assertThat(korean.err()).startsWith("Kaboom: 창을 열 디스플레이가 없어요");
    assertThat(run("open", "--lang=xx").err())
        .isEqualTo("kaboom open: --lang xx: expected en or ko" + NL);
  }

  /** {@code > /dev/full}: the write failure is one line on stderr and status 1, not status 0. */
  @Test
  void anOutputThatCannotBeWrittenIsAFailure(@TempDir Path dir) throws Exception {
    Path f = scenario(dir);
    for (String[] args :
        new String[][] {
          {"trace", f.toString()}, {"--help"}, {"replay", recorded(dir).toString()}
        }) {
      Ran r = runIntoAFullDisk(args);
      String name = args[0].startsWith("-") ? "kaboom" : "kaboom " + args[0];
      assertThat(r.status()).as(args[0]).isEqualTo(1);
      assertThat(r.err())
          .as(args[0])
          .isEqualTo(name + ": cannot write the standard output: the disk is full" + NL);
    }
  }

  private static synchronized Ran runIntoAFullDisk(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.WriteWatch full =
        new Main.WriteWatch(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("No space left on device");
              }
            });
    try {
      Main.stdout = full;
      System.setOut(new PrintStream(full, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Main.execute(args);
      return new Ran(status, "", err.toString(StandardCharsets.UTF_8));
    } finally {
      Main.stdout = null;
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
