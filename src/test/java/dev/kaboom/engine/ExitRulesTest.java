package dev.kaboom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Erlang reference manual's "Receiving Exit Signals" table, row by row: once on {@link
 * ExitRules#decide} and once end to end on a {@link Node}.
 *
 * <p>Columns: the signal's reason; how it came ({@code link}: a linked process ended with that
 * reason, {@code exit2}: {@code exit(Pid, Reason)} from another process, {@code self}: {@code
 * exit(self(), Reason)}); whether the receiver traps exits; what happens; the reason it dies with
 * (or the reason in its {@code {'EXIT', From, Reason}} message).
 */
class ExitRulesTest {

  static final String TABLE =
      """
      normal,   link,  false, IGNORED, -
      normal,   link,  true,  TRAPPED, normal
      kill,     link,  false, DIES,    kill
      kill,     link,  true,  TRAPPED, kill
      killed,   link,  false, DIES,    killed
      killed,   link,  true,  TRAPPED, killed
      shutdown, link,  false, DIES,    shutdown
      shutdown, link,  true,  TRAPPED, shutdown
      kaboom,   link,  false, DIES,    kaboom
      kaboom,   link,  true,  TRAPPED, kaboom
      normal,   exit2, false, IGNORED, -
      normal,   exit2, true,  TRAPPED, normal
      kill,     exit2, false, KILLED,  killed
      kill,     exit2, true,  KILLED,  killed
      killed,   exit2, false, DIES,    killed
      killed,   exit2, true,  TRAPPED, killed
      shutdown, exit2, false, DIES,    shutdown
      shutdown, exit2, true,  TRAPPED, shutdown
      kaboom,   exit2, false, DIES,    kaboom
      kaboom,   exit2, true,  TRAPPED, kaboom
      normal,   self,  false, DIES,    normal
      normal,   self,  true,  TRAPPED, normal
      kill,     self,  false, KILLED,  killed
      kill,     self,  true,  KILLED,  killed
      killed,   self,  false, DIES,    killed
      killed,   self,  true,  TRAPPED, killed
      shutdown, self,  false, DIES,    shutdown
      shutdown, self,  true,  TRAPPED, shutdown
      kaboom,   self,  false, DIES,    kaboom
      kaboom,   self,  true,  TRAPPED, kaboom
      """;

  @ParameterizedTest(name = "{0} via {1}, trapping={2} -> {3} {4}")
  @CsvSource(textBlock = TABLE)
  void decideFollowsTheTable(
      String reason, String via, boolean trapping, SignalOutcome expected, String resultReason) {
    SignalOutcome outcome =
        ExitRules.decide(Atom.of(reason), via.equals("link"), trapping, via.equals("self"));
    assertThat(outcome).isEqualTo(expected);
    if (expected == SignalOutcome.DIES || expected == SignalOutcome.KILLED) {
      assertThat(ExitRules.deathReason(outcome, Atom.of(reason))).isEqualTo(Atom.of(resultReason));
    }
  }

  @ParameterizedTest(name = "{0} via {1}, trapping={2} -> {3} {4}")
  @CsvSource(textBlock = TABLE)
  void aProcessOnANodeFollowsTheTable(
      String reason, String via, boolean trapping, SignalOutcome expected, String resultReason) {
    EventLog log = new EventLog();
    Node node = new Node(log, 7L);
    Recorder receiver = new Recorder(trapping);
    Pid to = node.spawn(new Pid(0), receiver, "receiver", false);
    Pid from = node.spawn(new Pid(0), Recorder.plain(), "sender", false);
    node.scheduler().runUntilIdle();
    Proc toProc = node.process(to).orElseThrow();
    Proc fromProc = node.process(from).orElseThrow();
    Pid sender =
        switch (via) {
          case "link" -> {
            fromProc.link(to);
            assertThat(toProc.links()).containsExactly(from);
            fromProc.die(Atom.of(reason)); // the linked process ends with `reason`
            yield from;
          }
          case "exit2" -> {
            fromProc.exit(to, Atom.of(reason));
            yield from;
          }
          default -> {
            toProc.exit(to, Atom.of(reason));
            yield to;
          }
        };
    node.scheduler().runUntilIdle();

    List<TraceEvent.ExitSignalHandled> handled =
        log.all().stream()
            .filter(e -> e instanceof TraceEvent.ExitSignalHandled h && h.to().equals(to))
            .map(e -> (TraceEvent.ExitSignalHandled) e)
            .toList();
    assertThat(handled).hasSize(1);
    assertThat(handled.get(0).outcome()).isEqualTo(expected);
    assertThat(handled.get(0).viaLink()).isEqualTo(via.equals("link"));
    List<Term> deaths =
        log.all().stream()
            .filter(e -> e instanceof TraceEvent.Exited x && x.pid().equals(to))
            .map(e -> ((TraceEvent.Exited) e).reason())
            .toList();
    switch (expected) {
      case IGNORED -> {
        assertThat(node.isAlive(to)).as("ignored: still alive").isTrue();
        assertThat(receiver.messages).isEmpty();
        assertThat(deaths).isEmpty();
      }
      case TRAPPED -> {
        assertThat(node.isAlive(to)).as("trapped: still alive").isTrue();
        assertThat(receiver.messages)
            .containsExactly(new ExitMessage(sender, Atom.of(resultReason)));
        assertThat(new ExitMessage(sender, Atom.of(resultReason)).asTerm().formatAnonymous())
            .isEqualTo("{'EXIT',pid," + resultReason + "}");
        assertThat(deaths).isEmpty();
      }
      case DIES, KILLED -> {
        assertThat(node.isAlive(to)).as("dead").isFalse();
        assertThat(receiver.messages).isEmpty();
        assertThat(deaths).containsExactly(Atom.of(resultReason));
      }
    }
    if (via.equals("link")) {
      assertThat(node.process(to).map(Proc::links).orElse(List.of()))
          .as("a link is gone once its exit signal was sent")
          .isEmpty();
    }
  }
}
