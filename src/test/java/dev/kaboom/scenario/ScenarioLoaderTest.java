package dev.kaboom.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import dev.kaboom.engine.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioLoaderTest {

  static ScenarioError error(String file, String text) {
    var result = ScenarioLoader.parse(file, text);
    assertThat(result).isInstanceOf(ScenarioLoader.Result.Failed.class);
    return ((ScenarioLoader.Result.Failed) result).error();
  }

  static Scenario loaded(String file, String text) {
    var result = ScenarioLoader.parse(file, text);
    assertThat(result).as(result.toString()).isInstanceOf(ScenarioLoader.Result.Loaded.class);
    return ((ScenarioLoader.Result.Loaded) result).scenario();
  }

  @Test
  void malformedJsonNamesFileLineAndColumn() {
    ScenarioError e = error("bad.json", "{\n  \"tree\": {\"id\": \"root\",}\n}\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(25); // the stray '}'
    assertThat(e.toString()).startsWith("bad.json:2:25: malformed JSON: ").doesNotContain("\n");
  }

  /**
   * Found by fuzzing: SnakeYAML 2.3 threw IndexOutOfBoundsException when a character outside the
   * BMP (an emoji, two Java chars) straddled its 1,024-character read buffer.
   */
  @Test
  void anEmojiAtTheEdgeOfTheYamlReadersBufferIsJustACharacter() {
    for (int at = 1020; at <= 1026; at++) {
      String comment = "# " + "x".repeat(at - 2) + "\uD83D\uDE00\n";
      ScenarioLoader.Result r =
          ScenarioLoader.parse("emoji.yaml", comment + "tree: {id: root, children: [{id: a}]}\n");
      assertThat(r).as("emoji at %d", at).isInstanceOf(ScenarioLoader.Result.Loaded.class);
    }
  }

  @Test
  void truncatedJsonIsReportedOnOneLine() {
    ScenarioError e = error("cut.json", "{\n  \"tree\": {\"id\": \"root\"\n");
    assertThat(e.toString())
        .startsWith("cut.json:3:1: malformed JSON: the file ends before the object is closed")
        .doesNotContain("\n");
  }

  @Test
  void malformedYamlNamesFileLineAndColumn() {
    ScenarioError e = error("bad.yaml", "tree:\n  id: root\n   children: []\n");
    assertThat(e.toString())
        .isEqualTo(
            "bad.yaml:3:12: malformed YAML: a ':' where no key can start (a value with ': ' in"
                + " it needs quotes; or check the indentation)");
    ScenarioError flow = error("bad.yml", "tree:\n  id: root\n  children: [a\n");
    assertThat(flow.toString())
        .startsWith("bad.yml:3:")
        .contains("malformed YAML")
        .doesNotContain("\n");
  }

  @Test
  void anEmptyFile() {
    assertThat(error("e.json", "").toString()).isEqualTo("e.json:1:1: the file is empty");
  }

  @Test
  void anUnknownStrategyListsTheThreeValidOnes() {
    assertThat(
            error("s.json", "{\"tree\": {\"id\": \"root\", \"strategy\": \"one_for_none\"}}")
                .toString())
        .isEqualTo(
            "s.json:1:37: unknown strategy 'one_for_none': expected one_for_one, one_for_all or rest_for_one");
    assertThat(error("s.yaml", "tree:\n  id: root\n  strategy: one_for_none\n").toString())
        .isEqualTo(
            "s.yaml:3:13: unknown strategy 'one_for_none': expected one_for_one, one_for_all or rest_for_one");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          wrong type: intensity      | {"tree": {"id": "root", "children": [], "intensity": "3"}}           | 1:54: "intensity" must be a whole number; got a string
          wrong type: children       | {"tree": {"id": "root", "children": {}}}                             | 1:37: "children" must be a list; got an object
          wrong type: trap_exit      | {"tree": {"id": "root", "children": [{"id":"a", "trap_exit": "yes"}]}} | 1:62: "trap_exit" must be true or false; got a string
          unknown field              | {"tree": {"id": "root", "childs": []}}                               | 1:25: unknown field "childs" in a tree node: expected one of id, name, restart, shutdown, strategy, intensity, period_s, children, trap_exit, stop_ms, behavior, prints, arg, init, exit_after, significant, auto_shutdown, dynamic, max_children
          unknown top-level field    | {"tree": {"id": "root", "children": []}, "stepz": []}                | 1:42: unknown field "stepz" in a scenario: expected one of name, description, tree, steps
          duplicate sibling ids      | {"tree": {"id": "root", "children": [{"id":"a"},{"id":"a"}]}}        | 1:55: duplicate id 'a' among the children of 'root'
          duplicate key              | {"tree": {"id": "root", "children": []}, "tree": 1}                  | 1:42: duplicate key 'tree'
          reason not a term          | {"tree": {"id": "root", "children": [{"id":"a"}]}, "steps": [{"exit": "root/a", "reason": "{shutdown,"}]} | 1:91: reason '{shutdown,' is not an Erlang term: column 11: the term ends too early (expected e.g. kaboom, normal, {shutdown,done} or {badarith,[]})
          unknown init outcome       | {"tree": {"id": "root", "children": [{"id":"a", "init": ["maybe"]}]}} | 1:58: unknown init outcome: expected "ok", "ignore" or {"stop": REASON}
          init on a supervisor       | {"tree": {"id": "root", "children": [], "init": ["ok"]}}            | 1:41: "init" is for workers; 'root' is a supervisor (it has children or a strategy)
          dynamic with children      | {"tree": {"id": "root", "children": [{"id":"d", "dynamic": true, "children": [{"id":"x"}]}]}} | 1:78: a dynamic supervisor ('d') starts with no children: add them with start_child steps
          supervisor call on worker  | {"tree": {"id": "root", "children": [{"id":"a"}]}, "steps": [{"which_children": "root/a"}]}       | 1:81: which_children is a supervisor call; 'root/a' is a worker
          restart_child on dynamic   | {"tree": {"id": "root", "children": [{"id":"d", "dynamic": true, "children": []}]}, "steps": [{"restart_child": "root/d", "id": "x"}]} | 1:113: restart_child is not a DynamicSupervisor call: 'root/d' is a dynamic supervisor (its children are stopped with terminate_child and started with start_child)
          delete_child on dynamic    | {"tree": {"id": "root", "children": [{"id":"d", "dynamic": true, "children": []}]}, "steps": [{"delete_child": "root/d", "id": "x"}]} | 1:112: delete_child is not a DynamicSupervisor call: 'root/d' is a dynamic supervisor (its children are stopped with terminate_child and started with start_child)
          missing tree               | {"name": "x"}                                                        | 1:1: missing "tree": the root supervisor of the scenario
          root is a worker           | {"tree": {"id": "root"}}                                             | 1:10: the tree's root must be a supervisor (give it "children" or "strategy")
          invalid id                 | {"tree": {"id": "Ro-ot", "children": []}}                            | 1:17: invalid id 'Ro-ot': expected lower-case letters, digits and _, starting with a letter, or a module name such as Servy.PledgeServer
          unknown restart            | {"tree": {"id": "root", "children": [], "restart": "sometimes"}}     | 1:52: unknown restart 'sometimes': expected permanent, transient or temporary
          unknown shutdown           | {"tree": {"id": "root", "children": [], "shutdown": "never"}}        | 1:53: unknown shutdown 'never': expected a number of ms, brutal_kill or infinity
          step without reason        | {"tree": {"id": "root", "children": []}, "steps": [{"exit": "root"}]} | 1:52: step 1 (exit) needs a "reason", e.g. "kaboom"
          negative sleep             | {"tree": {"id": "root", "children": []}, "steps": [{"sleep_ms": -1}]} | 1:65: "sleep_ms" must be at least 0; got -1
          trailing content           | {"tree": {"id": "root", "children": []}} {}                          | 1:42: unexpected content after the scenario object
          """)
  void invalidScenariosSayWhereAndWhat(String what, String json, String expected) {
    assertThat(error("x.json", json).toString()).isEqualTo("x.json:" + expected);
  }

  @Test
  void aStepNamingTwoActionsListsTheValidOnes() {
    String msg =
        error(
                "x.json",
                "{\"tree\": {\"id\": \"root\", \"children\": []}, \"steps\": [{\"exit\": \"root\", \"reason\": \"kaboom\", \"stop\": \"root\"}]}")
            .message();
    assertThat(msg)
        .contains("names 2 actions")
        .contains("exactly one of exit, stop, which_children");
  }

  @Test
  void defaultsFollowTheFormat() {
    Scenario s =
        loaded(
            "d.json",
            "{\"tree\": {\"id\": \"root\", \"children\": [{\"id\": \"w\"}, {\"id\": \"s\", \"children\": []}]}}");
    assertThat(s.name()).isEqualTo("d");
    assertThat(s.steps()).isEmpty();
    TreeNode root = s.tree();
    assertThat(root.strategy()).isEqualTo(Strategy.ONE_FOR_ONE);
    assertThat(root.intensity()).isEqualTo(3);
    assertThat(root.periodSeconds()).isEqualTo(5);
    TreeNode w = root.children().get(0);
    assertThat(w.supervisor()).isFalse();
    assertThat(w.restart()).isEqualTo(RestartType.PERMANENT);
    assertThat(w.shutdown()).isEqualTo(new Shutdown.Timeout(5000));
    assertThat(w.trapExit()).isFalse();
    assertThat(w.stopMillis()).isZero();
    assertThat(root.children().get(1).supervisor()).isTrue();
    assertThat(root.children().get(1).shutdown()).isEqualTo(Shutdown.INFINITY);
  }

  static final String JSON =
      """
      {"name": "same", "description": "one scenario, two syntaxes",
       "tree": {"id": "root", "strategy": "rest_for_one", "intensity": 2, "period_s": 3,
                "children": [{"id": "a", "restart": "transient", "shutdown": "brutal_kill"},
                             {"id": "s", "shutdown": 2000, "children": [{"id": "x", "trap_exit": true, "stop_ms": 300}]},
                             {"id": "b", "restart": "temporary", "shutdown": "infinity"}]},
       "steps": [{"exit": "root/a", "reason": "kaboom"}, {"stop": "root/s/x", "reason": "normal"},
                 {"which_children": "root"}, {"count_children": "root/s"},
                 {"terminate_child": "root", "id": "s"}, {"restart_child": "root", "id": "s"},
                 {"delete_child": "root", "id": "zz"}, {"start_child": "root", "spec": {"id": "c", "trap_exit": true}},
                 {"sleep_ms": 1500}, {"exit": "root/s", "reason": "kill"}]}
      """;

  static final String YAML =
      """
      # the same scenario in YAML
      name: same
      description: one scenario, two syntaxes
      tree:
        id: root
        strategy: rest_for_one
        intensity: 2
        period_s: 3
        children:
          - {id: a, restart: transient, shutdown: brutal_kill}
          - id: s
            shutdown: 2000
            children:
              - id: x
                trap_exit: true
                stop_ms: 300
          - id: b
            restart: temporary
            shutdown: infinity
      steps:
        - exit: root/a
          reason: kaboom
        - {stop: root/s/x, reason: normal}
        - which_children: root
        - count_children: root/s
        - {terminate_child: root, id: s}
        - {restart_child: root, id: s}
        - {delete_child: root, id: zz}
        - start_child: root
          spec: {id: c, trap_exit: true}
        - sleep_ms: 1500
        - {exit: root/s, reason: kill}
      """;

  @Test
  void aYamlScenarioEquivalentToAJsonOneLoadsEqualAndRunsToTheSameTrace() {
    Scenario json = loaded("same.json", JSON);
    Scenario yaml = loaded("same.yaml", YAML);
    assertThat(yaml).isEqualTo(json);
    List<String> jsonTrace = Given.trace(json);
    assertThat(Given.trace(yaml)).isEqualTo(jsonTrace);
    assertThat(jsonTrace)
        .startsWith("> start_link root", "start root")
        .contains("> sleep 1500", "= {error,not_found}");
  }

  @Test
  void loadReadsFilesAndPicksYamlByItsEnding(@TempDir Path dir) throws Exception {
    Path yaml = Files.writeString(dir.resolve("s.yml"), YAML);
    assertThat(ScenarioLoader.load(yaml)).isInstanceOf(ScenarioLoader.Result.Loaded.class);
    Path notYaml = Files.writeString(dir.resolve("s.json"), YAML);
    assertThat(ScenarioLoader.load(notYaml)).isInstanceOf(ScenarioLoader.Result.Failed.class);
    var missing = ScenarioLoader.load(dir.resolve("nope.json"));
    assertThat(((ScenarioLoader.Result.Failed) missing).error().toString())
        .isEqualTo(dir.resolve("nope.json") + ": no such file");
  }

  static List<Path> bundledScenarios() throws Exception {
    try (var files = Files.list(Path.of("resources", "scenarios"))) {
      return files.filter(f -> f.toString().matches(".*\\.(json|ya?ml)$")).sorted().toList();
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("bundledScenarios")
  void everyBundledScenarioLoadsAndRuns(Path file) {
    var result = ScenarioLoader.load(file);
    assertThat(result).as(result.toString()).isInstanceOf(ScenarioLoader.Result.Loaded.class);
    List<String> trace = Given.trace(((ScenarioLoader.Result.Loaded) result).scenario());
    assertThat(trace.get(0)).startsWith("> start_link ");
  }
}
