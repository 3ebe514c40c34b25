package dev.kaboom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs {@code kaboom bench --quick} so the bench cannot rot. A measurement, never an assertion. */
class BenchSmokeTest {
  private static final List<String> ENGINE_FIGURES =
      List.of(
          "S1_start_1k",
          "S1_start_10k",
          "S1_start_100k",
          "S2_restart_mean",
          "S2_restart_p50",
          "S2_restart_p99",
          "S2b_restart_mean",
          "S2b_restart_p50",
          "S2b_restart_p99",
          "T2_record_overhead",
          "T1_seek_p99",
          "M2_bytes_per_event",
          "S3_all_for_one_1k_mean",
          "S3_all_for_one_1k_p50",
          "S4_subtree_restart_1k",
          "S5_stop_1k",
          "S5_stop_10k",
          "S5_stop_100k",
          "M1_bytes_per_process");

  @Test
  void quickBenchPrintsEveryEngineFigureAsNameValueUnit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    BenchCommand cmd = new BenchCommand();
    new CommandLine(cmd).parseArgs("--quick", "--warmups", "0", "--no-ui");
    int status =
        cmd.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    List<String> lines = Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
    for (String line : lines) {
      if (!line.startsWith("#"))
        assertThat(line).matches("[A-Za-z0-9_]+ -?[0-9]+\\.[0-9]{2} ([a-z]+|%)");
    }
    List<String> names = lines.stream().map(l -> l.split(" ")[0]).collect(Collectors.toList());
    assertThat(names).containsAll(ENGINE_FIGURES);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("# kaboom bench");
  }
}
