package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.scenario.TreeNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link NodeIndex} against a {@code LinkedHashMap} keyed by path, under seeded random changes. */
class NodeIndexTest {
  @Test
  void keepsTheOrderAndTheNodesOfALinkedHashMap() {
    Random random = new Random(5);
    NodeIndex index = new NodeIndex(4);
    Map<String, ProcessNodeModel> expected = new LinkedHashMap<>();
    for (int step = 0; step < 20_000; step++) {
      String path = "root/n" + random.nextInt(step < 10_000 ? 40 : 2_000);
      ProcessNodeModel there = expected.get(path);
      if (random.nextInt(3) == 0 && there != null) {
        index.remove(new ProcessNodeModel(path, TreeNode.worker("x"), null)); // not that node
        index.remove(there);
        expected.remove(path);
      } else {
        ProcessNodeModel n = new ProcessNodeModel(path, TreeNode.worker("x"), null);
        index.put(n);
        expected.put(path, n);
      }
      assertThat(index.get(path)).isSameAs(expected.get(path));
      assertThat(index.size()).isEqualTo(expected.size());
      if (step % 997 == 0) {
        assertThat(index.values()).containsExactlyElementsOf(expected.values());
        List<ProcessNodeModel> each = new ArrayList<>();
        index.each().forEach(each::add);
        assertThat(each).containsExactlyElementsOf(expected.values());
      }
    }
    for (Map.Entry<String, ProcessNodeModel> e : expected.entrySet()) {
      assertThat(index.get(e.getKey())).isSameAs(e.getValue());
    }
    assertThat(index.get("root/none")).isNull();
  }
}
