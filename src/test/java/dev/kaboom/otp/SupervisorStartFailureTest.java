package dev.kaboom.otp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.EventLog;
import dev.kaboom.engine.Node;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Children whose init fails: the {@code restarting} state ({@code try_again_restart}) and the
 * errors of the child API. Not reachable from scenario files (their workers always start), so the
 * supervisor is driven directly on a {@link Node}.
 */
class SupervisorStartFailureTest {
  final EventLog log = new EventLog();
  final Node node = new Node(log, 5L);
  final Client driver = new Client(node, null, true);
  final Client outsider = new Client(node, null, false);
  final AtomicInteger starts = new AtomicInteger();
  final List<String> replies = new ArrayList<>();

  /** A worker whose n-th start fails with {@code {stop, no_luck}} when {@code fails(n)}. */
  ChildSpec flaky(String id, IntPredicate fails) {
    return ChildSpec.worker(
        id,
        () ->
            new GenServerBehavior<>(
                new GenServer<Integer>() {
                  @Override
                  public Result<Integer> init(Proc self) {
                    int n = starts.incrementAndGet();
                    return fails.test(n) ? new Stop<>(Atom.of("no_luck"), n) : new Ok<>(n);
                  }
                }));
  }

  Pid startRoot(ChildSpec... children) {
    Pid root =
        driver.startLink(
            new SupervisorBehavior(new SupervisorSpec(SupFlags.DEFAULT, List.of(children))),
            "root");
    node.scheduler().runUntilIdle();
    return root;
  }

  SupervisorBehavior sup(Pid pid) {
    return (SupervisorBehavior) node.process(pid).orElseThrow().behavior();
  }

  void call(Pid sup, SupervisorRequest r) {
    driver.call(
        sup,
        r,
        res ->
            replies.add(
                res instanceof Client.CallResult.Replied rep
                    ? rep.value().formatAnonymous()
                    : "failed " + ((Client.CallResult.Failed) res).reason().formatAnonymous()));
  }

  @Test
  void whileARestartIsRetriedTheChildIsRestarting() {
    Pid root = startRoot(flaky("flaky", n -> n == 2));
    Pid child = sup(root).children().get(0).pid().orElseThrow();
    outsider.exit(child, Atom.of("kaboom"));
    Proc rootProc = node.process(root).orElseThrow();
    while (!rootProc.isWaiting()) { // until it waits for the (failing) restart's init
      assertThat(node.scheduler().step()).isTrue();
    }
    call(root, new SupervisorRequest.RestartChild("flaky"));
    call(root, new SupervisorRequest.WhichChildren());
    call(root, new SupervisorRequest.DeleteChild("flaky"));
    node.scheduler().runUntilIdle();
    assertThat(replies)
        .containsExactly("{error,restarting}", "[{flaky,restarting,worker}]", "{error,restarting}");
    // try_again_restart then succeeded (third start); both attempts were counted
    assertThat(starts.get()).isEqualTo(3);
    assertThat(sup(root).children().get(0).pid()).isPresent();
    assertThat(sup(root).children().get(0).restarting()).isFalse();
    assertThat(sup(root).restartsInWindow()).isEqualTo(2);
  }

  @Test
  void aChildThatNeverRestartsMakesTheSupervisorGiveUp() {
    Pid root = startRoot(flaky("flaky", n -> n > 1));
    Pid child = sup(root).children().get(0).pid().orElseThrow();
    outsider.exit(child, Atom.of("kaboom"));
    node.scheduler().runUntilIdle();
    assertThat(node.isAlive(root)).isFalse();
    assertThat(starts.get()).as("the first start, then intensity (3) failed retries").isEqualTo(4);
    assertThat(log.all()).anySatisfy(e -> assertThat(e).isInstanceOf(TraceEvent.GaveUp.class));
  }

  @Test
  void startChildAndRestartChildReturnTheInitsErrorReason() {
    Pid root = startRoot(flaky("a", n -> n > 1));
    call(root, new SupervisorRequest.StartChild(flaky("f", n -> true)));
    call(root, new SupervisorRequest.TerminateChild("a"));
    call(root, new SupervisorRequest.RestartChild("a"));
    node.scheduler().runUntilIdle();
    // OTP's handle_start_child: {error, {What, Child}} with the child record (written as the atom
    // child, as the conformance traces do); restart_child: {error, What}
    assertThat(replies).hasSize(3);
    assertThat(replies.get(0)).isEqualTo("{error,{no_luck,child}}");
    assertThat(replies.subList(1, 3)).containsExactly("ok", "{error,no_luck}");
    assertThat(sup(root).children()).extracting(ChildInfo::id).containsExactly("a");
  }

  @Test
  void aSupervisorWhoseChildCannotStartFailsWithTheChildsReason() {
    List<Object> other = new ArrayList<>();
    driver.onOtherMessage(other::add);
    Pid root = startRoot(flaky("ok", n -> false), flaky("bad", n -> true));
    assertThat(node.isAlive(root)).isFalse();
    assertThat(log.all())
        .filteredOn(e -> e instanceof TraceEvent.Exited x && x.pid().equals(root))
        .singleElement()
        .satisfies(
            e ->
                assertThat(((TraceEvent.Exited) e).reason().formatAnonymous())
                    .isEqualTo("{shutdown,{failed_to_start_child,bad,no_luck}}"));
  }

  /**
   * Fuzz seeds 310 and 395 (conformance {@code v2_init_stop_one_for_all_retry_sibling_order}): a
   * child whose init fails while its one_for_all supervisor restarts acknowledges {@code
   * {error,R}}, asks the supervisor once whether it traps exits (proc_lib's crash report) and ends
   * when the supervisor has taken that in: before the retry's stops of the other children (last
   * started first), every time.
   */
  @Test
  void aChildFailingInAOneForAllRestartEndsBeforeTheRetryStopsTheOthers() {
    Pid root =
        driver.startLink(
            new SupervisorBehavior(
                new SupervisorSpec(
                    new SupFlags(Strategy.ONE_FOR_ALL, 3, 5000),
                    List.of(
                        flaky("db", n -> false),
                        flaky("cache", n -> false),
                        flaky("repo", n -> n > 3)))),
            "root");
    node.scheduler().runUntilIdle();
    Pid db = sup(root).children().get(0).pid().orElseThrow();
    int before = log.all().size();
    outsider.exit(db, Atom.of("kill"));
    node.scheduler().runUntilIdle();
    List<String> ends =
        log.all().subList(before, log.all().size()).stream()
            .filter(e -> e instanceof TraceEvent.Exited)
            .map(e -> ((TraceEvent.Exited) e).reason().formatAnonymous() + " " + label(e))
            .toList();
    // the kill, the restart's stops, then per failed retry: repo, then cache and db; give_up
    assertThat(ends)
        .containsSubsequence(
            "no_luck repo", "shutdown cache", "shutdown db", "no_luck repo", "shutdown cache");
    assertThat(ends).filteredOn(e -> e.startsWith("no_luck")).hasSize(3);
    assertThat(ends.indexOf("no_luck repo")).isLessThan(ends.lastIndexOf("shutdown cache"));
    for (int i = 0; i < ends.size(); i++) {
      if (ends.get(i).equals("no_luck repo") && i + 1 < ends.size()) {
        assertThat(ends.get(i + 1)).as("after %s", ends).isIn("shutdown cache", "shutdown root");
      }
    }
  }

  private static String label(TraceEvent e) {
    String l = ((TraceEvent.Exited) e).label();
    return l.substring(l.lastIndexOf('/') + 1);
  }
}
