package dev.kaboom.lesson;

import dev.kaboom.scenario.Scenario;
import java.util.List;
import java.util.Map;

/**
 * A guided lesson, read from a lesson file by {@link LessonLoader}: steps over a world.
 *
 * @param name the lesson's name ({@code servy-supervisor}); progress is remembered under it
 * @param title the lesson's title
 * @param summary a sentence or two on what it teaches
 * @param file where it was read from (a path, or {@code lessons/NAME.yaml} for a bundled one)
 * @param world the name of the scenario the lesson starts on (its modules are the console's)
 * @param worlds every scenario the lesson names (its own {@code world} and the steps'), loaded
 * @param steps the steps, at least one
 * @param worldTexts the text of each world's scenario file, by the name {@code worlds} has (a run
 *     saved from the lesson keeps them, so it replays on its own)
 */
public record Lesson(
    String name,
    Text title,
    Text summary,
    String file,
    String world,
    Map<String, Scenario> worlds,
    List<Step> steps,
    Map<String, String> worldTexts) {
  public Lesson {
    worlds = Map.copyOf(worlds);
    steps = List.copyOf(steps);
    worldTexts = Map.copyOf(worldTexts);
  }

  /** A lesson whose worlds' texts are not known (a saved run of it cannot replay on its own). */
  public Lesson(
      String name,
      Text title,
      Text summary,
      String file,
      String world,
      Map<String, Scenario> worlds,
      List<Step> steps) {
    this(name, title, summary, file, world, worlds, steps, Map.of());
  }

  /**
   * The file name of world {@code name}: itself when it is a file, else the bundled {@code
   * NAME.json}.
   */
  public static String worldFile(String name) {
    return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")
        ? name
        : name + ".json";
  }

  /** The world in force at step {@code index}: the nearest step at or before it that names one. */
  public String worldAt(int index) {
    for (int i = Math.min(index, steps.size() - 1); i >= 0; i--) {
      if (steps.get(i).world().isPresent()) {
        return steps.get(i).world().get();
      }
    }
    return world;
  }
}
