package dev.kaboom.ui.sim;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.SignalOutcome;
import dev.kaboom.engine.TraceEvent;
import java.util.Arrays;
import java.util.BitSet;
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
 *
 * <p>It runs on every event the engine makes while a run is recorded (T2), so a pid of this node is
 * looked up by its serial in arrays and bit sets, not in hash maps; a pid of another node (a
 * mirror's) in maps.
 */
public final class Visibility {
  /** By serial: the path a local pid was started at (null: none, or forgotten). */
  private String[] paths = new String[1024];

  private final BitSet alive = new BitSet();
  private final BitSet beingShutDown = new BitSet();

  private final Map<Pid, String> remotePaths = new HashMap<>();
  private final Set<Pid> remoteAlive = new HashSet<>();
  private final Set<Pid> remoteShutDown = new HashSet<>();

  /**
   * The latest pid started at each path (so a dead one's path can go when the path starts again).
   */
  private final Map<String, Pid> latest = new HashMap<>();

  private static boolean local(Pid p) {
    return p.node() == 0 && p.creation() == 0 && p.serial() >= 0;
  }

  private String path(Pid p) {
    if (local(p)) {
      int s = p.serial();
      return s < paths.length ? paths[s] : null;
    }
    return remotePaths.get(p);
  }

  private void setPath(Pid p, String path) {
    if (local(p)) {
      int s = p.serial();
      if (s >= paths.length) {
        if (path == null) {
          return;
        }
        paths = Arrays.copyOf(paths, Math.max(s + 1, paths.length * 2));
      }
      paths[s] = path;
    } else if (path == null) {
      remotePaths.remove(p);
    } else {
      remotePaths.put(p, path);
    }
  }

  private boolean isAlive(Pid p) {
    return local(p) ? alive.get(p.serial()) : remoteAlive.contains(p);
  }

  /** Takes {@code e} (the next event) and returns whether it is worth a beat. */
  public boolean apply(TraceEvent e) {
    if (e instanceof TraceEvent.Spawned s) {
      Pid pid = s.pid();
      if (local(pid)) {
        alive.set(pid.serial());
      } else {
        remoteAlive.add(pid);
      }
      if (s.label() != null) {
        setPath(pid, s.label());
        Pid before = latest.put(s.label(), pid);
        if (before != null && !before.equals(pid) && !isAlive(before)) {
          setPath(
              before, null); // dead, and its signals were sent as it died: a long run stays small
        }
      }
      return false;
    } else if (e instanceof TraceEvent.Exited x) {
      // its link signals come right after: its path and shutdown stay
      if (local(x.pid())) {
        alive.clear(x.pid().serial());
      } else {
        remoteAlive.remove(x.pid());
      }
      return x.label() != null;
    } else if (e instanceof TraceEvent.Started s) {
      return s.label() != null;
    } else if (e instanceof TraceEvent.ChildShutdown c) {
      if (c.child() != null) {
        if (local(c.child())) {
          beingShutDown.set(c.child().serial());
        } else {
          remoteShutDown.add(c.child());
        }
      }
      return true;
    } else if (e instanceof TraceEvent.RestartPlanned || e instanceof TraceEvent.GaveUp) {
      return true;
    } else if (e instanceof TraceEvent.ExitSignalSent s) {
      // a signal travelling along a link between two tree processes, unless the receiver is gone
      // or is the supervisor that is shutting the sender down (that death was already shown)
      return s.viaLink()
          && s.from() != null
          && s.to() != null
          && path(s.from()) != null
          && path(s.to()) != null
          && isAlive(s.to())
          && !(local(s.from())
              ? beingShutDown.get(s.from().serial())
              : remoteShutDown.contains(s.from()));
    } else if (e instanceof TraceEvent.ExitSignalHandled h) {
      // a supervisor (or trapping worker) catching a signal from outside the tree: "nothing dies"
      return h.outcome() == SignalOutcome.TRAPPED && (h.from() == null || path(h.from()) == null);
    }
    return false;
  }

  /** The tree path {@code pid} was started at (also after it died), or null. */
  public String pathOf(Pid pid) {
    return pid == null ? null : path(pid);
  }
}
