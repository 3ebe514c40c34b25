package dev.kaboom.otp;

import dev.kaboom.engine.Strategy;

/**
 * A supervisor's flags: its strategy and its restart intensity (at most {@code intensity} restarts
 * within {@code periodMillis}; one more and it gives up).
 */
public record SupFlags(
    Strategy strategy, int intensity, long periodMillis, AutoShutdown autoShutdown) {
  /** Elixir's defaults: {@code max_restarts: 3, max_seconds: 5}. */
  public static final SupFlags DEFAULT = new SupFlags(Strategy.ONE_FOR_ONE, 3, 5000);

  /** Flags with {@code auto_shutdown => never}. */
  public SupFlags(Strategy strategy, int intensity, long periodMillis) {
    this(strategy, intensity, periodMillis, AutoShutdown.NEVER);
  }

  public SupFlags {
    autoShutdown = autoShutdown == null ? AutoShutdown.NEVER : autoShutdown;
    if (strategy == null) {
      throw new IllegalArgumentException("strategy is required");
    }
    if (intensity < 0) {
      throw new IllegalArgumentException("intensity must be >= 0: " + intensity);
    }
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("period must be > 0: " + periodMillis);
    }
  }

  public SupFlags withStrategy(Strategy s) {
    return new SupFlags(s, intensity, periodMillis, autoShutdown);
  }
}
