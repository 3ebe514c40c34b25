package dev.kaboom.console;

import dev.kaboom.console.Parser.Call;
import dev.kaboom.console.Parser.Expr;
import dev.kaboom.console.Parser.ListE;
import dev.kaboom.console.Parser.Lit;
import dev.kaboom.console.Parser.Statement;
import dev.kaboom.console.Parser.TupleE;
import dev.kaboom.console.Parser.Var;
import dev.kaboom.engine.Atom;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.Tuple;
import dev.kaboom.engine.ExitMessage;
import dev.kaboom.otp.Client;
import dev.kaboom.otp.Messages;
import dev.kaboom.otp.SupervisorRequest;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.Simulation;
import dev.kaboom.scenario.TreeBuilder;
import dev.kaboom.scenario.TreeNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An iex-like console on the engine: the scenario's tree is the code base (every node with a
 * registered name is a module whose {@code start_link} starts it, linked to the shell), and a line
 * of Elixir such as {@code Process.whereis(:sensor_server) |> Process.exit(:kaboom)} runs to
 * completion on virtual time. What the line set off is printed before its value.
 */
public final class Console {
  private final Scenario scenario;
  private final Simulation sim;
  private final Client shell;
  private final Map<String, Object> bindings = new HashMap<>();
  private final Map<String, TreeNode> modules = new LinkedHashMap<>();
  private final Map<String, String> modulePaths = new HashMap<>();
  private final List<String> happened = new ArrayList<>();
  private final Map<Pid, Term> acks = new HashMap<>();
  private final List<Object> mailbox = new ArrayList<>();
  private int lineNumber = 1;

  public Console(Scenario scenario) {
    this.scenario = scenario;
    this.sim = new Simulation(this::onEvent, 1L);
    this.shell = sim.driver();
    shell.onOtherMessage(this::onShellMessage);
    index(scenario.tree(), scenario.tree().id());
  }

  private void index(TreeNode n, String path) {
    n.name().ifPresent(name -> {
      modules.put(name, n);
      modulePaths.put(name, path);
    });
    for (TreeNode c : n.children()) {
      index(c, path + "/" + c.id());
    }
  }

  private void onEvent(TraceEvent e) {
    if (e instanceof TraceEvent.Started s && s.label() != null) {
      happened.add("  started  " + s.label() + " " + s.pid());
    } else if (e instanceof TraceEvent.Exited x && x.label() != null) {
      happened.add("  exited   " + x.label() + " " + x.pid() + " " + Inspect.inspect(x.reason()));
    } else if (e instanceof TraceEvent.GaveUp g) {
      happened.add("  gave up  " + g.label() + " :reached_max_restart_intensity");
    }
  }

  private void onShellMessage(Object m) {
    if (m instanceof Messages.Ack a) {
      acks.put(a.pid(), a.result());
    } else if (m instanceof ExitMessage x) {
      happened.add(
          "** (EXIT from " + x.from() + ") shell process exited with reason: "
              + Inspect.inspect(x.reason()));
      mailbox.add(Term.tuple(Atom.EXIT, x.from(), x.reason()));
    } else {
      mailbox.add(m);
    }
  }

  /** The prompt for the next line, {@code iex(3)> }. */
  public String prompt() {
    return "iex(" + lineNumber + ")> ";
  }

  /** Runs one line and returns everything it prints (events, then the value or the error). */
  public String eval(String line) {
    StringBuilder out = new StringBuilder();
    if (line.isBlank()) {
      return "";
    }
    try {
      Statement st = Parser.parse(line);
      Object value = value(st.expr());
      sim.runUntilIdle();
      if (st.pattern() != null) {
        match(st.pattern(), value);
      }
      flushHappened(out);
      out.append(Inspect.inspect(value)).append('\n');
    } catch (ConsoleError e) {
      sim.runUntilIdle();
      flushHappened(out);
      out.append(e.render(lineNumber)).append('\n');
    } catch (dev.kaboom.engine.RunawayException e) {
      // the loop stays where it stopped; the next line carries on from there
      flushHappened(out);
      out.append("** (Kaboom.RunawayError) ").append(e.getMessage()).append('\n');
    }
    lineNumber++;
    return out.toString();
  }

  private void flushHappened(StringBuilder out) {
    for (String h : happened) {
      out.append(h).append('\n');
    }
    happened.clear();
  }

  /** Reads lines until end of input (or {@code q}), writing prompts and answers. */
  public void run(BufferedReader in, PrintStream out) throws IOException {
    run(in, out, false);
  }

  /**
   * As {@link #run(BufferedReader, PrintStream)}; {@code echo} repeats each line after its prompt
   * (for input piped from a file, so the output reads like a session).
   */
  public void run(BufferedReader in, PrintStream out, boolean echo) throws IOException {
    out.println(
        "Kaboom console on '" + scenario.name() + "'. Modules you can start: "
            + (modules.isEmpty() ? "(none: give tree nodes a \"name\")" : String.join(", ", modules.keySet()))
            + ". h for help, q to quit.");
    while (true) {
      out.print(prompt());
      out.flush();
      String line = in.readLine();
      if (line == null || line.strip().equals("q") || line.strip().equals("quit")) {
        out.println();
        return;
      }
      if (echo) {
        out.println(line);
      }
      out.print(eval(line));
    }
  }

  // ---- evaluation ----

  private void match(Expr pattern, Object value) {
    if (pattern instanceof Var v) {
      if (!v.name().equals("_")) {
        bindings.put(v.name(), value);
      }
      return;
    }
    if (pattern instanceof TupleE t
        && value instanceof Tuple tv
        && tv.size() == t.items().size()) {
      for (int i = 0; i < tv.size(); i++) {
        match(t.items().get(i), tv.get(i));
      }
      return;
    }
    if (pattern instanceof Lit l && l.value().equals(value)) {
      return;
    }
    throw new ConsoleError(
        "MatchError", "no match of right hand side value: " + Inspect.inspect(value));
  }

  private Object value(Expr e) {
    if (e instanceof Lit l) {
      return l.value();
    }
    if (e instanceof Var v) {
      Object bound = bindings.get(v.name());
      if (bound != null) {
        return bound;
      }
      return call(new Call(v.name(), List.of(), v.column())); // self, flush, h, tree
    }
    if (e instanceof TupleE t) {
      List<Term> items = new ArrayList<>();
      for (Expr x : t.items()) {
        items.add(term(value(x), x));
      }
      return new Tuple(items);
    }
    if (e instanceof ListE l) {
      List<Term> items = new ArrayList<>();
      for (Expr x : l.items()) {
        items.add(term(value(x), x));
      }
      return new TermList(items);
    }
    return call((Call) e);
  }

  private static Term term(Object v, Expr at) {
    if (v instanceof Term t) {
      return t;
    }
    throw new ConsoleError("ArgumentError", at.column(), "this value cannot go inside a tuple or list here");
  }

  private Object call(Call c) {
    List<Object> args = new ArrayList<>();
    for (Expr a : c.args()) {
      args.add(value(a));
    }
    String f = c.function() + "/" + args.size();
    switch (f) {
      case "h/0", "help/0":
        return help();
      case "self/0":
        return shell.pid();
      case "flush/0":
        List<Term> got = new ArrayList<>();
        for (Object m : mailbox) {
          if (m instanceof Term t) {
            got.add(t);
          }
        }
        mailbox.clear();
        return new TermList(got);
      case "tree/0":
        return tree();
      case "pid/1":
        return pid(args.get(0), c);
      case "Process.whereis/1":
        return sim.node().whereis(atomArg(args.get(0), c, 1).name()).<Object>map(p -> p).orElse(Atom.of("nil"));
      case "Process.alive?/1":
        return sim.node().isAlive(pidArg(args.get(0), c, 1)) ? Atom.TRUE : Atom.FALSE;
      case "Process.exit/2":
        shell.exit(pidArg(args.get(0), c, 1), atomArg(args.get(1), c, 2));
        return Atom.TRUE;
      case "Process.sleep/1", ":timer.sleep/1":
        sim.node().scheduler()
            .advanceBy(intArg(args.get(0), c), dev.kaboom.engine.VirtualScheduler.MAX_TURNS_PER_STEP);
        return Atom.OK;
      case "Process.info/1":
        return info(pidArg(args.get(0), c, 1));
      case "Supervisor.which_children/1":
        return supervisorCall(c, args.get(0), new SupervisorRequest.WhichChildren());
      case "Supervisor.count_children/1":
        return supervisorCall(c, args.get(0), new SupervisorRequest.CountChildren());
      case "Supervisor.terminate_child/2":
        return supervisorCall(
            c, args.get(0), new SupervisorRequest.TerminateChild(atomArg(args.get(1), c, 2).name()));
      case "Supervisor.restart_child/2":
        return supervisorCall(
            c, args.get(0), new SupervisorRequest.RestartChild(atomArg(args.get(1), c, 2).name()));
      case "Supervisor.delete_child/2":
        return supervisorCall(
            c, args.get(0), new SupervisorRequest.DeleteChild(atomArg(args.get(1), c, 2).name()));
      default:
        if (c.function().endsWith(".start_link")) {
          return startLink(c);
        }
        throw new ConsoleError(
            "UndefinedFunctionError",
            c.column(),
            "function " + f + " is undefined or not known to this console (h lists what it knows)");
    }
  }

  private Object startLink(Call c) {
    String module = c.function().substring(0, c.function().length() - ".start_link".length());
    TreeNode node = modules.get(module);
    if (node == null) {
      throw new ConsoleError(
          "UndefinedFunctionError",
          c.column(),
          "function " + module + ".start_link/" + c.args().size() + " is undefined (module "
              + module + " is not in this scenario; its modules are "
              + (modules.isEmpty() ? "none" : String.join(", ", modules.keySet())) + ")");
    }
    Pid pid = shell.startLink(TreeBuilder.behavior(node), modulePaths.get(module));
    sim.runUntilIdle();
    Term ack = acks.remove(pid);
    if (ack == Atom.OK) {
      return Term.tuple(Atom.OK, pid);
    }
    return ack == null ? Term.tuple(Atom.ERROR, Atom.of("no_reply")) : ack;
  }

  private Object supervisorCall(Call c, Object server, SupervisorRequest request) {
    Pid pid = serverArg(server, c);
    Object[] result = new Object[1];
    shell.call(pid, request, r -> result[0] = r);
    sim.runUntilIdle();
    if (result[0] instanceof Client.CallResult.Replied rep) {
      return elixirReply(request, rep.value());
    }
    Term reason = result[0] instanceof Client.CallResult.Failed f ? f.reason() : Atom.NOPROC;
    throw new ConsoleError(
        "exit",
        "exited in: " + c.function() + "(" + Inspect.inspect(server) + ")\n    ** (EXIT) "
            + (reason == Atom.NOPROC
                ? "no process: the process is not alive or there's no process currently"
                    + " associated with the given name"
                : Inspect.inspect(reason)));
  }

  /** OTP's replies in Elixir's shapes: 4-tuples for which_children, a map for count_children. */
  private Object elixirReply(SupervisorRequest request, Term reply) {
    if (request instanceof SupervisorRequest.WhichChildren && reply instanceof TermList l) {
      List<Term> rows = new ArrayList<>();
      for (Term row : l.elements()) {
        Tuple t = (Tuple) row;
        rows.add(Term.tuple(t.get(0), t.get(1), t.get(2), Term.list(List.of())));
      }
      return new TermList(rows);
    }
    if (request instanceof SupervisorRequest.CountChildren && reply instanceof TermList l) {
      TreeMap<String, Object> m = new TreeMap<>();
      for (Term row : l.elements()) {
        Tuple t = (Tuple) row;
        m.put(((Atom) t.get(0)).name(), t.get(1));
      }
      return new Inspect.EMap(m);
    }
    return reply;
  }

  private Object info(Pid pid) {
    Optional<Proc> p = sim.node().process(pid);
    if (p.isEmpty()) {
      return Atom.of("nil");
    }
    Proc proc = p.get();
    TreeMap<String, Object> m = new TreeMap<>();
    m.put("registered_name", proc.registeredName() == null ? new TermList(List.of()) : Atom.of(proc.registeredName()));
    m.put("links", new TermList(new ArrayList<>(proc.links())));
    m.put("trap_exit", proc.trapsExits() ? Atom.TRUE : Atom.FALSE);
    m.put("message_queue_len", new IntTerm(proc.mailboxLength()));
    m.put("status", proc.isWaiting() ? Atom.of("waiting") : Atom.of("runnable"));
    return new Inspect.EMap(m);
  }

  private Object tree() {
    StringBuilder sb = new StringBuilder();
    List<Proc> procs = new ArrayList<>(sim.node().processes());
    procs.removeIf(p -> p.label() == null);
    procs.sort((a, b) -> a.label().compareTo(b.label()));
    for (Proc p : procs) {
      int depth = p.label().length() - p.label().replace("/", "").length();
      sb.append("  ".repeat(depth))
          .append(p.label().substring(p.label().lastIndexOf('/') + 1))
          .append(' ')
          .append(p.pid());
      if (p.registeredName() != null) {
        sb.append(' ').append(Inspect.atom(Atom.of(p.registeredName())));
      }
      sb.append('\n');
    }
    happened.add(sb.length() == 0 ? "  (no processes: start one with Module.start_link())" : sb.toString().stripTrailing());
    return Atom.OK;
  }

  private Object help() {
    happened.add(
        String.join(
            "\n",
            "  Module.start_link()                start a registered node of the scenario, linked to this shell",
            "  Process.whereis(:name)             the pid registered under a name (or nil)",
            "  Process.exit(pid, :reason)         send an exit signal (:kaboom, :kill, :normal, :shutdown...)",
            "  Process.alive?(pid), Process.info(pid), Process.sleep(ms), :timer.sleep(ms)",
            "  Supervisor.which_children(sup), count_children(sup), terminate_child(sup, :id),",
            "    restart_child(sup, :id), delete_child(sup, :id)     (sup: a pid or a registered name)",
            "  self(), flush(), pid(\"0.105.0\"), tree, h, q",
            "  x = expr, {:ok, pid} = expr, expr |> f(args)"));
    return Atom.OK;
  }

  // ---- arguments ----

  private Pid pid(Object v, Call c) {
    String s = v instanceof String str ? str : "";
    String[] parts = s.split("\\.");
    if (parts.length == 3) {
      try {
        return new Pid(Integer.parseInt(parts[1]));
      } catch (NumberFormatException ignored) {
        // falls through to the error
      }
    }
    throw new ConsoleError("ArgumentError", c.column(), "pid/1 takes a string like \"0.105.0\"");
  }

  private Pid serverArg(Object v, Call c) {
    if (v instanceof Pid p) {
      return p;
    }
    if (v instanceof Atom a && a != Atom.of("nil")) {
      return sim.node().whereis(a.name()).orElse(new Pid(0));
    }
    throw new ConsoleError(
        "ArgumentError", c.column(), c.function() + " takes a pid or a registered name, got " + Inspect.inspect(v));
  }

  private static Pid pidArg(Object v, Call c, int position) {
    if (v instanceof Pid p) {
      return p;
    }
    throw new ConsoleError(
        "ArgumentError",
        c.column(),
        "argument " + position + " of " + c.function() + " must be a pid, got " + Inspect.inspect(v)
            + (v == Atom.of("nil") ? " (nothing is registered under that name)" : ""));
  }

  private static Atom atomArg(Object v, Call c, int position) {
    if (v instanceof Atom a) {
      return a;
    }
    throw new ConsoleError(
        "ArgumentError",
        c.column(),
        "argument " + position + " of " + c.function() + " must be an atom, got " + Inspect.inspect(v));
  }

  private static long intArg(Object v, Call c) {
    if (v instanceof IntTerm i && i.value() >= 0) {
      return i.value();
    }
    throw new ConsoleError(
        "ArgumentError", c.column(), c.function() + " takes a number of milliseconds, got " + Inspect.inspect(v));
  }
}
