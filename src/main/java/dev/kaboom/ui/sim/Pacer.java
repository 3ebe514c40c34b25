package dev.kaboom.ui.sim;

import dev.kaboom.engine.VirtualScheduler;

/**
 * Runs the engine one <em>visible</em> step at a time: it steps the scheduler until an event worth
 * showing appears (a death, a start, a signal up a link, a supervisor's decision), then waits one
 * beat (350 ms at 1x) before running on. While nothing is ready, virtual time follows the frame
 * clock times the speed, so restart windows age as the user watches.
 *
 * <p>THE RULES: called from the JavaFX thread only, once per frame ({@link #tick}); it never reads
 * a clock and never sleeps, so tests drive it with made-up frame deltas.
 */
public final class Pacer {
  /** The pause after a visible step at 1x. */
  public static final long BEAT_NANOS = 350_000_000L;

  public static final double MIN_SPEED = 0.1;
  public static final double MAX_SPEED = 4.0;

  /** A storm of invisible work cannot freeze a frame: at most this many steps per tick. */
  static final int MAX_STEPS_PER_TICK = 20_000;

  /** Virtual time is moved in chunks of at least this much, so idle frames add few events. */
  static final long MIN_IDLE_ADVANCE_MILLIS = 50;

  private double speed = 1.0;
  private boolean paused;
  private long waitNanos;
  private double idleMillis;
  private int seen;

  /** Process turns since the engine last had nothing ready (the runaway guard). */
  private long busyTurns;

  public double speed() {
    return speed;
  }

  public void setSpeed(double speed) {
    this.speed = Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed));
  }

  public boolean isPaused() {
    return paused;
  }

  public void setPaused(boolean paused) {
    this.paused = paused;
  }

  /** True while the pacer holds a beat after a visible step. */
  public boolean isWaiting() {
    return waitNanos > 0;
  }

  /** The events so far are shown (the picture played them): no beat is owed for them. */
  public void markSeen(EngineSession session) {
    seen = session.log().size();
  }

  /** True when the engine has no process ready (a command's work is done). */
  public boolean isQuiescentWork(EngineSession session) {
    return session.scheduler().isQuiescent();
  }

  /** Forget the beat and the event position (after a reset or a new session). */
  public void reset(EngineSession session) {
    waitNanos = 0;
    idleMillis = 0;
    seen = session.log().size();
  }

  /** One frame of {@code deltaNanos} wall-clock time. Returns true if any engine work ran. */
  public boolean tick(EngineSession session, long deltaNanos) {
    if (paused) {
      return false;
    }
    if (waitNanos > 0) {
      waitNanos -= deltaNanos;
      if (waitNanos > 0) {
        return false;
      }
    }
    VirtualScheduler sch = session.scheduler();
    if (sch.isQuiescent()) {
      idleMillis += deltaNanos / 1_000_000.0 * speed;
    }
    boolean ran = false;
    for (int steps = 0; steps < MAX_STEPS_PER_TICK; steps++) {
      if (!sch.isQuiescent()) {
        sch.runReady();
        if (++busyTurns > VirtualScheduler.MAX_TURNS_PER_STEP) {
          // ten million turns and never idle: a loop that does not end (issue 14)
          busyTurns = 0;
          paused = true;
          sch.runaway(
              dev.kaboom.engine.RunawayException.Kind.TURNS, VirtualScheduler.MAX_TURNS_PER_STEP);
          return true;
        }
      } else {
        busyTurns = 0;
        long now = sch.nowMillis();
        long next = sch.nextTimerMillis();
        if (next == Long.MAX_VALUE || next - now > idleMillis) {
          break;
        }
        idleMillis -= Math.max(0, next - now);
        sch.fireNextTimer(next);
      }
      ran = true;
      if (sawVisible(session)) {
        waitNanos = (long) (BEAT_NANOS / speed);
        return true;
      }
    }
    if (sch.isQuiescent() && idleMillis >= MIN_IDLE_ADVANCE_MILLIS) {
      long whole = (long) idleMillis;
      idleMillis -= whole;
      session.sim().sleep(whole); // recorded: a replay lets the same time pass here
    }
    return ran;
  }

  /**
   * The "step" button: runs until the next visible event (firing timers whatever the clock says),
   * or until nothing is left. Returns false when there was nothing to do.
   */
  public boolean stepVisible(EngineSession session) {
    VirtualScheduler sch = session.scheduler();
    waitNanos = 0;
    boolean ran = false;
    for (int steps = 0; steps < MAX_STEPS_PER_TICK && sch.step(); steps++) {
      ran = true;
      if (sawVisible(session)) {
        return true;
      }
    }
    return ran;
  }

  private boolean sawVisible(EngineSession session) {
    int size = session.log().size();
    boolean visible = false;
    for (int i = seen; i < size; i++) {
      visible |= session.isVisible(i);
    }
    seen = size;
    return visible;
  }
}
