package dev.kaboom.otp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.ChildType;
import dev.kaboom.engine.EventLog;
import dev.kaboom.engine.Node;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicSupervisorTest {
  private final EventLog log = new EventLog();
  private final Node node = new Node(log, 7);
  private final Client driver = new Client(node, "driver", true);
  private final Client outsider = new Client(node, "outsider", false);
  private final List<Term> replies = new ArrayList<>();

  private Term call(Pid sup, Object request) {
    replies.clear();
    driver.call(sup, request, r -> replies.add(((Client.CallResult.Replied) r).value()));
    node.scheduler().runUntilIdle();
    assertThat(replies).hasSize(1);
    return replies.get(0);
  }

  private static ChildSpec worker(String id) {
    return ChildSpec.worker(id, () -> SimpleWorker.behavior(false, 0));
  }

  @Test
  void startsChildrenUpToMaxChildrenAndRestartsACrashedOne() {
    Pid sup = driver.startLink(new DynamicSupervisorBehavior(3, 5000, 2), "dyn");
    node.scheduler().runUntilIdle();

    Term first = call(sup, new DynamicSupervisorBehavior.Request.StartChild(worker("w")));
    Term second = call(sup, new DynamicSupervisorBehavior.Request.StartChild(worker("w")));
    Term third = call(sup, new DynamicSupervisorBehavior.Request.StartChild(worker("w")));
    assertThat(first.formatAnonymous()).isEqualTo("{ok,pid}");
    assertThat(second.formatAnonymous()).isEqualTo("{ok,pid}");
    assertThat(third.formatAnonymous()).isEqualTo("{error,max_children}");

    Pid victim = (Pid) ((Tuple) first).get(1);
    outsider.exit(victim, Atom.of("kaboom"));
    node.scheduler().runUntilIdle();

    assertThat(node.isAlive(victim)).isFalse();
    assertThat(log.all())
        .filteredOn(e -> e instanceof TraceEvent.ChildStarted cs && cs.restart())
        .hasSize(1);
    assertThat(call(sup, new DynamicSupervisorBehavior.Request.CountChildren()).format())
        .isEqualTo("[{specs,2},{active,2},{supervisors,0},{workers,2}]");
  }

  @Test
  void terminateChildByPidAndNotFound() {
    Pid sup = driver.startLink(new DynamicSupervisorBehavior(3, 5000, -1), "dyn");
    node.scheduler().runUntilIdle();
    Pid child =
        (Pid)
            ((Tuple) call(sup, new DynamicSupervisorBehavior.Request.StartChild(worker("w"))))
                .get(1);

    assertThat(call(sup, new DynamicSupervisorBehavior.Request.TerminateChild(child)))
        .isSameAs(Atom.OK);
    assertThat(node.isAlive(child)).isFalse();
    assertThat(call(sup, new DynamicSupervisorBehavior.Request.TerminateChild(child)).format())
        .isEqualTo("{error,not_found}");
    assertThat(call(sup, new DynamicSupervisorBehavior.Request.WhichChildren()).format())
        .isEqualTo("[]");
  }

  @Test
  void shutsAllChildrenDownAtOnceWhenItsParentExits() {
    Pid sup = driver.startLink(new DynamicSupervisorBehavior(3, 5000, -1), "dyn");
    node.scheduler().runUntilIdle();
    ChildSpec slow =
        new ChildSpec(
            "slow",
            () -> SimpleWorker.behavior(true, 300),
            RestartType.PERMANENT,
            new Shutdown.Timeout(1000),
            ChildType.WORKER);
    call(sup, new DynamicSupervisorBehavior.Request.StartChild(slow));
    call(sup, new DynamicSupervisorBehavior.Request.StartChild(slow));
    long before = node.nowMillis();

    driver.exit(sup, Atom.SHUTDOWN);
    node.scheduler().runUntilIdle();

    assertThat(node.isAlive(sup)).isFalse();
    // both terminate concurrently: 300 ms in all (and a few turns of work), not 600
    assertThat(node.nowMillis() - before).isBetween(300L, 310L);
  }
}
