package dev.kaboom.engine;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The virtual-time scheduler: a FIFO run queue of processes plus a heap of timers ordered by (time,
 * sequence number). Single-threaded: call it from the engine thread only.
 */
public final class VirtualScheduler implements Scheduler {
  private final ArrayDeque<Proc> runQueue = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private long nowMillis;
  private long timerSeq;
  private int liveTimers;
  private EventSink sink = EventSink.NONE;

  /** A pending timer; {@link #cancel()} drops it without moving time. */
  public static final class Timer implements Comparable<Timer> {
    final long atMillis;
    final long seq;
    final Runnable action;
    boolean cancelled;
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

  /** Runs one unit of ready work at the current time; false when no process is ready. */
  public boolean runReady() {
    Proc p = runQueue.pollFirst();
    if (p == null) {
      return false;
    }
    p.node.runOnce(p);
    return true;
  }

  /** Fires the next timer if it is due at or before {@code limitMillis}; false otherwise. */
  public boolean fireNextTimer(long limitMillis) {
    Timer t = peekLiveTimer();
    if (t == null || t.atMillis > limitMillis) {
      return false;
    }
    timers.poll();
    liveTimers--;
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
    return runReady() || fireNextTimer(Long.MAX_VALUE);
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

  @Override
  public void advanceBy(long millis) {
    long target = nowMillis + Math.max(0, millis);
    while (runReady() || fireNextTimer(target)) {
      // keep going until everything due by target has run
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
    return runQueue.isEmpty() && liveTimers == 0;
  }

  public int readyCount() {
    return runQueue.size();
  }
}
