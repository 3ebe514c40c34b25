package dev.kaboom.ui.model;

import dev.kaboom.scenario.Command;
import dev.kaboom.scenario.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the timeline strip under the tree shows, without drawing it: one tick per visible event
 * (coloured by kind) and one per command a user gave, on an axis of <em>steps</em> (visible event k
 * sits at position k, a command half a step before the first visible event it set off), and the
 * part of that axis the strip shows (its zoom).
 *
 * <p>Positions are in steps, not virtual time: a whole cascade happens in the same millisecond, and
 * a learner steps through it one visible event at a time. The viewport maps a position to an x in
 * pixels and back; it knows nothing about JavaFX.
 */
public final class TimelineModel {
  /** The smallest number of steps the strip shows (the most it zooms in). */
  public static final double MIN_SPAN = 8;

  /** What a tick stands for (its colour). */
  public enum Kind {
    /** A process died (crash or stop). */
    DEATH,
    /** A process was started again (by its supervisor, or by restart_child). */
    RESTART,
    /** A supervisor reached its restart intensity and gave up. */
    GIVE_UP,
    /** A command a user gave (a click, a menu, the console, the scenario's next step). */
    COMMAND,
    /** A first start. */
    START,
    /** Anything else worth a beat: a signal on a link, a supervisor's decision. */
    OTHER
  }

  /** A tick at {@code position} steps. */
  public record Tick(double position, Kind kind) {}

  private double first;
  private double span = Double.POSITIVE_INFINITY;

  /** The kind of tick a visible event's mark gets. */
  public static Kind kindOf(MainViewModel.MarkKind k) {
    return switch (k) {
      case DEATH -> Kind.DEATH;
      case RESTART -> Kind.RESTART;
      case GIVE_UP -> Kind.GIVE_UP;
      case START -> Kind.START;
      case DECISION, SIGNAL -> Kind.OTHER;
    };
  }

  /**
   * Every tick of a run: the marks (one per visible event, in order) and the commands (sleeps, the
   * time that passes by the clock, are not shown), sorted by position.
   */
  public static List<Tick> ticks(
      List<MainViewModel.Mark> marks, List<Simulation.Recorded> commands) {
    List<Tick> out = new ArrayList<>(marks.size() + commands.size());
    int m = 0;
    for (Simulation.Recorded c : commands) {
      if (!Command.isUserAction(c.command())) {
        continue;
      }
      // the marks before the command come first
      while (m < marks.size() && marks.get(m).eventIndex() < c.eventIndex()) {
        out.add(new Tick(m, kindOf(marks.get(m).kind())));
        m++;
      }
      out.add(new Tick(m - 0.5, Kind.COMMAND));
    }
    for (; m < marks.size(); m++) {
      out.add(new Tick(m, kindOf(marks.get(m).kind())));
    }
    return out;
  }

  // ---- the viewport: which steps the strip shows ----

  /** The first step shown (may be fractional). */
  public double first() {
    return first;
  }

  /** How many steps the strip shows; infinite while it shows the whole run. */
  public double span() {
    return span;
  }

  /** True while the strip shows the whole run (zoomed all the way out). */
  public boolean showsAll() {
    return Double.isInfinite(span);
  }

  /** The steps shown for a run of {@code total} steps. */
  public double visibleSpan(int total) {
    return Math.max(1, showsAll() ? total : Math.min(span, Math.max(total, MIN_SPAN)));
  }

  /** The first step shown for a run of {@code total} steps. */
  public double visibleFirst(int total) {
    return showsAll() ? 0 : first;
  }

  /**
   * Zooms in (factor &lt; 1) or out (factor &gt; 1) around step {@code center} of a run of {@code
   * total} steps; zooming out past the whole run shows all of it again.
   */
  public void zoom(double factor, double center, int total) {
    double s = visibleSpan(total) * factor;
    if (s >= total) {
      span = Double.POSITIVE_INFINITY;
      first = 0;
      return;
    }
    span = Math.max(MIN_SPAN, s);
    first = clampFirst(center - span / 2, total);
  }

  /** Shows the whole run. */
  public void fit() {
    span = Double.POSITIVE_INFINITY;
    first = 0;
  }

  /** Scrolls so that step {@code position} is in view (the playhead stays on the strip). */
  public void follow(double position, int total) {
    if (showsAll()) {
      return;
    }
    if (position < first + 0.5) {
      first = clampFirst(position - 0.5, total);
    } else if (position > first + span - 1) {
      first = clampFirst(position - span + 1, total);
    }
  }

  private double clampFirst(double f, int total) {
    return Math.max(0, Math.min(f, Math.max(0, total - span)));
  }

  /**
   * The x, in pixels from the strip's left edge, of step {@code position}, for a strip {@code
   * width} pixels wide with {@code pad} pixels free at either end.
   */
  public double xOf(double position, int total, double width, double pad) {
    double s = visibleSpan(total);
    return pad + (position - visibleFirst(total) + 0.5) / s * Math.max(1, width - 2 * pad);
  }

  /**
   * The step at {@code x} pixels (the nearest visible event), clamped to the run; -1 past the right
   * end of the last step (the present). An empty run has no step: -1.
   */
  public int stepAt(double x, int total, double width, double pad) {
    if (total <= 0) {
      return -1;
    }
    double s = visibleSpan(total);
    double pos = visibleFirst(total) - 0.5 + (x - pad) / Math.max(1, width - 2 * pad) * s;
    if (pos > total - 0.5) {
      return -1;
    }
    return (int) Math.max(0, Math.min(total - 1, Math.round(pos)));
  }
}
