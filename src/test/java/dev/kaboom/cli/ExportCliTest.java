package dev.kaboom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export RUN --format sequence-mermaid|sequence-svg [--from N --to M] [-o OUT]}: the chart
 * of a recorded run as text; every bad input is one line on stderr and status 2.
 */
class ExportCliTest {
  private static final String SCENARIO =
      "tree: {id: root, strategy: one_for_all, children: [{id: a}, {id: b}]}\n"
          + "steps:\n  - {exit: root/a, reason: kaboom}\n  - {which_children: root}\n";

  private static Path record(Path dir) throws Exception {
    Path run = dir.resolve("s.run.json");
    Path f = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
    CliTest.Ran r = CliTest.run("trace", f.toString(), "--record", run.toString());
    assertThat(r.status()).as(r.err()).isZero();
    return run;
  }

  private static void oneLine(CliTest.Ran r, String... parts) {
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").startsWith("kaboom export: ").contains(parts);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void mermaidOfTheWholeRunAndOfAStretchOfIt(@TempDir Path dir) throws Exception {
    Path run = record(dir);
    CliTest.Ran all = CliTest.run("export", run.toString(), "--format", "sequence-mermaid");
    assertThat(all.status()).as(all.err()).isZero();
    assertThat(all.out()).startsWith("sequenceDiagram\n").contains("-xp", "Process.exit :kaboom");
    assertThat(all.out()).contains("call which_children");
    // lines 1..4: > start_link root, start root, start root/a, start root/b; 5: > exit root/a
    CliTest.Ran start =
        CliTest.run("export", run.toString(), "--format", "sequence-mermaid", "--to", "4");
    assertThat(start.out())
        .contains("start #35;PID")
        .doesNotContain("Process.exit", "which_children");
    CliTest.Ran crash =
        CliTest.run(
            "export", run.toString(), "--format", "sequence-mermaid", "--from", "5", "--to", "6");
    assertThat(crash.out()).contains("Process.exit :kaboom").doesNotContain("start #35;", "which");
  }

  @Test
  void svgToAFileInKorean(@TempDir Path dir) throws Exception {
    Path run = record(dir);
    Path out = dir.resolve("chart.svg");
    CliTest.Ran r =
        CliTest.run(
            "export",
            run.toString(),
            "--format",
            "sequence-svg",
            "-o",
            out.toString(),
            "--lang",
            "ko");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    String svg = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<?xml").contains("<svg", "재시작", "<title>").endsWith("</svg>\n");
  }

  @Test
  void aScenarioFileIsExportedAsItsStepsRun(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
    CliTest.Ran r = CliTest.run("export", f.toString(), "--format", "sequence-mermaid");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("Process.exit :kaboom");
  }

  @Test
  void badInputIsOneLine(@TempDir Path dir) throws Exception {
    Path run = record(dir);
    String f = run.toString();
    oneLine(CliTest.run("export", f, "--format", "png"), "--format png: unknown", "sequence-svg");
    oneLine(
        CliTest.run("export", f, "--format", "sequence-svg", "--from", "6", "--to", "2"),
        "--from 6 is after --to 2");
    oneLine(
        CliTest.run("export", f, "--format", "sequence-svg", "--to", "999"),
        "--to 999: out of range",
        "0..");
    oneLine(
        CliTest.run("export", f, "--format", "sequence-svg", "--from", "-1"),
        "--from -1: out of range");
    oneLine(
        CliTest.run("export", dir.resolve("none.json").toString(), "--format", "sequence-svg"),
        "none.json: no such file");
    Path damaged = Files.writeString(dir.resolve("bad.run.json"), "{\"kind\": \"kaboom-run\", ");
    oneLine(CliTest.run("export", damaged.toString(), "--format", "sequence-svg"), "bad.run.json");
    oneLine(CliTest.run("export", f, "--format", "sequence-svg", "--lang", "fr"), "--lang fr");
    CliTest.Ran noFormat = CliTest.run("export", f);
    assertThat(noFormat.status()).isEqualTo(2);
    assertThat(noFormat.err().strip()).doesNotContain("\n").contains("--format");
    CliTest.Ran notANumber = CliTest.run("export", f, "--format", "sequence-svg", "--to", "x");
    assertThat(notANumber.status()).isEqualTo(2);
    assertThat(notANumber.err().strip()).doesNotContain("\n").contains("--to");
  }
}
