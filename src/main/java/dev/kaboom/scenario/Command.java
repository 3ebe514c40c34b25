package dev.kaboom.scenario;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Term;
import dev.kaboom.otp.SupFlags;

/**
 * Everything a user can do to a running tree, as data: no closures, so every command can be
 * recorded, saved in a run file and replayed. The scenario file's {@link Step}s, the window's
 * clicks and menus, and the console's lines all become commands, and one runner ({@link
 * Simulation#run(Command, java.util.function.Consumer)}) carries them out.
 *
 * <p>A command names its process by a {@link Target}: a tree path, a registered name, or a pid
 * (pids are deterministic, so a replay finds the same one).
 */
public sealed interface Command {

  /** The line the trace prints before the command runs, without the leading {@code "> "}. */
  String echo();

  /** Whom a command is for. */
  sealed interface Target {
    /** The live process at a tree path ({@code servy/services/sensor}), as it is now. */
    record Path(String path) implements Target {
      @Override
      public String toString() {
        return path;
      }
    }

    /** The process registered under {@code name} ({@code Process.whereis(:name)}). */
    record Name(String name) implements Target {
      @Override
      public String toString() {
        return ":" + name;
      }
    }

    /** One process by its pid. */
    record Process(Pid pid) implements Target {
      @Override
      public String toString() {
        return pid.toString();
      }
    }

    static Target path(String path) {
      return new Path(path);
    }
  }

  /** {@code Process.exit(Pid, Reason)} from a process outside the tree. */
  record Exit(Target target, Term reason) implements Command {
    @Override
    public String echo() {
      return "exit " + target + " " + name(reason);
    }
  }

  /** The worker's callback returns {@code {stop, Reason, State}}. */
  record Stop(Target target, Term reason) implements Command {
    @Override
    public String echo() {
      return "stop " + target + " " + name(reason);
    }
  }

  /** {@code supervisor:which_children/1}. */
  record WhichChildren(Target target) implements Command {
    @Override
    public String echo() {
      return "which_children " + target;
    }
  }

  /** {@code supervisor:count_children/1}. */
  record CountChildren(Target target) implements Command {
    @Override
    public String echo() {
      return "count_children " + target;
    }
  }

  /** {@code supervisor:terminate_child/2}. */
  record TerminateChild(Target target, String id) implements Command {
    @Override
    public String echo() {
      return "terminate_child " + target + " " + id;
    }
  }

  /** {@code supervisor:restart_child/2}. */
  record RestartChild(Target target, String id) implements Command {
    @Override
    public String echo() {
      return "restart_child " + target + " " + id;
    }
  }

  /** {@code supervisor:delete_child/2}. */
  record DeleteChild(Target target, String id) implements Command {
    @Override
    public String echo() {
      return "delete_child " + target + " " + id;
    }
  }

  /** {@code supervisor:start_child/2} with its child spec as data (a tree node). */
  record StartChild(Target target, TreeNode spec) implements Command {
    @Override
    public String echo() {
      return "start_child " + target + " " + spec.id();
    }
  }

  /** Kaboom's run-time flag change (strategy, intensity, period). */
  record SetFlags(Target target, SupFlags flags) implements Command {
    @Override
    public String echo() {
      return "set_flags "
          + target
          + " {"
          + flags.strategy()
          + ", "
          + flags.intensity()
          + ", "
          + flags.periodMillis()
          + "}";
    }
  }

  /** Kaboom's {@code get_flags}: {@code {Strategy, Intensity, PeriodSeconds}}. */
  record GetFlags(Target target) implements Command {
    @Override
    public String echo() {
      return "get_flags " + target;
    }
  }

  /** Lets {@code millis} of virtual time pass (a scenario's sleep, or the window's clock). */
  record Sleep(long millis) implements Command {
    public Sleep {
      if (millis < 0) {
        throw new IllegalArgumentException("sleep must be >= 0 ms: " + millis);
      }
    }

    @Override
    public String echo() {
      return "sleep " + millis;
    }
  }

  /** {@code send(Dest, Message)} from the shell. */
  record Send(Target target, Term message) implements Command {
    @Override
    public String echo() {
      return "send " + target + " " + message.format();
    }
  }

  /** {@code GenServer.call(Server, Request)} from the shell. */
  record GenServerCall(Target target, Term request) implements Command {
    @Override
    public String echo() {
      return "call " + target + " " + request.format();
    }
  }

  /** {@code GenServer.cast(Server, Request)} from the shell. */
  record GenServerCast(Target target, Term request) implements Command {
    @Override
    public String echo() {
      return "cast " + target + " " + request.format();
    }
  }

  /**
   * Starts the console's shell process (labelled {@code label}, null: {@code shell}): the window
   * starts one when a run starts; a replay starts it at the same place, so every pid after it is
   * the same. Needs a simulation with {@linkplain Simulation#setShells shells}.
   */
  record ShellStart(String label) implements Command {
    @Override
    public String echo() {
      return "shell_start" + (label == null ? "" : " " + label);
    }
  }

  /**
   * One line typed at the console ({@code iex(N)> line}), run by the shell {@link ShellStart}
   * started: what it does to the engine and what it prints come again on a replay.
   */
  record ConsoleLine(String line) implements Command {
    @Override
    public String echo() {
      return "iex " + line;
    }
  }

  /**
   * A line done another way (a click in the window's tree) shown at the console as the iex line it
   * equals, with its answer: it counts as a line (the prompt number goes up) and runs nothing.
   */
  record ConsoleEcho(String line, String answer) implements Command {
    @Override
    public String echo() {
      return "iex_echo " + line;
    }
  }

  /**
   * The console's modules become {@code world}'s ({@code file}, its scenario text {@code text}), as
   * after editing the code and {@code recompile()} in iex: what runs keeps the code it started
   * with, the next {@code start_link} uses the new modules. A lesson's step that changes its world
   * (the chapter's sensor server taking an argument) gives it, so a replay has the same modules at
   * the same place.
   */
  record Recompile(String file, String text, Scenario world) implements Command {
    @Override
    public String echo() {
      return "recompile " + file;
    }
  }

  /**
   * Whether {@code c} is something a user did that the timeline flags and a save keeps asking
   * about: not the time passing by the clock, the shell's start, a click's echo at the console, nor
   * a lesson's change of world.
   */
  static boolean isUserAction(Command c) {
    return !(c instanceof Sleep
        || c instanceof ShellStart
        || c instanceof ConsoleEcho
        || c instanceof Recompile);
  }

  /** An atom as a scenario file writes it (no quotes); any other term formatted. */
  private static String name(Term reason) {
    return reason instanceof Atom a ? a.name() : reason.format();
  }

  /** The tree path a command is for ("" when it names no path: a sleep, a name, a pid). */
  static String pathOf(Command c) {
    Target t = Simulation.targetOf(c);
    return t instanceof Target.Path p ? p.path() : "";
  }

  /** The command the scenario file's {@code step} stands for. */
  static Command of(Step step) {
    if (step instanceof Step.Exit e) {
      return new Exit(Target.path(e.path()), Simulation.reasonTerm(e.reason()));
    } else if (step instanceof Step.Stop s) {
      return new Stop(Target.path(s.path()), Simulation.reasonTerm(s.reason()));
    } else if (step instanceof Step.WhichChildren w) {
      return new WhichChildren(Target.path(w.path()));
    } else if (step instanceof Step.CountChildren c) {
      return new CountChildren(Target.path(c.path()));
    } else if (step instanceof Step.TerminateChild t) {
      return new TerminateChild(Target.path(t.path()), t.id());
    } else if (step instanceof Step.RestartChild r) {
      return new RestartChild(Target.path(r.path()), r.id());
    } else if (step instanceof Step.DeleteChild d) {
      return new DeleteChild(Target.path(d.path()), d.id());
    } else if (step instanceof Step.StartChild s) {
      return new StartChild(Target.path(s.path()), s.spec());
    } else if (step instanceof Step.Sleep s) {
      return new Sleep(s.millis());
    }
    throw new IllegalArgumentException("no command for step " + step);
  }
}
