package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.run.ByteReader;
import dev.kaboom.run.ByteWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The restart histories of a run's nodes, shared by every fold of the run (the picture's, the
 * seek's shadow, thawed checkpoints): one entry per restart (its time, the old and new pid by
 * serial, the reason and the entry before it in the same node's history), held as bytes in blocks
 * of {@value #BLOCK} entries, each field a varint difference (the time and the new serial from the
 * entry before, the old serial from the new one, the entry before as how many entries back): about
 * 9 bytes a restart (28 as columns of primitives; as objects, one per fold, about 48 each, and a
 * storm makes one every sixteen events). An entry is read by decoding its block (the last one
 * decoded is kept). A node's history is the number of its latest entry.
 *
 * <p>Two folds of the same events make the same entries: an entry is keyed by its new pid's serial
 * (a restart starts a new process), so the second fold finds the first one's entry and adds none. A
 * restart whose pids are of another node (a mirror's) is kept as its record. Not thread-safe.
 */
final class RestartLog {
  /** No history: a node that never restarted. */
  static final int NONE = -1;

  private static final int REMOTE = -2;

  /** Entries a block holds: reading one decodes at most this many. */
  static final int BLOCK = 16;

  private final ByteWriter out = new ByteWriter(1024);
  private int[] blockStart = new int[16];
  private int size;

  // the last entry appended (what the next one is written against)
  private long lastTime;
  private int lastNew;

  private final ByteWriter.Table<String> reasons = ByteWriter.Table.byEquality();

  /** By new pid serial: 1 + the entry it started (0: none yet). */
  private int[] bySerial = new int[256];

  private final Map<Integer, RestartRecord> remote = new HashMap<>();

  // the block decoded last
  private int cachedBlock = -1;
  private int cachedCount;
  private final long[] time = new long[BLOCK];
  private final int[] oldSerial = new int[BLOCK];
  private final int[] newSerial = new int[BLOCK];
  private final int[] reason = new int[BLOCK];
  private final int[] before = new int[BLOCK];

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
      if (known >= 0) {
        int k = decode(known);
        if (before[k] == previous
            && time[k] == r.timeMillis()
            && oldSerial[k] == oldS
            && java.util.Objects.equals(reasonOf(reason[k]), r.reason())) {
          return known; // the same restart, folded again
        }
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

  private String reasonOf(int code) {
    return code == 0 ? null : reasons.get(code - 1);
  }

  private int append(long t, int oldS, int newS, String why, int previous) {
    int id = size;
    if (id % BLOCK == 0) {
      int b = id / BLOCK;
      if (b == blockStart.length) {
        blockStart = Arrays.copyOf(blockStart, b + b / 2);
      }
      blockStart[b] = out.length();
      lastTime = 0;
      lastNew = 0;
    }
    out.zigzag(t - lastTime);
    out.zigzag((long) newS - lastNew);
    out.zigzag((long) oldS - newS);
    out.varint(why == null ? 0 : reasons.id(why) + 1L);
    out.varint(previous == NONE ? 0 : (long) id - previous);
    lastTime = t;
    lastNew = newS;
    if (cachedBlock == id / BLOCK) {
      cachedBlock = -1; // it grew
    }
    return size++;
  }

  /** Decodes the block of entry {@code id} (unless it is the one kept); its place in the arrays. */
  private int decode(int id) {
    int b = id / BLOCK;
    int count = Math.min(BLOCK, size - b * BLOCK);
    if (b != cachedBlock || count != cachedCount) {
      Reader r = new Reader(out.buffer(), blockStart[b]);
      long t = 0;
      long n = 0;
      for (int i = 0; i < count; i++) {
        t += r.zigzag();
        n += r.zigzag();
        time[i] = t;
        newSerial[i] = (int) n;
        oldSerial[i] = (int) (n + r.zigzag());
        reason[i] = (int) r.varint();
        long back = r.varint();
        before[i] = back == 0 ? NONE : (int) (b * BLOCK + i - back);
      }
      cachedBlock = b;
      cachedCount = count;
    }
    return id % BLOCK;
  }

  private static final class Reader extends ByteReader {
    Reader(byte[] bytes, int at) {
      super(bytes, at);
    }
  }

  private static boolean isLocal(Pid p) {
    return p.node() == 0 && p.creation() == 0 && p.serial() >= 0;
  }

  /**
   * The entry that started {@code p} (its new pid), or {@link #NONE}: what a checkpoint's node
   * history is, nearly always, so a checkpoint writes a bit for it.
   */
  int entryOf(Pid p) {
    if (p == null || !isLocal(p)) {
      return NONE;
    }
    int s = p.serial();
    return s < bySerial.length ? bySerial[s] - 1 : NONE;
  }

  /** The restart entry {@code id} stands for. */
  RestartRecord record(int id) {
    check(id);
    int k = decode(id);
    if (oldSerial[k] == REMOTE) {
      return remote.get(id);
    }
    int o = oldSerial[k];
    return new RestartRecord(
        time[k], o < 0 ? null : new Pid(o), new Pid(newSerial[k]), reasonOf(reason[k]));
  }

  /** The entry before {@code id} in its node's history, or {@link #NONE}. */
  int before(int id) {
    check(id);
    return before[decode(id)];
  }

  private void check(int id) {
    if (id < 0 || id >= size) {
      throw new IndexOutOfBoundsException("restart entry " + id + " of " + size);
    }
  }

  /** The heap it takes, about, in bytes. */
  long bytes() {
    return 256L
        + out.buffer().length
        + 4L * blockStart.length
        + 4L * bySerial.length
        + reasons.bytes()
        + 64L * remote.size();
  }
}
