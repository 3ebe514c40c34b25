package dev.kaboom.engine;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One simulated process: its pid, mailbox, links, monitors and flags, and the API its {@link
 * Behavior} uses (the BIFs: send, exit, spawn_link, link, monitor, process_flag(trap_exit),
 * receive).
 *
 * <p>Memory matters (a million of these must fit): queues, link sets and monitor tables are
 * allocated only when first needed, and a single link is held without a set.
 */
public final class Proc {
  final Node node;
  final Pid pid;
  Behavior behavior;
  String label;
  final Pid spawner;
  boolean alive = true;
  boolean trapExit;
  boolean queued;

  /** Spawned, its init not run yet (the init comes before any signal). */
  boolean initPending;

  /** Signals not yet handled, in arrival order. */
  ArrayDeque<Object> inbox;

  /** Messages taken in but not yet received (a selective receive may skip some). */
  MessageQueue mailbox;

  Receive receive;

  /** null, one {@link Pid}, or a {@code LinkedHashSet<Pid>}. */
  Object links;

  /** Monitors on this process: ref -> watcher. */
  RefMap monitoredBy;

  /** Monitors this process holds: ref -> target. */
  RefMap monitors;

  String registeredName;
  Term exitReason;

  /** process_info requests taken in this turn, answered when it ends (or null). */
  List<Node.InfoRequest> infoRequests;

  /** Set by {@link #yieldTurn}: delivered to itself when this turn ends. */
  Node.TimeoutSignal yieldSignal;

  /** Its pending {@link #sendAfter} timer (cancelled when it dies), or null. */
  VirtualScheduler.Timer sendAfter;

  Proc(Node node, Pid pid, Behavior behavior, String label, Pid spawner) {
    this.node = node;
    this.pid = pid;
    this.behavior = behavior;
    this.label = label;
    this.spawner = spawner;
  }

  public Pid pid() {
    return pid;
  }

  public Node node() {
    return node;
  }

  public long nowMillis() {
    return node.scheduler().nowMillis();
  }

  /** The node's path or name for this process (e.g. {@code servy/services/sensor}); may be null. */
  public String label() {
    return label;
  }

  public Pid spawner() {
    return spawner;
  }

  public boolean isAlive() {
    return alive;
  }

  /** True once its {@code init} has run (its {@code Started} event was emitted). */
  public boolean hasStarted() {
    return !initPending;
  }

  public boolean trapsExits() {
    return trapExit;
  }

  public Behavior behavior() {
    return behavior;
  }

  // ---- BIFs ----

  /** {@code process_flag(trap_exit, On)}. */
  public void trapExit(boolean on) {
    if (trapExit != on) {
      trapExit = on;
      node.emitTrapExit(pid, on);
    }
  }

  /** {@code Pid ! Message}. */
  public void send(Pid to, Object message) {
    node.send(pid, to, message);
  }

  /** {@code exit(Pid, Reason)}. */
  public void exit(Pid to, Term reason) {
    node.exit(pid, to, reason);
  }

  /** Ends this process now with {@code reason} (returning from its code with that reason). */
  public void die(Term reason) {
    node.die(this, reason);
  }

  public Pid spawn(Behavior behavior, String label) {
    return node.spawn(pid, behavior, label, false);
  }

  public Pid spawnLink(Behavior behavior, String label) {
    return node.spawn(pid, behavior, label, true);
  }

  public void link(Pid other) {
    node.link(this, other);
  }

  public void unlink(Pid other) {
    node.unlink(this, other);
  }

  public Ref monitor(Pid target) {
    return node.monitor(this, target);
  }

  public void demonitor(Ref ref) {
    node.demonitor(this, ref);
  }

  /**
   * {@code erlang:send_after(Millis, self(), Message)}: the message arrives {@code millis} from
   * now, unless the process has died by then (its timer goes with it; one such timer at a time).
   */
  public void sendAfter(long millis, Object message) {
    if (sendAfter != null) {
      sendAfter.cancel();
    }
    sendAfter =
        node.scheduler()
            .schedule(
                millis,
                () -> {
                  sendAfter = null;
                  node.send(pid, pid, message);
                });
  }

  /**
   * {@code process_info(Target, ...)}, then {@code then}: at once, or (when {@code target} has
   * signals it has not taken in yet) after {@code target}'s next turn, as OTP 21+ answers it with a
   * signal. Meanwhile this process waits (signals still kill it).
   */
  public void processInfo(Pid target, Runnable then) {
    node.processInfo(this, target, then);
  }

  /**
   * Ends this turn (work that takes a whole time slice): the process goes to the back of the run
   * queue and runs {@code then} in its next turn; signals are taken in meanwhile.
   */
  public void yieldTurn(Runnable then) {
    node.yieldTurn(this, then);
  }

  public boolean register(String name) {
    return node.register(name, pid);
  }

  /**
   * Waits for the first message matching {@code pattern} (already in the mailbox or still to come);
   * other messages stay queued for later. Returns at once; {@code onMessage} runs when it matches.
   */
  public void receive(Predicate<Object> pattern, Consumer<Object> onMessage) {
    node.setReceive(this, pattern, onMessage, -1, null);
  }

  /** {@code receive ... after Millis -> ... end}. */
  public void receive(
      Predicate<Object> pattern,
      Consumer<Object> onMessage,
      long timeoutMillis,
      Runnable onTimeout) {
    node.setReceive(this, pattern, onMessage, timeoutMillis, onTimeout);
  }

  /** {@code receive after Millis -> Then end}: messages wait in the mailbox meanwhile. */
  public void sleep(long millis, Runnable then) {
    node.setReceive(this, m -> false, null, millis, then);
  }

  MessageQueue mailbox() {
    if (mailbox == null) {
      mailbox = new MessageQueue();
    }
    return mailbox;
  }

  /**
   * {@code receive Pattern -> ... after 0 -> ... end} on what has already arrived: removes and
   * returns the first matching message, or null.
   */
  public Object flush(Predicate<Object> pattern) {
    if (mailbox == null) {
      return null;
    }
    Object taken = mailbox.take(pattern);
    if (taken != null && node.tracing()) {
      node.received(this, taken);
    }
    return taken;
  }

  // ---- introspection (process_info) ----

  /** Messages waiting: taken in but not received, plus still in transit. */
  public int mailboxLength() {
    int n = mailbox == null ? 0 : mailbox.size();
    if (inbox != null) {
      for (Object s : inbox) {
        if (!(s instanceof Node.Control)) {
          n++;
        }
      }
    }
    return n;
  }

  public List<Pid> links() {
    if (links == null) {
      return List.of();
    }
    if (links instanceof Pid p) {
      return List.of(p);
    }
    @SuppressWarnings("unchecked")
    Collection<Pid> set = (Collection<Pid>) links;
    return List.copyOf(set);
  }

  /** Processes this one monitors. */
  public List<Pid> monitors() {
    return monitors == null ? List.of() : monitors.values();
  }

  /** Processes monitoring this one. */
  public List<Pid> monitoredBy() {
    return monitoredBy == null ? List.of() : monitoredBy.values();
  }

  public String registeredName() {
    return registeredName;
  }

  /** True while a selective receive is pending (the process waits for a particular message). */
  public boolean isWaiting() {
    return receive != null;
  }

  // ---- link set helpers (package-private) ----

  boolean hasLink(Pid other) {
    if (links == null) {
      return false;
    }
    if (links instanceof Pid p) {
      return p.equals(other);
    }
    return ((LinkedHashSet<?>) links).contains(other);
  }

  void addLink(Pid other) {
    if (links == null) {
      links = other;
    } else if (links instanceof Pid p) {
      if (!p.equals(other)) {
        LinkedHashSet<Pid> set = new LinkedHashSet<>();
        set.add(p);
        set.add(other);
        links = set;
      }
    } else {
      @SuppressWarnings("unchecked")
      LinkedHashSet<Pid> set = (LinkedHashSet<Pid>) links;
      set.add(other);
    }
  }

  boolean removeLink(Pid other) {
    if (links == null) {
      return false;
    }
    if (links instanceof Pid p) {
      if (p.equals(other)) {
        links = null;
        return true;
      }
      return false;
    }
    return ((LinkedHashSet<?>) links).remove(other);
  }

  @Override
  public String toString() {
    return pid + (label == null ? "" : " " + label);
  }
}
