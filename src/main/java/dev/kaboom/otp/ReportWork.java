package dev.kaboom.otp;

import dev.kaboom.engine.Proc;

/**
 * Writing a supervisor report is work: the logger runs its handlers in the supervisor's own process
 * ({@code ?report_error(shutdown, reached_max_restart_intensity, ...)} in OTP's {@code
 * supervisor:restart/2}, before {@code terminate/2} stops the children), so the processes that are
 * already ready run first. Modelled as one yield ({@link Proc#yieldTurn}). Observed on OTP 25: a
 * child whose init failed on that last retry ends with its own reason right after the {@code
 * give_up} line, before the supervisor stops its other children.
 */
final class ReportWork {
  private ReportWork() {}

  /** Yields once, then runs {@code then} in {@code self}. */
  static void write(Proc self, Runnable then) {
    self.yieldTurn(then);
  }
}
