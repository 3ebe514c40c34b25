package dev.kaboom.scenario;

import java.util.List;

/** A validated scenario: a tree and the steps to run on it. */
public record Scenario(String name, String description, TreeNode tree, List<Step> steps) {
  public Scenario {
    steps = List.copyOf(steps);
  }
}
