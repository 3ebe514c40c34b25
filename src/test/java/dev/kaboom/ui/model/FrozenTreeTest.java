package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.otp.SupervisorRequest;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seek's checkpoint is a fold frozen as bytes ({@link TreeModel#freeze}): thawed and folded on,
 * it gives what folding on the original gives, at random points of a random run (seeded: a failure
 * names the seed); and seeking back and then forward gives what a fold from the start gives.
 */
class FrozenTreeTest {
  private static TreeNode tree() {
    List<TreeNode> sups = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      List<TreeNode> ws = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        ws.add(TreeNode.worker("w" + w));
      }
      Strategy strategy = Strategy.values()[s];
      sups.add(TreeNode.supervisor("s" + s, strategy, ws).withIntensity(1_000_000, 1));
    }
    return TreeNode.supervisor("root", Strategy.ONE_FOR_ONE, sups).withIntensity(1_000_000, 1);
  }

  /** Everything a seek shows of every node (the tree, its meters, the inspector's facts). */
  static String describeAll(TreeModel t) {
    StringBuilder b = new StringBuilder(SeekCheckpointTest.describe(t));
    for (ProcessNodeModel n : t.nodes()) {
      b.append(n.path())
          .append(' ')
          .append(n.strategy())
          .append(' ')
          .append(n.intensity())
          .append('/')
          .append(n.periodMillis())
          .append(' ')
          .append(n.registeredName().orElse("-"))
          .append(' ')
          .append(n.trapsExits())
          .append(' ')
          .append(n.monitors())
          .append(' ')
          .append(n.history())
          .append(' ')
          .append(n.restartAges(t.virtualMillis()))
          .append(n.deleted() ? " deleted" : "")
          .append(n.ignored() ? " ignored" : "")
          .append(n.wasAdded() ? " added" : "")
          .append(n.spec().restart())
          .append('\n');
    }
    b.append(t.structureVersion()).append(' ').append(t.virtualMillis());
    return b.toString();
  }

  private static List<TraceEvent> randomRun(long seed) {
    Random random = new Random(seed);
    MainViewModel vm = new MainViewModel();
    vm.load(new Scenario("storm", "", tree(), List.of()), null);
    int added = 0;
    for (int i = 0; i < 400; i++) {
      String sup = "root/s" + random.nextInt(3);
      switch (random.nextInt(10)) {
        case 0 ->
            vm.startChild(
                sup,
                MainViewModel.newChildSpec(
                    "x" + added++, random.nextBoolean(), RestartType.TEMPORARY));
        case 1 -> vm.call(sup, new SupervisorRequest.TerminateChild("w" + random.nextInt(4)));
        case 2 -> vm.call(sup, new SupervisorRequest.RestartChild("w" + random.nextInt(4)));
        case 3 -> vm.stop(sup + "/w" + random.nextInt(4), Atom.NORMAL);
        case 4 -> vm.setFlags(sup, Strategy.values()[random.nextInt(3)], 1 + random.nextInt(5), 1);
        default -> vm.kaboom(sup + "/w" + random.nextInt(4));
      }
      vm.runToIdle();
    }
    return new ArrayList<>(vm.session().orElseThrow().log().all());
  }

  @Test
  void aThawedFoldFoldsOnLikeTheOriginal() {
    for (long seed = 1; seed <= 3; seed++) {
      List<TraceEvent> all = randomRun(seed);
      Random random = new Random(seed);
      for (int k = 0; k < 6; k++) {
        int at = random.nextInt(all.size());
        TreeModel a = new TreeModel(tree());
        for (int i = 0; i < at; i++) {
          a.apply(all.get(i), 0);
        }
        TreeModel.Frozen frozen = a.freeze();
        assertThat(frozen).as("seed %d: frozen at %d", seed, at).isNotNull();
        TreeModel b = TreeModel.thaw(frozen);
        String atFreeze = describeAll(a);
        assertThat(describeAll(b)).as("seed %d: thawed at %d", seed, at).isEqualTo(atFreeze);
        int to = at + random.nextInt(all.size() - at + 1);
        for (int i = at; i < to; i++) {
          a.apply(all.get(i), 0);
          b.apply(all.get(i), 0);
        }
        a.advance(Long.MAX_VALUE / 4);
        b.advance(Long.MAX_VALUE / 4);
        assertThat(describeAll(b))
            .as("seed %d: frozen at %d, folded on to %d", seed, at, to)
            .isEqualTo(describeAll(a));
        // a checkpoint is not changed by the folds that thawed it
        assertThat(describeAll(TreeModel.thaw(frozen))).isEqualTo(atFreeze);
      }
    }
  }

  @Test
  void seekingBackThenForwardGivesAFreshFold() {
    long seed = 9;
    Random random = new Random(seed);
    TreeNode root = tree();
    MainViewModel vm = new MainViewModel();
    vm.load(new Scenario("storm", "", root, List.of()), null);
    while (vm.session().orElseThrow().log().size() < 5 * MainViewModel.CHECKPOINT_EVENTS) {
      vm.kaboom("root/s" + random.nextInt(3) + "/w" + random.nextInt(4));
      vm.runToIdle();
    }
    List<TraceEvent> all = vm.session().orElseThrow().log().all();
    int marks = vm.marks().size();
    for (int i = 0; i < 30; i++) {
      int back = random.nextInt(marks);
      int forward = back + random.nextInt(marks - back);
      for (int k : new int[] {back, forward}) {
        vm.seekMark(k);
        TreeModel fresh = new TreeModel(root);
        int events = vm.marks().get(k).eventIndex() + 1;
        for (int e = 0; e < events; e++) {
          fresh.apply(all.get(e), 0);
        }
        fresh.advance(Long.MAX_VALUE / 4);
        assertThat(describeAll(vm.tree()))
            .as("seed %d, seek %d to mark %d", seed, i, k)
            .isEqualTo(describeAll(fresh));
      }
    }
    assertThat(vm.checkpointCount()).isGreaterThanOrEqualTo(4);
  }
}
