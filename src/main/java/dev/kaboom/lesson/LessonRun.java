package dev.kaboom.lesson;

import dev.kaboom.engine.TraceEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A learner's way through a {@link Lesson}: the current step, which steps are done, and whether the
 * current step's {@link Check} held since it began. It is told what happens ({@link #seeEvent},
 * {@link #seeLine}); when the check holds the step is done, and {@link #advance} (called by the
 * terminal after the line's answer, by the window at once) moves on. Pure: no I/O, no clock, no
 * JavaFX; the window's lesson pane and {@code bin/kaboom lesson} drive the same object.
 */
public final class LessonRun {
  /** What a listener hears about. */
  public enum Change {
    /** A different step is current (next, back, go to, or the last one done). */
    STEP,
    /** The current step's check held. */
    DONE,
    /** Part of the current step's check held (one of an {@code all}). */
    PROGRESS
  }

  private final Lesson lesson;
  private final BitSet done = new BitSet();
  private final List<java.util.function.Consumer<Change>> listeners = new ArrayList<>();
  private int index;
  private Check.Tracker tracker;

  /**
   * Starts at step {@code startAt} (a remembered place; out of range: the first), with the steps
   * before it counted as done.
   */
  public LessonRun(Lesson lesson, int startAt) {
    this.lesson = lesson;
    this.index = startAt >= 0 && startAt < lesson.steps().size() ? startAt : 0;
    done.set(0, index);
    tracker = step().check().track();
  }

  /** Hears about every change (the pane redraws, the terminal prints). */
  public void listen(java.util.function.Consumer<Change> listener) {
    listeners.add(listener);
  }

  public Lesson lesson() {
    return lesson;
  }

  /** The current step's position, 0-based. */
  public int index() {
    return index;
  }

  public Step step() {
    return lesson.steps().get(index);
  }

  /** True when step {@code i}'s check held (now or on an earlier visit). */
  public boolean isDone(int i) {
    return done.get(i);
  }

  /** True when the current step's check held since it began. */
  public boolean stepDone() {
    return tracker.holds();
  }

  /** True when every step is done. */
  public boolean finished() {
    return done.cardinality() == lesson.steps().size();
  }

  /** Parts of the current step's check that held, and how many there are. */
  public int partsHeld() {
    return tracker.partsHeld();
  }

  public int partCount() {
    return tracker.partCount();
  }

  /** An engine event happened. */
  public void seeEvent(TraceEvent e) {
    see(new Check.Seen.Event(e));
  }

  /** The console ran {@code line} and printed {@code output}; {@code raised}: it ended in error. */
  public void seeLine(String line, String output, boolean raised) {
    see(new Check.Seen.Line(line, output, raised));
  }

  private void see(Check.Seen seen) {
    if (tracker.holds()) {
      return;
    }
    int before = tracker.partsHeld();
    if (tracker.see(seen)) {
      done.set(index);
      fire(Change.DONE);
    } else if (tracker.partsHeld() != before) {
      fire(Change.PROGRESS);
    }
  }

  /**
   * After the current step's check held: the next step (true), or nothing on the last (false). A
   * step not done yet stays.
   */
  public boolean advance() {
    if (!tracker.holds() || index + 1 >= lesson.steps().size()) {
      return false;
    }
    goTo(index + 1);
    return true;
  }

  /** Goes to step {@code i} (the learner's choice; its check starts afresh). */
  public void goTo(int i) {
    if (i < 0 || i >= lesson.steps().size()) {
      throw new IndexOutOfBoundsException("no step " + (i + 1) + " of " + lesson.steps().size());
    }
    index = i;
    tracker = step().check().track();
    fire(Change.STEP);
  }

  /**
   * Forgets what the current step's check saw so far (after the lesson's own setup lines, which do
   * not count as the learner's doing).
   */
  public void restartCheck() {
    tracker = step().check().track();
  }

  private void fire(Change c) {
    for (var l : List.copyOf(listeners)) {
      l.accept(c);
    }
  }
}
