package dev.kaboom.engine;

import java.util.List;

/**
 * A run that would not end: one step of a scenario, the console or the window executed more than
 * {@link VirtualScheduler#MAX_TURNS_PER_STEP} process turns, or moved virtual time by more than
 * {@link VirtualScheduler#MAX_ADVANCE_MILLIS_PER_STEP}. The scheduler stops where it is (nothing is
 * lost; the next step carries on from there) and names the processes that ran most recently.
 */
public final class RunawayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which bound was crossed. */
  public enum Kind {
    TURNS,
    TIME
  }

  private final transient TraceEvent.RunawayStopped event;

  public RunawayException(TraceEvent.RunawayStopped event) {
    super(describe(event));
    this.event = event;
  }

  public TraceEvent.RunawayStopped event() {
    return event;
  }

  /**
   * One English line: what bound, and the processes involved ({@code root/site (#PID<0.104.0>)}).
   * The window and the console say the same thing from their bundles.
   */
  public static String describe(TraceEvent.RunawayStopped e) {
    String what =
        e.kind() == Kind.TURNS
            ? "more than " + e.limit() + " process turns"
            : "virtual time moved by more than " + e.limit() + " ms";
    return "stopped a run that does not end: "
        + what
        + " in one step; involved: "
        + involved(e.pids(), e.labels());
  }

  /** {@code label (#PID<...>)} for each process, comma-separated. */
  public static String involved(List<Pid> pids, List<String> labels) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pids.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String label = labels.get(i);
      if (label != null && !label.isEmpty()) {
        sb.append(label).append(" (").append(pids.get(i)).append(')');
      } else {
        sb.append(pids.get(i));
      }
    }
    return sb.length() == 0 ? "(no process ran: only timers)" : sb.toString();
  }
}
