package dev.kaboom.engine;

/**
 * Runs a {@link VirtualScheduler} against a clock it is handed (the UI's frame time), at a chosen
 * speed: 1.0 is real time, 0.1 slow motion, 4.0 fast. The driver never reads a clock itself.
 *
 * <p>Each {@link #tick(long)} runs at most {@code stepsPerTick} units of ready work (so a storm of
 * restarts cannot freeze a frame), then lets virtual time follow the wall clock times the speed,
 * firing the timers that fall due. When paused only {@link #stepOnce()} makes progress.
 */
public final class RealTimeDriver {
  private final VirtualScheduler scheduler;
  private double speed = 1.0;
  private boolean paused;
  private int stepsPerTick = 1;
  private double carryMillis;

  public RealTimeDriver(VirtualScheduler scheduler) {
    this.scheduler = scheduler;
  }

  public double speed() {
    return speed;
  }

  /** Sets the speed, clamped to 0.1x..4x. */
  public void setSpeed(double speed) {
    this.speed = Math.max(0.1, Math.min(4.0, speed));
  }

  public boolean isPaused() {
    return paused;
  }

  public void setPaused(boolean paused) {
    this.paused = paused;
  }

  public int stepsPerTick() {
    return stepsPerTick;
  }

  /** How many units of ready work one tick may run (at least 1). */
  public void setStepsPerTick(int steps) {
    this.stepsPerTick = Math.max(1, steps);
  }

  /**
   * Advances by {@code wallDeltaNanos} of wall-clock time. Returns the number of steps run.
   */
  public int tick(long wallDeltaNanos) {
    if (paused) {
      return 0;
    }
    int ran = 0;
    while (ran < stepsPerTick && scheduler.runReady()) {
      ran++;
    }
    if (!scheduler.isQuiescent()) {
      return ran; // still busy at this instant: time waits for the work, as on a real machine
    }
    carryMillis += wallDeltaNanos / 1_000_000.0 * speed;
    long whole = (long) carryMillis;
    if (whole > 0) {
      carryMillis -= whole;
      long target = scheduler.nowMillis() + whole;
      while (ran < stepsPerTick && scheduler.fireNextTimer(target)) {
        ran++;
        while (ran < stepsPerTick && scheduler.runReady()) {
          ran++;
        }
      }
      if (scheduler.isQuiescent() && scheduler.nextTimerMillis() > target) {
        scheduler.advanceBy(target - scheduler.nowMillis());
      }
    }
    return ran;
  }

  /** One unit of work whatever the clock says (the "step" button). */
  public boolean stepOnce() {
    return scheduler.step();
  }
}
