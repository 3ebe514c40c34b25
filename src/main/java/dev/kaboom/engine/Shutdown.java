package dev.kaboom.engine;

/** How a supervisor stops a child: {@code brutal_kill}, a timeout in ms, or {@code infinity}. */
public sealed interface Shutdown {
  /** Killed at once with {@code exit(Child, kill)}. */
  record BrutalKill() implements Shutdown {
    @Override
    public String toString() {
      return "brutal_kill";
    }
  }

  /** {@code exit(Child, shutdown)}, then {@code kill} if it has not ended after {@code millis}. */
  record Timeout(long millis) implements Shutdown {
    public Timeout {
      if (millis < 0) {
        throw new IllegalArgumentException("shutdown timeout must be >= 0: " + millis);
      }
    }

    @Override
    public String toString() {
      return Long.toString(millis);
    }
  }

  /** {@code exit(Child, shutdown)}, then wait as long as it takes. */
  record Infinity() implements Shutdown {
    @Override
    public String toString() {
      return "infinity";
    }
  }

  Shutdown BRUTAL_KILL = new BrutalKill();
  Shutdown INFINITY = new Infinity();

  /** OTP's default for workers. */
  Shutdown WORKER_DEFAULT = new Timeout(5000);
}
