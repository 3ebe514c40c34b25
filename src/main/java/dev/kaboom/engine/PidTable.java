package dev.kaboom.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A map from pids to values for per-process tables that a big tree holds thousands of: a local pid
 * ({@code node} and {@code creation} 0, as every pid of the engine) is kept as its serial in an
 * open addressing table (about 11-21 bytes an entry, against about 60 for a {@code HashMap} entry
 * and its pid), any other in a {@code HashMap}. No null keys or values ({@code put} of null
 * removes). Iteration order is unspecified; the pids it hands out are equal to, not the same as,
 * those put. Not thread-safe.
 */
public final class PidTable<V> {
  /** Serial + 1 of each slot's pid; 0: empty. */
  private int[] keys;

  private Object[] values;
  private int size;
  private HashMap<Pid, V> remote;

  /** An empty table. */
  public PidTable() {
    this(0);
  }

  /** An empty table with room for {@code expected} local pids before it grows. */
  public PidTable(int expected) {
    int cap = 8;
    while (cap * 3 < expected * 4) {
      cap <<= 1;
    }
    keys = new int[cap];
    values = new Object[cap];
  }

  private PidTable(PidTable<V> other) {
    keys = other.keys.clone();
    values = other.values.clone();
    size = other.size;
    remote = other.remote == null ? null : new HashMap<>(other.remote);
  }

  /** A copy (the values shared). */
  public PidTable<V> copy() {
    return new PidTable<>(this);
  }

  private static boolean isLocal(Pid p) {
    return p.node() == 0 && p.creation() == 0 && p.serial() >= 0 && p.serial() < Integer.MAX_VALUE;
  }

  private int home(int key) {
    int h = key * 0x9E3779B9;
    return (h ^ (h >>> 16)) & (keys.length - 1);
  }

  private int slot(int key) {
    int mask = keys.length - 1;
    int i = home(key);
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  @SuppressWarnings("unchecked")
  public V get(Pid p) {
    if (p == null) {
      return null;
    }
    if (!isLocal(p)) {
      return remote == null ? null : remote.get(p);
    }
    return (V) values[slot(p.serial() + 1)];
  }

  public boolean containsKey(Pid p) {
    return get(p) != null;
  }

  /** Maps {@code p} to {@code value} (null: removes it); returns the value it had, or null. */
  @SuppressWarnings("unchecked")
  public V put(Pid p, V value) {
    if (value == null) {
      return remove(p);
    }
    if (!isLocal(p)) {
      if (remote == null) {
        remote = new HashMap<>();
      }
      return remote.put(p, value);
    }
    int key = p.serial() + 1;
    int i = slot(key);
    V old = (V) values[i];
    if (keys[i] == 0) {
      if ((size + 1) * 4 > keys.length * 3) {
        grow();
        i = slot(key);
      }
      keys[i] = key;
      size++;
    }
    values[i] = value;
    return old;
  }

  private void grow() {
    int[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = slot(oldKeys[j]);
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  /** Removes {@code p}; returns the value it had, or null. */
  @SuppressWarnings("unchecked")
  public V remove(Pid p) {
    if (p == null) {
      return null;
    }
    if (!isLocal(p)) {
      return remote == null ? null : remote.remove(p);
    }
    int i = slot(p.serial() + 1);
    if (keys[i] == 0) {
      return null;
    }
    V old = (V) values[i];
    deleteSlot(i);
    return old;
  }

  /** Removes {@code p} if it maps to a value equal to {@code value}; true if it did. */
  public boolean remove(Pid p, Object value) {
    V v = get(p);
    if (v == null || !v.equals(value)) {
      return false;
    }
    remove(p);
    return true;
  }

  /** Linear probing's deletion: later entries of the run move back into the gap. */
  private void deleteSlot(int gap) {
    int mask = keys.length - 1;
    size--;
    int i = gap;
    while (true) {
      i = (i + 1) & mask;
      int k = keys[i];
      if (k == 0) {
        break;
      }
      int home = home(k);
      // move it if its home is not in (gap, i] (cyclically)
      boolean between = gap <= i ? (gap < home && home <= i) : (gap < home || home <= i);
      if (!between) {
        keys[gap] = k;
        values[gap] = values[i];
        gap = i;
      }
    }
    keys[gap] = 0;
    values[gap] = null;
  }

  public int size() {
    return size + (remote == null ? 0 : remote.size());
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  public void clear() {
    Arrays.fill(keys, 0);
    Arrays.fill(values, null);
    size = 0;
    remote = null;
  }

  /** Every entry, in no particular order (a local pid as {@code new Pid(serial)}). */
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<Pid, ? super V> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        action.accept(new Pid(keys[i] - 1), (V) values[i]);
      }
    }
    if (remote != null) {
      for (Map.Entry<Pid, V> e : remote.entrySet()) {
        action.accept(e.getKey(), e.getValue());
      }
    }
  }

  /** Every value, in no particular order. */
  @SuppressWarnings("unchecked")
  public void forEachValue(java.util.function.Consumer<? super V> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        action.accept((V) values[i]);
      }
    }
    if (remote != null) {
      remote.values().forEach(action);
    }
  }
}
