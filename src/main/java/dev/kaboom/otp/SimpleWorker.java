package dev.kaboom.otp;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.Term;

/**
 * The worker of scenarios and lessons: it does nothing by itself, may trap exits, takes {@code
 * stopMillis} in its {@code terminate}, and stops itself with a reason when cast {@link StopWith}.
 */
public record SimpleWorker(boolean trapExit, long stopMillis) implements GenServer<SimpleWorker> {

  /** Cast this to make the worker's callback return {@code {:stop, reason, state}}. */
  public record StopWith(Term reason) {}

  public static GenServerBehavior<SimpleWorker> behavior(boolean trapExit, long stopMillis) {
    return new GenServerBehavior<>(new SimpleWorker(trapExit, stopMillis));
  }

  @Override
  public Result<SimpleWorker> init(Proc self) {
    if (trapExit) {
      self.trapExit(true);
    }
    return new Ok<>(this);
  }

  @Override
  public Result<SimpleWorker> handleCall(Object request, Pid from, SimpleWorker state) {
    if (request instanceof StopWith s) {
      return new Stop<>(s.reason(), Atom.OK, state);
    }
    return new Reply<>(Atom.OK, state);
  }

  @Override
  public Result<SimpleWorker> handleCast(Object request, SimpleWorker state) {
    if (request instanceof StopWith s) {
      return new Stop<>(s.reason(), state);
    }
    return new NoReply<>(state);
  }

  @Override
  public long terminate(Term reason, SimpleWorker state) {
    return stopMillis;
  }
}
