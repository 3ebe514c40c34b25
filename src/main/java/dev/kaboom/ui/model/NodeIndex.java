package dev.kaboom.ui.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * A tree's nodes by path, in the order they were added (a {@code LinkedHashMap<String,
 * ProcessNodeModel>} keyed by each node's own path, in about 12 bytes a node instead of about 45):
 * the nodes in an array in that order (a removed one leaves a gap until the array is compacted) and
 * an open-addressing table of their places, hashed by path. Not thread-safe.
 */
final class NodeIndex {
  /** The nodes in the order added; null: a removed one's gap. Its first {@link #end} are used. */
  private ProcessNodeModel[] order;

  private int end;
  private int size;

  /** 0: free; else a place in {@link #order} + 1. */
  private int[] slots;

  /** An empty index with room for {@code nodes} before it grows. */
  NodeIndex(int nodes) {
    order = new ProcessNodeModel[Math.max(8, nodes)];
    slots = new int[capacityFor(Math.max(8, nodes))];
  }

  private static int capacityFor(int n) {
    int cap = 16;
    while (cap * 3 < n * 4) {
      cap <<= 1;
    }
    return cap;
  }

  private static int hash(String path) {
    int h = path.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The slot of {@code path}, or of the free slot where it would go. */
  private int slot(String path) {
    int mask = slots.length - 1;
    int i = hash(path) & mask;
    for (int s = slots[i]; s != 0; s = slots[i]) {
      if (order[s - 1].path().equals(path)) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return i;
  }

  ProcessNodeModel get(String path) {
    int s = slots[slot(path)];
    return s == 0 ? null : order[s - 1];
  }

  /** Adds {@code n} under its path, last; a node already there is replaced in its place. */
  void put(ProcessNodeModel n) {
    int i = slot(n.path());
    if (slots[i] != 0) {
      order[slots[i] - 1] = n;
      return;
    }
    if (end == order.length) {
      if (size < end * 3 / 4) {
        compact(order.length);
      } else {
        compact(order.length + (order.length >> 1) + 1);
      }
      i = slot(n.path());
    }
    order[end++] = n;
    slots[i] = end;
    size++;
    if (size * 4 > slots.length * 3) {
      compact(order.length);
    }
  }

  /** Removes the node at {@code n}'s path if it is {@code n}. */
  void remove(ProcessNodeModel n) {
    int i = slot(n.path());
    if (slots[i] == 0 || order[slots[i] - 1] != n) {
      return;
    }
    order[slots[i] - 1] = null;
    size--;
    // linear probing's deletion: later entries of the run move back into the gap
    int mask = slots.length - 1;
    int gap = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      int s = slots[j];
      if (s == 0) {
        break;
      }
      int home = hash(order[s - 1].path()) & mask;
      boolean between = gap <= j ? (gap < home && home <= j) : (gap < home || home <= j);
      if (!between) {
        slots[gap] = s;
        gap = j;
      }
    }
    slots[gap] = 0;
  }

  /** Closes the gaps (the array {@code length} long) and places every node again. */
  private void compact(int length) {
    ProcessNodeModel[] next = new ProcessNodeModel[Math.max(length, size + 1)];
    int k = 0;
    for (int i = 0; i < end; i++) {
      if (order[i] != null) {
        next[k++] = order[i];
      }
    }
    order = next;
    end = k;
    slots = new int[capacityFor(Math.max(2 * (size + 1), 8))]; // room to grow again
    int mask = slots.length - 1;
    for (int p = 0; p < end; p++) {
      int i = hash(order[p].path()) & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = p + 1;
    }
  }

  int size() {
    return size;
  }

  /**
   * Makes this empty index hold {@code nodes}, in that order, whose paths are distinct (a thawed
   * checkpoint's): with {@code layout}, the table of an index made so of nodes with the same paths
   * in the same order ({@link #layout}), a copy of it; else each placed without comparing paths.
   */
  void fill(ProcessNodeModel[] nodes, int[] layout) {
    if (size != 0) {
      throw new IllegalStateException("fill an index that holds " + size);
    }
    int n = nodes.length;
    order = Arrays.copyOf(nodes, Math.max(8, n + (n >> 3)));
    end = n;
    size = n;
    if (layout != null) {
      slots = layout.clone();
      return;
    }
    slots = new int[capacityFor(Math.max(2 * (n + 1), 8))];
    int mask = slots.length - 1;
    for (int p = 0; p < n; p++) {
      int i = hash(nodes[p].path()) & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = p + 1;
    }
  }

  /** Its table, for {@link #fill} (not copied: do not change it). */
  int[] layout() {
    return slots;
  }

  /** The nodes in the order added (a copy). */
  List<ProcessNodeModel> values() {
    ProcessNodeModel[] out = new ProcessNodeModel[size];
    int k = 0;
    for (int i = 0; i < end; i++) {
      if (order[i] != null) {
        out[k++] = order[i];
      }
    }
    return Arrays.asList(out);
  }

  /**
   * The nodes in the order added, as a live view for one loop (no copy; do not change meanwhile).
   */
  Iterable<ProcessNodeModel> each() {
    if (size == end) {
      ProcessNodeModel[] o = order;
      int n = end;
      return new AbstractList<ProcessNodeModel>() {
        @Override
        public ProcessNodeModel get(int i) {
          return o[i];
        }

        @Override
        public int size() {
          return n;
        }
      };
    }
    return values();
  }
}
