package dev.kaboom.lesson;

import dev.kaboom.console.Console;
import dev.kaboom.scenario.Scenario;

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

  /**
   * Changes the console's modules to another world's: the window records it as a command ({@code
   * Command.Recompile}, so a saved run replays it); the terminal recompiles its console.
   */
  public interface Recompiler {
    /**
     * {@code world}, named {@code name} in the lesson, read from {@code file} whose text is {@code
     * text}.
     */
    void recompile(String file, String text, Scenario world);
  }

  private final LessonRun run;
  private final Console console;
  private final Typist typist;
  private final Recompiler recompiler;

  /**
   * {@code console} is on the world its {@link Console#world()} says; a step on another world
   * recompiles it.
   */
  public LessonConsole(LessonRun run, Console console, Typist typist) {
    this(run, console, typist, (file, text, world) -> console.recompile(world));
  }

  /**
   * As {@link #LessonConsole(LessonRun, Console, Typist)}, recompiling through {@code recompiler}.
   */
  public LessonConsole(LessonRun run, Console console, Typist typist, Recompiler recompiler) {
    this.run = run;
    this.console = console;
    this.typist = typist;
    this.recompiler = recompiler;
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
    Scenario world = run.lesson().worlds().get(w);
    if (!world.equals(console.world())) {
      recompiler.recompile(
          Lesson.worldFile(w), run.lesson().worldTexts().getOrDefault(w, ""), world);
    }
  }

  /** Types the current step's iex lines, as the lesson's "run" button does. */
  public void typeStepLines() {
    for (String line : run.step().iex()) {
      typist.type(line);
    }
  }
}
