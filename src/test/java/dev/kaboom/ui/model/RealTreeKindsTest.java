package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.otp.InitOutcome;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.scenario.TreeNode;
import dev.kaboom.ui.sim.Pacer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The view model knows issue 14's kinds from the events alone: a DynamicSupervisor (its children
 * anonymous), a child whose init returned {@code :ignore} (kept with no process; a
 * DynamicSupervisor keeps nothing of it), a significant child and its supervisor's auto_shutdown.
 * No window, no sleeping: the engine runs to idle on virtual time.
 */
class RealTreeKindsTest {
  static final String TREE =
      """
      {"name": "kinds", "tree": {"id": "root", "children": [
        {"id": "Pool", "dynamic": true, "children": []},
        {"id": "jobs", "auto_shutdown": "any_significant", "children": [
          {"id": "Job", "restart": "transient", "significant": true},
          {"id": "Cache", "init": ["ignore"]}]}]},
       "steps": []}
      """;

  /** A worker spec; {@code ignore}: its init returns {@code :ignore}. */
  static TreeNode worker(String id, boolean ignore) {
    return TreeNode.worker(id).toBuilder()
        .init(ignore ? InitOutcome.IGNORE : new InitOutcome.Ok())
        .build();
  }

  /** The two start_child calls on the dynamic supervisor, run to idle. */
  private void startPoolChildren() {
    assertThat(vm.startChild("root/Pool", worker("Conn", false))).isTrue();
    vm.runToIdle();
    assertThat(vm.startChild("root/Pool", worker("Conn2", true))).isTrue();
    vm.runToIdle();
  }

  private MainViewModel vm;

  @BeforeEach
  void open() {
    var loaded = (ScenarioLoader.Result.Loaded) ScenarioLoader.parse("kinds.json", TREE);
    Scenario s = loaded.scenario();
    vm = new MainViewModel();
    vm.load(s, null);
    vm.runToIdle();
  }

  private ProcessNodeModel node(String path) {
    return vm.tree().node(path).orElseThrow();
  }

  @Test
  void aDynamicSupervisorsChildrenAreAnonymous() {
    assertThat(node("root/Pool").dynamic()).isTrue();
    assertThat(node("root/jobs").dynamic()).isFalse();
    startPoolChildren();
    ProcessNodeModel conn = node("root/Pool/Conn");
    assertThat(conn.anonymous()).isTrue();
    assertThat(conn.status()).isEqualTo(NodeStatus.RUNNING);
    assertThat(node("root/jobs/Job").anonymous()).isFalse();
  }

  @Test
  void anIgnoredChildIsKeptWithNoProcessUnlessItsSupervisorIsDynamic() {
    ProcessNodeModel cache = node("root/jobs/Cache");
    assertThat(cache.ignored()).isTrue();
    assertThat(cache.status()).isEqualTo(NodeStatus.STOPPED);
    assertThat(cache.leaving()).isFalse();
    assertThat(vm.logLines())
        .anyMatch(l -> l.contains("root/jobs/Cache: its init returned :ignore"));
    startPoolChildren();
    // Elixir's DynamicSupervisor answers :ignore and keeps nothing: the box fades out and leaves
    ProcessNodeModel conn2 = node("root/Pool/Conn2");
    assertThat(conn2.ignored()).isTrue();
    assertThat(conn2.leaving()).isTrue();
    for (int i = 0; i < 100 && !vm.tree().leavingNodes().isEmpty(); i++) {
      vm.frame(Pacer.BEAT_NANOS);
    }
    assertThat(vm.tree().node("root/Pool/Conn2")).isEmpty();
    assertThat(node("root/Pool").children())
        .extracting(ProcessNodeModel::id)
        .containsExactly("Conn");
  }

  @Test
  void aSignificantChildAndItsSupervisorsAutoShutdownAreKnown() {
    assertThat(node("root/jobs/Job").significant()).isTrue();
    assertThat(node("root/jobs/Cache").significant()).isFalse();
    assertThat(node("root/jobs").autoShutdown()).isEqualTo("any_significant");
    assertThat(node("root").autoShutdown()).isEqualTo("never");
    // a copy (the seek's checkpoints) keeps them
    TreeModel copy = vm.tree().copy();
    assertThat(copy.node("root/jobs/Job").orElseThrow().significant()).isTrue();
    assertThat(copy.node("root/jobs/Cache").orElseThrow().ignored()).isTrue();
    assertThat(copy.node("root/Pool").orElseThrow().dynamic()).isTrue();
  }

  /** The value of {@code key} in the inspector's rows of {@code path}, or null if there is none. */
  private String row(String path, String key) {
    return vm.inspect(path).stream()
        .filter(r -> r.key().equals(key))
        .map(InspectorRow::value)
        .findFirst()
        .orElse(null);
  }

  @Test
  void theInspectorSaysWhichKindItIs() {
    assertThat(row("root/Pool", "inspector.kind")).isEqualTo("supervisor (DynamicSupervisor)");
    assertThat(row("root/jobs", "inspector.kind")).isEqualTo("supervisor");
    assertThat(row("root/jobs/Cache", "inspector.status")).contains("(ignored)");
    assertThat(row("root/jobs/Job", "inspector.status")).doesNotContain("ignored");
    assertThat(row("root/jobs/Job", "inspector.significant")).isEqualTo("true");
    assertThat(row("root/jobs/Cache", "inspector.significant")).isNull();
    assertThat(row("root/jobs", "inspector.autoShutdown")).isEqualTo("any_significant");
    assertThat(row("root", "inspector.autoShutdown")).isNull();
  }

  @Test
  void aDynamicSupervisorsMaxChildrenIsShownAndWhenItIsFull() {
    var loaded =
        (ScenarioLoader.Result.Loaded)
            ScenarioLoader.parse(
                "max.json",
                """
                {"name": "max", "tree": {"id": "root", "children": [
                  {"id": "Pool", "dynamic": true, "max_children": 1, "children": []},
                  {"id": "Any", "dynamic": true, "children": []}]},
                 "steps": []}
                """);
    vm = new MainViewModel();
    vm.load(loaded.scenario(), null);
    vm.runToIdle();
    assertThat(node("root/Pool").maxChildren()).isEqualTo(1);
    assertThat(node("root/Any").maxChildren()).isEqualTo(-1);
    assertThat(row("root/Pool", InspectorRow.MAX_CHILDREN)).isEqualTo("1 (0 running)");
    assertThat(row("root/Any", InspectorRow.MAX_CHILDREN)).isEqualTo(":infinity (0 running)");
    assertThat(row("root", InspectorRow.MAX_CHILDREN)).isNull();
    assertThat(node("root/Pool").full()).isFalse();

    assertThat(vm.startChild("root/Pool", worker("Conn", false))).isTrue();
    vm.runToIdle();
    assertThat(node("root/Pool").full()).isTrue();
    assertThat(row("root/Pool", InspectorRow.MAX_CHILDREN)).isEqualTo("1 (1 running) (full)");
    // a second child is refused ({:error, :max_children}): no box comes
    assertThat(vm.startChild("root/Pool", worker("Conn2", false))).isTrue();
    vm.runToIdle();
    assertThat(vm.tree().node("root/Pool/Conn2")).isEmpty();
    assertThat(node("root/Pool").children())
        .extracting(ProcessNodeModel::id)
        .containsExactly("Conn");
    // a copy (the seek's checkpoints) keeps the limit
    assertThat(vm.tree().copy().node("root/Pool").orElseThrow().full()).isTrue();
  }
}
