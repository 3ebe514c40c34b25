package dev.kaboom.engine;

/**
 * The code a process runs. {@link #init} runs when the process is first scheduled; {@link #handle}
 * gets each message that no selective receive ({@link Proc#receive}) is waiting for.
 */
public interface Behavior {
  void init(Proc self);

  void handle(Proc self, Object message);

  /** What the process is, for drawing and reports. */
  default ProcessKind kind() {
    return ProcessKind.WORKER;
  }
}
