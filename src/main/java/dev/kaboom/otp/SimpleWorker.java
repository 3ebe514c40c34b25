package dev.kaboom.otp;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.Term;
import java.util.List;

/**
 * The worker of scenarios and lessons: it may trap exits, takes {@code stopMillis} in its {@code
 * terminate}, and stops itself with a reason when cast {@link StopWith}. A {@link Plan} (SPEC
 * section 5) gives what its {@code init} returns on each start, and a time after which a started
 * worker ends itself (a {@code Task} that finishes).
 */
public record SimpleWorker(boolean trapExit, long stopMillis, Plan plan)
    implements GenServer<SimpleWorker> {

  /** Cast this to make the worker's callback return {@code {:stop, reason, state}}. */
  public record StopWith(Term reason) {}

  /**
   * What the worker does by itself. {@code init}: the outcome of each start, counted per path over
   * the whole run ({@link dev.kaboom.engine.Node#countStart}; the last one repeats); {@code
   * exitAfterMillis} >= 0: after each successful start it ends itself with {@code exitReason} that
   * many ms later (as {@code erlang:send_after/3} to itself, then {@code {stop, Reason, State}}).
   */
  public record Plan(List<InitOutcome> init, long exitAfterMillis, Term exitReason) {
    public static final Plan NONE = new Plan(List.of(InitOutcome.OK), -1, null);

    public Plan {
      init = init == null || init.isEmpty() ? List.of(InitOutcome.OK) : List.copyOf(init);
    }

    InitOutcome outcomeFor(Proc self) {
      if (init.size() == 1) {
        return init.get(0);
      }
      int n = self.node().countStart(self.label() == null ? "" : self.label());
      return init.get(Math.min(n, init.size() - 1));
    }
  }

  /** A worker that does not trap exits, stops at once and starts with {@code {:ok, state}}. */
  public static final SimpleWorker PLAIN = new SimpleWorker(false, 0, Plan.NONE);

  public SimpleWorker(boolean trapExit, long stopMillis) {
    this(trapExit, stopMillis, Plan.NONE);
  }

  public SimpleWorker {
    plan = plan == null ? Plan.NONE : plan;
  }

  public static GenServerBehavior<SimpleWorker> behavior(boolean trapExit, long stopMillis) {
    return new GenServerBehavior<>(new SimpleWorker(trapExit, stopMillis));
  }

  @Override
  public Result<SimpleWorker> init(Proc self) {
    InitOutcome o = plan.outcomeFor(self);
    if (o instanceof InitOutcome.Ignore) {
      return new Ignore<>();
    }
    if (o instanceof InitOutcome.Stop s) {
      return new Stop<>(s.reason(), this);
    }
    if (trapExit) {
      self.trapExit(true);
    }
    if (plan.exitAfterMillis() >= 0) {
      self.sendAfter(plan.exitAfterMillis(), new StopWith(plan.exitReason()));
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
  public Result<SimpleWorker> handleInfo(Object message, SimpleWorker state) {
    if (message instanceof StopWith s) {
      return new Stop<>(s.reason(), state);
    }
    return new NoReply<>(state);
  }

  @Override
  public long terminate(Term reason, SimpleWorker state) {
    return stopMillis;
  }
}
