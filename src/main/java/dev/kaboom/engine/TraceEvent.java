package dev.kaboom.engine;

import java.util.List;

/**
 * Everything the engine does, as a typed stream: rich enough to animate every step, to print the
 * conformance trace and to replay a run. Every event carries the virtual time it happened at.
 *
 * <p>A viewer learns everything from this stream alone (it never reads engine objects): which
 * processes live where ({@code Started}/{@code Exited} with their labels), what supervisors decide
 * ({@code SupervisorInit}, {@code ChildStarted} with the child's position, {@code ChildShutdown}
 * and {@code ChildStopped} with their {@link StopCause}, {@code RestartIntensity} with the time its
 * oldest entry ages out), and mailbox lengths ({@code MessageSent} to a live process and a trapped
 * exit signal add one, {@code MessageReceived} takes one, {@code Exited} empties it).
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

  /** A message was put in {@code to}'s mailbox (if {@code to} is alive). */
  record MessageSent(long timeMillis, Pid from, Pid to, Object message) implements TraceEvent {}

  /**
   * {@code pid} took {@code message} out of its mailbox (a receive matched it, its main loop took
   * it, or a flush removed it): its mailbox is one shorter.
   */
  record MessageReceived(long timeMillis, Pid pid, Object message) implements TraceEvent {}

  record Registered(long timeMillis, String name, Pid pid) implements TraceEvent {}

  record Unregistered(long timeMillis, String name, Pid pid) implements TraceEvent {}

  /**
   * A supervisor ran its init with these flags and these child specs (ids in start order): a
   * supervisor that starts again from its specs has only these children (what {@code start_child}
   * added to an earlier incarnation is dropped). A dynamic supervisor ({@code dynamic}: Elixir's
   * {@code DynamicSupervisor}) has no specs; its children are anonymous ({@code undefined} in
   * {@code which_children}). {@code autoShutdown} is its OTP flag: {@code never}, {@code
   * any_significant} or {@code all_significant}. {@code maxChildren} is a dynamic supervisor's
   * {@code max_children} ({@code -1}: {@code :infinity}, as for every other supervisor).
   */
  record SupervisorInit(
      long timeMillis,
      Pid supervisor,
      String label,
      Strategy strategy,
      int intensity,
      long periodMillis,
      List<String> childIds,
      boolean dynamic,
      String autoShutdown,
      int maxChildren)
      implements TraceEvent {}

  /**
   * A supervisor started (or restarted) a child: its spec's type, restart type and shutdown, and
   * its {@code position} among its siblings (0 = first in start order); {@code significant} for a
   * child whose exit may shut its supervisor down ({@code auto_shutdown}).
   */
  record ChildStarted(
      long timeMillis,
      Pid supervisor,
      String childId,
      Pid child,
      boolean restart,
      int position,
      ChildType type,
      RestartType restartType,
      Shutdown shutdown,
      boolean significant)
      implements TraceEvent {}

  /** A supervisor learned that its child ended (the {@code child_terminated} report). */
  record ChildExited(long timeMillis, Pid supervisor, String childId, Pid child, Term reason)
      implements TraceEvent {}

  /**
   * A supervisor decided what to do about a dead child: which children its strategy stops (in stop
   * order) and starts again (in start order). Empty lists mean "restart nobody".
   */
  record RestartPlanned(
      long timeMillis,
      Pid supervisor,
      Strategy strategy,
      String failedChildId,
      List<String> stopIds,
      List<String> startIds)
      implements TraceEvent {}

  /** A supervisor asked a child to shut down ({@code brutal_kill}, {@code shutdown} or a kill). */
  record ChildShutdown(
      long timeMillis, Pid supervisor, String childId, Pid child, ShutdownHow how, StopCause cause)
      implements TraceEvent {}

  /**
   * A supervisor knows its child is gone: it ended on its own ({@code cause} {@link
   * StopCause#EXITED}) or as the supervisor asked. {@code crash} is true for an abnormal exit of
   * its own, or when it did not end with the reason the shutdown asked for.
   */
  record ChildStopped(
      long timeMillis,
      Pid supervisor,
      String childId,
      Pid child,
      Term reason,
      StopCause cause,
      boolean crash)
      implements TraceEvent {}

  /** A child's spec was removed (temporary child ended, or {@code delete_child}). */
  record ChildRemoved(long timeMillis, Pid supervisor, String childId) implements TraceEvent {}

  /**
   * The restart-intensity window changed (a restart was counted, or the flags changed): how many
   * restarts it holds now, the flags, and the virtual time its oldest entry ages out ({@code
   * Long.MAX_VALUE} when empty). Between two of these a viewer ages the window itself: an entry at
   * {@code r} is in it at {@code n} iff {@code n - r <= periodMillis}.
   */
  record RestartIntensity(
      long timeMillis,
      Pid supervisor,
      int restartsInWindow,
      int intensity,
      long periodMillis,
      long oldestAgesOutAtMillis)
      implements TraceEvent {}

  /** A supervisor gave up: {@code reached_max_restart_intensity}; it now stops its children. */
  record GaveUp(long timeMillis, Pid supervisor, String label, Term reason) implements TraceEvent {}

  /** A supervisor's flags changed at run time (strategy, intensity, period). */
  record FlagsChanged(
      long timeMillis, Pid supervisor, Strategy strategy, int intensity, long periodMillis)
      implements TraceEvent {}

  /** A call was answered: {@code request} by {@code server}, with {@code reply}. */
  record CallReplied(long timeMillis, Pid server, Pid caller, Object request, Term reply)
      implements TraceEvent {}

  /** Virtual time moved forward (idle). */
  record TimeAdvanced(long timeMillis, long fromMillis) implements TraceEvent {}

  /**
   * A step ran away (more than {@code limit} process turns, or virtual time moved by more than
   * {@code limit} ms) and the scheduler stopped it; {@code pids}/{@code labels} are the processes
   * that ran most in the last turns (label null when the process has none).
   */
  record RunawayStopped(
      long timeMillis, RunawayException.Kind kind, long limit, List<Pid> pids, List<String> labels)
      implements TraceEvent {}

  /**
   * A significant child {@code childId} ended and the supervisor's {@code auto_shutdown} ({@code
   * any_significant} or {@code all_significant}) makes it shut down: it stops its other children
   * and exits with {@code shutdown}.
   */
  record AutoShutdown(
      long timeMillis, Pid supervisor, String label, String childId, String autoShutdown)
      implements TraceEvent {}

  /**
   * A worker's {@code init} did not return {@code {ok, State}}: {@code result} is {@code ignore} or
   * {@code {stop, Reason}}. Its {@link Started} came before (the init ran); it is gone now.
   */
  record InitRefused(long timeMillis, Pid pid, String label, Term result) implements TraceEvent {}

  /**
   * A process printed {@code line} ({@code IO.puts}: the course's servers' "Starting the pledge
   * server..."). The console shows it when the window's picture reaches it, paced with the tree.
   */
  record Printed(long timeMillis, String line) implements TraceEvent {}
}
