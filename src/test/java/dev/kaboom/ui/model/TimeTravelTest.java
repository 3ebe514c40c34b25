package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.run.RunFile;
import dev.kaboom.ui.MainWindow;
import dev.kaboom.ui.sim.Pacer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Going back in a run and saving it: step back, step forward, save run, open run. */
class TimeTravelTest extends OnServy {
  @Test
  void stepBackAfterAKaboomShowsTheOldPidAndTheMeterAsItWas() {
    Pid old = node("servy/services/sensor").pid().orElseThrow();
    vm.kaboom("servy/services/sensor");
    vm.runToIdle();
    Pid now = node("servy/services/sensor").pid().orElseThrow();
    assertThat(now).isNotEqualTo(old);
    assertThat(node("servy/services").restartsInWindow()).isEqualTo(1);

    // back to just before the kaboom's first visible event: the old pid, running, meter 0
    while (vm.stepBack()) {
      if (node("servy/services/sensor").pid().orElseThrow().equals(old)
          && node("servy/services/sensor").status() == NodeStatus.RUNNING) {
        break;
      }
    }
    assertThat(vm.pausedProperty().get()).as("stepping back pauses").isTrue();
    assertThat(vm.playheadProperty().get()).isNotNegative();
    assertThat(node("servy/services/sensor").pid()).contains(old);
    assertThat(node("servy/services").restartsInWindow()).isZero();

    // forward again, one visible event at a time, to the present
    int guard = 0;
    while (vm.stepForward() && guard++ < 100) {
      // keep going
    }
    assertThat(vm.playheadProperty().get()).isEqualTo(-1);
    assertThat(node("servy/services/sensor").pid()).contains(now);
    assertThat(node("servy/services").restartsInWindow()).isEqualTo(1);
  }

  @Test
  void aRunSavedAndOpenedIsTheSameRun(@TempDir Path dir) throws Exception {
    vm.kaboom("servy/services/sensor");
    for (int i = 0; i < 40; i++) {
      vm.frame(Pacer.BEAT_NANOS / 4); // animated, with clock time passing
    }
    vm.kaboom("servy/services/sensor");
    vm.runToIdle();
    Path file = dir.resolve("run.json");
    assertThat(vm.saveRun(file)).isTrue();
    assertThat(Files.readString(file)).contains("\"kind\" : \"kaboom-run\"");
    Pid sensor = node("servy/services/sensor").pid().orElseThrow();
    int restarts = node("servy/services/sensor").restartCount();

    MainViewModel other = new MainViewModel();
    other.load(MainWindow.bundledServy(), null);
    assertThat(other.open(file)).isTrue();
    assertThat(other.errorProperty().get()).isEmpty();
    assertThat(other.notices()).noneMatch(n -> n.key().equals("notify.runDiffers"));
    assertThat(other.tree().node("servy/services/sensor").orElseThrow().pid()).contains(sensor);
    assertThat(other.tree().node("servy/services/sensor").orElseThrow().restartCount())
        .isEqualTo(restarts);
    assertThat(RunFile.toJson(other.currentRun().orElseThrow()))
        .isEqualTo(RunFile.toJson(vm.currentRun().orElseThrow()));
  }

  @Test
  void aDamagedRunFileLeavesTheCurrentRunAndSaysWhere(@TempDir Path dir) throws Exception {
    Path bad =
        Files.writeString(dir.resolve("bad.json"), "{\"kind\": \"kaboom-run\", \"format\": 1}");
    Pid sensor = node("servy/services/sensor").pid().orElseThrow();
    assertThat(vm.open(bad)).isFalse();
    assertThat(vm.errorProperty().get()).contains("bad.json", "kaboom_version");
    assertThat(node("servy/services/sensor").pid()).contains(sensor);
  }

  @Test
  void fourQuickClicksMakeTheSupervisorGiveUpHoweverFarBehindThePictureIs() {
    // servy/services allows 3 restarts in 5 s: four kabooms a frame apart (a storm: more than
    // the picture can show), the picture showing none of it before the fourth
    for (int i = 0; i < 4; i++) {
      vm.pausedProperty().set(true);
      vm.frame(1_000_000_000L / 60);
      vm.pausedProperty().set(false);
      assertThat(vm.kaboom("servy/services/sensor")).as("click %d finds a process", i + 1).isTrue();
    }
    assertThat(vm.behindEvents()).as("the picture has not shown it yet").isPositive();
    assertThat(vm.session().orElseThrow().log().all())
        .anyMatch(
            e ->
                e instanceof dev.kaboom.engine.TraceEvent.GaveUp g
                    && "servy/services".equals(g.label()));
    // the picture follows at its pace, merging steps when it is far behind
    boolean merged = false;
    for (int i = 0; i < 400 && vm.behindEvents() > 0; i++) {
      vm.frame(Pacer.BEAT_NANOS);
      merged |= vm.catchingUpProperty().get();
    }
    assertThat(merged).as("status: catching up").isTrue();
    assertThat(vm.behindEvents()).isZero();
    assertThat(vm.catchingUpProperty().get()).isFalse();
    assertThat(node("servy/services").restartCount()).isEqualTo(1); // its parent restarted it
  }

  @Test
  void aStormsClickWhileThePictureIsBehindIsDrawnInTheNextFrame() {
    Pid pledge = pid("servy/services/pledge");
    // the picture owes beats: commands in three frames within a second (a storm)
    vm.kaboom("servy/services/sensor");
    vm.frame(1_000_000);
    vm.kaboom("servy/services/sensor");
    vm.frame(1_000_000);
    assertThat(vm.behindEvents()).as("beats still owed").isPositive();
    assertThat(vm.kaboomClicked("servy/services/pledge")).isTrue();
    // no beat has passed: the clicked worker is drawn dead already, the rest follows beat by beat
    assertThat(node("servy/services/pledge").status()).isNotEqualTo(NodeStatus.RUNNING);
    assertThat(node("servy/services/pledge").pid()).contains(pledge);
    assertThat(vm.behindEvents()).as("its restart is still to play").isPositive();
    for (int i = 0; i < 100 && vm.behindEvents() > 0; i++) {
      vm.frame(Pacer.BEAT_NANOS);
    }
    assertThat(node("servy/services/pledge").status()).isEqualTo(NodeStatus.RUNNING);
    assertThat(node("servy/services/pledge").pid()).isNotEqualTo(java.util.Optional.of(pledge));
  }

  @Test
  void afterAKaboomThePictureShowsTheDeathBeforeTheRestart() {
    vm.kaboom("servy/services/sensor");
    boolean sawDown = false;
    for (int i = 0; i < 40 && vm.behindEvents() > 0; i++) {
      vm.frame(Pacer.BEAT_NANOS);
      sawDown |= node("servy/services/sensor").status() != NodeStatus.RUNNING;
    }
    assertThat(sawDown).isTrue();
    assertThat(node("servy/services/sensor").status()).isEqualTo(NodeStatus.RUNNING);
    assertThat(node("servy/services/sensor").restartCount()).isEqualTo(1);
  }

  private long userCommands() {
    return vm.recordedCommands().stream()
        .filter(r -> dev.kaboom.scenario.Command.isUserAction(r.command()))
        .count();
  }

  /** Steps back until the sensor runs as {@code pid}; fails if it never does. */
  private void stepBackTo(String path, Pid pid) {
    while (vm.stepBack()) {
      if (node(path).pid().orElseThrow().equals(pid) && node(path).status() == NodeStatus.RUNNING) {
        return;
      }
    }
    throw new AssertionError(path + " never ran as " + pid);
  }

  @Test
  void actingAtAPastPointForksTheRunAndUndoBringsTheDroppedPartBack() {
    String sensor = "servy/services/sensor";
    String pledge = "servy/services/pledge";
    vm.kaboom(sensor);
    vm.runToIdle();
    Pid second = node(sensor).pid().orElseThrow();
    vm.kaboom(sensor);
    vm.runToIdle();
    Pid third = node(sensor).pid().orElseThrow();
    int marksBefore = vm.marks().size();
    stepBackTo(sensor, second);
    int head = vm.playheadProperty().get();
    boolean[] asked = {false};
    vm.setForkConfirmation(
        () -> {
          asked[0] = true;
          return true;
        });

    assertThat(vm.kaboom(pledge)).isTrue();
    vm.runToIdle();
    assertThat(asked[0]).as("the fork is confirmed first").isTrue();
    assertThat(vm.playheadProperty().get()).as("live again").isEqualTo(-1);
    assertThat(node(sensor).restartCount()).as("the second kaboom is dropped").isEqualTo(1);
    assertThat(node(sensor).pid()).contains(second);
    assertThat(node(pledge).restartCount()).isEqualTo(1);
    assertThat(userCommands()).as("kaboom sensor, kaboom pledge").isEqualTo(2);
    assertThat(vm.marks()).allMatch(m -> m.eventIndex() < vm.session().orElseThrow().log().size());
    assertThat(vm.hasUnsavedRun()).isTrue();

    // Ctrl+Z: the dropped part is back, and the picture where it was
    assertThat(vm.undo()).isTrue();
    vm.runToIdle();
    assertThat(vm.playheadProperty().get()).isEqualTo(head);
    assertThat(vm.marks()).hasSize(marksBefore);
    assertThat(node(sensor).pid()).contains(second);
    vm.goLive();
    assertThat(node(sensor).pid()).contains(third);
    assertThat(node(sensor).restartCount()).isEqualTo(2);
    assertThat(node(pledge).restartCount()).isZero();
    assertThat(userCommands()).isEqualTo(2);
    assertThat(vm.canUndo()).isFalse();
  }

  @Test
  void aDeclinedForkChangesNothing() {
    vm.kaboom("servy/services/sensor");
    vm.runToIdle();
    vm.stepBack();
    vm.stepBack();
    int head = vm.playheadProperty().get();
    vm.setForkConfirmation(() -> false);
    assertThat(vm.kaboom("servy/services/pledge")).isFalse();
    assertThat(vm.playheadProperty().get()).isEqualTo(head);
    assertThat(userCommands()).isEqualTo(1);
    assertThat(vm.canUndo()).isFalse();
  }

  @Test
  void resetGoesToTheStartAndUndoComesBack() {
    vm.pausedProperty().set(false);
    vm.kaboom("servy/services/sensor");
    vm.runToIdle();
    Pid now = node("servy/services/sensor").pid().orElseThrow();
    vm.reset();
    assertThat(vm.pausedProperty().get()).isTrue();
    assertThat(vm.playheadProperty().get()).isNotNegative();
    assertThat(node("servy/services/sensor").restartCount()).isZero();
    assertThat(node("servy/services/sensor").status()).isEqualTo(NodeStatus.RUNNING);
    assertThat(userCommands()).as("nothing is discarded").isEqualTo(1);
    assertThat(vm.undo()).isTrue();
    assertThat(vm.playheadProperty().get()).isEqualTo(-1);
    assertThat(node("servy/services/sensor").pid()).contains(now);
  }

  @Test
  void aRunIsUnsavedUntilSaved(@TempDir Path dir) {
    assertThat(vm.hasUnsavedRun()).isFalse();
    for (int i = 0; i < 20; i++) {
      vm.frame(Pacer.BEAT_NANOS); // time passing by the clock is no reason to ask
    }
    assertThat(vm.hasUnsavedRun()).isFalse();
    vm.kaboom("servy/services/sensor");
    vm.runToIdle();
    assertThat(vm.hasUnsavedRun()).isTrue();
    assertThat(vm.saveRun(dir.resolve("run.json"))).isTrue();
    assertThat(vm.hasUnsavedRun()).isFalse();
  }

  @Test
  void theNextStepCounterFollowsTheTimeline(@TempDir Path dir) {
    int total = vm.scriptRemaining();
    vm.runNextScriptStep();
    vm.runToIdle();
    vm.runNextScriptStep();
    vm.runToIdle();
    assertThat(vm.scriptRemaining()).isEqualTo(total - 2);

    // seeking back to the start: the counter as it was there; live again: as it is now
    vm.reset();
    assertThat(vm.scriptRemaining()).isEqualTo(total);
    vm.goLive();
    assertThat(vm.scriptRemaining()).isEqualTo(total - 2);

    // the next step given at the start forks there: it is the first step again
    vm.reset();
    assertThat(vm.runNextScriptStep()).isTrue();
    vm.runToIdle();
    assertThat(vm.playheadProperty().get()).isEqualTo(-1);
    assertThat(vm.scriptRemaining()).as("after the fork").isEqualTo(total - 1);

    // undoing the fork brings the two steps back
    assertThat(vm.undo()).isTrue();
    vm.goLive();
    assertThat(vm.scriptRemaining()).isEqualTo(total - 2);

    // and a saved run opened again has given as many
    Path file = dir.resolve("steps.json");
    assertThat(vm.saveRun(file)).isTrue();
    MainViewModel other = new MainViewModel();
    assertThat(other.open(file)).isTrue();
    assertThat(other.scriptRemaining()).isEqualTo(total - 2);
  }

  private static final String KABOOM_LINE =
      "Process.whereis(:sensor_server) |> Process.exit(:kaboom)";

  @Test
  void aRunWithConsoleLinesSavedAndOpenedIsTheSameRun(@TempDir Path dir) throws Exception {
    assertThat(vm.consoleLine(KABOOM_LINE)).contains("true\n");
    vm.runToIdle();
    vm.kaboom("servy/services/pledge");
    vm.runToIdle();
    assertThat(vm.consoleLine("x = Process.whereis(:sensor_server)")).isPresent();
    vm.runToIdle();
    Path file = dir.resolve("console.json");
    assertThat(vm.saveRun(file)).isTrue();
    assertThat(Files.readString(file))
        .contains("\"command\" : \"shell_start\"")
        .contains("\"command\" : \"console\"");

    MainViewModel other = new MainViewModel();
    assertThat(other.open(file)).isTrue();
    other.runToIdle();
    assertThat(other.notices()).noneMatch(n -> n.key().equals("notify.runDiffers"));
    var mine = vm.session().orElseThrow().log().all();
    var theirs = other.session().orElseThrow().log().all();
    assertThat(theirs.stream().map(Object::toString).toList())
        .as("the same events, pids and all")
        .isEqualTo(mine.stream().map(Object::toString).toList());
    assertThat(other.consoleProperty().get().transcript())
        .as("the console shows the same lines and answers")
        .isEqualTo(vm.consoleProperty().get().transcript());

    // the CLI's replay of the file ends with the same processes at the same pids (its shell takes
    // the same pid as the window's)
    dev.kaboom.run.Run run = ((RunFile.Result.Loaded) RunFile.read(file)).run();
    dev.kaboom.run.RunCursor cursor = new dev.kaboom.run.RunCursor(run);
    cursor.seek(cursor.totalLines());
    assertThat(cursor.live()).isNotEmpty();
    cursor
        .live()
        .forEach(
            (path, pid) ->
                assertThat(vm.session().orElseThrow().sim().pidAt(path)).as(path).contains(pid));
    java.util.List<String> trace = new java.util.ArrayList<>();
    dev.kaboom.run.Recording.replay(run, trace::add);
    assertThat(trace).contains("> iex " + KABOOM_LINE, "| true");
  }

  @Test
  void aConsoleLineWhileLookingBackForksTheRunAsAClickDoes() {
    String sensor = "servy/services/sensor";
    vm.kaboom(sensor);
    vm.runToIdle();
    Pid second = node(sensor).pid().orElseThrow();
    vm.kaboom(sensor);
    vm.runToIdle();
    stepBackTo(sensor, second);
    String before = vm.consoleProperty().get().transcript();

    // declined: nothing runs, nothing is dropped
    vm.setForkConfirmation(() -> false);
    assertThat(vm.consoleLine(KABOOM_LINE)).isEmpty();
    assertThat(vm.playheadProperty().get()).isNotNegative();
    assertThat(vm.canUndo()).isFalse();

    boolean[] asked = {false};
    vm.setForkConfirmation(
        () -> {
          asked[0] = true;
          return true;
        });
    assertThat(vm.consoleLine(KABOOM_LINE)).contains("true\n");
    vm.runToIdle();
    assertThat(asked[0]).as("the fork is confirmed first").isTrue();
    assertThat(vm.playheadProperty().get()).as("live again").isEqualTo(-1);
    assertThat(node(sensor).restartCount())
        .as("the first kaboom, then the console's (the second click is dropped)")
        .isEqualTo(2);
    assertThat(vm.recordedCommands())
        .filteredOn(r -> r.command() instanceof dev.kaboom.scenario.Command.ConsoleLine)
        .hasSize(1);
    assertThat(vm.consoleProperty().get().transcript())
        .isEqualTo(before + "iex(1)> " + KABOOM_LINE + "\ntrue\n");

    // Ctrl+Z: the dropped click is back, and the console as it was
    assertThat(vm.undo()).isTrue();
    vm.goLive();
    assertThat(vm.consoleProperty().get().transcript()).isEqualTo(before);
    assertThat(vm.recordedCommands())
        .noneMatch(r -> r.command() instanceof dev.kaboom.scenario.Command.ConsoleLine);
  }
}
