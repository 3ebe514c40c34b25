package dev.kaboom.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kaboom bench}: the supervisor workloads of the peer harnesses (real Erlang/OTP, Apache
 * Pekko) on the engine, plus memory per process and the window's frame rate. Warm-up passes go to
 * stderr ({@code # warmup NAME VALUE UNIT}), then one {@code NAME VALUE UNIT} line per figure on
 * stdout, the format {@code shared/peers/compare.sh} reads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true)
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick")
  boolean quick;

  @Option(names = "--warmups", paramLabel = "N", defaultValue = "1")
  int warmups;

  @Option(names = "--only", paramLabel = "NAME", split = ",")
  List<String> only = new ArrayList<>();

  @Option(names = "--no-events")
  boolean noEvents;

  @Option(names = "--alloc")
  boolean alloc;

  @Option(names = "--seek-events", paramLabel = "N", defaultValue = "1000000")
  int seekEvents;

  @Option(names = "--no-ui")
  boolean noUi;

  @Option(names = "--ui-runs", paramLabel = "N", defaultValue = "1")
  int uiRuns;

  @Override
  public Integer call() {
    UiBench.headless();
    return run(System.out, System.err);
  }

  int run(PrintStream out, PrintStream err) {
    if (uiRuns < 1) {
      err.println(
          CliText.say("line", "kaboom bench", CliText.say("atLeastOne", "--ui-runs", uiRuns)));
      return 2;
    }
    Predicate<String> wanted =
        name ->
            only.isEmpty() || only.stream().anyMatch(p -> name.startsWith(p) || p.startsWith(name));
    Bench bench = new Bench(quick ? Bench.Sizes.QUICK : Bench.Sizes.FULL, !noEvents, wanted);
    if (alloc) {
      bench.allocReport = err::println;
    }
    err.printf(
        "# kaboom bench: java %s, %d cpus, max heap %d MB%s%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        quick ? ", QUICK sizes (smoke test only)" : "");
    for (int i = 0; i < warmups; i++) {
      bench.runEngine(f -> err.println("# warmup " + f.line()), quick ? 0 : 1000);
    }
    bench.roundsReport = err::println;
    bench.runEngine(f -> out.println(f.line()));
    if (!noUi && (wanted.test("U1_fps_2000") || wanted.test("U1_frame_p99"))) {
      System.gc();
      try {
        UiBench.run(
            2000,
            quick ? 0.5 : 2,
            quick ? 1 : 10,
            100,
            quick ? 0 : 1, // one run for the JIT first (the 10,000-node runs come after: warm)
            uiRuns,
            err::println,
            f -> out.println(f.line()));
      } catch (Exception | LinkageError e) {
        err.println("# U1 failed: " + e);
        out.println(
            "# U1_fps_2000 absent fps (not measured: "
                + (e.getMessage() != null ? e.getMessage() : e.toString())
                + ")");
        out.println("# U1_frame_p99 absent ms");
      }
      if (!quick && wanted.test("U1_fps_10000")) {
        // the second target: a usable 30 fps at 10,000 nodes
        try {
          UiBench.run(
              10000,
              2,
              10,
              100,
              0,
              uiRuns,
              err::println,
              f ->
                  out.println(
                      (f.name().startsWith("U1_frame_p99")
                                  || f.name().startsWith("U1_cpu")
                                  || f.name().startsWith("U1_click")
                                  || f.name().startsWith("U1_slow")
                                  || f.name().startsWith("U1_gc")
                                  || f.name().startsWith("U1_render")
                              ? new Bench.Figure(
                                  f.name()
                                      .replaceFirst(
                                          "^(U1_frame_p99|U1_cpu_per_frame|U1_cpu_frame_p99|U1_click_frames"
                                              + "|U1_click_max|U1_slow_frames_gc|U1_slow_frames|U1_gc_ms|U1_render_frame_p99)",
                                          "$1_10000"),
                                  f.value(),
                                  f.unit())
                              : f)
                          .line()));
        } catch (Exception | LinkageError e) {
          err.println("# U1 (10,000 nodes) failed: " + e);
          out.println("# U1_fps_10000 absent fps (" + e + ")");
        }
      }
      out.flush();
    }
    if (wanted.test("T1_seek_p99") || wanted.test("M2_bytes_per_event")) {
      // the window's seek and memory (issue 11): a storm of 1,000,000 events on 2,000 processes
      if (seekEvents < 1) {
        err.println(
            CliText.say(
                "line", "kaboom bench", CliText.say("atLeastOne", "--seek-events", seekEvents)));
        return 2;
      }
      SeekBench.run(quick ? 20_000 : seekEvents, quick ? 50 : 500, f -> out.println(f.line()));
      out.flush();
    }
    bench.runMemory(f -> out.println(f.line()));
    return 0;
  }
}
