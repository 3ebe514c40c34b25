package dev.kaboom.scenario;

import static dev.kaboom.scenario.Given.assertTrace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Strategy;
import dev.kaboom.otp.SupFlags;
import dev.kaboom.otp.SupervisorBehavior;
import dev.kaboom.otp.SupervisorRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The supervisor behaviour, scenario by scenario: given a tree, when kaboom, then this trace. */
class SupervisorTest {

  @Nested
  class Strategies {
    static final String ABC =
        """
        tree:
          id: root
          strategy: %s
          children: [{id: a}, {id: b}, {id: c}]
        steps:
          - {exit: root/b, reason: kaboom}
          - {which_children: root}
        """;

    @Test
    void oneForOneRestartsOnlyTheCrashedChild() {
      assertTrace(
          ABC.formatted("one_for_one"),
          """
          > start_link root
          start root
          start root/a
          start root/b
          start root/c
          > exit root/b kaboom
          exit root/b kaboom
          start root/b
          > which_children root
          = [{c,pid,worker},{b,pid,worker},{a,pid,worker}]
          """);
    }

    @Test
    void oneForAllStopsTheOthersInReverseStartOrderThenStartsAllInOrder() {
      assertTrace(
          ABC.formatted("one_for_all"),
          """
          > start_link root
          start root
          start root/a
          start root/b
          start root/c
          > exit root/b kaboom
          exit root/b kaboom
          exit root/c shutdown
          exit root/a shutdown
          start root/a
          start root/b
          start root/c
          > which_children root
          = [{c,pid,worker},{b,pid,worker},{a,pid,worker}]
          """);
    }

    @Test
    void restForOneRestartsTheCrashedChildAndTheOnesAfterIt() {
      assertTrace(
          ABC.formatted("rest_for_one"),
          """
          > start_link root
          start root
          start root/a
          start root/b
          start root/c
          > exit root/b kaboom
          exit root/b kaboom
          exit root/c shutdown
          start root/b
          start root/c
          > which_children root
          = [{c,pid,worker},{b,pid,worker},{a,pid,worker}]
          """);
    }

    @Test
    void aSupervisorChildIsShutDownChildrenFirstAndRestartedWithItsChildren() {
      assertTrace(
          """
          tree:
            id: root
            strategy: one_for_all
            children:
              - {id: s, children: [{id: x}, {id: y}]}
              - {id: w}
          steps:
            - {exit: root/w, reason: kaboom}
          """,
          """
          > start_link root
          start root
          start root/s
          start root/s/x
          start root/s/y
          start root/w
          > exit root/w kaboom
          exit root/w kaboom
          exit root/s/y shutdown
          exit root/s/x shutdown
          exit root/s shutdown
          start root/s
          start root/s/x
          start root/s/y
          start root/w
          """);
    }
  }

  @Nested
  class RestartTypes {
    @Test
    void permanentComesBackWhateverTheReasonTransientOnlyAfterACrashTemporaryNever() {
      assertTrace(
          """
          tree:
            id: root
            children:
              - {id: p}
              - {id: t, restart: transient}
              - {id: tmp, restart: temporary}
          steps:
            - {stop: root/p, reason: normal}
            - {stop: root/t, reason: kaboom}
            - {stop: root/t, reason: shutdown}
            - {restart_child: root, id: t}
            - {stop: root/t, reason: normal}
            - {stop: root/tmp, reason: kaboom}
            - {which_children: root}
          """,
          """
          > start_link root
          start root
          start root/p
          start root/t
          start root/tmp
          > stop root/p normal
          exit root/p normal
          start root/p
          > stop root/t kaboom
          exit root/t kaboom
          start root/t
          > stop root/t shutdown
          exit root/t shutdown
          > restart_child root t
          start root/t
          = {ok,pid}
          > stop root/t normal
          exit root/t normal
          > stop root/tmp kaboom
          exit root/tmp kaboom
          > which_children root
          = [{t,undefined,worker},{p,pid,worker}]
          """);
    }

    @Test
    void oneForAllBringsBackATransientChildThatHadStoppedNormally() {
      assertTrace(
          """
          tree:
            id: root
            strategy: one_for_all
            children: [{id: t, restart: transient}, {id: a}]
          steps:
            - {stop: root/t, reason: normal}
            - {exit: root/a, reason: kaboom}
            - {which_children: root}
          """,
          """
          > start_link root
          start root
          start root/t
          start root/a
          > stop root/t normal
          exit root/t normal
          > exit root/a kaboom
          exit root/a kaboom
          start root/t
          start root/a
          > which_children root
          = [{a,pid,worker},{t,pid,worker}]
          """);
    }

    @Test
    void aTemporaryChildShutDownByARestartIsRemovedAndACrashingOneRestartsNobody() {
      assertTrace(
          """
          tree:
            id: root
            strategy: rest_for_one
            children: [{id: a}, {id: tmp, restart: temporary}, {id: b}, {id: tmp2, restart: temporary}]
          steps:
            - {exit: root/tmp2, reason: kaboom}
            - {exit: root/a, reason: kaboom}
            - {which_children: root}
            - {count_children: root}
          """,
          """
          > start_link root
          start root
          start root/a
          start root/tmp
          start root/b
          start root/tmp2
          > exit root/tmp2 kaboom
          exit root/tmp2 kaboom
          > exit root/a kaboom
          exit root/a kaboom
          exit root/b shutdown
          exit root/tmp shutdown
          start root/a
          start root/b
          > which_children root
          = [{b,pid,worker},{a,pid,worker}]
          > count_children root
          = [{specs,2},{active,2},{supervisors,0},{workers,2}]
          """);
    }

    @Test
    void aTransientChildKilledFromOutsideComesBack() {
      assertTrace(
          """
          tree: {id: root, children: [{id: t, restart: transient}]}
          steps:
            - {exit: root/t, reason: kill}
            - {exit: root/t, reason: shutdown}
            - {which_children: root}
          """,
          """
          > start_link root
          start root
          start root/t
          > exit root/t kill
          exit root/t killed
          start root/t
          > exit root/t shutdown
          exit root/t shutdown
          > which_children root
          = [{t,undefined,worker}]
          """);
    }
  }

  @Nested
  class ShutdownKinds {
    static final String TREE =
        """
        tree:
          id: root
          strategy: one_for_all
          children:
            - {id: w, trap_exit: %s, stop_ms: 300, shutdown: %s}
            - {id: a}
        steps:
          - {exit: root/a, reason: kaboom}
        """;

    static final String THEN =
        """
        > start_link root
        start root
        start root/w
        start root/a
        > exit root/a kaboom
        exit root/a kaboom
        exit root/w %s
        start root/w
        start root/a
        """;

    @Test
    void brutalKillKillsAtOnceEvenATrappingWorker() {
      assertTrace(TREE.formatted(true, "brutal_kill"), THEN.formatted("killed"));
      Given.Run run = new Given.Run(TREE.formatted(true, "brutal_kill"));
      run.exit("root/a", "kaboom");
      assertThat(run.exitTime("root/w")).isZero();
    }

    @Test
    void aSlowTrappingWorkerIsKilledAfterTheTimeout() {
      assertTrace(TREE.formatted(true, 100), THEN.formatted("killed"));
      Given.Run run = new Given.Run(TREE.formatted(true, 100));
      run.exit("root/a", "kaboom");
      assertThat(run.exitTime("root/w")).isEqualTo(100);
      assertThat(run.sim.pidAt("root/a")).isPresent();
    }

    @Test
    void aTrappingWorkerThatFinishesInTimeEndsWithShutdown() {
      assertTrace(TREE.formatted(true, 1000), THEN.formatted("shutdown"));
      Given.Run run = new Given.Run(TREE.formatted(true, 1000));
      run.exit("root/a", "kaboom");
      assertThat(run.exitTime("root/w")).isEqualTo(300);
    }

    @Test
    void infinityWaitsAsLongAsTerminateTakes() {
      assertTrace(TREE.formatted(true, "infinity"), THEN.formatted("shutdown"));
      Given.Run run = new Given.Run(TREE.formatted(true, "infinity"));
      run.exit("root/a", "kaboom");
      assertThat(run.exitTime("root/w")).isEqualTo(300);
    }

    @Test
    void aWorkerThatDoesNotTrapExitsEndsWithShutdownAtOnce() {
      assertTrace(TREE.formatted(false, 100), THEN.formatted("shutdown"));
      Given.Run run = new Given.Run(TREE.formatted(false, "infinity"));
      run.exit("root/a", "kaboom");
      assertThat(run.exitTime("root/w")).isZero();
    }

    @Test
    void aSupervisorKilledAfterItsTimeoutLeavesItsSlowChildToFinishAsAnOrphan() {
      // root kills s at 100 ms while s still waits for its slow child; root restarts s at once
      Given.Run run =
          new Given.Run(
              """
              tree:
                id: root
                strategy: one_for_all
                children:
                  - id: s
                    shutdown: 100
                    children: [{id: slow, trap_exit: true, stop_ms: 500, shutdown: 1000}]
                  - {id: a}
              """);
      run.exit("root/a", "kaboom");
      Given.assertLines(
          run.lines,
          """
          start root
          start root/s
          start root/s/slow
          start root/a
          > exit root/a kaboom
          exit root/a kaboom
          exit root/s killed
          exit root/s/slow shutdown
          start root/s
          start root/s/slow
          start root/a
          """);
      assertThat(run.exitTime("root/s")).isEqualTo(100);
      assertThat(run.exitTime("root/s/slow")).isEqualTo(500);
    }
  }

  @Nested
  class Intensity {
    @Test
    void
        theIntensityPlusFirstRestartWithinThePeriodMakesTheSupervisorGiveUpAndItsParentRestartIt() {
      assertTrace(
          """
          tree:
            id: root
            children:
              - {id: sub, intensity: 1, period_s: 5, children: [{id: a}, {id: w}, {id: b}]}
          steps:
            - {exit: root/sub/w, reason: kaboom}
            - {sleep_ms: 1000}
            - {exit: root/sub/w, reason: kaboom}
            - {which_children: root/sub}
          """,
          """
          > start_link root
          start root
          start root/sub
          start root/sub/a
          start root/sub/w
          start root/sub/b
          > exit root/sub/w kaboom
          exit root/sub/w kaboom
          start root/sub/w
          > sleep 1000
          > exit root/sub/w kaboom
          exit root/sub/w kaboom
          give_up root/sub reached_max_restart_intensity
          exit root/sub/b shutdown
          exit root/sub/a shutdown
          exit root/sub shutdown
          start root/sub
          start root/sub/a
          start root/sub/w
          start root/sub/b
          > which_children root/sub
          = [{b,pid,worker},{w,pid,worker},{a,pid,worker}]
          """);
    }

    @Test
    void restartsOlderThanThePeriodNoLongerCount() {
      assertTrace(
          """
          tree: {id: root, intensity: 1, period_s: 1, children: [{id: w}]}
          steps:
            - {exit: root/w, reason: kaboom}
            - {sleep_ms: 2500}
            - {exit: root/w, reason: kaboom}
            - {sleep_ms: 2500}
            - {exit: root/w, reason: kaboom}
            - {exit: root/w, reason: kaboom}
          """,
          """
          > start_link root
          start root
          start root/w
          > exit root/w kaboom
          exit root/w kaboom
          start root/w
          > sleep 2500
          > exit root/w kaboom
          exit root/w kaboom
          start root/w
          > sleep 2500
          > exit root/w kaboom
          exit root/w kaboom
          start root/w
          > exit root/w kaboom
          exit root/w kaboom
          give_up root reached_max_restart_intensity
          exit root shutdown
          """);
    }

    @Test
    void escalationGoesUpUntilASupervisorCanCope() {
      assertTrace(
          """
          tree:
            id: root
            intensity: 0
            children:
              - id: mid
                intensity: 0
                children:
                  - {id: leaf, intensity: 0, children: [{id: w}]}
                  - {id: other}
          steps:
            - {exit: root/mid/leaf/w, reason: kaboom}
            - {which_children: root}
          """,
          """
          > start_link root
          start root
          start root/mid
          start root/mid/leaf
          start root/mid/leaf/w
          start root/mid/other
          > exit root/mid/leaf/w kaboom
          exit root/mid/leaf/w kaboom
          give_up root/mid/leaf reached_max_restart_intensity
          exit root/mid/leaf shutdown
          give_up root/mid reached_max_restart_intensity
          exit root/mid/other shutdown
          exit root/mid shutdown
          give_up root reached_max_restart_intensity
          exit root shutdown
          > which_children root
          = noproc
          """);
    }

    @Test
    void escalationStopsAtTheFirstSupervisorWithRestartsToSpare() {
      assertTrace(
          """
          tree:
            id: root
            children:
              - id: mid
                intensity: 0
                children: [{id: w}]
          steps:
            - {exit: root/mid/w, reason: kaboom}
          """,
          """
          > start_link root
          start root
          start root/mid
          start root/mid/w
          > exit root/mid/w kaboom
          exit root/mid/w kaboom
          give_up root/mid reached_max_restart_intensity
          exit root/mid shutdown
          start root/mid
          start root/mid/w
          """);
    }

    @Test
    void everyChildThatCrashesCountsOneRestartWhateverTheStrategy() {
      Given.Run run =
          new Given.Run(
              """
              tree: {id: root, strategy: one_for_all, intensity: 2, children: [{id: a}, {id: b}]}
              """);
      run.exit("root/a", "kaboom");
      run.exit("root/b", "kaboom");
      var root =
          (SupervisorBehavior)
              run.sim.node().process(run.sim.pidAt("root").orElseThrow()).orElseThrow().behavior();
      assertThat(root.restartsInWindow()).isEqualTo(2);
      run.exit("root/a", "kaboom");
      assertThat(run.sim.pidAt("root")).isEmpty();
      assertThat(run.lines).contains("give_up root reached_max_restart_intensity");
    }
  }

  @Nested
  class ChildApi {
    @Test
    void resultsAndErrors() {
      assertTrace(
          """
          tree:
            id: root
            children: [{id: a}, {id: s, children: [{id: x}]}, {id: tmp, restart: temporary}]
          steps:
            - {restart_child: root, id: a}
            - {delete_child: root, id: s}
            - {terminate_child: root, id: zz}
            - {restart_child: root, id: zz}
            - {delete_child: root, id: zz}
            - {terminate_child: root, id: s}
            - {terminate_child: root, id: s}
            - {count_children: root}
            - {start_child: root, spec: {id: s}}
            - {start_child: root, spec: {id: a}}
            - {restart_child: root, id: s}
            - {terminate_child: root, id: tmp}
            - {restart_child: root, id: tmp}
            - {terminate_child: root, id: a}
            - {delete_child: root, id: a}
            - {start_child: root, spec: {id: a, children: []}}
            - {which_children: root}
            - {count_children: root}
          """,
          """
          > start_link root
          start root
          start root/a
          start root/s
          start root/s/x
          start root/tmp
          > restart_child root a
          = {error,running}
          > delete_child root s
          = {error,running}
          > terminate_child root zz
          = {error,not_found}
          > restart_child root zz
          = {error,not_found}
          > delete_child root zz
          = {error,not_found}
          > terminate_child root s
          exit root/s/x shutdown
          exit root/s shutdown
          = ok
          > terminate_child root s
          = ok
          > count_children root
          = [{specs,3},{active,2},{supervisors,1},{workers,2}]
          > start_child root s
          = {error,already_present}
          > start_child root a
          = {error,{already_started,pid}}
          > restart_child root s
          start root/s
          start root/s/x
          = {ok,pid}
          > terminate_child root tmp
          exit root/tmp shutdown
          = ok
          > restart_child root tmp
          = {error,not_found}
          > terminate_child root a
          exit root/a shutdown
          = ok
          > delete_child root a
          = ok
          > start_child root a
          start root/a
          = {ok,pid}
          > which_children root
          = [{a,pid,supervisor},{s,pid,supervisor}]
          > count_children root
          = [{specs,2},{active,2},{supervisors,2},{workers,0}]
          """);
    }

    @Test
    void aChildAddedByStartChildIsFirstToStopAndLastToStart() {
      assertTrace(
          """
          tree: {id: root, strategy: one_for_all, children: [{id: a}, {id: b}]}
          steps:
            - {start_child: root, spec: {id: c}}
            - {which_children: root}
            - {exit: root/a, reason: kaboom}
          """,
          """
          > start_link root
          start root
          start root/a
          start root/b
          > start_child root c
          start root/c
          = {ok,pid}
          > which_children root
          = [{c,pid,worker},{b,pid,worker},{a,pid,worker}]
          > exit root/a kaboom
          exit root/a kaboom
          exit root/c shutdown
          exit root/b shutdown
          start root/a
          start root/b
          start root/c
          """);
    }

    @Test
    void callsOnAPathWithNoProcessPrintNoproc() {
      assertTrace(
          """
          tree: {id: root, children: [{id: s, restart: temporary, children: []}]}
          steps:
            - {exit: root/s, reason: kill}
            - {which_children: root/s}
            - {exit: root/s, reason: kaboom}
          """,
          """
          > start_link root
          start root
          start root/s
          > exit root/s kill
          exit root/s killed
          > which_children root/s
          = noproc
          > exit root/s kaboom
          = noproc
          """);
    }
  }

  @Nested
  class Signals {
    @Test
    void aKaboomSentToASupervisorByANonParentIsIgnored() {
      Given.Run run =
          new Given.Run(
              """
              tree: {id: root, children: [{id: sub, children: [{id: w}]}]}
              """);
      var before = run.sim.pidAt("root/sub/w").orElseThrow();
      int lines = run.lines.size();
      run.exit("root/sub", "kaboom");
      run.exit("root/sub", "shutdown");
      run.exit("root/sub", "normal");
      run.exit("root", "kaboom");
      assertThat(run.lines.subList(lines, run.lines.size()))
          .containsExactly(
              "> exit root/sub kaboom",
              "> exit root/sub shutdown",
              "> exit root/sub normal",
              "> exit root kaboom");
      assertThat(run.sim.pidAt("root/sub/w")).contains(before);
      assertThat(run.call("root/sub", new SupervisorRequest.WhichChildren()))
          .isEqualTo("[{w,pid,worker}]");
    }

    @Test
    void killIsUntrappableEvenForASupervisorAndItsChildrenDieWithKilled() {
      assertTrace(
          """
          tree:
            id: root
            children:
              - {id: sub, children: [{id: x}, {id: t, trap_exit: true, stop_ms: 50}]}
          steps:
            - {exit: root/sub, reason: kill}
          """,
          """
          > start_link root
          start root
          start root/sub
          start root/sub/x
          start root/sub/t
          > exit root/sub kill
          exit root/sub killed
          exit root/sub/t killed
          exit root/sub/x killed
          start root/sub
          start root/sub/x
          start root/sub/t
          """);
    }

    @Test
    void aSupervisorWhoseParentIsKilledShutsItsChildrenDownThenEndsWithKilled() {
      assertTrace(
          """
          tree:
            id: root
            children:
              - {id: sub, children: [{id: x}, {id: y}]}
              - {id: w}
          steps:
            - {exit: root, reason: kill}
            - {which_children: root}
          """,
          """
          > start_link root
          start root
          start root/sub
          start root/sub/x
          start root/sub/y
          start root/w
          > exit root kill
          exit root killed
          exit root/sub/y shutdown
          exit root/sub/x shutdown
          exit root/sub killed
          exit root/w killed
          > which_children root
          = noproc
          """);
    }

    @Test
    void normalAndTrappedSignalsChangeNothing() {
      assertTrace(
          """
          tree: {id: root, children: [{id: w}, {id: t, trap_exit: true}]}
          steps:
            - {exit: root/w, reason: normal}
            - {exit: root/t, reason: kaboom}
            - {exit: root/t, reason: normal}
            - {exit: root/t, reason: shutdown}
            - {which_children: root}
          """,
          """
          > start_link root
          start root
          start root/w
          start root/t
          > exit root/w normal
          > exit root/t kaboom
          > exit root/t normal
          > exit root/t shutdown
          > which_children root
          = [{t,pid,worker},{w,pid,worker}]
          """);
    }
  }

  @Nested
  class RunTimeFlags {
    @Test
    void setFlagsSwitchesTheStrategyBetweenTwoKabooms() {
      Given.Run run = new Given.Run("tree: {id: root, children: [{id: a}, {id: b}, {id: c}]}");
      assertThat(run.call("root", new SupervisorRequest.GetFlags())).isEqualTo("{one_for_one,3,5}");
      run.exit("root/b", "kaboom");
      assertThat(
              run.call(
                  "root",
                  new SupervisorRequest.SetFlags(new SupFlags(Strategy.ONE_FOR_ALL, 5, 10_000))))
          .isEqualTo("ok");
      assertThat(run.call("root", new SupervisorRequest.GetFlags()))
          .isEqualTo("{one_for_all,5,10}");
      run.exit("root/b", "kaboom");
      assertThat(
              run.call(
                  "root",
                  new SupervisorRequest.SetFlags(new SupFlags(Strategy.REST_FOR_ONE, 5, 10_000))))
          .isEqualTo("ok");
      run.exit("root/a", "kaboom");
      Given.assertLines(
          run.lines,
          """
          start root
          start root/a
          start root/b
          start root/c
          = {one_for_one,3,5}
          > exit root/b kaboom
          exit root/b kaboom
          start root/b
          = ok
          = {one_for_all,5,10}
          > exit root/b kaboom
          exit root/b kaboom
          exit root/c shutdown
          exit root/a shutdown
          start root/a
          start root/b
          start root/c
          = ok
          > exit root/a kaboom
          exit root/a kaboom
          exit root/c shutdown
          exit root/b shutdown
          start root/a
          start root/b
          start root/c
          """);
      assertThat(run.events(dev.kaboom.engine.TraceEvent.FlagsChanged.class))
          .extracting(dev.kaboom.engine.TraceEvent.FlagsChanged::strategy)
          .containsExactly(Strategy.ONE_FOR_ALL, Strategy.REST_FOR_ONE);
    }

    @Test
    void aLowerIntensitySetAtRunTimeAppliesToTheNextRestart() {
      Given.Run run = new Given.Run("tree: {id: root, children: [{id: a}]}");
      run.exit("root/a", "kaboom");
      run.call("root", new SupervisorRequest.SetFlags(new SupFlags(Strategy.ONE_FOR_ONE, 1, 5000)));
      run.exit("root/a", "kaboom");
      assertThat(run.lines)
          .endsWith("give_up root reached_max_restart_intensity", "exit root shutdown");
    }
  }
}
