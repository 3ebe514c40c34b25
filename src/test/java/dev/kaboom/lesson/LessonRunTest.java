package dev.kaboom.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.console.Console;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Steps complete when the learner did the thing, however they did it, and not before. */
class LessonRunTest {
  /** A lesson on its own console, typing lines as the terminal does. */
  static final class Walk {
    final LessonRun run;
    final Console console;
    final LessonConsole lesson;
    final StringBuilder transcript = new StringBuilder();

    Walk(String name, int start) {
      Lesson l = LessonLoaderTest.bundled(name);
      run = new LessonRun(l, start);
      console = new Console(l.worlds().get(l.worldAt(start)), false);
      console.listen(run::seeEvent);
      lesson = new LessonConsole(run, console, this::type);
    }

    void type(String line) {
      String answer = console.eval(line);
      transcript.append(console.prompt()).append(line).append('\n').append(answer);
      run.seeLine(line, answer, console.lastRaised());
    }
  }

  static List<String> bundledNames() {
    return LessonLoader.bundled();
  }

  @ParameterizedTest
  @MethodSource("bundledNames")
  void eachStepsOwnLinesCompleteItAndTheLessonEnds(String name) {
    Walk w = new Walk(name, 0);
    w.lesson.arrive();
    List<String> changes = new ArrayList<>();
    w.run.listen(c -> changes.add(c + "@" + w.run.index()));
    for (int i = 0; i < w.run.lesson().steps().size(); i++) {
      assertThat(w.run.index()).isEqualTo(i);
      assertThat(w.run.stepDone()).as("step %d done before its lines", i + 1).isFalse();
      w.lesson.typeStepLines();
      assertThat(w.run.stepDone())
          .as("step %s after its lines:\n%s", w.run.step().id(), w.transcript)
          .isTrue();
      w.run.advance();
      w.lesson.followWorld();
    }
    assertThat(w.run.finished()).isTrue();
    assertThat(w.transcript.toString()).doesNotContain("** (");
    assertThat(changes).contains("DONE@0", "STEP@1");
  }

  @Test
  void aTypedLineAndAnotherWayOfDoingItCompleteTheSameStep() {
    Walk w = new Walk("servy-supervisor", 2); // kaboom: restarted Servy.SensorServer
    w.lesson.arrive(); // setup starts the services supervisor; that is not the learner's doing
    assertThat(w.run.stepDone()).isFalse();
    w.type("Supervisor.which_children(sup_pid)");
    assertThat(w.run.stepDone()).isFalse();
    // not the step's line, but the same thing done: the sensor server restarts
    w.type("send(:sensor_server, :hello); GenServer.stop(:sensor_server, :boom)");
    assertThat(w.run.stepDone()).as(w.transcript.toString()).isTrue();
  }

  @Test
  void aLineThatRaisedDoesNotCountAndAllWantsEveryPart() {
    Walk w = new Walk("servy-supervisor", 0); // all: started ServicesSupervisor, typed Process.info
    w.lesson.arrive();
    w.type("Process.info(sup_pid, :links)"); // sup_pid is unbound: an error
    assertThat(w.run.partsHeld()).isZero();
    w.type("{:ok, sup_pid} = Servy.ServicesSupervisor.start_link()");
    assertThat(w.run.partsHeld()).isEqualTo(1);
    assertThat(w.run.partCount()).isEqualTo(2);
    assertThat(w.run.stepDone()).isFalse();
    w.type("Process.info(sup_pid, :links)");
    assertThat(w.run.stepDone()).isTrue();
  }

  @Test
  void theArgumentsStepSwitchesTheSensorServerToItsSecondVersion() {
    Walk w = new Walk("servy-supervisor", 0);
    w.lesson.arrive();
    w.type("{:ok, sup_pid} = Servy.ServicesSupervisor.start_link()");
    assertThat(w.transcript).contains("Starting the sensor server...\n");
    int arguments = w.run.lesson().steps().stream().map(Step::id).toList().indexOf("arguments");
    w.run.goTo(arguments);
    w.lesson.arrive();
    w.type("Supervisor.stop(sup_pid)");
    w.type("{:ok, sup_pid} = Servy.ServicesSupervisor.start_link()");
    assertThat(w.transcript).contains("Starting the sensor server with 60...\n");
    assertThat(w.run.stepDone()).isTrue();
  }

  @Test
  void aRememberedPlaceCountsTheStepsBeforeAsDoneAndANextStepIsOnlyForADoneOne() {
    LessonRun run = new LessonRun(LessonLoaderTest.bundled("strategies"), 2);
    assertThat(run.isDone(0)).isTrue();
    assertThat(run.isDone(2)).isFalse();
    assertThat(run.advance()).isFalse();
    assertThat(new LessonRun(run.lesson(), 99).index()).isZero();
  }

  @Test
  void highlightColoursKeywordsModulesAtomsStringsAndComments() {
    String code = "def start_link do # go\n  IO.puts \"hi\" ; x(:ok, name: 60)\nend";
    List<String> parts = new ArrayList<>();
    for (Highlight.Run r : Highlight.runs(code)) {
      if (r.kind() != Highlight.Kind.PLAIN) {
        parts.add(r.kind() + " " + code.substring(r.start(), r.end()));
      }
    }
    assertThat(parts)
        .containsExactly(
            "KEYWORD def",
            "KEYWORD do",
            "COMMENT # go",
            "MODULE IO",
            "STRING \"hi\"",
            "ATOM :ok",
            "ATOM name:",
            "NUMBER 60",
            "KEYWORD end");
  }
}
