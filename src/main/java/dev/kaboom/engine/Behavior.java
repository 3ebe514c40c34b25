package dev.kaboom.engine;

/**
 * The code a process runs. {@link #init} runs when the process is first scheduled; {@link #handle}
 * gets each message that no selective receive ({@link Proc#receive}) is waiting for.
 */
public interface Behavior {
  /**
   * Runs before {@link #init}, as the gen modules do before calling the callback module (e.g.
   * registering a name). Returning false means the process never started: no {@code Started} event,
   * no init (it has ended, or must end, by itself).
   */
  default boolean preInit(Proc self) {
    return true;
  }

  void init(Proc self);

  void handle(Proc self, Object message);

  /** What the process is, for drawing and reports. */
  default ProcessKind kind() {
    return ProcessKind.WORKER;
  }
}
