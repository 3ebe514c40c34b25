package dev.kaboom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
  final EventLog log = new EventLog();
  final Node node = new Node(log, 1L);
  final VirtualScheduler s = node.scheduler();
  final List<String> ran = new ArrayList<>();

  @Test
  void startsAtZeroAndIdle() {
    assertThat(s.nowMillis()).isZero();
    assertThat(s.isIdle()).isTrue();
    assertThat(s.isQuiescent()).isTrue();
    assertThat(s.step()).isFalse();
    assertThat(s.nextTimerMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aBackgroundTickFiresAsTimePassesButDoesNotKeepTheSchedulerBusy() {
    Runnable[] tick = new Runnable[1];
    tick[0] =
        () -> {
          ran.add("tick@" + s.nowMillis());
          s.scheduleBackground(100, tick[0]);
        };
    s.scheduleBackground(100, tick[0]);
    s.schedule(150, () -> ran.add("work@" + s.nowMillis()));
    s.runUntilIdle();
    assertThat(ran).containsExactly("tick@100", "work@150");
    assertThat(s.isIdle()).isTrue();
    s.advanceBy(100);
    assertThat(ran).containsExactly("tick@100", "work@150", "tick@200");
  }

  @Test
  void runUntilIdleFiresTimersByTimeThenSequence() {
    s.schedule(30, () -> ran.add("a@" + s.nowMillis()));
    s.schedule(10, () -> ran.add("b@" + s.nowMillis()));
    s.schedule(30, () -> ran.add("c@" + s.nowMillis()));
    s.schedule(
        10,
        () -> {
          ran.add("d@" + s.nowMillis());
          s.schedule(0, () -> ran.add("e@" + s.nowMillis())); // same time, later sequence
        });
    assertThat(s.nextTimerMillis()).isEqualTo(10);
    s.runUntilIdle();
    assertThat(ran).containsExactly("b@10", "d@10", "e@10", "a@30", "c@30");
    assertThat(s.nowMillis()).isEqualTo(30);
    assertThat(s.isIdle()).isTrue();
  }

  @Test
  void readyProcessesRunBeforeTimeMoves() {
    Recorder r = Recorder.plain();
    r.onMessage = (self, m) -> ran.add(m + "@" + s.nowMillis());
    Pid p = node.spawn(new Pid(0), r, "p", false);
    s.schedule(0, () -> node.send(new Pid(0), p, "timer"));
    node.send(new Pid(0), p, "first");
    s.runUntilIdle();
    assertThat(ran).containsExactly("first@0", "timer@0");
  }

  @Test
  void cancelledTimersDoNotMoveTheClock() {
    var t = s.schedule(100, () -> ran.add("cancelled"));
    s.schedule(40, () -> ran.add("kept"));
    t.cancel();
    t.cancel(); // twice is harmless
    assertThat(s.isIdle()).isFalse();
    s.runUntilIdle();
    assertThat(ran).containsExactly("kept");
    assertThat(s.nowMillis()).isEqualTo(40);
    assertThat(s.isIdle()).isTrue();
    assertThat(s.nextTimerMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void advanceByRunsWhatIsDueAndSetsTheClock() {
    s.schedule(50, () -> ran.add("50"));
    s.schedule(100, () -> ran.add("100"));
    s.schedule(101, () -> ran.add("101"));
    s.advanceBy(100);
    assertThat(ran).containsExactly("50", "100");
    assertThat(s.nowMillis()).isEqualTo(100);
    s.advanceBy(0);
    assertThat(s.nowMillis()).isEqualTo(100);
    s.advanceBy(-5);
    assertThat(s.nowMillis()).isEqualTo(100);
    s.advanceBy(1000);
    assertThat(ran).containsExactly("50", "100", "101");
    assertThat(s.nowMillis()).isEqualTo(1100);
    assertThat(
            log.all().stream()
                .filter(e -> e instanceof TraceEvent.TimeAdvanced)
                .map(TraceEvent::timeMillis))
        .containsExactly(50L, 100L, 101L, 1100L);
  }

  @Test
  void aStepRunsOneProcessOnEverythingThatHasArrivedForIt() {
    Recorder r = Recorder.plain();
    Recorder other = Recorder.plain();
    Pid p = node.spawn(new Pid(0), r, "p", false);
    Pid q = node.spawn(new Pid(0), other, "q", false);
    node.send(new Pid(0), p, "m1");
    node.send(new Pid(0), p, "m2");
    assertThat(s.readyCount()).isEqualTo(2);
    assertThat(s.step()).isTrue(); // p: init, then both messages
    assertThat(r.initRan).isTrue();
    assertThat(r.messages).containsExactly("m1", "m2");
    assertThat(other.initRan).isFalse();
    assertThat(s.step()).isTrue(); // q
    assertThat(other.initRan).isTrue();
    assertThat(s.step()).isFalse();
    assertThat(node.isAlive(q)).isTrue();
  }

  @Test
  void anExitSignalIsTakenInBeforeEarlierMessagesAreHandled() {
    Recorder r = Recorder.plain();
    Pid p = node.spawn(new Pid(0), r, "p", false);
    s.runUntilIdle();
    node.send(new Pid(0), p, "never handled");
    node.exit(new Pid(0), p, Atom.of("kaboom"));
    s.runUntilIdle();
    assertThat(node.isAlive(p)).isFalse();
    assertThat(r.messages).isEmpty();
  }

  @Test
  void processesTakeTurnsFifo() {
    Recorder a = Recorder.plain();
    Recorder b = Recorder.plain();
    a.onMessage = (self, m) -> ran.add("a:" + m);
    b.onMessage = (self, m) -> ran.add("b:" + m);
    Pid pa = node.spawn(new Pid(0), a, "a", false);
    Pid pb = node.spawn(new Pid(0), b, "b", false);
    s.runUntilIdle();
    node.send(new Pid(0), pa, 1);
    node.send(new Pid(0), pa, 2);
    node.send(new Pid(0), pb, 1);
    node.send(new Pid(0), pb, 2);
    s.runUntilIdle();
    assertThat(ran).containsExactly("a:1", "a:2", "b:1", "b:2");
    // a process made ready again goes to the back of the queue
    a.onMessage =
        (self, m) -> {
          ran.add("a:" + m);
          if (m.equals(3)) {
            node.send(self.pid(), pb, 4);
            node.send(self.pid(), self.pid(), 5);
          }
        };
    ran.clear();
    node.send(new Pid(0), pa, 3);
    node.send(new Pid(0), pb, 3);
    s.runUntilIdle();
    assertThat(ran).containsExactly("a:3", "b:3", "b:4", "a:5");
  }
}
