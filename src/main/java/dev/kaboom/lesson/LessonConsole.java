package dev.kaboom.lesson;

import dev.kaboom.console.Console;

/**
 * A {@link LessonRun} on a {@link Console}: what happens when the learner arrives at a step (the
 * step's world becomes the console's modules, its setup lines run), and the step's own lines typed
 * for the learner. The terminal and the window's lesson pane both drive a lesson through this, each
 * with its own way of typing a line ({@link Typist}: print the prompt, run, print the answer, and
 * tell the run). Pure: no I/O of its own.
 */
public final class LessonConsole {
  /** Types one line into the console as if the learner had, showing it and its answer. */
  public interface Typist {
    void type(String line);
  }

  private final LessonRun run;
  private final Console console;
  private final Typist typist;
  private String world;

  /**
   * {@code console} is on {@code world}, the scenario named so in the lesson (or null: unknown).
   */
  public LessonConsole(LessonRun run, Console console, Typist typist, String world) {
    this.run = run;
    this.console = console;
    this.typist = typist;
    this.world = world;
  }

  public LessonRun run() {
    return run;
  }

  /**
   * The learner arrives at the current step other than by finishing the step before (the lesson
   * starts or resumes there, or they chose it): the step's world, then its setup lines, then a
   * fresh check, so what setup did does not count as theirs.
   */
  public void arrive() {
    followWorld();
    for (String line : run.step().setup()) {
      typist.type(line);
    }
    run.restartCheck();
  }

  /** The learner finished the step before: the console follows the step's world, nothing more. */
  public void followWorld() {
    String w = run.lesson().worldAt(run.index());
    if (!w.equals(world)) {
      console.recompile(run.lesson().worlds().get(w));
      world = w;
    }
  }

  /** Types the current step's iex lines, as the lesson's "run" button does. */
  public void typeStepLines() {
    for (String line : run.step().iex()) {
      typist.type(line);
    }
  }
}
