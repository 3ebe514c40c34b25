package dev.kaboom.otp;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.ExitMessage;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.Tuple;

/**
 * proc_lib's start handshake as the starter sees it: the child's {@link Messages.Ack}, or its
 * {@code 'EXIT'} if it died before acknowledging.
 */
final class StartAck {
  private static final Atom IGNORE = Atom.of("ignore");

  /**
   * How a start went: up, ignored ({@code init} returned {@code ignore}), or failed with a reason.
   */
  record Outcome(boolean up, boolean ignored, Term reason) {}

  private StartAck() {}

  /** The message a starter waits for after spawning {@code child}. */
  static boolean matches(Object m, Pid child) {
    return (m instanceof Messages.Ack a && a.pid().equals(child))
        || (m instanceof ExitMessage e && e.from().equals(child));
  }

  /**
   * Reads a matching message; when the child is not up, its {@code 'EXIT'} is flushed from the
   * starter's mailbox (if it is already there) so it is not taken for a crash later.
   */
  static Outcome outcome(Proc starter, Object m, Pid child) {
    if (m instanceof Messages.Ack a && a.result() == Atom.OK) {
      return new Outcome(true, false, null);
    }
    starter.flush(x -> x instanceof ExitMessage e && e.from().equals(child));
    if (m instanceof Messages.Ack a) {
      if (a.result() == IGNORE) {
        return new Outcome(false, true, null);
      }
      if (a.result() instanceof Tuple t && t.size() == 2) {
        return new Outcome(false, false, t.get(1));
      }
      return new Outcome(false, false, a.result());
    }
    return new Outcome(false, false, ((ExitMessage) m).reason());
  }
}
