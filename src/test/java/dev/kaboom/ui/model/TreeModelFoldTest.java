package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.otp.ChildInfo;
import dev.kaboom.otp.SupFlags;
import dev.kaboom.otp.SupervisorBehavior;
import dev.kaboom.scenario.Command;
import dev.kaboom.scenario.Command.Target;
import dev.kaboom.scenario.Simulation;
import dev.kaboom.scenario.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The window's model is a pure fold of the events: for random trees and random commands, the model
 * folded from the events so far equals the engine's own state after every engine step (live pids
 * per path, restart-window counts, mailbox lengths, links, trap_exit), and each supervisor's
 * children (ids in order, pids) once a command has run to idle. Seeded; a failure names its seed
 * ({@code -Dkaboom.seed=N} replays one).
 */
class TreeModelFoldTest {
  static final int SEEDS = Integer.getInteger("kaboom.foldSeeds", 60);
  static final String[] REASONS = {"kaboom", "kill", "normal", "shutdown"};

  @Test
  void theModelFoldedFromTheEventsIsTheEnginesStateAfterEveryStep() {
    Long only = Long.getLong("kaboom.seed");
    long first = only == null ? 1 : only;
    long last = only == null ? SEEDS : only;
    long checks = 0;
    for (long seed = first; seed <= last; seed++) {
      Run run = new Run(seed);
      try {
        checks += run.go();
      } catch (AssertionError e) {
        throw new AssertionError(
            "seed "
                + seed
                + " (replay: -Dtest=TreeModelFoldTest -Dkaboom.seed="
                + seed
                + ")\n"
                + String.join("\n", run.done)
                + "\n"
                + e.getMessage(),
            e);
      }
    }
    // quiet on success (the Surefire line is the report); a failure names its seed above
    assertThat(checks).as("checks over seeds %d..%d", first, last).isPositive();
  }

  static final class Run {
    final Random r;
    final List<String> done = new ArrayList<>();
    final List<TraceEvent> pending = new ArrayList<>();
    final Simulation sim;
    TreeModel model;
    int nextId;

    Run(long seed) {
      r = new Random(seed);
      sim = new Simulation(pending::add, seed);
    }

    TreeNode tree(String id, int depth) {
      if (depth >= 3 || (depth > 0 && r.nextInt(3) > 0)) {
        TreeNode w = TreeNode.worker(id);
        RestartType rt = RestartType.values()[r.nextInt(3)];
        boolean trap = r.nextInt(4) == 0;
        Shutdown sd = r.nextInt(3) == 0 ? Shutdown.BRUTAL_KILL : w.shutdown();
        return TreeNode.builder(id, false)
            .restart(rt)
            .shutdown(sd)
            .strategy(w.strategy())
            .trapExit(trap, trap ? r.nextInt(3) * 400L : 0)
            .build();
      }
      List<TreeNode> kids = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        kids.add(tree("c" + nextId++, depth + 1));
      }
      return TreeNode.builder(id, true)
          .restart(depth == 0 ? RestartType.PERMANENT : RestartType.values()[r.nextInt(2)])
          .strategy(Strategy.values()[r.nextInt(3)])
          .intensity(r.nextInt(4), 1 + r.nextInt(5))
          .children(kids)
          .build();
    }

    long go() {
      TreeNode root = tree("root", 0);
      model = new TreeModel(root);
      sim.start(root);
      long checks = runChecked();
      checkChildren();
      for (int i = 0; i < 30; i++) {
        Command c = command();
        done.add(c.echo());
        sim.run(c, res -> {});
        checks += runChecked();
        checkChildren();
      }
      return checks;
    }

    Command command() {
      List<String> paths = new ArrayList<>();
      List<String> sups = new ArrayList<>();
      for (ProcessNodeModel n : model.nodes()) {
        if (!n.leaving()) {
          paths.add(n.path());
          if (n.isSupervisor()) {
            sups.add(n.path());
          }
        }
      }
      String p = paths.get(r.nextInt(paths.size()));
      String s = sups.isEmpty() ? "root" : sups.get(r.nextInt(sups.size()));
      String id = p.substring(p.lastIndexOf('/') + 1);
      int k = r.nextInt(100);
      if (k < 40) {
        return new Command.Exit(Target.path(p), Atom.of(REASONS[r.nextInt(REASONS.length)]));
      } else if (k < 50) {
        return new Command.Stop(Target.path(p), Atom.of(REASONS[r.nextInt(REASONS.length)]));
      } else if (k < 56) {
        return new Command.TerminateChild(Target.path(s), id);
      } else if (k < 62) {
        return new Command.RestartChild(Target.path(s), id);
      } else if (k < 66) {
        return new Command.DeleteChild(Target.path(s), id);
      } else if (k < 76) {
        return new Command.StartChild(Target.path(s), tree("n" + nextId++, 1 + r.nextInt(2)));
      } else if (k < 82) {
        return new Command.SetFlags(
            Target.path(s),
            new SupFlags(
                Strategy.values()[r.nextInt(3)], r.nextInt(4), 1000L * (1 + r.nextInt(5))));
      } else {
        return new Command.Sleep(new long[] {100, 900, 2500, 6000}[r.nextInt(4)]);
      }
    }

    /** Runs the engine step by step, folding its events, checking after every step. */
    long runChecked() {
      long checks = 0;
      do {
        for (TraceEvent e : pending) {
          model.apply(e, 0);
        }
        pending.clear();
        checkStep();
        checks++;
      } while (sim.node().scheduler().step());
      return checks;
    }

    void checkStep() {
      Map<String, Pid> engine = new TreeMap<>();
      for (Proc p : sim.node().processes()) {
        if (p.label() != null && p.hasStarted()) {
          engine.put(p.label(), p.pid());
        }
      }
      Map<String, Pid> folded = new TreeMap<>();
      for (ProcessNodeModel n : model.nodes()) {
        if (n.status() == NodeStatus.RUNNING) {
          folded.put(n.path(), n.pid().orElseThrow());
        }
      }
      assertThat(folded)
          .as("live pids per path at %d ms", sim.node().nowMillis())
          .isEqualTo(engine);
      for (ProcessNodeModel n : model.nodes()) {
        if (n.status() != NodeStatus.RUNNING) {
          continue;
        }
        Proc p = sim.node().process(n.pid().orElseThrow()).orElseThrow();
        assertThat(n.mailboxLength()).as("mailbox of %s", n.path()).isEqualTo(p.mailboxLength());
        assertThat(n.trapsExits()).as("trap_exit of %s", n.path()).isEqualTo(p.trapsExits());
        assertThat(n.links())
            .as("links of %s", n.path())
            .containsExactlyInAnyOrderElementsOf(p.links());
        assertThat(n.monitors())
            .as("monitors of %s", n.path())
            .containsExactlyInAnyOrderElementsOf(p.monitors());
        if (p.behavior() instanceof SupervisorBehavior sb) {
          assertThat(n.restartsInWindow())
              .as("restart window of %s at %d ms", n.path(), sim.node().nowMillis())
              .isEqualTo(sb.restartsInWindow());
          assertThat(n.strategy()).isEqualTo(sb.flags().strategy());
          assertThat(n.intensity()).isEqualTo(sb.flags().intensity());
        }
      }
    }

    /** At idle: every running supervisor's children, in order, with their pids. */
    void checkChildren() {
      for (ProcessNodeModel n : model.nodes()) {
        if (n.status() != NodeStatus.RUNNING || !n.isSupervisor()) {
          continue;
        }
        Proc p = sim.node().process(n.pid().orElseThrow()).orElseThrow();
        if (!(p.behavior() instanceof SupervisorBehavior sb)) {
          continue;
        }
        List<String> engine = new ArrayList<>();
        for (ChildInfo c : sb.children()) {
          engine.add(c.id() + "=" + c.pid().map(Pid::toString).orElse("-"));
        }
        List<String> folded = new ArrayList<>();
        for (ProcessNodeModel c : n.children()) {
          if (!c.leaving()) {
            folded.add(
                c.id()
                    + "="
                    + (c.status() == NodeStatus.RUNNING
                        ? c.pid().map(Pid::toString).orElse("-")
                        : "-"));
          }
        }
        assertThat(folded).as("which_children of %s", n.path()).isEqualTo(engine);
      }
    }
  }
}
