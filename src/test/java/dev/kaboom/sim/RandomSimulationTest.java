package dev.kaboom.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.EventLog;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.Tuple;
import dev.kaboom.otp.ChildInfo;
import dev.kaboom.otp.Client;
import dev.kaboom.otp.SupervisorBehavior;
import dev.kaboom.otp.SupervisorRequest;
import dev.kaboom.scenario.Simulation;
import dev.kaboom.scenario.TreeBuilder;
import dev.kaboom.scenario.TreeNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Seeded swarm runs: random trees, random kabooms, stops, child API calls and sleeps, with the
 * invariants checked after every step. A failure names its seed; replay one with {@code
 * -Dkaboom.seed=N} (and run more with {@code -Dkaboom.seeds=N}).
 */
class RandomSimulationTest {
  static final int SEEDS = Integer.getInteger("kaboom.seeds", 200);
  static final int STEPS = 30;
  static final String[] EXIT_REASONS = {"kaboom", "kill", "normal", "shutdown"};
  static final String[] STOP_REASONS = {"kaboom", "normal", "shutdown"};

  @Test
  void randomTreesKeepTheSupervisionInvariants() {
    Long only = Long.getLong("kaboom.seed");
    long first = only != null ? only : 1;
    long last = only != null ? only : SEEDS;
    Map<String, Integer> seen = new java.util.TreeMap<>();
    for (long seed = first; seed <= last; seed++) {
      Swarm swarm = new Swarm(seed);
      try {
        swarm.run();
        for (TraceEvent e : swarm.log.all()) {
          seen.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "seed "
                + seed
                + " broke an invariant (replay: mvn test -Dtest=RandomSimulationTest -Dkaboom.seed="
                + seed
                + ")\ntree: "
                + swarm.treeText
                + "\nsteps:\n  "
                + String.join("\n  ", swarm.done)
                + "\n"
                + e.getMessage(),
            e);
      }
    }
    assertThat(seen)
        .containsKeys("GaveUp", "RestartPlanned", "ChildShutdown", "ChildRemoved", "Registered");
  }

  /** One seeded run. */
  static final class Swarm {
    final long seed;
    final Random r;
    final EventLog log = new EventLog();
    final Simulation sim;
    final Map<String, Boolean> paths = new LinkedHashMap<>(); // path -> is a supervisor
    final List<String> done = new ArrayList<>();
    String treeText = "";
    int nextId;

    Swarm(long seed) {
      this.seed = seed;
      this.r = new Random(seed);
      this.sim = new Simulation(log, seed);
    }

    // ---- generation ----

    TreeNode node(String id, int depth, boolean forceSupervisor) {
      boolean sup = forceSupervisor || (depth < 3 && r.nextInt(3) == 0);
      RestartType restart = RestartType.values()[r.nextInt(3)];
      if (!sup) {
        Shutdown shutdown =
            switch (r.nextInt(5)) {
              case 0 -> Shutdown.BRUTAL_KILL;
              case 1 -> Shutdown.INFINITY;
              case 2 -> new Shutdown.Timeout(0);
              case 3 -> new Shutdown.Timeout(150);
              default -> Shutdown.WORKER_DEFAULT;
            };
        long stopMs = new long[] {0, 0, 100, 300}[r.nextInt(4)];
        return TreeNode.builder(id, false)
            .restart(restart)
            .shutdown(shutdown)
            .trapExit(r.nextBoolean(), stopMs)
            .build();
      }
      Shutdown shutdown =
          switch (r.nextInt(4)) {
            case 0 -> Shutdown.BRUTAL_KILL;
            case 1 -> new Shutdown.Timeout(120);
            default -> Shutdown.INFINITY;
          };
      int n = depth == 0 ? 1 + r.nextInt(4) : r.nextInt(4);
      List<TreeNode> children = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        children.add(node("c" + nextId++, depth + 1, false));
      }
      return TreeNode.builder(id, true)
          .restart(restart)
          .shutdown(shutdown)
          .strategy(Strategy.values()[r.nextInt(3)])
          .intensity(r.nextInt(4), 1 + r.nextInt(5))
          .children(children)
          .build();
    }

    void index(TreeNode n, String path) {
      paths.put(path, n.supervisor());
      for (TreeNode c : n.children()) {
        index(c, path + "/" + c.id());
      }
    }

    static String describe(TreeNode n) {
      if (!n.supervisor()) {
        return n.id()
            + "("
            + n.restart()
            + ","
            + n.shutdown()
            + (n.trapExit() ? ",trap" : "")
            + (n.stopMillis() > 0 ? ",stop" + n.stopMillis() : "")
            + ")";
      }
      StringBuilder sb =
          new StringBuilder(n.id())
              .append('[')
              .append(n.strategy())
              .append(',')
              .append(n.restart())
              .append(',')
              .append(n.shutdown())
              .append(",i")
              .append(n.intensity())
              .append("/p")
              .append(n.periodSeconds())
              .append(':');
      for (TreeNode c : n.children()) {
        sb.append(' ').append(describe(c));
      }
      return sb.append(']').toString();
    }

    // ---- running ----

    void run() {
      TreeNode root = node("root", 0, true);
      treeText = describe(root);
      index(root, "root");
      sim.start(root);
      sim.runUntilIdle();
      check(0);
      for (int i = 0; i < STEPS; i++) {
        int mark = log.size();
        step();
        sim.runUntilIdle();
        assertThat(sim.node().scheduler().isIdle()).isTrue();
        check(mark);
      }
    }

    <T> T pick(List<T> xs) {
      return xs.get(r.nextInt(xs.size()));
    }

    List<String> pathsWhere(boolean supervisor) {
      return paths.entrySet().stream()
          .filter(e -> e.getValue() == supervisor)
          .map(Map.Entry::getKey)
          .toList();
    }

    void step() {
      int kind = r.nextInt(100);
      List<String> all = new ArrayList<>(paths.keySet());
      if (kind < 35) {
        String path = pick(all);
        String reason = EXIT_REASONS[r.nextInt(EXIT_REASONS.length)];
        done.add("exit " + path + " " + reason);
        sim.exit(path, reason);
      } else if (kind < 50 && !pathsWhere(false).isEmpty()) {
        String path = pick(pathsWhere(false));
        String reason = STOP_REASONS[r.nextInt(STOP_REASONS.length)];
        done.add("stop " + path + " " + reason);
        sim.stop(path, reason);
      } else if (kind < 75) {
        String sup = pick(pathsWhere(true));
        List<String> ids = new ArrayList<>();
        for (String p : paths.keySet()) {
          if (p.startsWith(sup + "/") && p.indexOf('/', sup.length() + 1) < 0) {
            ids.add(p.substring(sup.length() + 1));
          }
        }
        ids.add("zz");
        String id = pick(ids);
        SupervisorRequest req =
            switch (r.nextInt(5)) {
              case 0 -> new SupervisorRequest.TerminateChild(id);
              case 1 -> new SupervisorRequest.RestartChild(id);
              case 2 -> new SupervisorRequest.DeleteChild(id);
              case 3 -> new SupervisorRequest.WhichChildren();
              default -> new SupervisorRequest.CountChildren();
            };
        done.add(sup + " " + req);
        sim.call(sup, req, res -> done.add("  = " + res));
      } else if (kind < 85) {
        String sup = pick(pathsWhere(true));
        String id = r.nextInt(3) == 0 ? "c" + r.nextInt(Math.max(1, nextId)) : "n" + nextId++;
        TreeNode spec = node(id, 3, false);
        if (r.nextInt(4) == 0) {
          spec =
              TreeNode.builder(id, true)
                  .restart(spec.restart())
                  .intensity(1, 5)
                  .children(List.of(node("n" + nextId++, 3, false)))
                  .build();
        }
        paths.putIfAbsent(sup + "/" + id, spec.supervisor());
        if (spec.supervisor()) {
          paths.putIfAbsent(sup + "/" + id + "/" + spec.children().get(0).id(), false);
        }
        done.add("start_child " + sup + " " + describe(spec));
        sim.call(
            sup,
            new SupervisorRequest.StartChild(TreeBuilder.childSpec(spec)),
            res -> done.add("  = " + res));
      } else if (kind < 93) {
        long ms = new long[] {50, 400, 1500, 6000}[r.nextInt(4)];
        done.add("sleep " + ms);
        sim.sleep(ms);
      } else {
        List<Proc> live = treeProcesses();
        if (!live.isEmpty()) {
          Proc p = pick(live);
          String name = "reg" + r.nextInt(4);
          boolean ok = sim.node().register(name, p.pid());
          done.add("register " + name + " " + p.label() + " -> " + ok);
        }
      }
    }

    List<Proc> treeProcesses() {
      return sim.node().processes().stream().filter(p -> p.label() != null).toList();
    }

    // ---- invariants ----

    void check(int mark) {
      List<Proc> live = treeProcesses();
      Map<String, Proc> byLabel = new HashMap<>();
      for (Proc p : live) {
        assertThat(byLabel.put(p.label(), p)).as("two live processes at " + p.label()).isNull();
      }
      for (Proc p : live) {
        // no process outlives its supervisor: the parent path has a live process, and it is the
        // spawner
        int slash = p.label().lastIndexOf('/');
        if (slash < 0) {
          assertThat(p.spawner())
              .as("the root's parent is the driver")
              .isEqualTo(sim.driver().pid());
          continue;
        }
        Proc parent = byLabel.get(p.label().substring(0, slash));
        assertThat(parent).as(p.label() + " is alive but its supervisor is not").isNotNull();
        assertThat(p.spawner())
            .as(p.label() + " was started by the live supervisor")
            .isEqualTo(parent.pid());
        assertThat(parent.behavior()).isInstanceOf(SupervisorBehavior.class);
        List<Pid> running =
            ((SupervisorBehavior) parent.behavior())
                .children().stream().flatMap(c -> c.pid().stream()).toList();
        assertThat(running)
            .as(p.label() + " is one of its supervisor's running children")
            .contains(p.pid());
      }
      for (Proc p : live) {
        if (p.behavior() instanceof SupervisorBehavior s) {
          checkSupervisor(p, s);
        }
      }
      for (String name : sim.node().registered()) {
        Pid pid = sim.node().whereis(name).orElseThrow();
        assertThat(sim.node().isAlive(pid))
            .as("registered name " + name + " names a dead process")
            .isTrue();
      }
      checkStopAndStartOrder(mark);
      checkWhichChildren(live);
    }

    void checkSupervisor(Proc p, SupervisorBehavior s) {
      Set<String> ids = new HashSet<>();
      for (ChildInfo c : s.children()) {
        assertThat(ids.add(c.id()))
            .as("duplicate child id " + c.id() + " in " + p.label())
            .isTrue();
        assertThat(c.restarting())
            .as(p.label() + "/" + c.id() + " restarting while idle")
            .isFalse();
        c.pid()
            .ifPresent(
                pid -> {
                  assertThat(sim.node().isAlive(pid))
                      .as(p.label() + "/" + c.id() + " running but dead")
                      .isTrue();
                  assertThat(sim.node().process(pid).orElseThrow().label())
                      .isEqualTo(p.label() + "/" + c.id());
                });
      }
      // restart intensity: counted restarts of a live supervisor never exceed intensity per period
      List<Long> times = new ArrayList<>();
      for (TraceEvent e : log.all()) {
        if (e instanceof TraceEvent.RestartIntensity ri && ri.supervisor().equals(p.pid())) {
          times.add(ri.timeMillis());
          assertThat(ri.restartsInWindow())
              .as(p.label() + " counted past its intensity and lives")
              .isLessThanOrEqualTo(s.flags().intensity());
        }
      }
      for (int i = 0; i < times.size(); i++) {
        int inWindow = 0;
        for (int j = 0; j <= i; j++) {
          if (times.get(i) - times.get(j) <= s.flags().periodMillis()) {
            inWindow++;
          }
        }
        assertThat(inWindow)
            .as(p.label() + " restarts within one period " + times)
            .isLessThanOrEqualTo(s.flags().intensity() + 1)
            .isLessThanOrEqualTo(s.flags().intensity());
      }
    }

    /** one_for_all / rest_for_one: the planned stops happen in the plan's (reverse start) order. */
    void checkStopAndStartOrder(int mark) {
      List<TraceEvent> events = log.all().subList(mark, log.size());
      for (int i = 0; i < events.size(); i++) {
        if (!(events.get(i) instanceof TraceEvent.RestartPlanned plan)
            || plan.stopIds().isEmpty() && plan.startIds().size() <= 1) {
          continue;
        }
        Map<Pid, String> shutDown = new HashMap<>();
        List<String> stopped = new ArrayList<>();
        List<String> started = new ArrayList<>();
        boolean supDied = false;
        for (int j = i + 1; j < events.size(); j++) {
          TraceEvent e = events.get(j);
          if (e instanceof TraceEvent.ChildShutdown cs
              && cs.supervisor().equals(plan.supervisor())) {
            shutDown.put(cs.child(), cs.childId());
          } else if (e instanceof TraceEvent.Exited x && shutDown.containsKey(x.pid())) {
            stopped.add(shutDown.get(x.pid()));
          } else if (e instanceof TraceEvent.ChildStarted st
              && st.supervisor().equals(plan.supervisor())) {
            assertThat(stopped)
                .as("every planned stop happens before the first restart")
                .isEqualTo(plan.stopIds());
            started.add(st.childId());
            if (started.size() == plan.startIds().size()) {
              break;
            }
          } else if (e instanceof TraceEvent.Exited x && x.pid().equals(plan.supervisor())) {
            supDied = true;
            break;
          } else if (e instanceof TraceEvent.RestartPlanned) {
            break;
          }
        }
        if (supDied) {
          assertThat(plan.stopIds())
              .as("stop order (cut short)")
              .startsWith(stopped.toArray(String[]::new));
        } else {
          assertThat(stopped).as("stop order of " + plan).isEqualTo(plan.stopIds());
          assertThat(started).as("start order of " + plan).isEqualTo(plan.startIds());
        }
      }
    }

    /** which_children of a live supervisor agrees with the live processes. */
    void checkWhichChildren(List<Proc> live) {
      List<Proc> sups =
          live.stream().filter(p -> p.behavior() instanceof SupervisorBehavior).toList();
      if (sups.isEmpty()) {
        return;
      }
      Proc sup = pick(sups);
      AtomicReference<Client.CallResult> result = new AtomicReference<>();
      sim.driver().call(sup.pid(), new SupervisorRequest.WhichChildren(), result::set);
      sim.runUntilIdle();
      assertThat(result.get()).isInstanceOf(Client.CallResult.Replied.class);
      Term reply = ((Client.CallResult.Replied) result.get()).value();
      List<String> specIds = new ArrayList<>();
      for (ChildInfo c : ((SupervisorBehavior) sup.behavior()).children()) {
        specIds.add(0, c.id());
      }
      List<String> rowIds = new ArrayList<>();
      for (Term row : ((TermList) reply).elements()) {
        Tuple t = (Tuple) row;
        String id = ((Atom) t.get(0)).name();
        rowIds.add(id);
        Optional<Pid> atPath = sim.pidAt(sup.label() + "/" + id);
        if (t.get(1) instanceof Pid pid) {
          assertThat(atPath).as("which_children says " + id + " runs").contains(pid);
        } else {
          assertThat(t.get(1)).isEqualTo(Atom.UNDEFINED);
          assertThat(atPath).as("which_children says " + id + " is not running").isEmpty();
        }
      }
      assertThat(rowIds)
          .as("which_children lists the specs in reverse start order")
          .isEqualTo(specIds);
    }
  }
}
