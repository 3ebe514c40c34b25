package dev.kaboom.cli;

import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.TreeNode;
import dev.kaboom.ui.model.MainViewModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * T1 and M2: the window's view model (no drawing) after a storm of kabooms over the 2,000-process
 * tree of U1, until the session has {@code events} events. T1_seek_p99: the 99th percentile of a
 * seek to a random visible event, forward and back (the tree's fold from the nearest checkpoint,
 * and the inspector's rows of a random node there); T1_seek_cpu_p99 the same in the thread's CPU
 * time (what the seek costs when the machine is loaded). M2_bytes_per_event: the heap the view
 * model holds after GC, over the events, less the heap before the scenario was loaded (M2_heap_mb
 * the same in MB; M2_checkpoint_bytes_per_event the part of it the seek's checkpoints take).
 *
 * <p>At 1,000,484 events M2 was 15.3 bytes an event (2026-11-30, load 4.5): about 5.4 of them the
 * loaded 2,000-process tree (engine and view models, fixed), 2.9 the 61 checkpoints (now 162 of
 * about 17 KB, the same 2.9: a seek folds at most 6,144 events), 2.2 the events (deflated segments
 * and the encoder's tables), 1.3 the event log's capped lines, 1.3 the narrator's arrays by pid
 * serial, 1.1 the narration, 0.8 the commands, 0.8 the restart log (docs/runs.md, "Seeking in the
 * window").
 */
final class SeekBench {
  private SeekBench() {}

  static void run(int events, int seeks, Consumer<Bench.Figure> out) {
    TreeNode root = UiBench.tree(2000);
    List<String> workers = new ArrayList<>();
    for (TreeNode s : root.children()) {
      for (TreeNode w : s.children()) {
        workers.add(root.id() + "/" + s.id() + "/" + w.id());
      }
    }
    long before = usedAfterGc(); // right before the run is built, whatever ran before it
    MainViewModel vm = new MainViewModel();
    vm.load(new Scenario("storm", "T1: a storm of kabooms", root, List.of()), null);
    Random random = new Random(42);
    while (vm.session().orElseThrow().log().size() < events) {
      for (int i = 0; i < 100; i++) {
        vm.kaboom(workers.get(random.nextInt(workers.size())));
      }
      vm.runToIdle();
    }
    int total = vm.session().orElseThrow().log().size();
    // the record settles, as it does in the window once a storm is over: the encoder thread
    // deflates the segments the storm left raw (it does that when idle) before the seeks
    vm.session().orElseThrow().log().awaitEncoded();
    int marks = vm.marks().size();
    long[] lat = new long[seeks];
    long[] cpu = new long[seeks];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < seeks; i++) {
      int k = random.nextInt(marks);
      String path = workers.get(random.nextInt(workers.size()));
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      vm.seekMark(k);
      vm.inspect(path);
      lat[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
    }
    vm.goLive();
    vm.session().orElseThrow().log().awaitEncoded(); // its last segments as bytes, as they stay
    long cpBytes = vm.checkpointBytes();
    long held = usedAfterGc() - before;
    Arrays.sort(lat);
    Arrays.sort(cpu);
    int at99 = Math.min(lat.length - 1, (int) Math.ceil(lat.length * 0.99) - 1);
    double p99 = lat[at99] / 1e6;
    double cpuP99 = cpu[at99] / 1e6;
    out.accept(new Bench.Figure("T1_seek_p99", p99, "ms"));
    out.accept(new Bench.Figure("T1_events", total, "events"));
    out.accept(new Bench.Figure("M2_bytes_per_event", (double) held / total, "bytes"));
    out.accept(new Bench.Figure("M2_checkpoints", vm.checkpointCount(), "trees"));
    out.accept(
        new Bench.Figure("M2_checkpoint_bytes_per_event", (double) cpBytes / total, "bytes"));
    out.accept(new Bench.Figure("M2_heap_mb", held / 1048576.0, "mb"));
    out.accept(new Bench.Figure("T1_seek_cpu_p99", cpuP99, "ms"));
    if (vm.marks().isEmpty()) {
      throw new IllegalStateException("no marks"); // keeps vm reachable until after the GC
    }
  }

  /**
   * The heap in use once settled, in bytes: the event encoder's backlog drained (a figure run
   * before, T2's recordings, leaves it segments of event objects that it frees as it encodes them:
   * taken with them, the baseline was too high and M2 came out negative) and full collections
   * repeated until two in a row agree within 64 KB (at most ten).
   */
  static long usedAfterGc() {
    dev.kaboom.run.EventStore.awaitEncoder();
    java.lang.management.MemoryMXBean heap =
        java.lang.management.ManagementFactory.getMemoryMXBean();
    long last = -1;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long used = heap.getHeapMemoryUsage().getUsed();
      if (last >= 0 && Math.abs(used - last) < 64 * 1024) {
        return used;
      }
      last = used;
    }
    return last;
  }
}
