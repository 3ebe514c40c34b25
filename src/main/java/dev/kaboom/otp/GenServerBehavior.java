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
   * A process whose init returned {@code {stop, R}} writes proc_lib's crash report before it exits,
   * and the report asks about its linked starter item by item ({@code make_neighbour_report}: 12
   * {@code process_info} calls). Observed on OTP 25 ({@code erl +S 1}, traced): each call made
   * while the starter has signals it has not taken in yet (first the acknowledgement itself) waits
   * until the starter's turn ends ({@link Proc#processInfo}). So a supervisor that stops its other
   * children and exits while it starts kills the failed child with its own reason (the child is
   * still asking); one that goes on waiting (a restart, a {@code start_child}) lets it end with
   * {@code R}.
   */
  static final int NEIGHBOUR_REPORT_ITEMS = 12;

  private void writeCrashReportAndExit(Proc self, Term reason, int itemsLeft) {
    if (itemsLeft == 0) {
      self.die(reason);
    } else {
      self.processInfo(parent, () -> writeCrashReportAndExit(self, reason, itemsLeft - 1));
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
        writeCrashReportAndExit(self, stop.reason(), NEIGHBOUR_REPORT_ITEMS);
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

  @Override
  public ProcessKind kind() {
    return ProcessKind.WORKER;
  }
}
