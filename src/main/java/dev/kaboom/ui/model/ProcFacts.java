package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Ref;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;

/**
 * What the inspector shows of one live process, folded from its events: {@code trap_exit} ({@code
 * TrapExitChanged}), links ({@code Linked}, {@code Unlinked}, a link exit signal arriving),
 * monitors it holds ({@code Monitored}, {@code Demonitored}, a {@code DOWN} sent to it) and its
 * mailbox length ({@code MessageSent} and trapped exit signals add one, {@code MessageReceived}
 * takes one).
 */
final class ProcFacts {
  boolean trapExit;
  final LinkedHashSet<Pid> links = new LinkedHashSet<>(4);
  final LinkedHashMap<Ref, Pid> monitors = new LinkedHashMap<>(4);
  int mailbox;

  /** The tree that may change these (its epoch); any other tree copies them first. */
  Object epoch;

  ProcFacts copy() {
    ProcFacts c = new ProcFacts();
    c.trapExit = trapExit;
    c.links.addAll(links);
    c.monitors.putAll(monitors);
    c.mailbox = mailbox;
    return c;
  }
}
