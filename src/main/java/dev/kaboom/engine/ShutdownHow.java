package dev.kaboom.engine;

/**
 * How a supervisor asks a child to stop ({@code supervisor:shutdown/2}): {@code exit(Child, kill)}
 * at once ({@code brutal_kill}), {@code exit(Child, shutdown)}, or {@code kill} after the shutdown
 * timeout ran out.
 */
public enum ShutdownHow {
  BRUTAL_KILL("brutal_kill"),
  SHUTDOWN("shutdown"),
  KILL("kill");

  private final String otpName;

  ShutdownHow(String otpName) {
    this.otpName = otpName;
  }

  public String otpName() {
    return otpName;
  }

  /** The exit reason a child stopped this way ends with when it stops as asked. */
  public Atom expectedReason() {
    return this == SHUTDOWN ? Atom.SHUTDOWN : Atom.KILLED;
  }

  @Override
  public String toString() {
    return otpName;
  }
}
