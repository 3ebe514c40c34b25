package dev.kaboom.scenario;

import static dev.kaboom.scenario.ErrorText.msg;
import static dev.kaboom.scenario.Located.arr;
import static dev.kaboom.scenario.Located.bool;
import static dev.kaboom.scenario.Located.checkKeys;
import static dev.kaboom.scenario.Located.integer;
import static dev.kaboom.scenario.Located.obj;
import static dev.kaboom.scenario.Located.string;

import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermSyntax;
import dev.kaboom.otp.AutoShutdown;
import dev.kaboom.otp.InitOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a scenario file (JSON, or YAML by its {@code .yaml}/{@code .yml} ending) into a validated
 * {@link Scenario}. Every problem comes back as a {@link ScenarioError} naming the file, line and
 * column and what was expected; nothing here throws at the caller.
 */
public final class ScenarioLoader {
  /** Either a scenario or the reason there is none. */
  public sealed interface Result {
    record Loaded(Scenario scenario) implements Result {}

    record Failed(ScenarioError error) implements Result {}
  }

  /** A child id: an atom name, or an Elixir module name (SPEC section 5). */
  private static final Pattern ID =
      Pattern.compile("[a-z][a-z0-9_]*|[A-Z][A-Za-z0-9_]*(\\.[A-Z][A-Za-z0-9_]*)*");

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.@]{0,254}");
  private static final List<String> TOP_KEYS = List.of("name", "description", "tree", "steps");
  private static final List<String> NODE_KEYS =
      List.of(
          "id",
          "name",
          "restart",
          "shutdown",
          "strategy",
          "intensity",
          "period_s",
          "children",
          "trap_exit",
          "stop_ms",
          "behavior",
          "prints",
          "arg",
          "init",
          "exit_after",
          "significant",
          "auto_shutdown",
          "dynamic",
          "max_children");
  private static final List<String> STEP_KINDS =
      List.of(
          "exit",
          "stop",
          "which_children",
          "count_children",
          "terminate_child",
          "restart_child",
          "delete_child",
          "start_child",
          "sleep_ms");

  private ScenarioLoader() {}

  public static Result load(Path file) {
    String name = file.toString();
    String text;
    try {
      text = dev.kaboom.scenario.ErrorText.readText(file);
    } catch (IOException e) {
      return new Result.Failed(new ScenarioError(name, 0, 0, ErrorText.unreadable(e)));
    }
    return parse(name, text);
  }

  /** Parses {@code text}; {@code fileName} names it in errors and picks YAML by its ending. */
  public static Result parse(String fileName, String text) {
    try {
      return new Result.Loaded(
          scenario(Located.parse(fileName, text, "scenario"), baseName(fileName)));
    } catch (ScenarioException e) {
      return new Result.Failed(e.error(fileName));
    }
  }

  private static String baseName(String fileName) {
    // by hand, not Path.of: the name may come from inside a run file and be no valid path here
    String base =
        fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }

  // ---- structure ----

  private static Scenario scenario(Located root, String defaultName) {
    Located.Obj top = obj(root, msg("what.theScenario"));
    checkKeys(top, TOP_KEYS, msg("what.aScenario"));
    String name =
        top.fields().containsKey("name") ? string(top.fields().get("name"), "name") : defaultName;
    String description =
        top.fields().containsKey("description")
            ? string(top.fields().get("description"), "description")
            : "";
    Located treeAt = top.fields().get("tree");
    if (treeAt == null) {
      throw new ScenarioException(top, msg("tree.missing"));
    }
    TreeNode tree = node(treeAt, "tree");
    if (!tree.supervisor()) {
      throw new ScenarioException(treeAt, msg("tree.rootWorker"));
    }
    Map<String, Boolean> kinds = new HashMap<>();
    index(tree, tree.id(), kinds);
    checkNames(treeAt, tree, tree.id(), new HashMap<>());
    List<Step> steps = new ArrayList<>();
    Located stepsAt = top.fields().get("steps");
    if (stepsAt != null) {
      Located.Arr arr = arr(stepsAt, "steps");
      for (int i = 0; i < arr.items().size(); i++) {
        steps.add(step(arr.items().get(i), i + 1, kinds));
      }
    }
    return new Scenario(name, description, tree, steps);
  }

  /** Two processes of the tree cannot register the same name: the second would never start. */
  private static void checkNames(
      Located treeAt, TreeNode n, String path, Map<String, String> seen) {
    if (n.name().isPresent()) {
      String other = seen.putIfAbsent(n.name().get(), path);
      if (other != null) {
        throw new ScenarioException(treeAt, msg("name.twice", n.name().get(), other, path));
      }
    }
    for (TreeNode c : n.children()) {
      checkNames(treeAt, c, path + "/" + c.id(), seen);
    }
  }

  /** Marks a dynamic supervisor's path in the kinds map (a path never holds a NUL). */
  private static final String DYNAMIC = "\0dynamic ";

  private static void index(TreeNode n, String path, Map<String, Boolean> kinds) {
    kinds.put(path, n.supervisor());
    if (n.supervisor() && n.options().dynamic()) {
      kinds.put(DYNAMIC + path, true);
    }
    for (TreeNode c : n.children()) {
      index(c, path + "/" + c.id(), kinds);
    }
  }

  private static TreeNode node(Located at, Object where) {
    Located.Obj o = obj(at, where);
    checkKeys(o, NODE_KEYS, msg("what.treeNode"));
    Map<String, Located> f = o.fields();
    Located idAt = f.get("id");
    if (idAt == null) {
      throw new ScenarioException(o, msg("id.missing", where));
    }
    String id = string(idAt, "id");
    if (!ID.matcher(id).matches()) {
      throw new ScenarioException(idAt, msg("id.invalid", id));
    }
    boolean supervisor = f.containsKey("strategy") || f.containsKey("children");
    RestartType restart = RestartType.PERMANENT;
    if (f.containsKey("restart")) {
      String r = string(f.get("restart"), "restart");
      restart =
          RestartType.parse(r)
              .orElseThrow(
                  () -> new ScenarioException(f.get("restart"), msg("restart.unknown", r)));
    }
    Shutdown shutdown = supervisor ? Shutdown.INFINITY : Shutdown.WORKER_DEFAULT;
    if (f.containsKey("shutdown")) {
      shutdown = shutdown(f.get("shutdown"));
    }
    for (String k : List.of("trap_exit", "stop_ms", "init", "exit_after")) {
      if (supervisor && f.containsKey(k)) {
        int[] kp = o.keyPositions().get(k);
        throw new ScenarioException(kp[0], kp[1], msg("field.workerOnly", k, id));
      }
    }
    for (String k : List.of("intensity", "period_s", "auto_shutdown", "dynamic", "max_children")) {
      if (!supervisor && f.containsKey(k)) {
        int[] kp = o.keyPositions().get(k);
        throw new ScenarioException(kp[0], kp[1], msg("field.supervisorOnly", k, id));
      }
    }
    Strategy strategy = Strategy.ONE_FOR_ONE;
    if (f.containsKey("strategy")) {
      String s = string(f.get("strategy"), "strategy");
      strategy =
          Strategy.parse(s)
              .orElseThrow(
                  () -> new ScenarioException(f.get("strategy"), msg("strategy.unknown", s)));
    }
    int intensity =
        f.containsKey("intensity") ? (int) integer(f.get("intensity"), "intensity", 0) : 3;
    int period = f.containsKey("period_s") ? (int) integer(f.get("period_s"), "period_s", 1) : 5;
    List<TreeNode> children = new ArrayList<>();
    if (f.containsKey("children")) {
      Located.Arr arr = arr(f.get("children"), "children");
      Set<String> seen = new HashSet<>();
      for (Located c : arr.items()) {
        TreeNode child = node(c, msg("what.childOf", id));
        if (!seen.add(child.id())) {
          throw new ScenarioException(
              ((Located.Obj) c).fields().get("id"), msg("id.duplicate", child.id(), id));
        }
        children.add(child);
      }
    }
    boolean trap = f.containsKey("trap_exit") && bool(f.get("trap_exit"), "trap_exit");
    long stopMs = f.containsKey("stop_ms") ? integer(f.get("stop_ms"), "stop_ms", 0) : 0;
    java.util.Optional<String> name = java.util.Optional.empty();
    if (f.containsKey("name")) {
      String n = string(f.get("name"), "name");
      if (!NAME.matcher(n).matches()) {
        throw new ScenarioException(f.get("name"), msg("name.invalid", n));
      }
      name = java.util.Optional.of(n);
    }
    TreeNode.Options options = options(o, id, supervisor, restart, strategy, children);
    return TreeNode.builder(id, supervisor)
        .restart(restart)
        .shutdown(shutdown)
        .strategy(strategy)
        .intensity(intensity, period)
        .children(children)
        .trapExit(trap, stopMs)
        .name(name)
        .builtin(builtin(o, supervisor, id))
        .options(options)
        .build();
  }

  /** The node's {@code behavior}, {@code prints} and {@code arg}, if any (see TreeNode.Builtin). */
  private static java.util.Optional<TreeNode.Builtin> builtin(
      Located.Obj o, boolean supervisor, String id) {
    Map<String, Located> f = o.fields();
    if (!f.containsKey("behavior") && !f.containsKey("prints") && !f.containsKey("arg")) {
      return java.util.Optional.empty();
    }
    String behavior = supervisor ? "supervisor" : "worker";
    if (f.containsKey("behavior")) {
      if (supervisor) {
        int[] kp = o.keyPositions().get("behavior");
        throw new ScenarioException(kp[0], kp[1], msg("field.workerOnly", "behavior", id));
      }
      behavior = string(f.get("behavior"), "behavior");
      if (!dev.kaboom.otp.Builtins.NAMES.contains(behavior)) {
        throw new ScenarioException(
            f.get("behavior"),
            msg("behavior.unknown", behavior, String.join(", ", dev.kaboom.otp.Builtins.NAMES)));
      }
    }
    java.util.Optional<String> prints =
        f.containsKey("prints")
            ? java.util.Optional.of(string(f.get("prints"), "prints"))
            : java.util.Optional.empty();
    java.util.OptionalLong arg =
        f.containsKey("arg")
            ? java.util.OptionalLong.of(integer(f.get("arg"), "arg", 0))
            : java.util.OptionalLong.empty();
    return java.util.Optional.of(new TreeNode.Builtin(behavior, prints, arg));
  }

  /** SPEC section 5: init, exit_after, significant, auto_shutdown, dynamic, max_children. */
  private static TreeNode.Options options(
      Located.Obj o,
      String id,
      boolean supervisor,
      RestartType restart,
      Strategy strategy,
      List<TreeNode> children) {
    Map<String, Located> f = o.fields();
    List<InitOutcome> init = new ArrayList<>();
    if (f.containsKey("init")) {
      Located.Arr arr = arr(f.get("init"), "init");
      if (arr.items().isEmpty()) {
        throw new ScenarioException(arr, msg("init.empty"));
      }
      for (Located item : arr.items()) {
        if (item instanceof Located.Scalar sc && "ok".equals(sc.value())) {
          init.add(InitOutcome.OK);
        } else if (item instanceof Located.Scalar sc && "ignore".equals(sc.value())) {
          init.add(InitOutcome.IGNORE);
        } else if (item instanceof Located.Obj so && so.fields().containsKey("stop")) {
          checkKeys(so, List.of("stop"), msg("what.initOutcome"));
          init.add(new InitOutcome.Stop(term(so.fields().get("stop"), "stop")));
        } else {
          throw new ScenarioException(item, msg("init.unknown"));
        }
      }
    }
    long exitAfter = -1;
    Term exitReason = null;
    if (f.containsKey("exit_after")) {
      Located.Obj ea = obj(f.get("exit_after"), "exit_after");
      checkKeys(ea, List.of("ms", "reason"), "exit_after");
      if (!ea.fields().containsKey("ms") || !ea.fields().containsKey("reason")) {
        throw new ScenarioException(ea, msg("exitAfter.incomplete"));
      }
      exitAfter = integer(ea.fields().get("ms"), "ms", 0);
      exitReason = term(ea.fields().get("reason"), "reason");
    }
    boolean significant = f.containsKey("significant") && bool(f.get("significant"), "significant");
    AutoShutdown auto = AutoShutdown.NEVER;
    if (f.containsKey("auto_shutdown")) {
      String a = string(f.get("auto_shutdown"), "auto_shutdown");
      auto =
          AutoShutdown.parse(a)
              .orElseThrow(
                  () ->
                      new ScenarioException(
                          f.get("auto_shutdown"), msg("autoShutdown.unknown", a)));
    }
    boolean dynamic = f.containsKey("dynamic") && bool(f.get("dynamic"), "dynamic");
    int maxChildren = -1;
    if (f.containsKey("max_children")) {
      if (!dynamic) {
        throw new ScenarioException(f.get("max_children"), msg("maxChildren.notDynamic"));
      }
      Located m = f.get("max_children");
      if (!(m instanceof Located.Scalar sc && "infinity".equals(sc.value()))) {
        maxChildren = (int) integer(m, "max_children", 0);
      }
    }
    if (dynamic) {
      if (!children.isEmpty()) {
        throw new ScenarioException(f.get("children"), msg("dynamic.children", id));
      }
      if (strategy != Strategy.ONE_FOR_ONE) {
        throw new ScenarioException(f.get("strategy"), msg("dynamic.strategy", id));
      }
    }
    return new TreeNode.Options(
        init, exitAfter, exitReason, significant, auto, dynamic, maxChildren);
  }

  /** A reason: an Erlang term in Erlang syntax ({@code kaboom}, {@code {shutdown,done}}). */
  private static Term term(Located at, String what) {
    String text = string(at, what);
    try {
      return TermSyntax.parseErlang(text);
    } catch (TermSyntax.ParseError e) {
      throw new ScenarioException(at, msg("term.invalid", what, text, e.getMessage()));
    }
  }

  private static Shutdown shutdown(Located at) {
    if (at instanceof Located.Scalar s && s.value() instanceof Long n) {
      if (n < 0) {
        throw new ScenarioException(at, msg("shutdown.negative", n));
      }
      return new Shutdown.Timeout(n);
    }
    if (at instanceof Located.Scalar s && s.value() instanceof String str) {
      if (str.equals("brutal_kill")) {
        return Shutdown.BRUTAL_KILL;
      }
      if (str.equals("infinity")) {
        return Shutdown.INFINITY;
      }
      throw new ScenarioException(at, msg("shutdown.unknown", str));
    }
    throw new ScenarioException(at, msg("shutdown.kind", Located.kindOf(at)));
  }

  // ---- steps ----

  private static Step step(Located at, int number, Map<String, Boolean> kinds) {
    ErrorText.Msg where = msg("what.step", number);
    Located.Obj o = obj(at, where);
    List<String> named = new ArrayList<>();
    for (String k : o.fields().keySet()) {
      if (STEP_KINDS.contains(k)) {
        named.add(k);
      }
    }
    if (named.size() != 1) {
      String expected = String.join(", ", STEP_KINDS);
      throw new ScenarioException(
          o,
          named.isEmpty()
              ? msg("step.noAction", where, expected)
              : msg("step.actions", where, named.size(), named, expected));
    }
    String kind = named.get(0);
    Map<String, Located> f = o.fields();
    switch (kind) {
      case "sleep_ms" -> {
        checkKeys(o, List.of("sleep_ms"), msg("what.kindStep", "sleep_ms"));
        return new Step.Sleep(integer(f.get("sleep_ms"), "sleep_ms", 0));
      }
      case "exit", "stop" -> {
        checkKeys(o, List.of(kind, "reason"), msg("what.anKindStep", kind));
        String path = path(f.get(kind), kind);
        Located r = f.get("reason");
        if (r == null) {
          throw new ScenarioException(o, msg("step.reason", where, kind));
        }
        String reason = string(r, "reason");
        term(r, "reason"); // checked here; the step keeps the text for its echo line
        return kind.equals("exit") ? new Step.Exit(path, reason) : new Step.Stop(path, reason);
      }
      case "which_children", "count_children" -> {
        checkKeys(o, List.of(kind), msg("what.kindStep", kind));
        String path = supervisorPath(f.get(kind), kind, kinds);
        return kind.equals("which_children")
            ? new Step.WhichChildren(path)
            : new Step.CountChildren(path);
      }
      case "terminate_child", "restart_child", "delete_child" -> {
        checkKeys(o, List.of(kind, "id"), msg("what.kindStep", kind));
        String path = supervisorPath(f.get(kind), kind, kinds);
        Located idAt = f.get("id");
        if (idAt == null) {
          throw new ScenarioException(o, msg("step.childId", where, kind));
        }
        String id = string(idAt, "id");
        if (!ID.matcher(id).matches()) {
          throw new ScenarioException(idAt, msg("step.childIdInvalid", id));
        }
        if (!kind.equals("terminate_child") && kinds.containsKey(DYNAMIC + path)) {
          // Elixir 1.14's DynamicSupervisor has no such call: OTP 25 crashes it with
          // function_clause (its state in the reason), nothing a trace could pin
          throw new ScenarioException(f.get(kind), msg("step.notDynamicCall", kind, path));
        }
        return switch (kind) {
          case "terminate_child" -> new Step.TerminateChild(path, id);
          case "restart_child" -> new Step.RestartChild(path, id);
          default -> new Step.DeleteChild(path, id);
        };
      }
      default -> {
        checkKeys(o, List.of("start_child", "spec"), msg("what.kindStep", "start_child"));
        String path = supervisorPath(f.get(kind), kind, kinds);
        Located specAt = f.get("spec");
        if (specAt == null) {
          throw new ScenarioException(o, msg("step.spec", where));
        }
        TreeNode spec = node(specAt, msg("what.specOf", where));
        if (!kinds.containsKey(path + "/" + spec.id())) {
          index(spec, path + "/" + spec.id(), kinds);
        }
        return new Step.StartChild(path, spec);
      }
    }
  }

  private static String supervisorPath(Located at, String kind, Map<String, Boolean> kinds) {
    String path = path(at, kind);
    if (Boolean.FALSE.equals(kinds.get(path))) {
      throw new ScenarioException(at, msg("step.workerPath", kind, path));
    }
    return path;
  }

  private static String path(Located at, String what) {
    String p = string(at, what);
    for (String part : p.split("/", -1)) {
      if (!ID.matcher(part).matches()) {
        throw new ScenarioException(at, msg("path.invalid", p));
      }
    }
    return p;
  }
}
