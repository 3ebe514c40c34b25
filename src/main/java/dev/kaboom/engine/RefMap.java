package dev.kaboom.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A process's monitors (ref -> pid), in the order they were set up. Almost always it holds at most
 * one at a time (a supervisor stopping its children one by one, a call waiting for its reply), so
 * that one is kept in two fields; a map is made only once two are held at the same time.
 */
final class RefMap {
  Ref ref1;
  Pid pid1;
  LinkedHashMap<Ref, Pid> many;

  void put(Ref ref, Pid pid) {
    if (many != null) {
      many.put(ref, pid);
    } else if (ref1 == null || ref1.equals(ref)) {
      ref1 = ref;
      pid1 = pid;
    } else {
      many = new LinkedHashMap<>(8);
      many.put(ref1, pid1);
      many.put(ref, pid);
      ref1 = null;
      pid1 = null;
    }
  }

  Pid remove(Ref ref) {
    if (many != null) {
      return many.remove(ref);
    }
    if (ref1 != null && ref1.equals(ref)) {
      Pid p = pid1;
      ref1 = null;
      pid1 = null;
      return p;
    }
    return null;
  }

  boolean isEmpty() {
    return many != null ? many.isEmpty() : ref1 == null;
  }

  /** The pids, in the order their monitors were set up. */
  List<Pid> values() {
    if (many != null) {
      return new ArrayList<>(many.values());
    }
    List<Pid> out = new ArrayList<>(1);
    if (ref1 != null) {
      out.add(pid1);
    }
    return out;
  }

  /** The entries, in the order they were set up (a copy when there are several). */
  List<Map.Entry<Ref, Pid>> entries() {
    if (many != null) {
      return new ArrayList<>(many.entrySet());
    }
    return ref1 == null ? List.of() : List.of(Map.entry(ref1, pid1));
  }
}
