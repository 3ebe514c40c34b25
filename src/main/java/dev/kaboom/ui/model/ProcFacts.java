package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Ref;
import java.util.Arrays;
import java.util.List;

/**
 * What the inspector shows of one live process, folded from its events: {@code trap_exit} ({@code
 * TrapExitChanged}), links ({@code Linked}, {@code Unlinked}, a link exit signal arriving),
 * monitors it holds ({@code Monitored}, {@code Demonitored}, a {@code DOWN} sent to it) and its
 * mailbox length ({@code MessageSent} and trapped exit signals add one, {@code MessageReceived}
 * takes one).
 *
 * <p>Memory: two folds of a 2,000-process tree hold one of these per process each. Links (a set in
 * the order made) are null, one {@link Pid}, or an array; monitors (ref to target, in the order
 * made) an array of pairs made on the first monitor: about 40 bytes for a worker with one link, not
 * the 300 two linked hash collections took.
 */
final class ProcFacts {
  boolean trapExit;
  int mailbox;

  /** null (none), one {@link Pid}, or a {@code Pid[]} holding {@link #linkCount} of them. */
  private Object links;

  private int linkCount;

  /** null, or ref and target pairs: {@code monitors[2i]} a {@link Ref}, {@code [2i+1]} a pid. */
  private Object[] monitors;

  private int monitorCount;

  /** The tree that may change these (its epoch); any other tree copies them first. */
  Object epoch;

  ProcFacts copy() {
    ProcFacts c = new ProcFacts();
    c.trapExit = trapExit;
    c.links = links instanceof Pid[] a ? Arrays.copyOf(a, Math.max(2, linkCount)) : links;
    c.linkCount = linkCount;
    c.monitors = monitors == null ? null : Arrays.copyOf(monitors, 2 * Math.max(1, monitorCount));
    c.monitorCount = monitorCount;
    c.mailbox = mailbox;
    return c;
  }

  // ---- links: a set in the order the links were made ----

  int linkCount() {
    return linkCount;
  }

  /** The {@code i}-th link, oldest first. */
  Pid link(int i) {
    if (i < 0 || i >= linkCount) {
      throw new IndexOutOfBoundsException(i);
    }
    return links instanceof Pid p ? p : ((Pid[]) links)[i];
  }

  /** The links, oldest first. */
  List<Pid> links() {
    if (linkCount == 0) {
      return List.of();
    }
    return links instanceof Pid p ? List.of(p) : List.of(Arrays.copyOf((Pid[]) links, linkCount));
  }

  private int indexOfLink(Pid p) {
    for (int i = 0; i < linkCount; i++) {
      if (link(i).equals(p)) {
        return i;
      }
    }
    return -1;
  }

  /** Adds a link to {@code p} (no change when it has one). */
  void addLink(Pid p) {
    if (indexOfLink(p) >= 0) {
      return;
    }
    if (linkCount == 0) {
      links = p;
    } else {
      Pid[] a = links instanceof Pid one ? new Pid[] {one, null} : (Pid[]) links;
      if (linkCount == a.length) {
        a = Arrays.copyOf(a, linkCount + (linkCount >> 1) + 1);
      }
      a[linkCount] = p;
      links = a;
    }
    linkCount++;
  }

  /**
   * Makes its links the first {@code n} of {@code pids}, oldest first, which are distinct (a thawed
   * checkpoint's: no look-up each, a supervisor has one link a child).
   */
  void setLinks(Pid[] pids, int n) {
    linkCount = n;
    links = n == 0 ? null : n == 1 ? pids[0] : Arrays.copyOf(pids, n);
  }

  /** Removes the link to {@code p}, keeping the others' order. */
  void removeLink(Pid p) {
    int i = indexOfLink(p);
    if (i < 0) {
      return;
    }
    linkCount--;
    if (links instanceof Pid) {
      links = null;
    } else {
      Pid[] a = (Pid[]) links;
      System.arraycopy(a, i + 1, a, i, linkCount - i);
      a[linkCount] = null;
      if (linkCount == 0) {
        links = null;
      }
    }
  }

  // ---- monitors it holds: ref -> target, in the order they were made ----

  int monitorCount() {
    return monitorCount;
  }

  Ref monitorRef(int i) {
    return (Ref) monitors[2 * i];
  }

  Pid monitorTarget(int i) {
    return (Pid) monitors[2 * i + 1];
  }

  /** The targets of its monitors, oldest first. */
  List<Pid> monitorTargets() {
    if (monitorCount == 0) {
      return List.of();
    }
    Pid[] out = new Pid[monitorCount];
    for (int i = 0; i < monitorCount; i++) {
      out[i] = monitorTarget(i);
    }
    return List.of(out);
  }

  private int indexOfMonitor(Ref ref) {
    for (int i = 0; i < monitorCount; i++) {
      if (monitors[2 * i].equals(ref)) {
        return i;
      }
    }
    return -1;
  }

  /** Records monitor {@code ref} on {@code target} (a known ref keeps its place). */
  void putMonitor(Ref ref, Pid target) {
    int i = indexOfMonitor(ref);
    if (i >= 0) {
      monitors[2 * i + 1] = target;
      return;
    }
    if (monitors == null) {
      monitors = new Object[2];
    } else if (2 * monitorCount == monitors.length) {
      monitors = Arrays.copyOf(monitors, 2 * (monitorCount + (monitorCount >> 1) + 1));
    }
    monitors[2 * monitorCount] = ref;
    monitors[2 * monitorCount + 1] = target;
    monitorCount++;
  }

  /** Forgets monitor {@code ref} (it fired or was taken off). */
  void removeMonitor(Ref ref) {
    int i = indexOfMonitor(ref);
    if (i < 0) {
      return;
    }
    monitorCount--;
    System.arraycopy(monitors, 2 * i + 2, monitors, 2 * i, 2 * (monitorCount - i));
    monitors[2 * monitorCount] = null;
    monitors[2 * monitorCount + 1] = null;
    if (monitorCount == 0) {
      monitors = null;
    }
  }
}
