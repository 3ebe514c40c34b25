package dev.kaboom.run;

import static dev.kaboom.scenario.ErrorText.msg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaboom.engine.Atom;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Ref;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.Tuple;
import dev.kaboom.otp.AutoShutdown;
import dev.kaboom.otp.InitOutcome;
import dev.kaboom.otp.SupFlags;
import dev.kaboom.scenario.Command;
import dev.kaboom.scenario.Command.Target;
import dev.kaboom.scenario.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Commands, terms and child specs as JSON, for run files. A term is a JSON string (an atom), an
 * integer, or an object {@code {"tuple": [...]}}, {@code {"list": [...]}}, {@code {"pid": [node,
 * serial, creation]}}; a target is {@code {"path": "a/b"}}, {@code {"name": "sensor"}} or {@code
 * {"pid": [...]}}; a child spec uses the scenario format's node keys. Reading throws {@link
 * Damaged} naming where (a JSON path such as {@code commands[3].reason}) and what is wrong.
 */
final class RunJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private RunJson() {}

  /** A run file that is not what it should be: {@code where} is a JSON path. */
  static final class Damaged extends Exception {
    final String where;
    final transient dev.kaboom.scenario.ErrorText.Msg text;

    /** What is wrong in the errors bundle's words (English and Korean). */
    Damaged(String where, dev.kaboom.scenario.ErrorText.Msg text) {
      super(text.toString());
      this.where = where;
      this.text = text;
    }
  }

  /**
   * The line and column (1-based) in {@code text}, a run file that parses as JSON, of the value at
   * {@code where} (a path such as {@code commands[3].reason}); of the nearest enclosing value when
   * that one is missing (a field not given: the object that lacks it).
   */
  static int[] place(String text, String where) {
    String pointer =
        where.equals("(top)")
            ? ""
            : ("/" + where.replaceFirst("^\\.", ""))
                .replaceAll("\\[(\\d+)\\]", "/$1")
                .replace('.', '/');
    java.util.Map<String, int[]> at = new java.util.HashMap<>();
    try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(text)) {
      for (var t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME || t.isStructEnd()) {
          continue;
        }
        var l = p.currentTokenLocation();
        at.putIfAbsent(
            p.getParsingContext().pathAsPointer().toString(),
            new int[] {l.getLineNr(), l.getColumnNr()});
      }
    } catch (java.io.IOException e) {
      // the text parsed once already; what was found so far is the answer
    }
    for (String ptr = pointer; ; ptr = ptr.substring(0, Math.max(0, ptr.lastIndexOf('/')))) {
      int[] found = at.get(ptr);
      if (found != null) {
        return found;
      }
      if (ptr.isEmpty()) {
        return new int[] {1, 1};
      }
    }
  }

  // ---- terms ----

  static JsonNode term(Term t) {
    if (t instanceof Atom a) {
      return MAPPER.getNodeFactory().textNode(a.name());
    } else if (t instanceof IntTerm i) {
      return MAPPER.getNodeFactory().numberNode(i.value());
    } else if (t instanceof Tuple tu) {
      ObjectNode o = MAPPER.createObjectNode();
      ArrayNode items = o.putArray("tuple");
      tu.elements().forEach(e -> items.add(term(e)));
      return o;
    } else if (t instanceof TermList l) {
      ObjectNode o = MAPPER.createObjectNode();
      ArrayNode items = o.putArray("list");
      l.elements().forEach(e -> items.add(term(e)));
      return o;
    } else if (t instanceof Pid p) {
      ObjectNode o = MAPPER.createObjectNode();
      o.putArray("pid").add(p.node()).add(p.serial()).add(p.creation());
      return o;
    } else if (t instanceof Ref r) {
      ObjectNode o = MAPPER.createObjectNode();
      o.put("ref", r.serial());
      return o;
    }
    throw new IllegalArgumentException("no JSON for term " + t);
  }

  static Term term(JsonNode n, String where) throws Damaged {
    if (n == null || n.isNull()) {
      throw new Damaged(where, msg("run.termMissing"));
    }
    if (n.isTextual()) {
      return Atom.of(n.asText());
    } else if (n.isIntegralNumber()) {
      return new IntTerm(n.asLong());
    } else if (n.isObject() && n.size() == 1) {
      if (n.has("tuple") || n.has("list")) {
        String key = n.has("tuple") ? "tuple" : "list";
        JsonNode items = n.get(key);
        if (!items.isArray()) {
          throw new Damaged(where + "." + key, msg("run.termList"));
        }
        List<Term> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          out.add(term(items.get(i), where + "." + key + "[" + i + "]"));
        }
        return key.equals("tuple") ? new Tuple(List.copyOf(out)) : new TermList(List.copyOf(out));
      } else if (n.has("pid")) {
        return pid(n.get("pid"), where + ".pid");
      } else if (n.has("ref") && n.get("ref").isIntegralNumber()) {
        return new Ref(n.get("ref").asLong());
      }
    }
    throw new Damaged(where, msg("run.term", abbreviate(n)));
  }

  private static Pid pid(JsonNode n, String where) throws Damaged {
    if (n.isArray() && n.size() == 3 && n.get(0).isInt() && n.get(1).isInt() && n.get(2).isInt()) {
      return new Pid(n.get(0).asInt(), n.get(1).asInt(), n.get(2).asInt());
    }
    throw new Damaged(where, msg("run.pid", abbreviate(n)));
  }

  // ---- targets ----

  static JsonNode target(Target t) {
    ObjectNode o = MAPPER.createObjectNode();
    if (t instanceof Target.Path p) {
      o.put("path", p.path());
    } else if (t instanceof Target.Name n) {
      o.put("name", n.name());
    } else {
      Pid p = ((Target.Process) t).pid();
      o.putArray("pid").add(p.node()).add(p.serial()).add(p.creation());
    }
    return o;
  }

  static Target target(JsonNode n, String where) throws Damaged {
    if (n != null && n.isObject() && n.size() == 1) {
      if (n.get("path") != null && n.get("path").isTextual()) {
        return new Target.Path(n.get("path").asText());
      } else if (n.get("name") != null && n.get("name").isTextual()) {
        return new Target.Name(n.get("name").asText());
      } else if (n.get("pid") != null) {
        return new Target.Process(pid(n.get("pid"), where + ".pid"));
      }
    }
    throw new Damaged(where, msg("run.target", abbreviate(n)));
  }

  // ---- child specs (the scenario format's node keys) ----

  static JsonNode node(TreeNode n) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", n.id());
    n.name().ifPresent(name -> o.put("name", name));
    o.put("supervisor", n.supervisor());
    o.put("restart", n.restart().otpName());
    o.put("shutdown", n.shutdown().toString());
    o.put("strategy", n.strategy().otpName());
    o.put("intensity", n.intensity());
    o.put("period_s", n.periodSeconds());
    o.put("trap_exit", n.trapExit());
    o.put("stop_ms", n.stopMillis());
    ArrayNode children = o.putArray("children");
    n.children().forEach(c -> children.add(node(c)));
    TreeNode.Options opt = n.options();
    if (!opt.equals(TreeNode.Options.DEFAULT)) {
      // the scenario format's version-2 keys (init outcomes and reasons as terms)
      ArrayNode init = o.putArray("init");
      for (InitOutcome io : opt.init()) {
        if (io instanceof InitOutcome.Stop s) {
          init.addObject().set("stop", term(s.reason()));
        } else {
          init.add(io instanceof InitOutcome.Ignore ? "ignore" : "ok");
        }
      }
      if (opt.exitAfterMillis() >= 0) {
        ObjectNode ea = o.putObject("exit_after");
        ea.put("ms", opt.exitAfterMillis());
        ea.set("reason", term(opt.exitAfterReason()));
      }
      o.put("significant", opt.significant());
      o.put("auto_shutdown", opt.autoShutdown().otpName());
      o.put("dynamic", opt.dynamic());
      o.put("max_children", opt.maxChildren());
    }
    return o;
  }

  private static TreeNode.Options options(JsonNode n, String where) throws Damaged {
    if (!n.has("init")) {
      return TreeNode.Options.DEFAULT;
    }
    List<InitOutcome> init = new ArrayList<>();
    JsonNode arr = n.get("init");
    for (int i = 0; i < arr.size(); i++) {
      JsonNode x = arr.get(i);
      if (x.isObject()) {
        init.add(new InitOutcome.Stop(term(x.get("stop"), where + ".init[" + i + "].stop")));
      } else {
        init.add("ignore".equals(x.asText()) ? InitOutcome.IGNORE : InitOutcome.OK);
      }
    }
    long ms = -1;
    Term reason = null;
    if (n.has("exit_after")) {
      ms = n.get("exit_after").path("ms").asLong();
      reason = term(n.get("exit_after").get("reason"), where + ".exit_after.reason");
    }
    return new TreeNode.Options(
        init,
        ms,
        reason,
        n.path("significant").asBoolean(false),
        AutoShutdown.parse(n.path("auto_shutdown").asText("never")).orElse(AutoShutdown.NEVER),
        n.path("dynamic").asBoolean(false),
        n.path("max_children").asInt(-1));
  }

  static TreeNode node(JsonNode n, String where) throws Damaged {
    if (n == null || !n.isObject()) {
      throw new Damaged(where, msg("run.specObject"));
    }
    String id = text(n, "id", where);
    RestartType restart =
        RestartType.parse(text(n, "restart", where))
            .orElseThrow(() -> new Damaged(where + ".restart", msg("run.restart")));
    String sd = text(n, "shutdown", where);
    Shutdown shutdown;
    if (sd.equals("brutal_kill")) {
      shutdown = Shutdown.BRUTAL_KILL;
    } else if (sd.equals("infinity")) {
      shutdown = Shutdown.INFINITY;
    } else if (sd.matches("\\d{1,12}")) {
      shutdown = new Shutdown.Timeout(Long.parseLong(sd));
    } else {
      throw new Damaged(where + ".shutdown", msg("run.shutdown", abbreviate(n.get("shutdown"))));
    }
    Strategy strategy =
        Strategy.parse(text(n, "strategy", where))
            .orElseThrow(() -> new Damaged(where + ".strategy", msg("run.strategy")));
    JsonNode children = n.get("children");
    if (children == null || !children.isArray()) {
      throw new Damaged(where + ".children", msg("run.list"));
    }
    List<TreeNode> kids = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      kids.add(node(children.get(i), where + ".children[" + i + "]"));
    }
    JsonNode name = n.get("name");
    return new TreeNode(
        id,
        bool(n, "supervisor", where),
        restart,
        shutdown,
        strategy,
        (int) number(n, "intensity", where),
        (int) number(n, "period_s", where),
        kids,
        bool(n, "trap_exit", where),
        number(n, "stop_ms", where),
        name == null ? Optional.empty() : Optional.of(name.asText()),
        Optional.empty(),
        options(n, where));
  }

  // ---- commands ----

  static ObjectNode command(Command c) {
    ObjectNode o = MAPPER.createObjectNode();
    if (c instanceof Command.Exit x) {
      o.put("command", "exit").set("target", target(x.target()));
      o.set("reason", term(x.reason()));
    } else if (c instanceof Command.Stop x) {
      o.put("command", "stop").set("target", target(x.target()));
      o.set("reason", term(x.reason()));
    } else if (c instanceof Command.WhichChildren x) {
      o.put("command", "which_children").set("target", target(x.target()));
    } else if (c instanceof Command.CountChildren x) {
      o.put("command", "count_children").set("target", target(x.target()));
    } else if (c instanceof Command.TerminateChild x) {
      o.put("command", "terminate_child").set("target", target(x.target()));
      o.put("id", x.id());
    } else if (c instanceof Command.RestartChild x) {
      o.put("command", "restart_child").set("target", target(x.target()));
      o.put("id", x.id());
    } else if (c instanceof Command.DeleteChild x) {
      o.put("command", "delete_child").set("target", target(x.target()));
      o.put("id", x.id());
    } else if (c instanceof Command.StartChild x) {
      o.put("command", "start_child").set("target", target(x.target()));
      o.set("spec", node(x.spec()));
    } else if (c instanceof Command.SetFlags x) {
      o.put("command", "set_flags").set("target", target(x.target()));
      o.put("strategy", x.flags().strategy().otpName());
      o.put("intensity", x.flags().intensity());
      o.put("period_ms", x.flags().periodMillis());
    } else if (c instanceof Command.GetFlags x) {
      o.put("command", "get_flags").set("target", target(x.target()));
    } else if (c instanceof Command.Sleep x) {
      o.put("command", "sleep").put("ms", x.millis());
    } else if (c instanceof Command.ShellStart x) {
      o.put("command", "shell_start");
      if (x.label() != null) {
        o.put("label", x.label());
      }
    } else if (c instanceof Command.ConsoleLine x) {
      o.put("command", "console").put("line", x.line());
    } else if (c instanceof Command.ConsoleEcho x) {
      o.put("command", "console_echo").put("line", x.line()).put("answer", x.answer());
    } else if (c instanceof Command.Recompile x) {
      o.put("command", "recompile").put("file", x.file()).put("text", x.text());
    } else if (c instanceof Command.Send x) {
      o.put("command", "send").set("target", target(x.target()));
      o.set("message", term(x.message()));
    } else if (c instanceof Command.GenServerCall x) {
      o.put("command", "call").set("target", target(x.target()));
      o.set("request", term(x.request()));
    } else if (c instanceof Command.GenServerCast x) {
      o.put("command", "cast").set("target", target(x.target()));
      o.set("request", term(x.request()));
    } else {
      throw new IllegalArgumentException("no JSON for command " + c);
    }
    return o;
  }

  static Command command(JsonNode n, String where) throws Damaged {
    if (n == null || !n.isObject()) {
      throw new Damaged(where, msg("run.commandObject"));
    }
    String kind = text(n, "command", where);
    if (kind.equals("sleep")) {
      long ms = number(n, "ms", where);
      if (ms < 0) {
        throw new Damaged(where + ".ms", msg("run.sleep", ms));
      }
      return new Command.Sleep(ms);
    }
    switch (kind) {
      case "shell_start" -> {
        JsonNode label = n.get("label");
        if (label != null && !label.isTextual()) {
          throw new Damaged(where + ".label", msg("run.string", abbreviate(label)));
        }
        return new Command.ShellStart(label == null ? null : label.asText());
      }
      case "console" -> {
        return new Command.ConsoleLine(text(n, "line", where));
      }
      case "console_echo" -> {
        return new Command.ConsoleEcho(text(n, "line", where), text(n, "answer", where));
      }
      case "recompile" -> {
        String file = text(n, "file", where);
        String text = text(n, "text", where);
        var loaded = dev.kaboom.scenario.ScenarioLoader.parse(file, text);
        if (loaded instanceof dev.kaboom.scenario.ScenarioLoader.Result.Failed f) {
          throw new Damaged(where + ".text", msg("run.worldInvalid", f.error()));
        }
        return new Command.Recompile(
            file, text, ((dev.kaboom.scenario.ScenarioLoader.Result.Loaded) loaded).scenario());
      }
      default -> {
        // a command for a process: its target next
      }
    }
    Target t = target(n.get("target"), where + ".target");
    return switch (kind) {
      case "exit" -> new Command.Exit(t, term(n.get("reason"), where + ".reason"));
      case "stop" -> new Command.Stop(t, term(n.get("reason"), where + ".reason"));
      case "which_children" -> new Command.WhichChildren(t);
      case "count_children" -> new Command.CountChildren(t);
      case "terminate_child" -> new Command.TerminateChild(t, text(n, "id", where));
      case "restart_child" -> new Command.RestartChild(t, text(n, "id", where));
      case "delete_child" -> new Command.DeleteChild(t, text(n, "id", where));
      case "start_child" -> new Command.StartChild(t, node(n.get("spec"), where + ".spec"));
      case "set_flags" -> {
        Strategy s =
            Strategy.parse(text(n, "strategy", where))
                .orElseThrow(() -> new Damaged(where + ".strategy", msg("run.strategy")));
        long intensity = number(n, "intensity", where);
        long period = number(n, "period_ms", where);
        if (intensity < 0 || intensity > Integer.MAX_VALUE) {
          throw new Damaged(where + ".intensity", msg("run.intensity", intensity));
        }
        if (period <= 0) {
          throw new Damaged(where + ".period_ms", msg("run.period", period));
        }
        yield new Command.SetFlags(t, new SupFlags(s, (int) intensity, period));
      }
      case "get_flags" -> new Command.GetFlags(t);
      case "send" -> new Command.Send(t, term(n.get("message"), where + ".message"));
      case "call" -> new Command.GenServerCall(t, term(n.get("request"), where + ".request"));
      case "cast" -> new Command.GenServerCast(t, term(n.get("request"), where + ".request"));
      default -> throw new Damaged(where + ".command", msg("run.command", kind));
    };
  }

  // ---- small readers ----

  static String text(JsonNode n, String key, String where) throws Damaged {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual()) {
      throw new Damaged(
          where + "." + key, v == null ? msg("run.missing") : msg("run.string", abbreviate(v)));
    }
    return v.asText();
  }

  static long number(JsonNode n, String key, String where) throws Damaged {
    JsonNode v = n.get(key);
    if (v == null || !v.isIntegralNumber()) {
      throw new Damaged(
          where + "." + key, v == null ? msg("run.missing") : msg("run.whole", abbreviate(v)));
    }
    return v.asLong();
  }

  static boolean bool(JsonNode n, String key, String where) throws Damaged {
    JsonNode v = n.get(key);
    if (v == null || !v.isBoolean()) {
      throw new Damaged(where + "." + key, v == null ? msg("run.missing") : msg("run.bool"));
    }
    return v.asBoolean();
  }

  static String abbreviate(JsonNode n) {
    String s = String.valueOf(n);
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
