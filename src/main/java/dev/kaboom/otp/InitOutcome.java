package dev.kaboom.otp;

import dev.kaboom.engine.Term;

/**
 * What a scenario worker's {@code init/1} returns on one start: {@code {ok, State}}, {@code ignore}
 * or {@code {stop, Reason}} (SPEC section 5, {@code "init"}).
 */
public sealed interface InitOutcome {
  /** {@code {ok, State}}. */
  record Ok() implements InitOutcome {}

  /** {@code ignore}: the supervisor keeps the child as not running ({@code undefined}). */
  record Ignore() implements InitOutcome {}

  /** {@code {stop, Reason}}: the start fails with {@code Reason}. */
  record Stop(Term reason) implements InitOutcome {}

  InitOutcome OK = new Ok();
  InitOutcome IGNORE = new Ignore();
}
