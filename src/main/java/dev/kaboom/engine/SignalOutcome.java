package dev.kaboom.engine;

/** What a process does with an exit signal it receives. */
public enum SignalOutcome {
  /** The signal changes nothing (reason {@code normal}, receiver does not trap exits). */
  IGNORED,
  /** The receiver traps exits: the signal becomes an {@code {'EXIT', From, Reason}} message. */
  TRAPPED,
  /** The receiver dies with the signal's reason. */
  DIES,
  /** An untrappable {@code exit(Pid, kill)}: the receiver dies with reason {@code killed}. */
  KILLED
}
