package dev.kaboom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Work takes virtual time, so loops let timers fire; runaway steps are stopped and named. */
class WorkTimeTest {
  final EventLog log = new EventLog();
  final Node node = new Node(log, 1L);
  final VirtualScheduler s = node.scheduler();
  boolean stop;

  /** A process that sends itself a message for every message it handles, until {@link #stop}. */
  Pid busyLoop(String label) {
    Recorder r = Recorder.plain();
    r.onMessage =
        (self, m) -> {
          if (!stop) {
            self.send(self.pid(), "again");
          }
        };
    Pid p = node.spawn(new Pid(0), r, label, false);
    node.send(new Pid(0), p, "go");
    return p;
  }

  @Test
  void eachProcessTurnCostsVirtualTime() {
    busyLoop("loop");
    s.schedule(10, () -> stop = true);
    s.runUntilIdle();
    assertThat(stop).isTrue();
    // the timer fired while the loop was still running: 10 ms of turns, then one more turn
    assertThat(s.nowMillis()).isEqualTo(10);
    assertThat(s.turns())
        .isBetween(
            10_000L / VirtualScheduler.WORK_MICROS_PER_TURN,
            10_000L / VirtualScheduler.WORK_MICROS_PER_TURN + 3);
    assertThat(log.all().stream().filter(e -> e instanceof TraceEvent.TimeAdvanced).count())
        .isEqualTo(10);
  }

  @Test
  void pingPongLetsATimerEndIt() {
    Recorder ping = Recorder.plain();
    Recorder pong = Recorder.plain();
    Pid[] pids = new Pid[2];
    ping.onMessage = (self, m) -> self.send(pids[1], "ping");
    pong.onMessage = (self, m) -> self.send(pids[0], "pong");
    pids[0] = node.spawn(new Pid(0), ping, "ping", false);
    pids[1] = node.spawn(new Pid(0), pong, "pong", false);
    Pid killer =
        node.spawn(
            new Pid(0),
            new Behavior() {
              @Override
              public void init(Proc self) {
                self.sleep(25, () -> self.exit(pids[0], Atom.KILL));
              }

              @Override
              public void handle(Proc self, Object message) {}
            },
            "killer",
            false);
    node.send(new Pid(0), pids[0], "serve");
    s.runUntilIdle();
    assertThat(node.isAlive(pids[0])).isFalse();
    assertThat(node.isAlive(killer)).isTrue();
    assertThat(s.nowMillis()).isEqualTo(25);
    assertThat(s.isIdle()).isTrue();
  }

  @Test
  void aStepWithTooManyTurnsStopsWithTheProcessesInvolved() {
    Pid p = busyLoop("spinner");
    assertThatThrownBy(
            () -> s.runUntilIdleGuarded(50_000, VirtualScheduler.MAX_ADVANCE_MILLIS_PER_STEP))
        .isInstanceOf(RunawayException.class)
        .hasMessageContaining("more than 50000 process turns")
        .hasMessageContaining("spinner (" + p + ")");
    assertThat(log.all()).last().isInstanceOf(TraceEvent.RunawayStopped.class);
    // nothing is lost: the loop is still there and can be ended
    assertThat(node.isAlive(p)).isTrue();
    stop = true;
    s.runUntilIdleGuarded();
    assertThat(s.isIdle()).isTrue();
  }

  @Test
  void aStepThatMovesTimeTooFarStops() {
    Pid p =
        node.spawn(
            new Pid(0),
            new Behavior() {
              @Override
              public void init(Proc self) {
                again(self);
              }

              void again(Proc self) {
                self.sleep(600_000, () -> again(self)); // every ten minutes, forever
              }

              @Override
              public void handle(Proc self, Object message) {}
            },
            "ticker",
            false);
    assertThatThrownBy(s::runUntilIdleGuarded)
        .isInstanceOf(RunawayException.class)
        .hasMessageContaining("virtual time moved by more than 3600000 ms")
        .hasMessageContaining("ticker (" + p + ")");
    assertThat(s.nowMillis()).isLessThanOrEqualTo(3_600_000L);
  }

  @Test
  void aBusyLoopDuringASleepStops() {
    busyLoop("spinner");
    assertThatThrownBy(() -> s.advanceBy(5, 10_000)).isInstanceOf(RunawayException.class);
  }
}
