package dev.kaboom.otp;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Behavior;
import dev.kaboom.engine.Bin;
import dev.kaboom.engine.ExitMessage;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.MapTerm;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.ProcessKind;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.TermSyntax;
import dev.kaboom.engine.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in worker code that scenario and lesson files name ({@code "behavior":
 * "pledge_server"}): the servers of the Servy course chapter, as real Elixir runs them
 * (conformance/iex/servy/servy.ex). What they print goes to {@link dev.kaboom.engine.Node#print}.
 *
 * <ul>
 *   <li>{@code worker}: does nothing (the plain scenario worker, {@link SimpleWorker}).
 *   <li>{@code pledge_server}: {@code create_pledge(name, amount)} answers {@code "pledge-N"} (N
 *       random 1..1000, seeded) and keeps the last three pledges, newest first ({@code
 *       :recent_pledges}); {@code :total_pledged} sums them. The state starts empty, so a restart
 *       loses it.
 *   <li>{@code sensor_server}: its init prints {@code Running tasks to get sensor data...}; {@code
 *       :get_sensor_data} answers {@code %{snapshots: ["cam-1", "cam-2", "cam-3"]}}; it refreshes
 *       silently every {@code arg} virtual seconds ({@code Process.send_after}).
 *   <li>{@code kick_starter}: traps exits, prints {@code Starting the HTTP server...} and spawns
 *       and links a plain process registered as {@code http_server}; on that process's {@code
 *       'EXIT'} it prints {@code HttpServer exited (REASON)} and starts a new one.
 * </ul>
 */
public final class Builtins {
  private Builtins() {}

  /** The names a file may give as {@code "behavior"}. */
  public static final List<String> NAMES =
      List.of("worker", "pledge_server", "sensor_server", "kick_starter");

  /** A fresh behaviour for one start of a worker running {@code behavior}. */
  public static Behavior worker(
      String behavior, Optional<String> name, long arg, boolean trapExit, long stopMillis) {
    GenServer<?> module =
        switch (behavior) {
          case "pledge_server" -> new PledgeServer();
          case "sensor_server" -> new SensorServer(arg);
          case "kick_starter" -> new KickStarter();
          default -> new SimpleWorker(trapExit, stopMillis);
        };
    return behaviorOf(module, name);
  }

  private static <S> GenServerBehavior<S> behaviorOf(GenServer<S> module, Optional<String> name) {
    return new GenServerBehavior<>(module, name);
  }

  /** The client functions a built-in offers: name, arity, and the call request they make. */
  public record ClientFunction(String name, int arity) {}

  /**
   * The client functions of {@code behavior} ({@code create_pledge/2}, ...), in the order shown.
   */
  /**
   * The parameters of a client function, as the course's Elixir names them ({@code
   * create_pledge(name, amount)}); empty for one without.
   */
  public static List<String> clientParams(String behavior, String function) {
    return behavior.equals("pledge_server") && function.equals("create_pledge")
        ? List.of("name", "amount")
        : List.of();
  }

  public static List<ClientFunction> clientFunctions(String behavior) {
    return switch (behavior) {
      case "pledge_server" ->
          List.of(
              new ClientFunction("create_pledge", 2),
              new ClientFunction("recent_pledges", 0),
              new ClientFunction("total_pledged", 0));
      case "sensor_server" -> List.of(new ClientFunction("get_sensor_data", 0));
      default -> List.of();
    };
  }

  /**
   * The {@code GenServer.call} request a client function makes: {@code {:create_pledge, name,
   * amount}}, {@code :recent_pledges}, ...
   */
  public static Term request(String function, List<Term> args) {
    if (args.isEmpty()) {
      return Atom.of(function);
    }
    List<Term> items = new ArrayList<>();
    items.add(Atom.of(function));
    items.addAll(args);
    return new Tuple(items);
  }

  /** The Servy course's pledge server. */
  static final class PledgeServer implements GenServer<List<Term>> {
    private Proc self;

    @Override
    public Result<List<Term>> init(Proc self) {
      this.self = self;
      return new Ok<>(List.of());
    }

    @Override
    public Result<List<Term>> handleCall(Object request, Pid from, List<Term> pledges) {
      if (request instanceof Tuple t && t.size() == 3 && t.get(0) == Atom.of("create_pledge")) {
        String id = "pledge-" + (1 + self.node().random().nextInt(1000));
        List<Term> next = new ArrayList<>();
        next.add(Term.tuple(t.get(1), t.get(2)));
        next.addAll(pledges.subList(0, Math.min(2, pledges.size())));
        return new Reply<>(new Bin(id), List.copyOf(next));
      }
      if (request == Atom.of("recent_pledges")) {
        return new Reply<>(new TermList(pledges), pledges);
      }
      if (request == Atom.of("total_pledged")) {
        long sum = 0;
        for (Term p : pledges) {
          if (((Tuple) p).get(1) instanceof IntTerm i) {
            sum += i.value();
          }
        }
        return new Reply<>(new IntTerm(sum), pledges);
      }
      // servy.ex's handle_call has no clause for it: the server crashes, its supervisor restarts it
      return new Stop<>(
          handleCallClause(self, "Servy.PledgeServer", 66, request, from, new TermList(pledges)),
          pledges);
    }

    @Override
    public Result<List<Term>> handleCast(Object request, List<Term> pledges) {
      return new Stop<>(noClause("Servy.PledgeServer", ":pledge_server", false), pledges);
    }

    @Override
    public Term elixirState(List<Term> pledges) {
      return new TermList(pledges);
    }
  }

  /** The Servy course's sensor server. */
  static final class SensorServer implements GenServer<Term> {
    private static final Atom REFRESH = Atom.of("refresh");
    private final long intervalSeconds;
    private Proc self;

    SensorServer(long intervalSeconds) {
      this.intervalSeconds = intervalSeconds;
    }

    static Term data() {
      return new MapTerm(
          Map.of(
              Atom.of("snapshots"),
              Term.list(List.of(new Bin("cam-1"), new Bin("cam-2"), new Bin("cam-3")))));
    }

    @Override
    public Result<Term> init(Proc self) {
      this.self = self;
      self.node().print("Running tasks to get sensor data...");
      scheduleRefresh();
      return new Ok<>(data());
    }

    private void scheduleRefresh() {
      if (intervalSeconds > 0) {
        Pid me = self.pid();
        self.node()
            .scheduler()
            .scheduleBackground(intervalSeconds * 1000, () -> self.node().send(me, me, REFRESH));
      }
    }

    @Override
    public Result<Term> handleInfo(Object message, Term state) {
      if (message == REFRESH) {
        scheduleRefresh();
        return new NoReply<>(data());
      }
      return new NoReply<>(state);
    }

    @Override
    public Result<Term> handleCall(Object request, Pid from, Term state) {
      if (request == Atom.of("get_sensor_data")) {
        return new Reply<>(state, state);
      }
      return new Stop<>(
          handleCallClause(self, "Servy.SensorServer", 103, request, from, elixirState(state)),
          state);
    }

    @Override
    public Result<Term> handleCast(Object request, Term state) {
      return new Stop<>(noClause("Servy.SensorServer", ":sensor_server", false), state);
    }

    /** {@code %{interval: 60, data: ...}}, as servy.ex's init makes it. */
    @Override
    public Term elixirState(Term state) {
      return new MapTerm(
          Map.of(Atom.of("data"), state, Atom.of("interval"), new IntTerm(intervalSeconds)));
    }
  }

  /** The Servy course's kick starter: hand-written supervision of the HTTP server. */
  static final class KickStarter implements GenServer<Pid> {
    private Proc self;

    @Override
    public Result<Pid> init(Proc self) {
      this.self = self;
      self.trapExit(true);
      Pid server = startServer();
      return server == null ? new Stop<>(REGISTER_FAILED, null) : new Ok<>(server);
    }

    private Pid startServer() {
      self.node().print("Starting the HTTP server...");
      // its label is a path under the kick starter's: the window draws it there, the linked,
      // unsupervised process it is
      String label = self.label() == null ? "http_server" : self.label() + "/http_server";
      Pid pid = self.spawnLink(new HttpServer(), label);
      if (!self.node().register("http_server", pid)) {
        // Process.register raises: the name still belongs to the HTTP server that runs (the EXIT
        // came from someone else, Process.exit(kick_starter, :kaboom) from iex)
        return null;
      }
      return pid;
    }

    /**
     * {@code Process.register/2}'s ArgumentError in {@code handle_info}, as the kick starter ends:
     * its linked HTTP servers die with it and its supervisor starts a new one.
     */
    static final Term REGISTER_FAILED =
        Term.tuple(Atom.of("badarg"), Term.tuple(Atom.of("register"), Atom.of("http_server")));

    @Override
    public Result<Pid> handleCall(Object request, Pid from, Pid server) {
      return new Stop<>(noClause("Servy.KickStarter", "Servy.KickStarter", true), server);
    }

    @Override
    public Result<Pid> handleCast(Object request, Pid server) {
      return new Stop<>(noClause("Servy.KickStarter", "Servy.KickStarter", false), server);
    }

    @Override
    public Result<Pid> handleInfo(Object message, Pid server) {
      if (message instanceof ExitMessage exit) {
        self.node().print("HttpServer exited (" + elixir(exit.reason()) + ")");
        Pid next = startServer();
        return next == null ? new Stop<>(REGISTER_FAILED, server) : new NoReply<>(next);
      }
      return new NoReply<>(server);
    }
  }

  /** The HTTP server: a plain process that waits forever. */
  static final class HttpServer implements Behavior {
    @Override
    public void init(Proc self) {}

    @Override
    public void handle(Proc self, Object message) {}

    @Override
    public ProcessKind kind() {
      return ProcessKind.WORKER;
    }
  }

  /**
   * The exit reason of an Elixir GenServer whose {@code handle_call/3} has no clause for {@code
   * request}, as Elixir's gen_server exits with it: {@code {%FunctionClauseError{module: M,
   * function: :handle_call, arity: 3}, stacktrace}}, the first frame holding the arguments (the
   * request, the caller's tag {@code {pid, [:alias | ref]}}, the state) and the line of
   * conformance/iex/servy/servy.ex, then gen_server's and proc_lib's frames (OTP 25).
   */
  static Term handleCallClause(
      Proc self, String module, int line, Object request, Pid from, Term state) {
    Map<Term, Term> exception = new java.util.LinkedHashMap<>();
    exception.put(Atom.of("__struct__"), TermSyntax.moduleAtom("FunctionClauseError"));
    exception.put(Atom.of("__exception__"), Atom.TRUE);
    exception.put(Atom.of("module"), TermSyntax.moduleAtom(module));
    exception.put(Atom.of("function"), Atom.of("handle_call"));
    exception.put(Atom.of("arity"), new IntTerm(3));
    exception.put(Atom.of("kind"), Atom.of("nil"));
    exception.put(Atom.of("args"), Atom.of("nil"));
    exception.put(Atom.of("clauses"), Atom.of("nil"));
    Term tag =
        Term.tuple(
            from,
            new dev.kaboom.engine.ImproperList(List.of(Atom.of("alias")), self.node().makeRef()));
    Term msg = request instanceof Term t ? t : Atom.of(String.valueOf(request));
    List<Term> stack =
        List.of(
            Term.tuple(
                TermSyntax.moduleAtom(module),
                Atom.of("handle_call"),
                Term.list(List.of(msg, tag, state)),
                location("conformance/iex/servy/servy.ex", line)),
            frame("gen_server", "try_handle_call", 4, "gen_server.erl", 1149),
            frame("gen_server", "handle_msg", 6, "gen_server.erl", 1178),
            frame("proc_lib", "init_p_do_apply", 3, "proc_lib.erl", 240));
    return Term.tuple(new MapTerm(exception), Term.list(stack));
  }

  /**
   * The exit reason of a server whose module defines no {@code handle_call/3} ({@code call}) or no
   * {@code handle_cast/2}: {@code use GenServer}'s default raises {@code RuntimeError} ("attempted
   * to call GenServer :pledge_server but no handle_call/3 clause was provided", lib/gen_server.ex
   * of Elixir 1.14).
   */
  static Term noClause(String module, String name, boolean call) {
    Map<Term, Term> exception = new java.util.LinkedHashMap<>();
    exception.put(Atom.of("__struct__"), TermSyntax.moduleAtom("RuntimeError"));
    exception.put(Atom.of("__exception__"), Atom.TRUE);
    exception.put(
        Atom.of("message"),
        new Bin(
            "attempted to "
                + (call ? "call" : "cast")
                + " GenServer "
                + name
                + " but no "
                + (call ? "handle_call/3" : "handle_cast/2")
                + " clause was provided"));
    List<Term> stack =
        List.of(
            Term.tuple(
                TermSyntax.moduleAtom(module),
                Atom.of(call ? "handle_call" : "handle_cast"),
                new IntTerm(call ? 3 : 2),
                location("lib/gen_server.ex", call ? 787 : 832)),
            call
                ? frame("gen_server", "try_handle_call", 4, "gen_server.erl", 1149)
                : frame("gen_server", "try_dispatch", 4, "gen_server.erl", 1123),
            call
                ? frame("gen_server", "handle_msg", 6, "gen_server.erl", 1178)
                : frame("gen_server", "handle_msg", 6, "gen_server.erl", 1200),
            frame("proc_lib", "init_p_do_apply", 3, "proc_lib.erl", 240));
    return Term.tuple(new MapTerm(exception), Term.list(stack));
  }

  private static Term frame(String module, String function, int arity, String file, int line) {
    return Term.tuple(Atom.of(module), Atom.of(function), new IntTerm(arity), location(file, line));
  }

  /** {@code [file: 'gen_server.erl', line: 1149]}: the file as a charlist, as Erlang keeps it. */
  private static Term location(String file, int line) {
    List<Term> chars = new ArrayList<>();
    file.chars().forEach(c -> chars.add(new IntTerm(c)));
    return Term.list(
        List.of(
            Term.tuple(Atom.of("file"), Term.list(chars)),
            Term.tuple(Atom.of("line"), new IntTerm(line))));
  }

  /** An exit reason as Elixir's {@code inspect} writes the simple ones ({@code :kaboom}). */
  static String elixir(Term reason) {
    if (reason instanceof Atom a
        && a.isPlain()
        && !List.of("true", "false", "nil").contains(a.name())) {
      return ":" + a.name();
    }
    return reason.format();
  }
}
