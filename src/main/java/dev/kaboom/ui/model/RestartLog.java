package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.run.ByteWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The restart histories of a run's nodes, shared by every fold of the run (the picture's, the
 * seek's shadow, thawed checkpoints): one entry per restart (its time, the old and new pid by
 * serial, the reason and the entry before it in the same node's history), held in columns (about 24
 * bytes a restart; as objects, one per fold, they took about 48 each and a storm makes one every
 * eight events). A node's history is the number of its latest entry.
 *
 * <p>Two folds of the same events make the same entries: an entry is keyed by its new pid's serial
 * (a restart starts a new process), so the second fold finds the first one's entry and adds none. A
 * restart whose pids are of another node (a mirror's) is kept as its record. Not thread-safe.
 */
final class RestartLog {
  /** No history: a node that never restarted. */
  static final int NONE = -1;

  private static final int REMOTE = -2;

  private long[] time = new long[64];
  private int[] oldSerial = new int[64];
  private int[] newSerial = new int[64];
  private int[] reason = new int[64];
  private int[] before = new int[64];
  private int size;

  private final ByteWriter.Table<String> reasons = ByteWriter.Table.byEquality();

  /** By new pid serial: 1 + the entry it started (0: none yet). */
  private int[] bySerial = new int[256];

  private final Map<Integer, RestartRecord> remote = new HashMap<>();

  /** How many entries there are. */
  int size() {
    return size;
  }

  /** The entry for {@code r} after entry {@code previous} ({@link #NONE}: the first restart). */
  int add(RestartRecord r, int previous) {
    Pid o = r.oldPid();
    Pid n = r.newPid();
    boolean local = (o == null || isLocal(o)) && n != null && isLocal(n);
    if (local) {
      int s = n.serial();
      int known = s < bySerial.length ? bySerial[s] - 1 : -1;
      int oldS = o == null ? -1 : o.serial();
      if (known >= 0
          && before[known] == previous
          && time[known] == r.timeMillis()
          && oldSerial[known] == oldS
          && java.util.Objects.equals(reasonOf(known), r.reason())) {
        return known; // the same restart, folded again
      }
      int id = append(r.timeMillis(), oldS, s, r.reason(), previous);
      if (s >= bySerial.length) {
        bySerial = Arrays.copyOf(bySerial, Math.max(s + 1, bySerial.length + bySerial.length / 2));
      }
      bySerial[s] = id + 1;
      return id;
    }
    int id = append(r.timeMillis(), REMOTE, 0, r.reason(), previous);
    remote.put(id, r);
    return id;
  }

  private String reasonOf(int id) {
    return reason[id] == 0 ? null : reasons.get(reason[id] - 1);
  }

  private int append(long t, int oldS, int newS, String why, int previous) {
    if (size == time.length) {
      int cap = size + size / 4 + 16;
      time = Arrays.copyOf(time, cap);
      oldSerial = Arrays.copyOf(oldSerial, cap);
      newSerial = Arrays.copyOf(newSerial, cap);
      reason = Arrays.copyOf(reason, cap);
      before = Arrays.copyOf(before, cap);
    }
    time[size] = t;
    oldSerial[size] = oldS;
    newSerial[size] = newS;
    reason[size] = why == null ? 0 : reasons.id(why) + 1;
    before[size] = previous;
    return size++;
  }

  private static boolean isLocal(Pid p) {
    return p.node() == 0 && p.creation() == 0 && p.serial() >= 0;
  }

  /** The restart entry {@code id} stands for. */
  RestartRecord record(int id) {
    if (oldSerial[id] == REMOTE) {
      return remote.get(id);
    }
    int o = oldSerial[id];
    return new RestartRecord(
        time[id], o < 0 ? null : new Pid(o), new Pid(newSerial[id]), reasonOf(id));
  }

  /** The entry before {@code id} in its node's history, or {@link #NONE}. */
  int before(int id) {
    return before[id];
  }

  /** The heap it takes, about, in bytes. */
  long bytes() {
    return 128L + 28L * time.length + 4L * bySerial.length + reasons.bytes() + 64L * remote.size();
  }
}
