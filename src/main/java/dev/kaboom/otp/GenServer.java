package dev.kaboom.otp;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.Term;

/**
 * A GenServer-like callback module: {@code init / handle_call / handle_cast / handle_info /
 * terminate}. Run it with {@link GenServerBehavior}.
 *
 * @param <S> the server's state
 */
public interface GenServer<S> {

  /** What a callback returns. */
  sealed interface Result<S> {}

  /** {@code {:ok, state}} from init. */
  record Ok<S>(S state) implements Result<S> {}

  /** {@code {:reply, reply, state}} from handle_call. */
  record Reply<S>(Term reply, S state) implements Result<S> {}

  /** {@code {:noreply, state}}. */
  record NoReply<S>(S state) implements Result<S> {}

  /** {@code {:stop, reason, state}} (with an optional reply from handle_call). */
  record Stop<S>(Term reason, Term reply, S state) implements Result<S> {
    public Stop(Term reason, S state) {
      this(reason, null, state);
    }
  }

  /** {@code :ignore} from init. */
  record Ignore<S>() implements Result<S> {}

  Result<S> init(Proc self);

  default Result<S> handleCall(Object request, Pid from, S state) {
    return new Reply<>(Term.tuple(Atom.ERROR, Atom.of("unknown_call")), state);
  }

  default Result<S> handleCast(Object request, S state) {
    return new NoReply<>(state);
  }

  default Result<S> handleInfo(Object message, S state) {
    return new NoReply<>(state);
  }

  /**
   * The state as the Elixir module keeps it, for the report iex's logger prints when the server
   * crashes ({@code State: [{"moe", 20}]}).
   */
  default Term elixirState(S state) {
    return state instanceof Term t ? t : Atom.of("nil");
  }

  /**
   * Runs when the server stops (always after {@code {:stop, ...}}; after its parent's exit signal
   * only if it traps exits). Returns how long it takes, in virtual milliseconds.
   */
  default long terminate(Term reason, S state) {
    return 0;
  }
}
