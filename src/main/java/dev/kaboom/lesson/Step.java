package dev.kaboom.lesson;

import java.util.List;
import java.util.Optional;

/**
 * One step of a lesson (docs/lessons.md).
 *
 * @param id the step's name in the file (unique in the lesson)
 * @param title a few words
 * @param say the narration: what the step is about
 * @param code the Elixir code the step is about (may be empty), shown syntax-highlighted
 * @param iex the iex lines the step asks for; the lesson's "run" types them into the console
 * @param setup iex lines the lesson runs itself when the step begins (to start a tree)
 * @param world the scenario whose modules the console has from this step on (as if the learner
 *     edited the code and recompiled), or empty to keep the previous step's
 * @param watch what to watch in the tree
 * @param hint a hint for a learner who is stuck
 * @param done said when the check passes
 * @param check what the learner must do; the step completes when it holds
 * @param line where the step starts in its file (1-based)
 */
public record Step(
    String id,
    Text title,
    Text say,
    String code,
    List<String> iex,
    List<String> setup,
    Optional<String> world,
    Text watch,
    Text hint,
    Text done,
    Check check,
    int line) {
  public Step {
    iex = List.copyOf(iex);
    setup = List.copyOf(setup);
  }
}
