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

  /**
   * The line its {@code start_link} prints before starting it ({@code IO.puts "Starting the
   * services supervisor..."}), printed even when the name is taken; null for none.
   */
  public GenServerBehavior<S> printingOnStart(String line) {
    this.startLine = line;
    return this;
  }

  /**
   * How many turns of work (each {@code VirtualScheduler.WORK_MICROS_PER_TURN}) a process whose
   * init failed spends on its crash report before it exits. Fitted to OTP 25's orders: more than
   * its starter needs to stop one other child and exit (3 turns), fewer than a supervisor needs for
   * two more failed restart attempts.
   */
  static final int CRASH_REPORT_TURNS = 3;

  private enum CrashReportWork {
    INSTANCE
  }

  private Term dyingWith;
  private int crashReportTurns;

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
        // exit(Reason) in proc_lib: the crash report is written first, in this process, and that
        // is work (observed on OTP 25: the starter has meanwhile stopped its other children and
        // exited, and this process dies of its starter's exit signal instead)
        dyingWith = stop.reason();
        crashReportTurns = CRASH_REPORT_TURNS;
        self.send(self.pid(), CrashReportWork.INSTANCE);
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
    if (dyingWith != null) {
      // writing the crash report: one turn of work per message to itself, then exit
      if (message == CrashReportWork.INSTANCE) {
        if (--crashReportTurns <= 0) {
          self.die(dyingWith);
        } else {
          self.send(self.pid(), CrashReportWork.INSTANCE);
        }
      }
      return;
    }
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
