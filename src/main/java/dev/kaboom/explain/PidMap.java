package dev.kaboom.explain;

import dev.kaboom.engine.Pid;
import java.util.Arrays;
import java.util.HashMap;

/**
 * A map from pids to values for what is known of every process of a long run (its spawner, its
 * kind, its label, kept after it died): a pid of this node is looked up by its serial in an array
 * (4 bytes a pid, against about 60 for a hash map's entry and its key), another node's in a map.
 * Null keys are absent; null values are not stored.
 */
final class PidMap<V> {
  private Object[] local = new Object[256];
  private final HashMap<Pid, V> remote = new HashMap<>();

  private static boolean isLocal(Pid p) {
    return p.node() == 0 && p.creation() == 0 && p.serial() >= 0;
  }

  @SuppressWarnings("unchecked")
  V get(Pid p) {
    if (p == null) {
      return null;
    }
    if (isLocal(p)) {
      int s = p.serial();
      return s < local.length ? (V) local[s] : null;
    }
    return remote.get(p);
  }

  boolean containsKey(Pid p) {
    return get(p) != null;
  }

  void put(Pid p, V value) {
    if (p == null) {
      return;
    }
    if (!isLocal(p)) {
      if (value == null) {
        remote.remove(p);
      } else {
        remote.put(p, value);
      }
      return;
    }
    int s = p.serial();
    if (s >= local.length) {
      if (value == null) {
        return;
      }
      local = Arrays.copyOf(local, Math.max(s + 1, local.length * 2));
    }
    local[s] = value;
  }
}
