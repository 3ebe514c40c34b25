package dev.kaboom.engine;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The virtual-time scheduler: a FIFO run queue of processes plus a heap of timers ordered by (time,
 * sequence number). Single-threaded: call it from the engine thread only.
 *
 * <p>WORK TAKES TIME. As a BEAM reduction takes real time, every process turn (one {@link
 * #runReady()} that runs a process) costs {@link #WORK_MICROS_PER_TURN} µs of virtual time. The
 * cost collects below the millisecond; each whole millisecond moves the clock (a {@link
 * TraceEvent.TimeAdvanced}), and a timer that falls due because work moved the clock fires before
 * the next process turn, even while processes are still ready. So retry loops, busy loops and
 * ping-pong let timers fire, as on a real node. Timers that fall due because the clock jumped to
 * them (nothing was ready) keep their old order: ready work first, then the next timer. See
 * docs/engine.md ("Work takes time") for the model and its calibration.
 */
public final class VirtualScheduler implements Scheduler {
  private final ArrayDeque<Proc> runQueue = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();

  /**
   * Virtual µs one process turn costs. Calibrated on OTP 25 (this machine, {@code erl +S 1}): a
   * failed restart attempt of a supervisor whose child's name is still held took about 0.15 ms
   * (1,700 to 2,250 attempts in 300 ms); in the engine such an attempt is three turns (the parent
   * takes {@code try_again_restart} and spawns, the child's init fails, the parent takes the
   * failure), so 50 µs a turn gives about 2,000 attempts in 300 ms.
   */
  public static final int WORK_MICROS_PER_TURN = 50;

  private long nowMillis;

  /** Work done since the clock last moved, in µs (below 1000). */
  private int workMicros;

  /** The latest time the clock reached by work (timers due by then fire before ready work). */
  private long workClockMillis = -1;

  /** Process turns run so far (for runaway guards). */
  private long turns;

  /** The last processes that ran (a ring of RECENT entries), for naming a runaway. */
  private final Proc[] recent = new Proc[RECENT];

  private static final int RECENT = 256;
  private long timerSeq;
  private int liveTimers;

  /**
   * Live timers scheduled with {@link #scheduleBackground}: they do not keep the scheduler busy.
   */
  private int backgroundTimers;

  private EventSink sink = EventSink.NONE;

  /** A pending timer; {@link #cancel()} drops it without moving time. */
  public static final class Timer implements Comparable<Timer> {
    final long atMillis;
    final long seq;
    final Runnable action;
    boolean cancelled;
    boolean background;
    private final VirtualScheduler owner;

    Timer(VirtualScheduler owner, long atMillis, long seq, Runnable action) {
      this.owner = owner;
      this.atMillis = atMillis;
      this.seq = seq;
      this.action = action;
    }

    public void cancel() {
      if (!cancelled) {
        cancelled = true;
        if (background) {
          owner.backgroundTimers--;
        }
        if (--owner.liveTimers == 0) {
          // only cancelled timers are left: none of them can ever fire
          owner.timers.clear();
        }
      }
    }

    public long atMillis() {
      return atMillis;
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(atMillis, o.atMillis);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  void setSink(EventSink sink) {
    this.sink = sink;
  }

  @Override
  public long nowMillis() {
    return nowMillis;
  }

  void enqueue(Proc p) {
    runQueue.addLast(p);
  }

  /** Schedules {@code action} to run {@code delayMillis} from now. */
  public Timer schedule(long delayMillis, Runnable action) {
    Timer t = new Timer(this, nowMillis + Math.max(0, delayMillis), timerSeq++, action);
    timers.add(t);
    liveTimers++;
    return t;
  }

  /**
   * As {@link #schedule}, for periodic work (a server's refresh tick): such a timer fires when time
   * passes it, but does not keep {@link #step()} / {@link #runUntilIdle()} going, so a tree with a
   * ticking server still comes to rest.
   */
  public Timer scheduleBackground(long delayMillis, Runnable action) {
    Timer t = schedule(delayMillis, action);
    t.background = true;
    backgroundTimers++;
    return t;
  }

  private Timer peekLiveTimer() {
    Timer t = timers.peek();
    while (t != null && t.cancelled) {
      timers.poll();
      t = timers.peek();
    }
    return t;
  }

  @Override
  public long nextTimerMillis() {
    Timer t = peekLiveTimer();
    return t == null ? Long.MAX_VALUE : t.atMillis;
  }

  /**
   * Runs one unit of ready work: a timer that work has made due (see the class comment), else one
   * turn of the first ready process, which costs {@link #WORK_MICROS_PER_TURN}. False when no
   * process is ready.
   */
  public boolean runReady() {
    if (workClockMillis >= 0 && fireOverdueTimer()) {
      return true;
    }
    Proc p = runQueue.pollFirst();
    if (p == null) {
      return false;
    }
    recent[(int) (turns++ & (RECENT - 1))] = p;
    p.node.runOnce(p);
    workMicros += WORK_MICROS_PER_TURN;
    if (workMicros >= 1000) {
      long from = nowMillis;
      nowMillis += workMicros / 1000;
      workMicros %= 1000;
      workClockMillis = nowMillis;
      if (sink != EventSink.NONE) {
        sink.accept(new TraceEvent.TimeAdvanced(nowMillis, from));
      }
    }
    return true;
  }

  private boolean fireOverdueTimer() {
    Timer t = peekLiveTimer();
    if (t == null || t.atMillis > workClockMillis) {
      return false;
    }
    return fireNextTimer(workClockMillis);
  }

  /** Process turns run since the scheduler was made. */
  public long turns() {
    return turns;
  }

  /**
   * The processes among the last few hundred turns, most frequent first (at most {@code max}): what
   * a runaway guard names.
   */
  public java.util.List<Proc> recentProcesses(int max) {
    java.util.Map<Proc, Integer> counts = new java.util.HashMap<>();
    for (Proc p : recent) {
      if (p != null) {
        counts.merge(p, 1, Integer::sum);
      }
    }
    java.util.List<Proc> out = new java.util.ArrayList<>(counts.keySet());
    out.sort(
        java.util.Comparator.<Proc>comparingInt(p -> -counts.get(p))
            .thenComparingInt(p -> p.pid().serial()));
    return out.subList(0, Math.min(max, out.size()));
  }

  /** Fires the next timer if it is due at or before {@code limitMillis}; false otherwise. */
  public boolean fireNextTimer(long limitMillis) {
    Timer t = peekLiveTimer();
    if (t == null || t.atMillis > limitMillis) {
      return false;
    }
    timers.poll();
    liveTimers--;
    if (t.background) {
      backgroundTimers--;
    }
    t.cancelled = true;
    if (t.atMillis > nowMillis) {
      long from = nowMillis;
      nowMillis = t.atMillis;
      if (sink != EventSink.NONE) {
        sink.accept(new TraceEvent.TimeAdvanced(nowMillis, from));
      }
    }
    t.action.run();
    return true;
  }

  @Override
  public boolean step() {
    return runReady() || (liveTimers > backgroundTimers && fireNextTimer(Long.MAX_VALUE));
  }

  @Override
  public long runUntilIdle() {
    long steps = 0;
    while (step()) {
      steps++;
    }
    return steps;
  }

  /** Runs ready work (no timers) until no process is ready; returns the number of steps. */
  public long runReadyWork() {
    long steps = 0;
    while (runReady()) {
      steps++;
    }
    return steps;
  }

  /** A step may run at most this many process turns ({@link #runUntilIdleGuarded}). */
  public static final long MAX_TURNS_PER_STEP = 10_000_000L;

  /** A step may move virtual time by at most this much (one hour). */
  public static final long MAX_ADVANCE_MILLIS_PER_STEP = 3_600_000L;

  /**
   * {@link #runUntilIdle()} with the runaway guards: throws {@link RunawayException} (after
   * emitting its {@link TraceEvent.RunawayStopped}) when more than {@code maxTurns} process turns
   * run or the clock moves by more than {@code maxAdvanceMillis}. Work left is kept: running again
   * carries on from there.
   */
  public long runUntilIdleGuarded(long maxTurns, long maxAdvanceMillis) {
    long startTurns = turns;
    long startMillis = nowMillis;
    long steps = 0;
    while (true) {
      if (turns - startTurns > maxTurns) {
        throw runaway(RunawayException.Kind.TURNS, maxTurns);
      }
      if (!runReady()) {
        Timer t = peekLiveTimer();
        if (t == null || liveTimers == backgroundTimers) {
          return steps; // only background ticks left: at rest
        }
        if (t.atMillis - startMillis > maxAdvanceMillis) {
          throw runaway(RunawayException.Kind.TIME, maxAdvanceMillis);
        }
        fireNextTimer(Long.MAX_VALUE);
      } else if (nowMillis - startMillis > maxAdvanceMillis) {
        throw runaway(RunawayException.Kind.TIME, maxAdvanceMillis);
      }
      steps++;
    }
  }

  /** {@link #runUntilIdleGuarded} with the default bounds. */
  public long runUntilIdleGuarded() {
    return runUntilIdleGuarded(MAX_TURNS_PER_STEP, MAX_ADVANCE_MILLIS_PER_STEP);
  }

  /**
   * Stops a runaway: emits {@link TraceEvent.RunawayStopped} naming the processes that ran most in
   * the last turns and returns the exception to throw (drivers that pace the run themselves, such
   * as the window's, report it this way and pause).
   */
  public RunawayException runaway(RunawayException.Kind kind, long limit) {
    java.util.List<Proc> procs = recentProcesses(5);
    java.util.List<Pid> pids = new java.util.ArrayList<>(procs.size());
    java.util.List<String> labels = new java.util.ArrayList<>(procs.size());
    for (Proc p : procs) {
      pids.add(p.pid());
      labels.add(p.label());
    }
    TraceEvent.RunawayStopped e =
        new TraceEvent.RunawayStopped(
            nowMillis,
            kind,
            limit,
            java.util.List.copyOf(pids),
            java.util.Collections.unmodifiableList(labels));
    if (sink != EventSink.NONE) {
      sink.accept(e);
    }
    return new RunawayException(e);
  }

  @Override
  public void advanceBy(long millis) {
    advanceBy(millis, Long.MAX_VALUE);
  }

  /**
   * {@link #advanceBy(long)} that throws {@link RunawayException} when more than {@code maxTurns}
   * process turns run on the way (a busy loop never lets the time pass).
   */
  public void advanceBy(long millis, long maxTurns) {
    long target = nowMillis + Math.max(0, millis);
    long startTurns = turns;
    while (runReady() || fireNextTimer(target)) {
      // keep going until everything due by target has run
      if (turns - startTurns > maxTurns) {
        throw runaway(RunawayException.Kind.TURNS, maxTurns);
      }
    }
    if (target > nowMillis) {
      long from = nowMillis;
      nowMillis = target;
      if (sink != EventSink.NONE) {
        sink.accept(new TraceEvent.TimeAdvanced(nowMillis, from));
      }
    }
  }

  @Override
  public boolean isQuiescent() {
    return runQueue.isEmpty();
  }

  @Override
  public boolean isIdle() {
    return runQueue.isEmpty() && liveTimers == backgroundTimers;
  }

  public int readyCount() {
    return runQueue.size();
  }
}
