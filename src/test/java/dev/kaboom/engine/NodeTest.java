package dev.kaboom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Processes on a {@link Node}: spawning, links, monitors, the registry and selective receive. */
class NodeTest {
  final EventLog log = new EventLog();
  final Node node = new Node(log, 1L);

  Pid spawn(Behavior b, String label) {
    return node.spawn(new Pid(0), b, label, false);
  }

  Proc proc(Pid pid) {
    return node.process(pid).orElseThrow();
  }

  void run() {
    node.scheduler().runUntilIdle();
  }

  <T extends TraceEvent> List<T> events(Class<T> type) {
    return log.all().stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Nested
  class Spawning {
    @Test
    void initRunsWhenScheduledNotInsideSpawn() {
      Recorder r = Recorder.plain();
      Pid pid = spawn(r, "p");
      assertThat(r.initRan).isFalse();
      assertThat(node.isAlive(pid)).isTrue();
      assertThat(events(TraceEvent.Spawned.class)).hasSize(1);
      assertThat(events(TraceEvent.Started.class)).isEmpty();
      node.scheduler().step();
      assertThat(r.initRan).isTrue();
      assertThat(events(TraceEvent.Started.class))
          .extracting(TraceEvent.Started::label)
          .containsExactly("p");
    }

    @Test
    void pidsPrintTheOtpWay() {
      Pid pid = spawn(Recorder.plain(), "p");
      assertThat(pid.toString()).matches("#PID<0\\.\\d+\\.0>");
      assertThat(pid.format()).matches("<0\\.\\d+\\.0>");
      assertThat(pid.formatAnonymous()).isEqualTo("pid");
      assertThat(Term.tuple(Atom.EXIT, pid, Atom.of("kaboom")).formatAnonymous())
          .isEqualTo("{'EXIT',pid,kaboom}");
    }

    @Test
    void spawnLinkLinksBothWays() {
      Pid parent = spawn(Recorder.trapping(), "parent");
      run();
      Pid child = proc(parent).spawnLink(Recorder.plain(), "child");
      assertThat(proc(parent).links()).containsExactly(child);
      assertThat(proc(child).links()).containsExactly(parent);
    }
  }

  @Nested
  class Links {
    @Test
    void areBidirectionalAndRemovedOnUnlink() {
      Pid a = spawn(Recorder.plain(), "a");
      Pid b = spawn(Recorder.plain(), "b");
      run();
      proc(a).link(b);
      assertThat(proc(a).links()).containsExactly(b);
      assertThat(proc(b).links()).containsExactly(a);
      proc(a).link(b); // linking twice is one link
      assertThat(proc(a).links()).containsExactly(b);
      proc(b).unlink(a);
      assertThat(proc(a).links()).isEmpty();
      assertThat(proc(b).links()).isEmpty();
      assertThat(events(TraceEvent.Linked.class)).hasSize(1);
      assertThat(events(TraceEvent.Unlinked.class)).hasSize(1);
      proc(a).die(Atom.of("kaboom"));
      run();
      assertThat(node.isAlive(b)).as("no link, no signal").isTrue();
    }

    @Test
    void aDyingProcessSendsItsReasonToEveryLink() {
      Pid a = spawn(Recorder.plain(), "a");
      Recorder trapper = Recorder.trapping();
      Pid b = spawn(Recorder.plain(), "b");
      Pid c = spawn(trapper, "c");
      Pid d = spawn(Recorder.plain(), "d");
      run();
      proc(a).link(b);
      proc(a).link(c);
      proc(b).link(d);
      proc(a).die(Atom.of("kaboom"));
      run();
      assertThat(events(TraceEvent.Exited.class))
          .extracting(TraceEvent.Exited::label, e -> e.reason().format())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("a", "kaboom"),
              org.assertj.core.groups.Tuple.tuple("b", "kaboom"),
              org.assertj.core.groups.Tuple.tuple("d", "kaboom"));
      assertThat(trapper.messages).containsExactly(new ExitMessage(a, Atom.of("kaboom")));
      assertThat(proc(c).links()).isEmpty();
      assertThat(events(TraceEvent.ExitSignalSent.class))
          .allSatisfy(s -> assertThat(s.viaLink()).isTrue());
    }

    @Test
    void aProcessKilledWithExit2PropagatesKilledThroughItsLinks() {
      Pid a = spawn(Recorder.plain(), "a");
      Pid b = spawn(Recorder.plain(), "b");
      Pid killer = spawn(Recorder.plain(), "killer");
      run();
      proc(a).link(b);
      proc(killer).exit(a, Atom.KILL);
      run();
      assertThat(events(TraceEvent.Exited.class))
          .extracting(e -> e.label() + " " + e.reason().format())
          .containsExactly("a killed", "b killed");
    }

    @Test
    void unlinkDropsALinkExitSignalAlreadyOnItsWay() {
      Pid a = spawn(Recorder.plain(), "a");
      Pid b = spawn(Recorder.plain(), "b");
      run();
      proc(a).link(b);
      proc(a).die(Atom.of("kaboom")); // the signal is queued at b, not handled yet
      proc(b).unlink(a);
      run();
      assertThat(node.isAlive(b)).isTrue();
    }

    @Test
    void linkingToADeadProcessGivesNoproc() {
      Pid gone = spawn(Recorder.plain(), "gone");
      run();
      proc(gone).die(Atom.NORMAL);
      Recorder r = Recorder.trapping();
      Pid p = spawn(r, "p");
      run();
      proc(p).link(gone);
      run();
      assertThat(r.messages).containsExactly(new ExitMessage(gone, Atom.NOPROC));
    }
  }

  @Nested
  class Monitors {
    @Test
    void deliverDownWithTheReason() {
      Recorder watcher = Recorder.plain();
      Pid w = spawn(watcher, "w");
      Pid t = spawn(Recorder.plain(), "t");
      run();
      Ref ref = proc(w).monitor(t);
      assertThat(proc(w).monitors()).containsExactly(t);
      assertThat(proc(t).monitoredBy()).containsExactly(w);
      proc(t).die(Atom.of("kaboom"));
      run();
      assertThat(watcher.messages).containsExactly(new Down(ref, t, Atom.of("kaboom")));
      assertThat(proc(w).monitors()).isEmpty();
      assertThat(node.isAlive(w)).as("a monitor is not a link").isTrue();
    }

    @Test
    void deliverNoprocForADeadTarget() {
      Pid t = spawn(Recorder.plain(), "t");
      run();
      proc(t).die(Atom.NORMAL);
      Recorder watcher = Recorder.plain();
      Pid w = spawn(watcher, "w");
      run();
      Ref ref = proc(w).monitor(t);
      run();
      assertThat(watcher.messages).containsExactly(new Down(ref, t, Atom.NOPROC));
    }

    @Test
    void demonitorMeansNoDown() {
      Recorder watcher = Recorder.plain();
      Pid w = spawn(watcher, "w");
      Pid t = spawn(Recorder.plain(), "t");
      run();
      Ref ref = proc(w).monitor(t);
      proc(w).demonitor(ref);
      assertThat(proc(t).monitoredBy()).isEmpty();
      proc(t).die(Atom.of("kaboom"));
      run();
      assertThat(watcher.messages).isEmpty();
    }

    @Test
    void aDyingWatcherLeavesNoMonitorBehind() {
      Pid w = spawn(Recorder.plain(), "w");
      Pid t = spawn(Recorder.plain(), "t");
      run();
      proc(w).monitor(t);
      proc(w).die(Atom.of("kaboom"));
      run();
      assertThat(node.isAlive(t)).isTrue();
      assertThat(proc(t).monitoredBy()).isEmpty();
    }

    @Test
    void twoMonitorsGiveTwoDownsInTheOrderTheyWereSetUp() {
      Recorder a = Recorder.plain();
      Recorder b = Recorder.plain();
      Pid pa = spawn(a, "a");
      Pid pb = spawn(b, "b");
      Pid t = spawn(Recorder.plain(), "t");
      run();
      Ref r1 = proc(pa).monitor(t);
      Ref r2 = proc(pa).monitor(t);
      Ref r3 = proc(pb).monitor(t);
      proc(t).die(Atom.SHUTDOWN);
      run();
      assertThat(a.messages)
          .containsExactly(new Down(r1, t, Atom.SHUTDOWN), new Down(r2, t, Atom.SHUTDOWN));
      assertThat(b.messages).containsExactly(new Down(r3, t, Atom.SHUTDOWN));
    }
  }

  @Nested
  class Registry {
    @Test
    void registerAndWhereis() {
      Pid p = spawn(Recorder.plain(), "p");
      assertThat(node.register("sensor", p)).isTrue();
      assertThat(node.whereis("sensor")).contains(p);
      assertThat(proc(p).registeredName()).isEqualTo("sensor");
      assertThat(node.whereis("nobody")).isEmpty();
    }

    @Test
    void theNameIsFreedWhenTheProcessExits() {
      Pid p = spawn(Recorder.plain(), "p");
      run();
      node.register("sensor", p);
      proc(p).die(Atom.of("kaboom"));
      assertThat(node.whereis("sensor")).isEmpty();
      assertThat(node.registered()).isEmpty();
      assertThat(events(TraceEvent.Unregistered.class))
          .extracting(TraceEvent.Unregistered::name)
          .containsExactly("sensor");
      Pid q = spawn(Recorder.plain(), "q");
      assertThat(node.register("sensor", q)).as("the name can be used again").isTrue();
    }

    @Test
    void badargCases() {
      Pid p = spawn(Recorder.plain(), "p");
      Pid q = spawn(Recorder.plain(), "q");
      Pid dead = spawn(Recorder.plain(), "dead");
      run();
      proc(dead).die(Atom.NORMAL);
      assertThat(node.register("a", p)).isTrue();
      assertThat(node.register("a", q)).as("name taken").isFalse();
      assertThat(node.register("b", p)).as("process already has a name").isFalse();
      assertThat(node.register("c", dead)).as("dead process").isFalse();
      assertThat(node.whereis("a")).contains(p);
      assertThat(node.whereis("b")).isEmpty();
      assertThat(node.unregister("nope")).isFalse();
      assertThat(node.unregister("a")).isTrue();
      assertThat(proc(p).registeredName()).isNull();
      assertThat(node.register("b", p)).as("free to register again after unregister").isTrue();
    }

    @Test
    void registeredNamesAreSorted() {
      node.register("zeta", spawn(Recorder.plain(), "z"));
      node.register("alpha", spawn(Recorder.plain(), "a"));
      assertThat(node.registered()).containsExactly("alpha", "zeta");
    }
  }

  @Nested
  class SelectiveReceive {
    @Test
    void keepsOtherMessagesInOrder() {
      List<Object> got = new ArrayList<>();
      Recorder r = Recorder.plain();
      Pid p = spawn(r, "p");
      Pid sender = spawn(Recorder.plain(), "s");
      run();
      proc(p).receive(m -> m.equals("wanted"), got::add);
      proc(sender).send(p, "one");
      proc(sender).send(p, "two");
      node.scheduler().runUntilIdle();
      assertThat(proc(p).mailboxLength()).isEqualTo(2);
      assertThat(proc(p).isWaiting()).isTrue();
      assertThat(r.messages).isEmpty();
      proc(sender).send(p, "wanted");
      proc(sender).send(p, "three");
      run();
      assertThat(got).containsExactly("wanted");
      assertThat(r.messages).containsExactly("one", "two", "three");
      assertThat(proc(p).mailboxLength()).isZero();
    }

    @Test
    void aNewReceiveScansTheSavedMessagesFromTheOldest() {
      List<Object> got = new ArrayList<>();
      List<Object> handled = new ArrayList<>();
      Pid p =
          spawn(
              new Behavior() {
                @Override
                public void init(Proc self) {
                  // receive go -> receive {b, _} -> ... end end
                  self.receive(
                      m -> m.equals("go"),
                      go -> self.receive(m -> m.toString().startsWith("b"), got::add));
                }

                @Override
                public void handle(Proc self, Object message) {
                  handled.add(message);
                }
              },
              "p");
      for (String m : List.of("a", "b1", "c", "b2", "go", "d")) {
        node.send(new Pid(0), p, m);
      }
      run();
      assertThat(got).containsExactly("b1");
      assertThat(handled).containsExactly("a", "c", "b2", "d");
    }

    @Test
    void timesOutAtTheVirtualTimeAndLeavesMessagesForLater() {
      List<String> what = new ArrayList<>();
      Recorder r = Recorder.plain();
      Pid p = spawn(r, "p");
      run();
      proc(p)
          .receive(
              m -> m.equals("never"),
              m -> what.add("got"),
              250,
              () -> what.add("timeout@" + node.nowMillis()));
      node.send(new Pid(0), p, "other");
      run();
      assertThat(what).containsExactly("timeout@250");
      assertThat(r.messages).containsExactly("other");
    }

    @Test
    void aMatchCancelsTheTimeoutWithoutMovingTheClock() {
      List<String> what = new ArrayList<>();
      Pid p = spawn(Recorder.plain(), "p");
      run();
      proc(p).receive(m -> m.equals("x"), m -> what.add("got"), 1000, () -> what.add("timeout"));
      node.send(new Pid(0), p, "x");
      run();
      assertThat(what).containsExactly("got");
      assertThat(node.nowMillis()).isZero();
      assertThat(node.scheduler().isIdle()).isTrue();
    }

    @Test
    void sleepHoldsMessagesUntilItEnds() {
      Recorder r = Recorder.plain();
      Pid p = spawn(r, "p");
      run();
      List<Long> woke = new ArrayList<>();
      proc(p).sleep(300, () -> woke.add(node.nowMillis()));
      node.send(new Pid(0), p, "m1");
      node.scheduler().advanceBy(299);
      assertThat(woke).isEmpty();
      assertThat(r.messages).isEmpty();
      node.send(new Pid(0), p, "m2");
      node.scheduler().advanceBy(1);
      assertThat(woke).containsExactly(300L);
      assertThat(r.messages).containsExactly("m1", "m2");
    }

    @Test
    void aDeadProcessGetsNothingAndItsTimerDoesNotMoveTheClock() {
      Pid p = spawn(Recorder.plain(), "p");
      run();
      proc(p).receive(m -> false, m -> {}, 5000, () -> {});
      proc(p).die(Atom.of("kaboom"));
      node.send(new Pid(0), p, "late");
      run();
      assertThat(node.nowMillis()).isZero();
      assertThat(node.processCount()).isZero();
    }
  }

  /** {@code process_info} of another process and yielding a turn (the crash report's timing). */
  @Nested
  class ProcessInfoAndYield {
    final List<String> order = new ArrayList<>();

    @Test
    void aTargetWithSignalsPendingAnswersWhenItsTurnEnds() {
      Recorder target = Recorder.plain();
      target.onMessage = (self, m) -> order.add("target got " + m);
      Pid t = spawn(target, "t");
      Pid a = spawn(Recorder.plain(), "a");
      run();
      node.send(new Pid(0), t, "m");
      proc(a).processInfo(t, () -> order.add("answered"));
      assertThat(order).isEmpty();
      run();
      assertThat(order).containsExactly("target got m", "answered");
    }

    @Test
    void anIdleTargetOrAGoneOneAnswersAtOnce() {
      Pid t = spawn(Recorder.plain(), "t");
      Pid a = spawn(Recorder.plain(), "a");
      run();
      proc(a).processInfo(t, () -> order.add("idle"));
      assertThat(order).containsExactly("idle");
      node.send(new Pid(0), t, "m");
      proc(a).processInfo(t, () -> order.add("after death"));
      proc(t).die(Atom.of("kaboom"));
      run();
      assertThat(order).containsExactly("idle", "after death");
    }

    @Test
    void aYieldGoesToTheBackOfTheRunQueue() {
      Recorder other = Recorder.plain();
      other.onMessage = (self, m) -> order.add("other");
      Pid o = spawn(other, "o");
      Pid y = spawn(Recorder.plain(), "y");
      run();
      Recorder yielder = (Recorder) proc(y).behavior();
      yielder.onMessage = (self, m) -> self.yieldTurn(() -> order.add("yielder again"));
      node.send(new Pid(0), y, "go");
      node.send(new Pid(0), o, "m");
      run();
      assertThat(order).containsExactly("other", "yielder again");
    }
  }
}
