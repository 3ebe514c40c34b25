package dev.kaboom.otp;

/**
 * A supervisor's flags: its strategy and its restart intensity (at most {@code intensity} restarts
 * within {@code periodMillis}; one more and it gives up).
 */
public record SupFlags(Strategy strategy, int intensity, long periodMillis) {
  /** Elixir's defaults: {@code max_restarts: 3, max_seconds: 5}. */
  public static final SupFlags DEFAULT = new SupFlags(Strategy.ONE_FOR_ONE, 3, 5000);

  public SupFlags {
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
    return new SupFlags(s, intensity, periodMillis);
  }
}
