package dev.kaboom.engine;

/**
 * The only source of time and progress in the engine.
 *
 * <p>THE RULES: time is virtual and moves only when the scheduler moves it; ready work runs in FIFO
 * order (one turn of one process per {@link #step()}: it takes in every signal that has arrived,
 * then runs its code until it waits); timers fire in (time, sequence) order, so ties are
 * deterministic. Live play, slow motion, stepping and replay all drive this same scheduler, only at
 * different rates (the window's pacer, {@code dev.kaboom.ui.sim.Pacer}, hands it frame deltas times
 * the speed).
 */
public interface Scheduler {
  /** Virtual time in milliseconds since the engine started. */
  long nowMillis();

  /**
   * Runs one unit of work: one turn of the first ready process, or, when nothing is ready, the next
   * timer (moving time forward to it). Returns false when there is nothing at all to do.
   */
  boolean step();

  /** Runs ready work and timers until nothing is left; returns how many steps it took. */
  long runUntilIdle();

  /** Runs everything due within the next {@code millis} ms, then sets the clock to now + millis. */
  void advanceBy(long millis);

  /** True when no process is ready to run (timers may still be pending). */
  boolean isQuiescent();

  /** True when no process is ready and no timer is pending. */
  boolean isIdle();

  /** The time of the next pending timer, or {@code Long.MAX_VALUE} when there is none. */
  long nextTimerMillis();
}
