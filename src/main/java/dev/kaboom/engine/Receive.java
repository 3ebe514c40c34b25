package dev.kaboom.engine;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A pending selective receive: the first message matching {@code pattern} goes to {@code
 * onMessage}; others stay in the mailbox. With a timeout, {@code onTimeout} runs if nothing matched
 * in time.
 */
final class Receive implements Runnable {
  final Predicate<Object> pattern;
  final Consumer<Object> onMessage;
  final Runnable onTimeout;
  VirtualScheduler.Timer timer;
  final long token;

  /** Its timeout signal has arrived: it fires unless a matching message came first. */
  boolean expired;

  /** The waiting process. */
  final Proc owner;

  Receive(
      Predicate<Object> pattern,
      Consumer<Object> onMessage,
      Runnable onTimeout,
      long token,
      Proc owner) {
    this.pattern = pattern;
    this.onMessage = onMessage;
    this.onTimeout = onTimeout;
    this.token = token;
    this.owner = owner;
  }

  /** The timer's action: the timeout signal goes to the owner's queue, like any other signal. */
  @Override
  public void run() {
    owner.node.timeoutFired(this);
  }
}
