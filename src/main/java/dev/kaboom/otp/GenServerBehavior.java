package dev.kaboom.otp;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Behavior;
import dev.kaboom.engine.ExitMessage;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.ProcessKind;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Term;

/**
 * Runs a {@link GenServer} module as a process, the way {@code gen_server} does: acknowledges its
 * start to its starter, dispatches calls, casts and other messages, stops on {@code {:stop, ...}},
 * and when it traps exits treats an {@code 'EXIT'} from its parent as an order to terminate.
 */
public final class GenServerBehavior<S> implements Behavior {
  private final GenServer<S> module;
  private final java.util.Optional<String> name;
  private S state;
  private Pid parent;

  public GenServerBehavior(GenServer<S> module) {
    this(module, java.util.Optional.empty());
  }

  /** A server that registers {@code name} as it starts ({@code start_link({local, Name}, ...)}). */
  public GenServerBehavior(GenServer<S> module, java.util.Optional<String> name) {
    this.module = module;
    this.name = name;
  }

  public GenServer<S> module() {
    return module;
  }

  public S state() {
    return state;
  }

  private String startLine;

  /** The line its {@code start_link} prints, or null. */
  String startLine() {
    return startLine;
  }

  /**
   * The line its {@code start_link} prints before starting it ({@code IO.puts "Starting the
   * services supervisor..."}), printed even when the name is taken; null for none.
   */
  public GenServerBehavior<S> printingOnStart(String line) {
    this.startLine = line;
    return this;
  }

  /**
   * A process whose init returned {@code {stop, R}} acknowledges its starter, then writes
   * proc_lib's crash report before it exits (OTP 25 {@code gen_server:init_it/6}: {@code
   * proc_lib:init_ack(Starter, {error, R}), exit(R)}; {@code proc_lib:exit_p/3} → {@code
   * crash_report/4}). The report's {@code linked_info/1} asks each linked process whether it traps
   * exits ({@code neighbours/1} → {@code adjacents/1} → {@code no_trap/1}: one {@code
   * process_info(Starter, trap_exit)}), and only a linked process that does not trap exits gets a
   * neighbour report ({@code process_info(P, links)} in {@code visit/2}, then {@code
   * make_neighbour_report/1}: 12 items). A supervisor traps exits, so its failed child asks it one
   * question. Each question made while the starter has signals it has not taken in yet (first the
   * acknowledgement itself) waits for the starter's turn ({@link Proc#processInfo}; traced with
   * {@code dbg} on OTP 25, {@code erl +S 1}: the child is scheduled out in {@code
   * erts_internal:await_result/1} and ends when it runs again). So a supervisor that stops its
   * other children and exits while it starts kills the failed child with its own reason (the child
   * is still asking); one that goes on (a restart, a {@code start_child}) lets it end with {@code
   * R}. Only the questions to the starter are modelled (a non-trapping starter's own links are
   * asked about too).
   */
  static final int NEIGHBOUR_REPORT_ITEMS = 12;

  private void writeCrashReportAndExit(Proc self, Term reason) {
    self.processInfo(
        parent,
        () -> {
          // no_trap/1: a starter that traps exits (or is gone: process_info gives undefined) is
          // no neighbour; one that does not is asked about its links, then reported on
          boolean neighbour =
              self.node().process(parent).map(p -> p.isAlive() && !p.trapsExits()).orElse(false);
          if (neighbour) {
            askStarter(self, reason, 1 + NEIGHBOUR_REPORT_ITEMS);
          } else {
            self.die(reason);
          }
        });
  }

  private void askStarter(Proc self, Term reason, int itemsLeft) {
    if (itemsLeft == 0) {
      self.die(reason);
    } else {
      self.processInfo(parent, () -> askStarter(self, reason, itemsLeft - 1));
    }
  }

  @Override
  public boolean preInit(Proc self) {
    if (startLine != null) {
      self.node().print(startLine); // IO.puts in start_link, before gen:start registers the name
    }
    return Names.registerAtInit(self, name, self.spawner());
  }

  @Override
  public void init(Proc self) {
    parent = self.spawner();
    GenServer.Result<S> r = module.init(self);
    if (r instanceof GenServer.Ok<S> ok) {
      state = ok.state();
      self.send(parent, new Messages.Ack(self.pid(), Atom.OK));
    } else if (r instanceof GenServer.Stop<S> stop) {
      self.node()
          .emit(
              new dev.kaboom.engine.TraceEvent.InitRefused(
                  self.nowMillis(),
                  self.pid(),
                  self.label(),
                  Term.tuple(Atom.of("stop"), stop.reason())));
      self.send(parent, new Messages.Ack(self.pid(), Term.tuple(Atom.ERROR, stop.reason())));
      if (RestartType.isNormalExit(stop.reason())) {
        self.die(stop.reason());
      } else {
        // exit(Reason) in proc_lib: the crash report is written first
        writeCrashReportAndExit(self, stop.reason());
      }
    } else {
      self.node()
          .emit(
              new dev.kaboom.engine.TraceEvent.InitRefused(
                  self.nowMillis(), self.pid(), self.label(), Atom.of("ignore")));
      self.send(parent, new Messages.Ack(self.pid(), Atom.of("ignore")));
      self.die(Atom.NORMAL);
    }
  }

  @Override
  public void handle(Proc self, Object message) {
    if (message instanceof Messages.Call call) {
      GenServer.Result<S> r = module.handleCall(call.request(), call.from(), state);
      if (r instanceof GenServer.Reply<S> reply) {
        state = reply.state();
        self.send(call.from(), new Messages.Reply(call.ref(), reply.reply()));
      } else if (r instanceof GenServer.Stop<S> stop && stop.reply() != null) {
        self.send(call.from(), new Messages.Reply(call.ref(), stop.reply()));
      }
      after(self, r);
    } else if (message instanceof Messages.Cast cast) {
      after(self, module.handleCast(cast.request(), state));
    } else if (message instanceof Messages.SysTerminate stop) {
      terminate(self, stop.reason());
    } else if (message instanceof ExitMessage exit && exit.from().equals(parent)) {
      terminate(self, exit.reason());
    } else {
      after(self, module.handleInfo(message, state));
    }
  }

  private void after(Proc self, GenServer.Result<S> r) {
    if (r instanceof GenServer.NoReply<S> nr) {
      state = nr.state();
    } else if (r instanceof GenServer.Stop<S> stop) {
      state = stop.state();
      terminate(self, stop.reason());
    }
  }

  private void terminate(Proc self, Term reason) {
    long millis = module.terminate(reason, state);
    if (millis > 0) {
      self.sleep(millis, () -> self.die(reason));
    } else {
      self.die(reason);
    }
  }

  /** The server's state as its Elixir module keeps it ({@link GenServer#elixirState}). */
  public Term elixirState() {
    return module.elixirState(state);
  }

  @Override
  public ProcessKind kind() {
    return ProcessKind.WORKER;
  }
}
