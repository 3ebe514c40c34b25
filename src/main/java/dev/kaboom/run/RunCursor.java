package dev.kaboom.run;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.scenario.TraceRunner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A position in a recorded run, measured in trace lines (the lines {@code kaboom replay} prints):
 * {@link #seek(long)} moves it forward or back, and {@link #live()} is the set of live processes
 * there, a fold of the events up to the one that printed line N.
 *
 * <p>It holds no events: it re-runs the commands (the engine is deterministic) and folds what
 * comes. Going forward continues the run; going back starts the engine again from the start but
 * folds only from the nearest checkpoint (a copy of the fold every {@link #CHECKPOINT_LINES} lines)
 * on.
 */
public final class RunCursor {
  /** How many trace lines apart the fold is copied. */
  public static final int CHECKPOINT_LINES = 256;

  private final Run run;
  private TraceRunner runner;

  /** What the engine produced but the fold has not taken yet (events, and lines as Strings). */
  private final ArrayDeque<Object> pending = new ArrayDeque<>();

  private long lines;
  private Map<String, Pid> live = new HashMap<>();
  private final List<Map<String, Pid>> checkpoints = new ArrayList<>();
  private final List<Long> checkpointTreeEvents = new ArrayList<>();
  private long treeEvents;
  private long totalLines = -1;
  private boolean finished;

  public RunCursor(Run run) {
    this.run = run;
    checkpoints.add(new HashMap<>()); // before the run: nothing is live
    checkpointTreeEvents.add(0L);
    restart();
  }

  private void restart() {
    finished = false;
    pending.clear();
    lines = 0;
    treeEvents = 0;
    live = new HashMap<>();
    runner =
        Recording.runner(
            run,
            new TraceRunner.Listener() {
              @Override
              public void event(TraceEvent e) {
                pending.add(e);
              }

              @Override
              public void line(String line) {
                pending.add(line);
              }
            });
  }

  /** How many trace lines the whole run prints (runs it to the end once, then knows). */
  public long totalLines() {
    if (totalLines < 0) {
      long here = lines;
      seek(Long.MAX_VALUE);
      totalLines = lines;
      seek(here);
    }
    return totalLines;
  }

  /** The current position: after this many trace lines. */
  public long position() {
    return lines;
  }

  /**
   * Moves to just after the first {@code n} trace lines (0 = before the run, when nothing is live);
   * stops at the end if the run prints fewer.
   */
  public void seek(long n) {
    if (n < lines) {
      int cp = (int) Math.min(n / CHECKPOINT_LINES, checkpoints.size() - 1L);
      restart();
      if (cp > 0) {
        // run the engine up to the checkpoint without folding, then take the fold from there
        long target = (long) cp * CHECKPOINT_LINES;
        while (lines < target) {
          Object o = take();
          if (o instanceof String) {
            lines++;
          } else if (o == null) {
            break;
          }
        }
        live = new HashMap<>(checkpoints.get(cp));
        treeEvents = checkpointTreeEvents.get(cp);
      }
    }
    while (lines < n) {
      Object o = take();
      if (o == null) {
        return;
      }
      if (o instanceof TraceEvent e) {
        fold(e);
      } else {
        lines++;
        if (lines % CHECKPOINT_LINES == 0 && lines / CHECKPOINT_LINES == checkpoints.size()) {
          checkpoints.add(new HashMap<>(live));
          checkpointTreeEvents.add(treeEvents);
        }
      }
    }
  }

  /** The next thing the run produced, running the engine as needed; null at the end. */
  private Object take() {
    // the runner's last step may still produce lines (the final `= TERM`): drain them before null
    while (pending.isEmpty() && !finished) {
      finished = !runner.step();
    }
    return pending.poll();
  }

  /**
   * Whether {@code e} changes what a tree viewer shows as live or given up: a start or an exit of a
   * process at a path, or a supervisor giving up. A viewer whose engine has more processes than the
   * run's (the window's console shell) finds the same moment by counting these.
   */
  public static boolean isTreeEvent(TraceEvent e) {
    return e instanceof TraceEvent.Started s && s.label() != null
        || e instanceof TraceEvent.Exited x && x.label() != null
        || e instanceof TraceEvent.GaveUp;
  }

  /** How many {@linkplain #isTreeEvent tree events} came before the current position. */
  public long treeEvents() {
    return treeEvents;
  }

  private void fold(TraceEvent e) {
    if (isTreeEvent(e)) {
      treeEvents++;
    }
    if (e instanceof TraceEvent.Started s && s.label() != null) {
      live.put(s.label(), s.pid());
    } else if (e instanceof TraceEvent.Exited x && x.label() != null) {
      live.remove(x.label(), x.pid());
    }
  }

  /** The live processes here, by path (sorted). */
  public SortedMap<String, Pid> live() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(live));
  }
}
