package dev.kaboom.engine;

import java.util.List;

/**
 * Everything the engine does, as a typed stream: rich enough to animate every step, to print the
 * conformance trace and to replay a run. Every event carries the virtual time it happened at.
 */
public sealed interface TraceEvent {
  long timeMillis();

  /** A process was created; its {@code init} has not run yet. */
  record Spawned(long timeMillis, Pid pid, Pid spawner, String label, ProcessKind kind)
      implements TraceEvent {}

  /** A process's {@code init} ran: it is up. */
  record Started(long timeMillis, Pid pid, String label, ProcessKind kind) implements TraceEvent {}

  /** A process ended with {@code reason}. */
  record Exited(long timeMillis, Pid pid, String label, Term reason) implements TraceEvent {}

  record Linked(long timeMillis, Pid a, Pid b) implements TraceEvent {}

  record Unlinked(long timeMillis, Pid a, Pid b) implements TraceEvent {}

  record Monitored(long timeMillis, Pid watcher, Pid target, Ref ref) implements TraceEvent {}

  record Demonitored(long timeMillis, Pid watcher, Pid target, Ref ref) implements TraceEvent {}

  record TrapExitChanged(long timeMillis, Pid pid, boolean trapExit) implements TraceEvent {}

  /** An exit signal left {@code from} for {@code to}: through a link, or by {@code exit/2}. */
  record ExitSignalSent(long timeMillis, Pid from, Pid to, Term reason, boolean viaLink)
      implements TraceEvent {}

  /** {@code to} handled an exit signal: ignored it, trapped it, or died of it. */
  record ExitSignalHandled(
      long timeMillis, Pid to, Pid from, Term reason, boolean viaLink, SignalOutcome outcome)
      implements TraceEvent {}

  /** A message was put in {@code to}'s mailbox. */
  record MessageSent(long timeMillis, Pid from, Pid to, Object message) implements TraceEvent {}

  record Registered(long timeMillis, String name, Pid pid) implements TraceEvent {}

  record Unregistered(long timeMillis, String name, Pid pid) implements TraceEvent {}

  /** A supervisor started (or restarted) a child. */
  record ChildStarted(long timeMillis, Pid supervisor, String childId, Pid child, boolean restart)
      implements TraceEvent {}

  /** A supervisor learned that its child ended (the {@code child_terminated} report). */
  record ChildExited(long timeMillis, Pid supervisor, String childId, Pid child, Term reason)
      implements TraceEvent {}

  /**
   * A supervisor decided what to do about a dead child: which children its strategy stops (in
   * stop order) and starts again (in start order). Empty lists mean "restart nobody".
   */
  record RestartPlanned(
      long timeMillis,
      Pid supervisor,
      String strategy,
      String failedChildId,
      List<String> stopIds,
      List<String> startIds)
      implements TraceEvent {}

  /** A supervisor asked a child to shut down ({@code brutal_kill}, {@code shutdown} or a kill). */
  record ChildShutdown(long timeMillis, Pid supervisor, String childId, Pid child, String how)
      implements TraceEvent {}

  /** A child's spec was removed (temporary child ended, or {@code delete_child}). */
  record ChildRemoved(long timeMillis, Pid supervisor, String childId) implements TraceEvent {}

  /** The restart-intensity window after a restart was counted. */
  record RestartIntensity(
      long timeMillis, Pid supervisor, int restartsInWindow, int intensity, long periodMillis)
      implements TraceEvent {}

  /** A supervisor gave up: {@code reached_max_restart_intensity}; it now stops its children. */
  record GaveUp(long timeMillis, Pid supervisor, String label, Term reason) implements TraceEvent {}

  /** A supervisor's flags changed at run time (strategy, intensity, period). */
  record FlagsChanged(
      long timeMillis, Pid supervisor, String strategy, int intensity, long periodMillis)
      implements TraceEvent {}

  /** A call was answered: {@code request} by {@code server}, with {@code reply}. */
  record CallReplied(long timeMillis, Pid server, Pid caller, Object request, Term reply)
      implements TraceEvent {}

  /** Virtual time moved forward (idle). */
  record TimeAdvanced(long timeMillis, long fromMillis) implements TraceEvent {}
}
