package dev.kaboom.engine;

/** What a process is, for drawing and for {@code which_children}'s type column. */
public enum ProcessKind {
  WORKER,
  SUPERVISOR,
  /** A process outside any tree: the driver of a scenario, a console, a one-off sender. */
  EXTERNAL
}
