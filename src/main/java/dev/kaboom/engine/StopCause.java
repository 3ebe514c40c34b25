package dev.kaboom.engine;

/**
 * Why a supervised child stopped, as its supervisor knows it ({@code supervisor.erl}): it ended on
 * its own, or the supervisor stopped it because of its strategy, a {@code terminate_child} call,
 * its own parent's shutdown, giving up ({@code reached_max_restart_intensity}), or a failed start
 * of its other children ({@code init_children}).
 */
public enum StopCause {
  /** The child ended by itself (a crash, or a normal or shutdown exit). */
  EXITED,
  /** {@code one_for_all} / {@code rest_for_one} stopped it to start it again. */
  STRATEGY,
  /** {@code terminate_child} (or a dynamic supervisor's terminate). */
  TERMINATE_CHILD,
  /** The supervisor's parent shut the supervisor down, and it stops its children first. */
  PARENT_SHUTDOWN,
  /** The supervisor gave up and stops its children before it exits. */
  GAVE_UP,
  /** A later sibling failed to start at init, and the ones already started are stopped. */
  START_FAILED,
  /** A significant child ended and {@code auto_shutdown} stops the supervisor (EEP 56). */
  AUTO_SHUTDOWN,
  /** {@code Supervisor.stop/2} ({@code proc_lib:stop}): the supervisor terminates. */
  SUPERVISOR_STOP
}
