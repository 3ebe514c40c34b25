package dev.kaboom.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A simulated Erlang node: the process table, the registry, signal delivery and the exit-signal
 * rules, driven by one {@link VirtualScheduler}. Single-threaded and lock-free: use it from one
 * thread (the engine thread) only.
 *
 * <p>THE RULES:
 *
 * <ul>
 *   <li>A spawned process runs its {@code init} when it is first scheduled, not inside spawn.
 *   <li>Signals (messages and exit signals) go into the receiver's queue at once, in order, and are
 *       handled one per scheduler step when the receiver runs; exit signals follow {@link
 *       ExitRules}.
 *   <li>A dying process sends its reason to every link and a {@code DOWN} to every monitor, loses
 *       its registered name, and is gone from the table.
 * </ul>
 */
public final class Node {
  /** Signals that are not messages (package-private so no payload can look like one). */
  sealed interface Control permits InitSignal, ExitSignal, TimeoutSignal, InfoRequest {}

  enum InitSignal implements Control {
    INSTANCE
  }

  record ExitSignal(Pid from, Term reason, boolean viaLink) implements Control {}

  record TimeoutSignal(long token) implements Control {}

  /**
   * {@code process_info} asked by {@code from} as a signal (OTP 21+ does so when the target has
   * signals it has not taken in yet): the target answers when it takes its signals in, with a
   * {@link TimeoutSignal} carrying the asker's receive {@code token}.
   */
  record InfoRequest(Pid from, long token) implements Control {}

  private static final int FIRST_SERIAL = 100;

  private final VirtualScheduler scheduler;
  private EventSink sink;
  private Proc[] table = new Proc[1024];
  private int nextSerial = FIRST_SERIAL;
  private int liveCount;
  private long nextRef = 1;
  private long nextToken = 1;
  private final HashMap<String, Pid> registry = new HashMap<>();
  private final SplittableRandom random;
  private final long seed;

  public Node() {
    this(EventSink.NONE, 42L);
  }

  public Node(EventSink sink, long seed) {
    this.scheduler = new VirtualScheduler();
    this.sink = sink;
    this.scheduler.setSink(sink);
    this.random = new SplittableRandom(seed);
    this.seed = seed;
  }

  public VirtualScheduler scheduler() {
    return scheduler;
  }

  public long nowMillis() {
    return scheduler.nowMillis();
  }

  /** The node's seeded random source (the only randomness the engine uses). */
  public SplittableRandom random() {
    return random;
  }

  public EventSink sink() {
    return sink;
  }

  private java.util.function.Consumer<String> stdout = line -> {};

  /**
   * Where the processes' printed lines go ({@code IO.puts} of the course's servers: "Starting the
   * pledge server..."); by default nowhere. The console prints them.
   */
  public void setStdout(java.util.function.Consumer<String> stdout) {
    this.stdout = stdout == null ? line -> {} : stdout;
  }

  /** {@code IO.puts(line)} from a process. */
  public void print(String line) {
    stdout.accept(line);
    emit(new TraceEvent.Printed(scheduler.nowMillis(), line));
  }

  public void setSink(EventSink sink) {
    this.sink = sink;
    scheduler.setSink(sink);
  }

  /** Lets code outside the engine (supervisors, drivers) report events on the same stream. */
  public void emit(TraceEvent event) {
    if (sink != EventSink.NONE) {
      sink.accept(event);
    }
  }

  public boolean tracing() {
    return sink != EventSink.NONE;
  }

  // ---- process table ----

  public int processCount() {
    return liveCount;
  }

  public Optional<Proc> process(Pid pid) {
    return Optional.ofNullable(lookup(pid));
  }

  public boolean isAlive(Pid pid) {
    return lookup(pid) != null;
  }

  Proc lookup(Pid pid) {
    int i = pid.serial() - FIRST_SERIAL;
    return i >= 0 && i < table.length && pid.node() == 0 ? table[i] : null;
  }

  /** All live processes, in pid order. */
  public List<Proc> processes() {
    List<Proc> out = new ArrayList<>(liveCount);
    int n = nextSerial - FIRST_SERIAL;
    for (int i = 0; i < n; i++) {
      if (table[i] != null) {
        out.add(table[i]);
      }
    }
    return out;
  }

  /**
   * Creates a process that will run {@code behavior}; linked to {@code spawner} when {@code link}.
   * Its init runs when the scheduler gets to it.
   */
  public Pid spawn(Pid spawner, Behavior behavior, String label, boolean link) {
    Pid pid = new Pid(nextSerial++);
    int i = pid.serial() - FIRST_SERIAL;
    if (i >= table.length) {
      table = Arrays.copyOf(table, Math.max(i + 1, table.length * 2));
    }
    Proc p = new Proc(this, pid, behavior, label, spawner);
    table[i] = p;
    liveCount++;
    if (sink != EventSink.NONE) {
      sink.accept(
          new TraceEvent.Spawned(scheduler.nowMillis(), pid, spawner, label, behavior.kind()));
    }
    if (link) {
      Proc parent = lookup(spawner);
      if (parent != null) {
        parent.addLink(pid);
        p.addLink(spawner);
        if (sink != EventSink.NONE) {
          sink.accept(new TraceEvent.Linked(scheduler.nowMillis(), spawner, pid));
        }
      } else {
        // spawn_link to a dead spawner: the child gets the noproc exit signal at once
        makeReadyForInit(p);
        deliver(p, new ExitSignal(spawner, Atom.NOPROC, true));
        return pid;
      }
    }
    makeReadyForInit(p);
    return pid;
  }

  /**
   * The next process gets a pid of at least {@code serial} ({@code #PID<0.serial.0>}), as if the
   * pids below it had gone to processes that came and went: a console numbers its shell and what it
   * starts as iex does. No event; nothing happens if the pids are there already.
   */
  public void skipPidsTo(int serial) {
    nextSerial = Math.max(nextSerial, serial);
  }

  /** A process outside any tree (a scenario driver, a console shell) that hands its messages on. */
  public Pid spawnExternal(String label, boolean trapExit, Consumer<Object> onMessage) {
    Pid pid =
        spawn(
            new Pid(0),
            new Behavior() {
              @Override
              public void init(Proc self) {
                self.trapExit(trapExit);
              }

              @Override
              public void handle(Proc self, Object message) {
                onMessage.accept(message);
              }

              @Override
              public ProcessKind kind() {
                return ProcessKind.EXTERNAL;
              }
            },
            label,
            false);
    // an external process is ready at once (its init only sets a flag)
    Proc p = lookup(pid);
    p.initPending = false;
    p.trapExit = trapExit;
    return pid;
  }

  // ---- running ----

  /**
   * The init comes before every other signal, so it is a flag rather than a queued signal: a
   * process that nobody has sent anything yet needs no queue at all.
   */
  private void makeReadyForInit(Proc p) {
    p.initPending = true;
    if (!p.queued) {
      p.queued = true;
      scheduler.enqueue(p);
    }
  }

  private void deliver(Proc p, Object signal) {
    if (p.inbox == null) {
      p.inbox = new ArrayDeque<>(4);
    }
    p.inbox.addLast(signal);
    if (!p.queued) {
      p.queued = true;
      scheduler.enqueue(p);
    }
  }

  /**
   * Runs {@code p} once; called by the scheduler. As an Erlang process does when it is scheduled
   * in, it first takes in every signal that has arrived (an exit signal may kill it right there,
   * before any earlier message is handled), then runs its code on its mailbox until it has to wait.
   */
  void runOnce(Proc p) {
    p.queued = false;
    if (!p.alive) {
      return;
    }
    if (p.initPending) {
      p.initPending = false;
      if (p.behavior.preInit(p)) {
        if (sink != EventSink.NONE) {
          sink.accept(
              new TraceEvent.Started(scheduler.nowMillis(), p.pid, p.label, p.behavior.kind()));
        }
        p.behavior.init(p);
      }
    } else if (p.inbox == null) {
      return;
    }
    takeSignals(p);
    runCode(p);
    answerInfoRequests(p);
    if (p.yieldSignal != null) {
      TimeoutSignal again = p.yieldSignal;
      p.yieldSignal = null;
      if (p.alive) {
        deliver(p, again);
      }
    }
    if (p.alive && p.inbox != null && !p.inbox.isEmpty() && !p.queued) {
      p.queued = true;
      scheduler.enqueue(p);
    }
  }

  /** Moves pending signals into the mailbox, acting on exit signals and timeouts. */
  private void takeSignals(Proc p) {
    Object signal;
    while (p.alive && p.inbox != null && (signal = p.inbox.pollFirst()) != null) {
      if (signal instanceof ExitSignal e) {
        handleExitSignal(p, e);
      } else if (signal instanceof TimeoutSignal t) {
        Receive r = p.receive;
        if (r != null && r.token == t.token()) {
          r.expired = true;
        }
      } else if (signal instanceof InfoRequest q) {
        // answered when this turn ends: a running process handles such signals when it next
        // looks at its queue, not before the message its receive was waiting for
        if (p.infoRequests == null) {
          p.infoRequests = new ArrayList<>(2);
        }
        p.infoRequests.add(q);
      } else {
        p.mailbox().addLast(signal);
      }
    }
  }

  /** Runs the process's code on its mailbox until it waits for something that is not there. */
  private void runCode(Proc p) {
    while (p.alive) {
      Receive r = p.receive;
      MessageQueue box = p.mailbox;
      if (r == null) {
        if (box == null || box.isEmpty()) {
          return;
        }
        Object next = box.removeAt(0);
        if (sink != EventSink.NONE) {
          received(p, next);
        }
        p.behavior.handle(p, next);
        continue;
      }
      Object match = box == null ? null : box.take(r.pattern);
      if (match != null) {
        if (sink != EventSink.NONE) {
          received(p, match);
        }
        p.receive = null;
        if (r.timer != null) {
          r.timer.cancel();
        }
        r.onMessage.accept(match);
      } else if (r.expired) {
        p.receive = null;
        r.onTimeout.run();
      } else {
        return;
      }
    }
  }

  /** Reports that {@code p} took {@code message} out of its mailbox. */
  void received(Proc p, Object message) {
    sink.accept(new TraceEvent.MessageReceived(scheduler.nowMillis(), p.pid, message));
  }

  void setReceive(
      Proc p,
      Predicate<Object> pattern,
      Consumer<Object> onMessage,
      long timeoutMillis,
      Runnable onTimeout) {
    if (p.receive != null && p.receive.timer != null) {
      p.receive.timer.cancel();
    }
    Receive r = new Receive(pattern, onMessage, onTimeout, nextToken++, p);
    p.receive = r;
    if (timeoutMillis == 0 && onTimeout != null) {
      // `after 0` times out at once unless the mailbox already holds a match: the process does
      // not yield first, so nothing sent to it from now on can match
      r.expired = true;
    } else if (timeoutMillis > 0 && onTimeout != null) {
      r.timer = scheduler.schedule(timeoutMillis, r);
    }
  }

  /**
   * {@code process_info(Target, ...)} by {@code p} of another process, as proc_lib's crash report
   * asks about each process linked to the one that is dying: when the target has signals it has not
   * taken in yet, the request is a signal too and {@code p} waits until the target takes it in (its
   * next turn); otherwise, or when the target is gone, the answer is immediate. Then {@code then}
   * runs in {@code p}.
   */
  void processInfo(Proc p, Pid target, Runnable then) {
    Proc t = lookup(target);
    if (t == null || t == p || !hasPendingSignals(t)) {
      then.run();
      return;
    }
    setReceive(p, m -> false, null, -1, then);
    deliver(t, new InfoRequest(p.pid, p.receive.token));
  }

  /**
   * Ends {@code p}'s turn here (as a BEAM process is scheduled out when it has used up its
   * reductions): it goes to the back of the run queue and runs {@code then} in its next turn.
   * Meanwhile it waits; signals that arrive are taken in as usual (an exit signal may kill it).
   */
  void yieldTurn(Proc p, Runnable then) {
    setReceive(p, m -> false, null, -1, then);
    p.yieldSignal = new TimeoutSignal(p.receive.token);
  }

  /** Signals not taken in yet, other than timeouts (a BEAM timeout is not a signal). */
  private static boolean hasPendingSignals(Proc t) {
    if (t.inbox != null) {
      for (Object signal : t.inbox) {
        if (!(signal instanceof TimeoutSignal)) {
          return true;
        }
      }
    }
    return false;
  }

  private void answerInfoRequests(Proc p) {
    List<InfoRequest> asked = p.infoRequests;
    if (asked != null) {
      p.infoRequests = null;
      for (InfoRequest q : asked) {
        answer(q);
      }
    }
  }

  private void answer(InfoRequest q) {
    Proc asker = lookup(q.from());
    if (asker != null) {
      deliver(asker, new TimeoutSignal(q.token()));
    }
  }

  /** A receive's timer fired: its process gets the timeout signal (if it is still there). */
  void timeoutFired(Receive r) {
    Proc q = lookup(r.owner.pid);
    if (q != null) {
      deliver(q, new TimeoutSignal(r.token));
    }
  }

  // ---- signals ----

  public void send(Pid from, Pid to, Object message) {
    Proc p = lookup(to);
    if (sink != EventSink.NONE) {
      sink.accept(new TraceEvent.MessageSent(scheduler.nowMillis(), from, to, message));
    }
    if (p != null) {
      deliver(p, message);
    }
  }

  /** {@code exit(To, Reason)} sent by {@code from}. */
  public void exit(Pid from, Pid to, Term reason) {
    if (sink != EventSink.NONE) {
      sink.accept(new TraceEvent.ExitSignalSent(scheduler.nowMillis(), from, to, reason, false));
    }
    Proc p = lookup(to);
    if (p != null) {
      deliver(p, new ExitSignal(from, reason, false));
    }
  }

  private void handleExitSignal(Proc p, ExitSignal e) {
    SignalOutcome outcome =
        ExitRules.decide(e.reason(), e.viaLink(), p.trapExit, e.from().equals(p.pid));
    if (sink != EventSink.NONE) {
      sink.accept(
          new TraceEvent.ExitSignalHandled(
              scheduler.nowMillis(), p.pid, e.from(), e.reason(), e.viaLink(), outcome));
    }
    switch (outcome) {
      case IGNORED -> {}
      case TRAPPED -> p.mailbox().addLast(new ExitMessage(e.from(), e.reason()));
      case DIES, KILLED -> die(p, ExitRules.deathReason(outcome, e.reason()));
    }
  }

  void die(Proc p, Term reason) {
    if (!p.alive) {
      return;
    }
    p.alive = false;
    p.exitReason = reason;
    if (p.receive != null && p.receive.timer != null) {
      p.receive.timer.cancel();
    }
    p.receive = null;
    if (p.sendAfter != null) {
      p.sendAfter.cancel();
      p.sendAfter = null;
    }
    table[p.pid.serial() - FIRST_SERIAL] = null;
    liveCount--;
    long now = scheduler.nowMillis();
    if (sink != EventSink.NONE) {
      sink.accept(new TraceEvent.Exited(now, p.pid, p.label, reason));
    }
    if (p.registeredName != null) {
      registry.remove(p.registeredName);
      if (sink != EventSink.NONE) {
        sink.accept(new TraceEvent.Unregistered(now, p.registeredName, p.pid));
      }
    }
    Object links = p.links;
    p.links = null;
    if (links instanceof Pid other) {
      sendLinkExit(p.pid, other, reason);
    } else if (links != null) {
      @SuppressWarnings("unchecked")
      LinkedHashSet<Pid> set = (LinkedHashSet<Pid>) links;
      for (Pid other : set) {
        sendLinkExit(p.pid, other, reason);
      }
    }
    RefMap watchers = p.monitoredBy;
    if (watchers != null) {
      // deterministic order: monitors are kept in the order they were set up
      p.monitoredBy = null;
      if (watchers.many == null) {
        if (watchers.ref1 != null) {
          sendDown(p, watchers.ref1, watchers.pid1, reason);
        }
      } else {
        for (Map.Entry<Ref, Pid> m : watchers.many.entrySet()) {
          sendDown(p, m.getKey(), m.getValue(), reason);
        }
      }
    }
    RefMap targets = p.monitors;
    if (targets != null) {
      p.monitors = null;
      if (targets.many == null) {
        if (targets.ref1 != null) {
          dropMonitor(targets.ref1, targets.pid1);
        }
      } else {
        for (Map.Entry<Ref, Pid> m : targets.many.entrySet()) {
          dropMonitor(m.getKey(), m.getValue());
        }
      }
    }
    answerInfoRequests(p);
    if (p.inbox != null) {
      // process_info of a process that is gone answers at once (undefined)
      for (Object signal : p.inbox) {
        if (signal instanceof InfoRequest q) {
          answer(q);
        }
      }
    }
    p.inbox = null;
    p.mailbox = null;
  }

  private void sendDown(Proc p, Ref ref, Pid watcher, Term reason) {
    Proc w = lookup(watcher);
    if (w != null) {
      if (w.monitors != null) {
        w.monitors.remove(ref);
      }
      send(p.pid, w.pid, new Down(ref, p.pid, reason));
    }
  }

  private void dropMonitor(Ref ref, Pid target) {
    Proc t = lookup(target);
    if (t != null && t.monitoredBy != null) {
      t.monitoredBy.remove(ref);
    }
  }

  private void sendLinkExit(Pid from, Pid to, Term reason) {
    Proc q = lookup(to);
    if (q == null) {
      return;
    }
    q.removeLink(from);
    if (sink != EventSink.NONE) {
      sink.accept(new TraceEvent.ExitSignalSent(scheduler.nowMillis(), from, to, reason, true));
    }
    deliver(q, new ExitSignal(from, reason, true));
  }

  void link(Proc p, Pid other) {
    Proc q = lookup(other);
    if (q == null) {
      // link/1 to a dead process: the caller gets a noproc exit signal
      deliver(p, new ExitSignal(other, Atom.NOPROC, true));
      return;
    }
    if (p.hasLink(other)) {
      return;
    }
    p.addLink(other);
    q.addLink(p.pid);
    if (sink != EventSink.NONE) {
      sink.accept(new TraceEvent.Linked(scheduler.nowMillis(), p.pid, other));
    }
  }

  void unlink(Proc p, Pid other) {
    boolean had = p.removeLink(other);
    Proc q = lookup(other);
    if (q != null) {
      had |= q.removeLink(p.pid);
    }
    // a link exit signal from `other` still queued has no effect any more (OTP 23+ unlink)
    if (p.inbox != null) {
      for (var it = p.inbox.iterator(); it.hasNext(); ) {
        if (it.next() instanceof ExitSignal e && e.viaLink() && e.from().equals(other)) {
          it.remove();
        }
      }
    }
    if (had && sink != EventSink.NONE) {
      sink.accept(new TraceEvent.Unlinked(scheduler.nowMillis(), p.pid, other));
    }
  }

  /** A new reference ({@code make_ref()}), from the same count as the monitors'. */
  public Ref makeRef() {
    return new Ref(nextRef++);
  }

  /** The seed the node's random source started from. */
  public long seed() {
    return seed;
  }

  Ref monitor(Proc p, Pid target) {
    Ref ref = new Ref(nextRef++);
    Proc t = lookup(target);
    if (sink != EventSink.NONE) {
      sink.accept(new TraceEvent.Monitored(scheduler.nowMillis(), p.pid, target, ref));
    }
    if (t == null) {
      send(target, p.pid, new Down(ref, target, Atom.NOPROC));
      return ref;
    }
    if (t.monitoredBy == null) {
      t.monitoredBy = new RefMap();
    }
    t.monitoredBy.put(ref, p.pid);
    if (p.monitors == null) {
      p.monitors = new RefMap();
    }
    p.monitors.put(ref, target);
    return ref;
  }

  void demonitor(Proc p, Ref ref) {
    if (p.monitors == null) {
      return;
    }
    Pid target = p.monitors.remove(ref);
    if (target == null) {
      return;
    }
    Proc t = lookup(target);
    if (t != null && t.monitoredBy != null) {
      t.monitoredBy.remove(ref);
    }
    if (sink != EventSink.NONE) {
      sink.accept(new TraceEvent.Demonitored(scheduler.nowMillis(), p.pid, target, ref));
    }
  }

  void emitTrapExit(Pid pid, boolean on) {
    if (sink != EventSink.NONE) {
      sink.accept(new TraceEvent.TrapExitChanged(scheduler.nowMillis(), pid, on));
    }
  }

  /** Per-key start counters, made only for the behaviours that ask ({@link #countStart}). */
  private HashMap<String, Integer> startCounts;

  /**
   * How many times {@code key} (a process label) was counted before, then counts it once more: a
   * scenario worker's {@code init} outcome depends on how often its path has started in the run.
   */
  public int countStart(String key) {
    if (startCounts == null) {
      startCounts = new HashMap<>();
    }
    return startCounts.merge(key, 1, Integer::sum) - 1;
  }

  // ---- registry ----

  /** {@code register(Name, Pid)}: false (badarg) if the name is taken or the process is gone. */
  public boolean register(String name, Pid pid) {
    Proc p = lookup(pid);
    if (p == null || p.registeredName != null || registry.containsKey(name)) {
      return false;
    }
    registry.put(name, pid);
    p.registeredName = name;
    if (sink != EventSink.NONE) {
      sink.accept(new TraceEvent.Registered(scheduler.nowMillis(), name, pid));
    }
    return true;
  }

  public boolean unregister(String name) {
    Pid pid = registry.remove(name);
    if (pid == null) {
      return false;
    }
    Proc p = lookup(pid);
    if (p != null) {
      p.registeredName = null;
    }
    if (sink != EventSink.NONE) {
      sink.accept(new TraceEvent.Unregistered(scheduler.nowMillis(), name, pid));
    }
    return true;
  }

  public Optional<Pid> whereis(String name) {
    return Optional.ofNullable(registry.get(name));
  }

  /** Registered names, sorted. */
  public List<String> registered() {
    List<String> names = new ArrayList<>(registry.keySet());
    names.sort(null);
    return names;
  }
}
