package dev.kaboom.cli;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Behavior;
import dev.kaboom.engine.ChildType;
import dev.kaboom.engine.Down;
import dev.kaboom.engine.EventSink;
import dev.kaboom.engine.Node;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.Ref;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.VirtualScheduler;
import dev.kaboom.otp.ChildSpec;
import dev.kaboom.otp.GenServer;
import dev.kaboom.otp.GenServerBehavior;
import dev.kaboom.otp.Messages;
import dev.kaboom.otp.SupFlags;
import dev.kaboom.otp.SupervisorBehavior;
import dev.kaboom.otp.SupervisorSpec;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The engine workloads of {@code kaboom bench}: the same supervisor workloads as the peer harnesses
 * on real Erlang/OTP and Apache Pekko ({@code shared/peers/}), run on the engine as the app runs
 * it: a {@link Node} on its {@link VirtualScheduler}, stepped as fast as it can go, {@link
 * SupervisorBehavior}s over {@link GenServerBehavior} workers, and an event sink that keeps the
 * latest events (as the window's frame drain would), so every trace event is built. Timed with
 * {@link System#nanoTime()} here, outside the engine.
 *
 * <p>As in the OTP peer: supervisors have intensity 1,000,000,000 in a period of 1 s, workers are
 * permanent with shutdown 5000, and a worker's init sends {@code {up, Id, Pid}} to the bench
 * process (S2, S2b, S3, S4), which is a process on the same node: a figure ends when that process
 * has received the message. Victims come from {@code new Random(42)}.
 */
final class Bench {
  /** Workload sizes: the real ones, or tiny ones for a smoke test. */
  record Sizes(
      int[] startStop,
      String[] startStopNames,
      int s2Children,
      int s2Restarts,
      int s2bSupervisors,
      int s2bRestarts,
      int s3Children,
      int s3Rounds,
      int s4Fanout,
      int s4Leaves,
      int s4Rounds,
      int m1Supervisors,
      int m1Workers) {
    static final Sizes FULL =
        new Sizes(
            new int[] {1_000, 10_000, 100_000},
            new String[] {"1k", "10k", "100k"},
            100,
            10_000,
            100,
            100,
            1_000,
            50,
            10,
            100,
            21,
            1_000,
            1_000);
    static final Sizes QUICK =
        new Sizes(
            new int[] {10, 100, 1_000},
            new String[] {"1k", "10k", "100k"},
            10,
            100,
            5,
            10,
            20,
            3,
            2,
            5,
            3,
            10, // M1 at 10,000 workers: fewer, and the collector's noise outweighs them
            1_000);
  }

  /** One output line: {@code NAME VALUE UNIT}. */
  record Figure(String name, double value, String unit) {
    String line() {
      return String.format(Locale.ROOT, "%s %.2f %s", name, value, unit);
    }
  }

  static final Atom KABOOM = Atom.of("kaboom");
  static final long INTENSITY = 1_000_000_000L;

  private final Sizes sizes;
  private final boolean events;
  private final Predicate<String> wanted;

  /** When set: each multi-round figure's spread (stderr lines starting with {@code #}). */
  Consumer<String> roundsReport;

  /** When set ({@code --alloc}): heap allocated inside the timed sections, per figure. */
  Consumer<String> allocReport;

  private long timedAlloc;
  private long allocMark;

  private void markAlloc() {
    if (allocReport != null) {
      allocMark = allocatedBytes();
    }
  }

  private void addAlloc() {
    if (allocReport != null) {
      timedAlloc += allocatedBytes() - allocMark - probeCost();
    }
  }

  private static long probeCost = -1;

  /** What reading the allocation counter allocates itself (subtracted from every reading). */
  private static long probeCost() {
    if (probeCost < 0) {
      long min = Long.MAX_VALUE;
      for (int i = 0; i < 1000; i++) {
        long a = allocatedBytes();
        min = Math.min(min, allocatedBytes() - a);
      }
      probeCost = min;
    }
    return probeCost;
  }

  private void reportAlloc(String name, long ops, String per) {
    if (allocReport != null) {
      allocReport.accept(
          String.format(Locale.ROOT, "# alloc %s %d bytes per %s", name, timedAlloc / ops, per));
    }
    timedAlloc = 0;
  }

  /** The event sink of each engine the workloads make. */
  private final java.util.function.Supplier<EventSink> sinks;

  Bench(Sizes sizes, boolean events, Predicate<String> wanted) {
    this.sizes = sizes;
    this.events = events;
    this.sinks = events ? RingSink::new : () -> EventSink.NONE;
    this.wanted = wanted;
  }

  // ---- the workloads ----

  /** Heap allocated by this thread so far (a diagnostic: {@code --alloc}). */
  static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  /** Runs every wanted engine figure once, handing each to {@code out} as soon as it is known. */
  void runEngine(Consumer<Figure> out) {
    runEngine(out, 0);
  }

  /**
   * Runs every wanted engine figure, handing each to {@code out}. With {@code minMillis > 0} (the
   * warm-up pass) each workload is repeated until it has run that long (at most 20 times) and only
   * its last figures are handed on: the JIT needs a few hundred thousand signals of each kind
   * before the engine runs at full speed, more than one round of the smaller workloads.
   */
  void runEngine(Consumer<Figure> out, long minMillis) {
    startStop(out, minMillis, "S1_start_", this::s1);
    if (wanted.test("S2_restart")) {
      workload(
          out,
          minMillis,
          o -> {
            stats(o, "S2_restart", s2(1, sizes.s2Restarts()));
            reportAlloc("S2_restart", sizes.s2Restarts(), "restart");
          });
    }
    if (wanted.test("S2b_restart")) {
      workload(
          out,
          minMillis,
          o -> {
            stats(o, "S2b_restart", s2(sizes.s2bSupervisors(), sizes.s2bRestarts()));
            reportAlloc("S2b_restart", sizes.s2bSupervisors() * sizes.s2bRestarts(), "restart");
          });
    }
    if (wanted.test("T2_record_overhead")) {
      workload(out, minMillis, o -> o.accept(new Figure("T2_record_overhead", t2(), "%")));
    }
    if (wanted.test("S3_all_for_one_1k")) {
      workload(
          out,
          minMillis,
          o -> {
            long[] lat = s3();
            o.accept(new Figure("S3_all_for_one_1k_mean", mean(lat) / 1e6, "ms"));
            o.accept(new Figure("S3_all_for_one_1k_p50", percentile(lat, 50) / 1e6, "ms"));
            reportAlloc(
                "S3_all_for_one_1k", lat.length * (long) sizes.s3Children(), "child restarted");
          });
    }
    if (wanted.test("S4_subtree_restart_1k")) {
      workload(
          out,
          minMillis,
          o -> {
            long[] lat = s4(minMillis);
            o.accept(new Figure("S4_subtree_restart_1k", percentile(lat, 50) / 1e6, "ms"));
            if (roundsReport != null) {
              long[] sorted = lat.clone();
              Arrays.sort(sorted);
              roundsReport.accept(
                  String.format(
                      Locale.ROOT,
                      "# S4_subtree_restart_1k %d rounds: min %.2f median %.2f max %.2f ms",
                      lat.length,
                      sorted[0] / 1e6,
                      percentile(lat, 50) / 1e6,
                      sorted[sorted.length - 1] / 1e6));
            }
            reportAlloc(
                "S4_subtree_restart_1k",
                lat.length * (long) sizes.s4Fanout() * sizes.s4Leaves(),
                "leaf");
          });
    }
    startStop(out, minMillis, "S5_stop_", this::s5);
  }

  /** Runs one workload (after a full collection, as the peers do), repeated as described above. */
  private void workload(Consumer<Figure> out, long minMillis, Consumer<Consumer<Figure>> body) {
    long t0 = System.nanoTime();
    List<Figure> last = new ArrayList<>();
    int reps = 0;
    do {
      last.clear();
      gc();
      body.accept(last::add);
      reps++;
    } while (minMillis > 0 && reps < 20 && System.nanoTime() - t0 < minMillis * 1_000_000L);
    last.forEach(out);
  }

  /** M1, if wanted. */
  void runMemory(Consumer<Figure> out) {
    if (wanted.test("M1_bytes_per_process")) {
      out.accept(new Figure("M1_bytes_per_process", m1(), "bytes"));
    }
  }

  /**
   * S1 or S5 ({@code prefix}) at each start/stop size: {@code run} of n children, its nanoseconds
   * as ms, and what it allocated a child.
   */
  private void startStop(
      Consumer<Figure> out,
      long minMillis,
      String prefix,
      java.util.function.IntToLongFunction run) {
    for (int i = 0; i < sizes.startStop().length; i++) {
      String name = prefix + sizes.startStopNames()[i];
      int n = sizes.startStop()[i];
      if (wanted.test(name)) {
        workload(
            out,
            minMillis,
            o -> {
              o.accept(new Figure(name, run.applyAsLong(n) / 1e6, "ms"));
              reportAlloc(name, n, "child");
            });
      }
    }
  }

  /** S1: start_link of a one_for_one supervisor with {@code n} workers, until it has acked. */
  long s1(int n) {
    Engine e = new Engine(sinks.get());
    List<ChildSpec> specs = workers(n, null);
    markAlloc();
    long t0 = System.nanoTime();
    Pid sup = e.startSupervisor(Strategy.ONE_FOR_ONE, specs);
    long t1 = System.nanoTime();
    addAlloc();
    e.stopSupervisor(sup);
    return t1 - t0;
  }

  /**
   * S2 / S2b: {@code supervisors} fresh one_for_one supervisors of {@code s2Children} workers one
   * after the other, {@code restartsEach} times each: exit a random child with {@code kaboom} until
   * the replacement's init has reported.
   */
  long[] s2(int supervisors, int restartsEach) {
    Random random = new Random(42);
    long[] lat = new long[supervisors * restartsEach];
    for (int s = 0; s < supervisors; s++) {
      s2Supervisor(sinks.get(), random, lat, s * restartsEach, restartsEach);
    }
    return lat;
  }

  /**
   * One supervisor of S2: a new engine recording into {@code sink}, {@link Sizes#s2Children}
   * workers under one_for_one; exits a random one {@code restarts} times, putting each restart's
   * latency in {@code lat} from {@code from} on.
   */
  private void s2Supervisor(EventSink sink, Random random, long[] lat, int from, int restarts) {
    int n = sizes.s2Children();
    Engine e = new Engine(sink);
    Pid sup = e.startSupervisor(Strategy.ONE_FOR_ONE, workers(n, e.me.pid()));
    e.awaitUpsTotal(n);
    for (int r = 0; r < restarts; r++) {
      int victim = 1 + random.nextInt(n);
      markAlloc();
      long t0 = System.nanoTime();
      e.me.exit(e.upPids[victim], KABOOM);
      e.awaitUps(1);
      long t1 = System.nanoTime();
      addAlloc();
      if (e.lastUpId != victim) {
        throw new IllegalStateException("restarted " + e.lastUpId + ", expected " + victim);
      }
      lat[from + r] = t1 - t0;
    }
    e.stopSupervisor(sup);
  }

  /** S2b workloads in each of T2's pairs, each with recording on for half its supervisors. */
  static final int T2_ROUNDS = 5;

  /**
   * T2: what recording costs the engine. S2b's supervisors with the window's recording (every event
   * kept and its visibility worked out as it comes: {@link dev.kaboom.ui.sim.EventRecorder}, as a
   * session does) against the same supervisors with the ring of the latest 4,096 (every event
   * built, none kept). Five pairs; a pair is {@value #T2_ROUNDS} rounds of S2b twice over, its
   * supervisors alternating, one recorded, one not (which goes first alternates too), so that the
   * machine's drift (on a shared virtual machine its speed changes by a fifth from one tenth of a
   * second to the next) favours neither: each recorded supervisor's restarts are timed within a
   * millisecond of an unrecorded one's. Each round starts from a collected heap, and the encoder
   * thread is waited for after each recorded supervisor (untimed: what recording leaves to do when
   * the engine rests, see {@link dev.kaboom.run.EventStore}). A pair's overhead is its recorded
   * supervisors' mean restart time over its other supervisors', less 1; the figure is the median of
   * the five, in percent. With {@link #roundsReport} set, two {@code #} lines: the five overheads
   * (their spread), and what the same supervisors cost in CPU time, which the load of other
   * processes barely changes: the engine's thread and the encoder thread ({@code
   * kaboom-event-encoder}: while the restarts ran, and in all) per restart, and the whole process
   * (the collector and the JIT too).
   */
  double t2() {
    int supervisors = sizes.s2bSupervisors();
    int restartsEach = sizes.s2bRestarts();
    double[] over = new double[5];
    long[][] cpu = new long[2][4]; // [off, on][engine, encoder, process, encoder in the runs]
    long[] lat = new long[restartsEach];
    var threads = ManagementFactory.getThreadMXBean();
    dev.kaboom.run.EventStore.awaitEncoder(); // its thread started
    long encoder = encoderThreadId();
    for (int i = 0; i < over.length; i++) {
      double[] sum = new double[2];
      for (int r = 0; r < T2_ROUNDS; r++) {
        Random[] random = {new Random(42), new Random(42)}; // each side S2b's own sequence
        gc();
        for (int s = 0; s < supervisors; s++) {
          for (int k = 0; k < 2; k++) {
            int on = (i + r + s + k) % 2; // 01, 10, 01, ...
            long[] c0 = {threads.getCurrentThreadCpuTime(), encoderCpu(encoder), processCpu()};
            s2Supervisor(
                on == 1 ? new dev.kaboom.ui.sim.EventRecorder() : new RingSink(),
                random[on],
                lat,
                0,
                restartsEach);
            cpu[on][3] += encoderCpu(encoder) - c0[1];
            if (on == 1) {
              dev.kaboom.run.EventStore.awaitEncoder(); // what recording left for the rest
            }
            cpu[on][0] += threads.getCurrentThreadCpuTime() - c0[0];
            cpu[on][1] += encoderCpu(encoder) - c0[1];
            cpu[on][2] += processCpu() - c0[2];
            sum[on] += mean(lat);
          }
        }
      }
      over[i] = (sum[1] / sum[0] - 1) * 100;
    }
    double[] sorted = over.clone();
    Arrays.sort(sorted);
    if (roundsReport != null) {
      StringBuilder line = new StringBuilder("# T2_record_overhead pairs:");
      for (double o : over) {
        line.append(String.format(Locale.ROOT, " %.1f", o));
      }
      roundsReport.accept(line.append(" %").toString());
      double restarts = (double) over.length * T2_ROUNDS * supervisors * restartsEach;
      roundsReport.accept(
          String.format(
              Locale.ROOT,
              "# T2 cpu per restart, off -> on: engine thread %.2f -> %.2f us, encoder thread"
                  + " %.2f us (%.2f while the restarts ran), engine + encoder %+.1f %%; process"
                  + " %.2f -> %.2f us (%+.1f %%)",
              cpu[0][0] / restarts / 1e3,
              cpu[1][0] / restarts / 1e3,
              cpu[1][1] / restarts / 1e3,
              cpu[1][3] / restarts / 1e3,
              ((cpu[1][0] + cpu[1][1]) / (double) (cpu[0][0] + cpu[0][1]) - 1) * 100,
              cpu[0][2] / restarts / 1e3,
              cpu[1][2] / restarts / 1e3,
              (cpu[1][2] / (double) cpu[0][2] - 1) * 100));
    }
    return sorted[sorted.length / 2];
  }

  /** The id of the event store's encoder thread, or -1 when it has not started yet. */
  private static long encoderThreadId() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("kaboom-event-encoder")) {
        return t.getId();
      }
    }
    return -1;
  }

  private static long encoderCpu(long id) {
    return id < 0 ? 0 : Math.max(0, ManagementFactory.getThreadMXBean().getThreadCpuTime(id));
  }

  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /** S3: one_for_all over {@code s3Children}: exit a random one until all have run init again. */
  long[] s3() {
    int n = sizes.s3Children();
    Random random = new Random(42);
    Engine e = new Engine(sinks.get());
    Pid sup = e.startSupervisor(Strategy.ONE_FOR_ALL, workers(n, e.me.pid()));
    e.awaitUpsTotal(n);
    long[] lat = new long[sizes.s3Rounds()];
    for (int r = 0; r < lat.length; r++) {
      int victim = 1 + random.nextInt(n);
      Pid pid = e.upPids[victim];
      markAlloc();
      long t0 = System.nanoTime();
      e.me.exit(pid, KABOOM);
      e.awaitUps(n);
      lat[r] = System.nanoTime() - t0;
      addAlloc();
    }
    e.stopSupervisor(sup);
    return lat;
  }

  /**
   * The fewest S4 rounds in the warm-up pass (the JIT's compile threads lag on a loaded machine).
   */
  static final int S4_WARM_ROUNDS = 200;

  /**
   * S4: root -> F supervisors -> F supervisors each -> L workers each; {@code kill} the root's
   * first child until its F*L leaves have run init again (the old ones shut down meanwhile). One
   * tree, {@code s4Rounds} rounds (each from a tree at rest, as the OTP peer's one shot is); with
   * {@code warmMillis > 0} (the warm-up pass) the rounds go on until they have taken that long and
   * number at least {@link #S4_WARM_ROUNDS}: the JIT compiles the subtree's start and shutdown
   * paths only after some hundred rounds, later on a loaded machine, and a tree's build and
   * teardown take far longer than a round (docs/performance.md).
   *
   * @return each round's nanoseconds, from the kill to the last leaf's {@code up}
   */
  long[] s4(long warmMillis) {
    int f = sizes.s4Fanout();
    int leaves = sizes.s4Leaves();
    Engine e = new Engine(sinks.get());
    Pid me = e.me.pid();
    List<ChildSpec> top = new ArrayList<>(f);
    for (int a = 1; a <= f; a++) {
      List<ChildSpec> mid = new ArrayList<>(f);
      for (int b = 1; b <= f; b++) {
        List<ChildSpec> ws = new ArrayList<>(leaves);
        for (int c = 1; c <= leaves; c++) {
          int id = ((a - 1) * f + (b - 1)) * leaves + c;
          ws.add(worker("w" + c, id, me));
        }
        mid.add(supervisor("b" + b, Strategy.ONE_FOR_ONE, ws));
      }
      top.add(supervisor("a" + a, Strategy.ONE_FOR_ONE, mid));
    }
    e.firstLimit = f * leaves;
    Pid root = e.startSupervisor(Strategy.ONE_FOR_ONE, top);
    e.awaitUpsTotal(f * f * leaves);
    SupervisorBehavior rootSup = (SupervisorBehavior) e.node.process(root).orElseThrow().behavior();
    gc();
    int minRounds = warmMillis > 0 ? Math.max(S4_WARM_ROUNDS, sizes.s4Rounds()) : sizes.s4Rounds();
    long[] lat = new long[minRounds];
    int n = 0;
    long start = System.nanoTime();
    while (n < minRounds
        || (warmMillis > 0 && System.nanoTime() - start < warmMillis * 1_000_000L)) {
      // the restarted first child is acked to the root once the tree is at rest
      Pid first = rootSup.children().get(0).pid().orElseThrow();
      e.upsFromFirst = 0;
      markAlloc();
      long t0 = System.nanoTime();
      e.me.exit(first, Atom.KILL);
      e.awaitUpsFromFirst(f * leaves);
      long t1 = System.nanoTime();
      addAlloc();
      if (n == lat.length) {
        lat = Arrays.copyOf(lat, n * 2);
      }
      lat[n++] = t1 - t0;
      e.scheduler.runUntilIdle();
    }
    e.stopSupervisor(root);
    return Arrays.copyOf(lat, n);
  }

  /** S5: shut down a one_for_one supervisor with {@code n} workers, until its DOWN. */
  long s5(int n) {
    Engine e = new Engine(sinks.get());
    Pid sup = e.startSupervisor(Strategy.ONE_FOR_ONE, workers(n, null));
    gc();
    markAlloc();
    long nanos = e.stopSupervisor(sup);
    addAlloc();
    return nanos;
  }

  /**
   * M1: retained heap per idle worker, with {@code m1Supervisors x m1Workers} workers under a root
   * supervisor, after several full collections.
   */
  double m1() {
    int sups = sizes.m1Supervisors();
    int each = sizes.m1Workers();
    Engine e = new Engine(sinks.get());
    long before = usedHeapAfterGc();
    List<ChildSpec> mid = new ArrayList<>(sups);
    for (int s = 1; s <= sups; s++) {
      mid.add(supervisor("s" + s, Strategy.ONE_FOR_ONE, workers(each, null)));
    }
    Pid root = e.startSupervisor(Strategy.ONE_FOR_ONE, mid);
    e.node.scheduler().runUntilIdle();
    int expected = 1 + sups + sups * each;
    if (e.node.processCount() < expected) {
      throw new IllegalStateException("only " + e.node.processCount() + " processes are up");
    }
    long after = usedHeapAfterGc();
    Reference.reachabilityFence(e);
    Reference.reachabilityFence(mid);
    e.stopSupervisor(root);
    return (after - before) / (double) (sups * (long) each);
  }

  // ---- building blocks ----

  /** What a bench worker's init reports to the bench process: {@code {up, Id, self()}}. */
  record Up(int id, Pid pid) {}

  /** The bench's gen_server worker: its init reports {@code up} when it has someone to tell. */
  record Worker(int id, Pid reportTo) implements GenServer<Worker> {
    @Override
    public Result<Worker> init(Proc self) {
      if (reportTo != null) {
        self.send(reportTo, new Up(id, self.pid()));
      }
      return new Ok<>(this);
    }
  }

  static ChildSpec worker(String childId, int id, Pid notify) {
    Worker w = new Worker(id, notify);
    return new ChildSpec(
        childId,
        () -> new GenServerBehavior<>(w),
        RestartType.PERMANENT,
        Shutdown.WORKER_DEFAULT,
        ChildType.WORKER);
  }

  static List<ChildSpec> workers(int n, Pid notify) {
    List<ChildSpec> specs = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      specs.add(worker(Integer.toString(i), i, notify));
    }
    return specs;
  }

  static SupFlags flags(Strategy strategy) {
    return new SupFlags(strategy, (int) INTENSITY, 1000);
  }

  static ChildSpec supervisor(String childId, Strategy strategy, List<ChildSpec> children) {
    SupervisorSpec spec = new SupervisorSpec(flags(strategy), children);
    return new ChildSpec(
        childId,
        () -> new SupervisorBehavior(spec),
        RestartType.PERMANENT,
        Shutdown.INFINITY,
        ChildType.SUPERVISOR);
  }

  /** Keeps the latest events, as the window's per-frame drain would hold them. */
  static final class RingSink implements EventSink {
    private final TraceEvent[] ring = new TraceEvent[4096];
    long count;

    @Override
    public void accept(TraceEvent event) {
      ring[(int) (count++ & (ring.length - 1))] = event;
    }
  }

  /** A node, its scheduler and the bench process (an ordinary process outside the tree). */
  static final class Engine {
    final Node node;
    final VirtualScheduler scheduler;
    final Proc me;
    Pid[] upPids;
    int ups;
    int lastUpId;
    int upsFromFirst;
    int firstLimit;
    int acks;
    Ref downRef;
    boolean down;

    Engine(EventSink sink) {
      node = new Node(sink, 42L);
      scheduler = node.scheduler();
      Pid pid = node.spawnExternal("bench", true, this::onMessage);
      me = node.process(pid).orElseThrow();
      upPids = new Pid[1024];
    }

    private void onMessage(Object m) {
      if (m instanceof Up u) {
        ups++;
        lastUpId = u.id();
        if (u.id() >= upPids.length) {
          upPids = Arrays.copyOf(upPids, Math.max(u.id() + 1, upPids.length * 2));
        }
        upPids[u.id()] = u.pid();
        if (u.id() <= firstLimit) {
          upsFromFirst++;
        }
      } else if (m instanceof Messages.Ack) {
        acks++;
      } else if (m instanceof Down d && d.ref().equals(downRef)) {
        down = true;
      }
      // 'EXIT's of stopped supervisors and late ups are dropped, as the OTP peer's flush does
    }

    private void step() {
      if (!scheduler.step()) {
        throw new IllegalStateException("the engine went idle before the workload finished");
      }
    }

    /** Runs until {@code n} more {@code up} reports have arrived. */
    void awaitUps(int n) {
      int target = ups + n;
      while (ups < target) {
        step();
      }
    }

    /** Runs until {@code total} {@code up} reports have arrived since the node started. */
    void awaitUpsTotal(int total) {
      while (ups < total) {
        step();
      }
    }

    void awaitUpsFromFirst(int n) {
      while (upsFromFirst < n) {
        step();
      }
    }

    /** {@code supervisor:start_link}: spawns it linked to the bench process, runs until it acks. */
    Pid startSupervisor(Strategy strategy, List<ChildSpec> children) {
      int target = acks + 1;
      Behavior b = new SupervisorBehavior(new SupervisorSpec(flags(strategy), children));
      Pid sup = me.spawnLink(b, "sup");
      while (acks < target) {
        step();
      }
      return sup;
    }

    /**
     * The OTP peer's stop_sup: unlink, monitor, {@code exit(Sup, shutdown)} from its parent, until
     * the DOWN; returns the nanoseconds from the exit to the DOWN. Then drains what is left.
     */
    long stopSupervisor(Pid sup) {
      me.unlink(sup);
      downRef = me.monitor(sup);
      down = false;
      long t0 = System.nanoTime();
      me.exit(sup, Atom.SHUTDOWN);
      while (!down) {
        step();
      }
      long t1 = System.nanoTime();
      scheduler.runUntilIdle();
      return t1 - t0;
    }
  }

  // ---- statistics ----

  static void stats(Consumer<Figure> out, String prefix, long[] lat) {
    out.accept(new Figure(prefix + "_mean", mean(lat) / 1e3, "us"));
    out.accept(new Figure(prefix + "_p50", percentile(lat, 50) / 1e3, "us"));
    out.accept(new Figure(prefix + "_p99", percentile(lat, 99) / 1e3, "us"));
  }

  static double mean(long[] xs) {
    double sum = 0;
    for (long x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }

  /** Nearest rank, as the peers compute it. */
  static long percentile(long[] xs, double p) {
    long[] sorted = xs.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(1, rank) - 1];
  }

  /**
   * A full collection before each workload, as the peers do (skipped with the smoke-test sizes).
   */
  void gc() {
    if (sizes != Sizes.QUICK) {
      System.gc();
    }
  }

  long usedHeapAfterGc() {
    var mem = ManagementFactory.getMemoryMXBean();
    int rounds = sizes == Sizes.QUICK ? 3 : 5;
    for (int i = 0; i < rounds; i++) {
      System.gc();
      try {
        Thread.sleep(sizes == Sizes.QUICK ? 0 : 20);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
    return mem.getHeapMemoryUsage().getUsed();
  }
}
