package dev.kaboom.otp;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.Term;
import java.util.Optional;

/** Name registration of gen processes, as OTP's {@code gen:start} / {@code gen:init_it} do it. */
final class Names {
  private Names() {}

  /** {@code {error, {already_started, Pid}}}. */
  /**
   * A child whose name is taken is not spawned ({@code gen:start} looks the name up in the caller),
   * but its {@code start_link} has already printed its line ({@code IO.puts} before {@code
   * GenServer.start_link}, as the course's servers do): print it.
   */
  static void printStartLine(Proc starter, ChildSpec spec) {
    if (spec.start().get() instanceof GenServerBehavior<?> g && g.startLine() != null) {
      starter.node().print(g.startLine());
    }
  }

  static Term alreadyStarted(Pid holder) {
    return Term.tuple(Atom.ERROR, Term.tuple(Atom.of("already_started"), holder));
  }

  /**
   * Registers {@code self} under {@code name} at the start of its init. When the name is taken,
   * tells the starter {@code {error, {already_started, Pid}}} and ends normally; returns false.
   */
  static boolean registerAtInit(Proc self, Optional<String> name, Pid starter) {
    if (name.isEmpty() || self.register(name.get())) {
      return true;
    }
    Pid holder = self.node().whereis(name.get()).orElse(self.pid());
    self.send(starter, new Messages.Ack(self.pid(), alreadyStarted(holder)));
    self.die(Atom.NORMAL);
    return false;
  }
}
