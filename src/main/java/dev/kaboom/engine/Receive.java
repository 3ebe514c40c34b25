package dev.kaboom.engine;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A pending selective receive: the first message matching {@code pattern} goes to {@code onMessage};
 * others stay in the mailbox. With a timeout, {@code onTimeout} runs if nothing matched in time.
 */
final class Receive {
  final Predicate<Object> pattern;
  final Consumer<Object> onMessage;
  final Runnable onTimeout;
  VirtualScheduler.Timer timer;
  final long token;
  /** Its timeout signal has arrived: it fires unless a matching message came first. */
  boolean expired;

  Receive(Predicate<Object> pattern, Consumer<Object> onMessage, Runnable onTimeout, long token) {
    this.pattern = pattern;
    this.onMessage = onMessage;
    this.onTimeout = onTimeout;
    this.token = token;
  }
}
