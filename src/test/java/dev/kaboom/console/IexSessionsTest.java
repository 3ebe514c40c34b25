package dev.kaboom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every session script in src/test/resources/iex/sessions, replayed through the console, against
 * what real iex printed for it (src/test/resources/iex/recorded, recorded by
 * conformance/iex/record.sh; one file per distinct run). The console must agree with one of the
 * recorded runs on the prompts, the servers' printed lines and the values (see {@link
 * IexTranscript}).
 */
class IexSessionsTest {
  static final Path SESSIONS = Path.of("src/test/resources/iex/sessions");
  static final Path RECORDED = Path.of("src/test/resources/iex/recorded");

  /**
   * Sessions compared line by line, every line of a value or an error (its message, arguments,
   * attempted clauses and stack lines), not only an error's kind.
   */
  static final java.util.Set<String> STRICT =
      java.util.Set.of(
          "ranges_improper",
          "cond_for_with",
          "stdlib",
          "stdlib_errors",
          "child_spec",
          "unknown_call",
          "unknown_cast",
          "io_inspect",
          "blank_lines",
          "info_helper",
          "stdlib_more",
          "erlang_modules",
          "child_spec_maps");

  @Test
  void thereAreAtLeastFifteenRecordedSessions() throws IOException {
    assertThat(sessions()).hasSizeGreaterThanOrEqualTo(15);
  }

  @TestFactory
  Stream<DynamicTest> eachSessionAnswersAsIexDid() throws IOException {
    // -Dkaboom.sessions=a,b replays only these (while one session is being worked on)
    String only = System.getProperty("kaboom.sessions", "");
    return sessions().stream()
        .filter(n -> only.isEmpty() || List.of(only.split(",")).contains(n))
        .map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
  }

  static List<String> sessions() throws IOException {
    try (Stream<Path> s = Files.list(SESSIONS)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".exs"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    }
  }

  /** What the console prints for the session script, input echoed after each prompt. */
  static String replay(String name) throws IOException {
    Console console = new Console(ConsoleTest.course());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    console.run(
        new BufferedReader(new StringReader(Files.readString(SESSIONS.resolve(name + ".exs")))),
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        true);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void check(String name) throws IOException {
    List<Path> runs = new ArrayList<>();
    try (Stream<Path> s = Files.list(RECORDED)) {
      s.filter(p -> p.getFileName().toString().matches("\\Q" + name + "\\E(\\.\\d+)?\\.iex"))
          .sorted()
          .forEach(runs::add);
    }
    assertThat(runs).as("recorded iex runs of " + name).isNotEmpty();
    String out = replay(name);
    boolean strict = STRICT.contains(name);
    IexTranscript console = IexTranscript.parse(out, true, strict);
    List<String> differences = new ArrayList<>();
    for (Path run : runs) {
      String diff =
          IexTranscript.parse(Files.readString(run), false, strict).firstDifference(console);
      if (diff == null) {
        return;
      }
      differences.add(run.getFileName() + ": " + diff);
    }
    throw new AssertionError(
        "the console differs from every recorded iex run of "
            + name
            + ":\n  "
            + String.join("\n  ", differences)
            + "\n--- console ---\n"
            + out);
  }
}
