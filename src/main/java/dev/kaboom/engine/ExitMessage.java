package dev.kaboom.engine;

/**
 * The message {@code {'EXIT', From, Reason}} a process that traps exits gets for an exit signal.
 */
public record ExitMessage(Pid from, Term reason) {
  public Term asTerm() {
    return Term.tuple(Atom.EXIT, from, reason);
  }
}
