package dev.kaboom.engine;

/**
 * The Erlang reference manual's table "Receiving Exit Signals", in one place.
 *
 * <p>THE RULES, row by row:
 *
 * <ol>
 *   <li>{@code kill} sent with {@code exit/2} is untrappable: the receiver dies with {@code
 *       killed}.
 *   <li>Otherwise a receiver that traps exits gets {@code {'EXIT', From, Reason}} as a message
 *       (also for {@code normal}, and for a {@code kill} that came through a link).
 *   <li>Otherwise {@code normal} is ignored, unless a process sent it to itself.
 *   <li>Otherwise the receiver dies with the reason (a {@code kill} that came through a link kills
 *       with reason {@code kill}: only {@code exit/2} makes it untrappable).
 * </ol>
 */
public final class ExitRules {
  private ExitRules() {}

  /**
   * Decides what happens to a receiver of an exit signal.
   *
   * @param reason the signal's reason
   * @param viaLink true when the signal comes from a linked process that ended, false for {@code
   *     exit/2}
   * @param trapsExits whether the receiver traps exits
   * @param fromSelf whether the receiver sent the signal to itself
   */
  public static SignalOutcome decide(
      Term reason, boolean viaLink, boolean trapsExits, boolean fromSelf) {
    if (reason == Atom.KILL && !viaLink) {
      return SignalOutcome.KILLED;
    }
    if (trapsExits) {
      return SignalOutcome.TRAPPED;
    }
    if (reason == Atom.NORMAL) {
      return fromSelf && !viaLink ? SignalOutcome.DIES : SignalOutcome.IGNORED;
    }
    return SignalOutcome.DIES;
  }

  /** The reason a receiver dies with, for the outcomes that kill it. */
  public static Term deathReason(SignalOutcome outcome, Term reason) {
    return outcome == SignalOutcome.KILLED ? Atom.KILLED : reason;
  }
}
