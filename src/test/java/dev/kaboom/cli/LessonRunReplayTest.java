package dev.kaboom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.lesson.Lesson;
import dev.kaboom.lesson.LessonConsole;
import dev.kaboom.lesson.LessonLoader;
import dev.kaboom.lesson.LessonRun;
import dev.kaboom.run.Recording;
import dev.kaboom.run.Run;
import dev.kaboom.run.RunFile;
import dev.kaboom.scenario.Command;
import dev.kaboom.ui.model.MainViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run saved from a lesson replays with {@code kaboom replay RUN}: its world starts empty, a
 * step's change of world (the chapter's sensor server taking an argument) is a recorded command, so
 * the replay's console answers as the window's did, with the same trace and checksum.
 */
class LessonRunReplayTest {

  @Test
  void aRunSavedFromTheServyLessonReplaysWithTheSameAnswersAndChecksum(@TempDir Path dir) {
    Lesson lesson = ((LessonLoader.Result.Loaded) LessonLoader.load("servy-supervisor")).lesson();
    LessonRun run = new LessonRun(lesson, 0);
    MainViewModel vm = new MainViewModel();
    String first = lesson.worldAt(0);
    vm.loadEmpty(
        lesson.worlds().get(first), Lesson.worldFile(first), lesson.worldTexts().get(first));
    vm.session().orElseThrow().listen(run::seeEvent);
    List<String> answers = new ArrayList<>();
    LessonConsole lc =
        new LessonConsole(
            run,
            vm.consoleProperty().get(),
            line -> {
              String answer = vm.consoleLine(line).orElseThrow();
              answers.add(answer);
              run.seeLine(line, answer, vm.consoleProperty().get().lastRaised());
              vm.runToIdle();
            },
            vm::recompile);
    lc.arrive();
    int steps = 0;
    do {
      lc.typeStepLines();
      steps++;
      if (!run.stepDone()) {
        break;
      }
    } while (run.advance() && followed(lc));
    assertThat(steps).isEqualTo(lesson.steps().size());
    // the chapter's first world, then the one whose sensor server takes 60
    assertThat(vm.recordedCommands())
        .filteredOn(r -> r.command() instanceof Command.Recompile)
        .isNotEmpty();
    assertThat(String.join("", answers))
        .contains("Starting the sensor server...\n")
        .contains("Starting the sensor server with 60...\n");

    Path file = dir.resolve("lesson-run.json");
    assertThat(vm.saveRun(file)).isTrue();
    Run saved = ((RunFile.Result.Loaded) RunFile.read(file)).run();
    assertThat(saved.emptyWorld()).isTrue();
    List<String> replayed = new ArrayList<>();
    Recording.replay(saved, replayed::add);
    assertThat(replayed).noneMatch(l -> l.startsWith("> start_link"));
    // the replay's console answers every line as the window's console did
    List<String> replayedAnswers = new ArrayList<>();
    StringBuilder current = null;
    for (String l : replayed) {
      if (l.startsWith("> iex ")) {
        if (current != null) {
          replayedAnswers.add(current.toString());
        }
        current = new StringBuilder();
      } else if (l.startsWith("| ") || l.equals("|")) {
        current.append(l.length() > 2 ? l.substring(2) : "").append('\n');
      }
    }
    replayedAnswers.add(current.toString());
    assertThat(replayedAnswers)
        .isEqualTo(
            answers.stream().map(a -> a.stripTrailing().isEmpty() ? "" : trimmed(a)).toList());

    CliTest.Ran ran = CliTest.run("replay", file.toString());
    assertThat(ran.status()).as(ran.err()).isZero();
    assertThat(ran.err()).isEmpty();
    assertThat(ran.out()).contains("> recompile servy-course.json");
    assertThat(ran.out().lines().toList()).isEqualTo(replayed);
  }

  /** An answer as the trace's {@code | } lines give it back (trailing blanks of each line off). */
  private static String trimmed(String answer) {
    StringBuilder b = new StringBuilder();
    for (String l : answer.stripTrailing().split("\n", -1)) {
      b.append(l.stripTrailing()).append('\n');
    }
    return b.toString();
  }

  private static boolean followed(LessonConsole lc) {
    lc.followWorld();
    return true;
  }
}
