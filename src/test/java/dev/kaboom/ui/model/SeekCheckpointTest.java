package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The window's seek folds from the nearest checkpoint (a copy of an earlier fold): for random
 * targets, back and forth, it gives the same tree as a fold of every event from the start.
 */
class SeekCheckpointTest {
  private static final long SEED = 11;

  private static TreeNode tree() {
    List<TreeNode> sups = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      List<TreeNode> ws = new ArrayList<>();
      for (int w = 0; w < 5; w++) {
        ws.add(TreeNode.worker("w" + w));
      }
      Strategy strategy = s % 2 == 0 ? Strategy.ONE_FOR_ONE : Strategy.REST_FOR_ONE;
      sups.add(TreeNode.supervisor("s" + s, strategy, ws).withIntensity(1_000_000, 1));
    }
    return TreeNode.supervisor("root", Strategy.ONE_FOR_ONE, sups).withIntensity(1_000_000, 1);
  }

  /** Everything the window shows of a node, as text. */
  static String describe(TreeModel t) {
    StringBuilder b = new StringBuilder();
    for (ProcessNodeModel n : t.nodes()) {
      b.append(n.path())
          .append(' ')
          .append(n.pid().map(Object::toString).orElse("-"))
          .append(' ')
          .append(n.status())
          .append(" r")
          .append(n.restartCount())
          .append(" w")
          .append(n.restartsInWindow())
          .append(' ')
          .append(n.lastReason())
          .append(" h")
          .append(n.history().size())
          .append(n.gaveUp() ? " gave-up" : "")
          .append(n.leaving() ? " leaving" : "")
          .append(" c")
          .append(n.children().stream().map(ProcessNodeModel::id).toList())
          .append(" m")
          .append(n.mailboxLength())
          .append(" l")
          .append(n.links())
          .append('\n');
    }
    return b.toString();
  }

  private static String freshFold(TreeNode root, List<TraceEvent> all, int events) {
    TreeModel t = new TreeModel(root);
    for (int i = 0; i < events; i++) {
      t.apply(all.get(i), 0);
    }
    t.advance(Long.MAX_VALUE / 4);
    return describe(t);
  }

  @Test
  void aSeekFromACheckpointEqualsAFoldFromTheStart() {
    TreeNode root = tree();
    MainViewModel vm = new MainViewModel();
    vm.load(new Scenario("storm", "", root, List.of()), null);
    Random random = new Random(SEED);
    while (vm.session().orElseThrow().log().size() < 3 * MainViewModel.CHECKPOINT_EVENTS) {
      vm.kaboom("root/s" + random.nextInt(4) + "/w" + random.nextInt(5));
      if (random.nextInt(4) == 0) {
        vm.runToIdle();
      }
    }
    vm.runToIdle();
    List<TraceEvent> all = vm.session().orElseThrow().log().all();
    int marks = vm.marks().size();
    for (int i = 0; i < 60; i++) {
      int k = random.nextInt(marks);
      vm.seekMark(k);
      int events = vm.marks().get(k).eventIndex() + 1;
      assertThat(describe(vm.tree()))
          .as("seed %d, seek %d to mark %d (%d events)", SEED, i, k, events)
          .isEqualTo(freshFold(root, all, events));
    }
    assertThat(vm.checkpointCount()).isPositive();
    vm.goLive();
    assertThat(describe(vm.tree())).isEqualTo(freshFold(root, all, all.size()));
  }

  @Test
  void aCopyFoldsOnLikeTheOriginal() {
    TreeNode root = tree();
    MainViewModel vm = new MainViewModel();
    vm.load(new Scenario("storm", "", root, List.of()), null);
    for (int i = 0; i < 30; i++) {
      vm.kaboom("root/s1/w" + (i % 5));
    }
    vm.runToIdle();
    List<TraceEvent> all = vm.session().orElseThrow().log().all();
    TreeModel a = new TreeModel(root);
    int half = all.size() / 2;
    for (int i = 0; i < half; i++) {
      a.apply(all.get(i), 0);
    }
    TreeModel b = a.copy();
    for (int i = half; i < all.size(); i++) {
      b.apply(all.get(i), 0);
    }
    String beforeA = describe(a);
    for (int i = half; i < all.size(); i++) {
      a.apply(all.get(i), 0);
    }
    assertThat(describe(b)).isEqualTo(describe(a));
    assertThat(beforeA).isNotEqualTo(describe(a));
  }
}
