package dev.kaboom.ui.sim;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.SignalOutcome;
import dev.kaboom.engine.TraceEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which events the user gets a beat to see (the timeline's marks, the pacer's beats): a pure fold
 * of the event stream. {@link #apply} takes the events in order and says of each whether it is
 * visible, from what the events before it said (the tree path a pid was started at, which pids are
 * alive, which ones a supervisor is shutting down) and nothing else: no engine object is read, so
 * the same events give the same marks, live, replayed or sought.
 */
public final class Visibility {
  private final Map<Pid, String> paths = new HashMap<>();

  /**
   * The latest pid started at each path (so a dead one's path can go when the path starts again).
   */
  private final Map<String, Pid> latest = new HashMap<>();

  private final Set<Pid> alive = new HashSet<>();
  private final Set<Pid> beingShutDown = new HashSet<>();

  /** Takes {@code e} (the next event) and returns whether it is worth a beat. */
  public boolean apply(TraceEvent e) {
    if (e instanceof TraceEvent.Spawned s) {
      alive.add(s.pid());
      if (s.label() != null) {
        paths.put(s.pid(), s.label());
        Pid before = latest.put(s.label(), s.pid());
        if (before != null && !alive.contains(before)) {
          paths.remove(
              before); // dead, and its signals were sent as it died: a long run stays small
        }
      }
      return false;
    } else if (e instanceof TraceEvent.Exited x) {
      alive.remove(x.pid()); // its link signals come right after: its path and shutdown stay
      return x.label() != null;
    } else if (e instanceof TraceEvent.Started s) {
      return s.label() != null;
    } else if (e instanceof TraceEvent.ChildShutdown c) {
      beingShutDown.add(c.child());
      return true;
    } else if (e instanceof TraceEvent.RestartPlanned || e instanceof TraceEvent.GaveUp) {
      return true;
    } else if (e instanceof TraceEvent.ExitSignalSent s) {
      // a signal travelling along a link between two tree processes, unless the receiver is gone
      // or is the supervisor that is shutting the sender down (that death was already shown)
      return s.viaLink()
          && paths.containsKey(s.from())
          && paths.containsKey(s.to())
          && alive.contains(s.to())
          && !beingShutDown.contains(s.from());
    } else if (e instanceof TraceEvent.ExitSignalHandled h) {
      // a supervisor (or trapping worker) catching a signal from outside the tree: "nothing dies"
      return h.outcome() == SignalOutcome.TRAPPED && !paths.containsKey(h.from());
    }
    return false;
  }

  /** The tree path {@code pid} was started at (also after it died), or null. */
  public String pathOf(Pid pid) {
    return paths.get(pid);
  }
}
