package dev.kaboom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.run.Run;
import dev.kaboom.run.RunCursor;
import dev.kaboom.run.RunFile;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.model.NodeStatus;
import dev.kaboom.ui.model.ProcessNodeModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code open RUN --at N} and {@code snapshot RUN OUT.png --at N}: the window's seek to a trace
 * line shows what {@code replay --at N --tree} lists, for every N; bad N and files are one line,
 * exit 2.
 */
class RunAtCliTest {
  private static final String SCENARIO =
      "tree: {id: root, strategy: one_for_one, intensity: 3, period_s: 5,"
          + " children: [{id: a}, {id: b}, {id: mid, strategy: one_for_all,"
          + " children: [{id: c}, {id: d}]}]}\n"
          + "steps:\n  - {exit: root/a, reason: kaboom}\n  - {which_children: root}\n"
          + "  - {exit: root/mid/c, reason: kaboom}\n  - {exit: root/b, reason: kill}\n";

  private static Path record(Path dir) {
    Path run = dir.resolve("s.run.json");
    try {
      Path f = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
      CliTest.Ran r = CliTest.run("trace", f.toString(), "--record", run.toString());
      assertThat(r.status()).as(r.err()).isZero();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return run;
  }

  /** The processes the window's tree shows running, by path. */
  private static Map<String, Pid> shownLive(MainViewModel vm) {
    Map<String, Pid> live = new TreeMap<>();
    for (ProcessNodeModel n : vm.tree().nodes()) {
      if (n.status() == NodeStatus.RUNNING && !n.leaving() && n.pid().isPresent()) {
        live.put(n.path(), n.pid().get());
      }
    }
    return live;
  }

  @Test
  void theWindowsSeekToEveryTraceLineShowsWhatReplayListsThere(@TempDir Path dir) {
    Path file = record(dir);
    Run run = ((RunFile.Result.Loaded) RunFile.read(file)).run();
    RunCursor cursor = new RunCursor(run);
    long total = cursor.totalLines();
    MainViewModel vm = new MainViewModel();
    assertThat(vm.open(file)).isTrue();
    for (long n = total; n >= 0; n--) { // backwards, then a few forwards
      assertThat(vm.seekTraceLine(run, n)).isEmpty();
      cursor.seek(n);
      assertThat(shownLive(vm)).as("@%d", n).isEqualTo(new TreeMap<>(cursor.live()));
    }
    for (long n : new long[] {3, total, 7}) {
      vm.seekTraceLine(run, n);
      cursor.seek(n);
      assertThat(shownLive(vm)).as("@%d", n).isEqualTo(new TreeMap<>(cursor.live()));
    }
    assertThat(vm.seekTraceLine(run, total + 1)).get().asString().contains("out of range");
  }

  @Test
  void snapshotAtNDrawsThatMoment(@TempDir Path dir) throws Exception {
    Path file = record(dir);
    Path out = dir.resolve("at.png");
    CliTest.Ran r = CliTest.run("snapshot", file.toString(), out.toString(), "--at", "6");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(out).exists();
    CliTest.Ran end = CliTest.run("snapshot", file.toString(), dir.resolve("end.png").toString());
    assertThat(end.status()).as(end.err()).isZero();
  }

  @Test
  void aBadNOrFileIsOneLineAndExitStatusTwo(@TempDir Path dir) throws Exception {
    Path file = record(dir);
    String png = dir.resolve("x.png").toString();
    for (String cmd : new String[] {"snapshot", "open"}) {
      String[] args =
          cmd.equals("open")
              ? new String[] {cmd, file.toString(), "--at", "9999"}
              : new String[] {cmd, file.toString(), png, "--at", "9999"};
      CliTest.Ran far = CliTest.run(args);
      assertThat(far.status()).isEqualTo(2);
      assertThat(far.err().strip().lines()).hasSize(1);
      assertThat(far.err()).contains("--at 9999: out of range", "so N is 0..");
    }
    CliTest.Ran neg = CliTest.run("snapshot", file.toString(), png, "--at", "-1");
    assertThat(neg.status()).isEqualTo(2);
    CliTest.Ran scenario = CliTest.run("open", dir.resolve("s.yaml").toString(), "--at", "3");
    assertThat(scenario.status()).isEqualTo(2);
    assertThat(scenario.err()).contains("is a scenario, not a run file");
    Files.writeString(file, "{\"kind\": \"kaboom-run\", \"format\": 1}");
    CliTest.Ran damaged = CliTest.run("snapshot", file.toString(), png, "--at", "3");
    assertThat(damaged.status()).isEqualTo(2);
    assertThat(damaged.err()).contains("s.run.json");
    assertThat(Files.exists(dir.resolve("x.png"))).isFalse();
  }
}
