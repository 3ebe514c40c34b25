package dev.kaboom.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical form of a supervision trace (the scenario format's "Canonical form"), the only
 * reordering two traces may differ by.
 *
 * <p>THE RULES:
 *
 * <ol>
 *   <li>Blank lines and lines starting with {@code #} are dropped; trailing whitespace is stripped.
 *   <li>When a line {@code exit S killed} appears, every descendant of S that is alive at that
 *       point (started, not yet exited) is an orphan: its next {@code exit} line is moved to right
 *       after {@code exit S killed}, grouped by the child of S whose subtree it is in (groups in
 *       lexicographic path order, lines within a group in their original order). This holds even
 *       when the orphan's line came after a step's {@code = TERM}. The orphan's own line, when a
 *       restarted S started and ended a newer process at its path first (fuzz seed 138): for a
 *       child of S the first {@code exit P killed} (it dies of S's link with S's reason), for a
 *       deeper orphan the first {@code exit P} before its orphaned parent's line; failing that, the
 *       first later {@code exit P}.
 *   <li>Runs of more than {@link #MAX_RETRY_PAIRS} identical {@code start P} / {@code exit P R}
 *       pairs are cut to that many.
 *   <li>Failed starts (applied first): at a line {@code exit S
 *       {shutdown,{failed_to_start_child,Id,R}}}, the failed child's own {@code exit S/Id ...} line
 *       (with reason R or S's reason, in the same step; an older process at that path ends
 *       otherwise) moves to right after it, written {@code exit S/Id R}: whether the child finishes
 *       its crash report before its supervisor's exit signal reaches it depends on the reductions
 *       it has used (conformance/canon.py).
 * </ol>
 */
public final class TraceCanon {
  private TraceCanon() {}

  private record Orphan(int anchor, String group) {}

  /** Longer runs of one failing start are cut to this many pairs. */
  public static final int MAX_RETRY_PAIRS = 100;

  private static List<String> cutRetryStorms(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    int i = 0;
    while (i < lines.size()) {
      String a = lines.get(i);
      String b = i + 1 < lines.size() ? lines.get(i + 1) : null;
      if (a.startsWith("start ") && b != null && b.startsWith("exit " + a.substring(6) + " ")) {
        int n = 1;
        while (i + 2 * n + 1 < lines.size()
            && lines.get(i + 2 * n).equals(a)
            && lines.get(i + 2 * n + 1).equals(b)) {
          n++;
        }
        for (int k = 0; k < Math.min(n, MAX_RETRY_PAIRS); k++) {
          out.add(a);
          out.add(b);
        }
        i += 2 * n;
      } else {
        out.add(a);
        i++;
      }
    }
    return out;
  }

  private static final Pattern FAILED_START =
      Pattern.compile("^exit (\\S+) \\{shutdown,\\{failed_to_start_child,([^,]+),(.*)\\}\\}$");

  private static final String FIXED = "\0";

  /** The path segment of a child id written as an atom: {@code 'Elixir.A.B'} is {@code A.B}. */
  private static String idSegment(String atom) {
    if (atom.length() > 1 && atom.startsWith("'") && atom.endsWith("'")) {
      atom = atom.substring(1, atom.length() - 1);
    }
    return atom.startsWith("Elixir.") ? atom.substring("Elixir.".length()) : atom;
  }

  private static List<String> failedStarts(List<String> in) {
    List<String> lines = new ArrayList<>(in);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = FAILED_START.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      String sup = m.group(1);
      String child = sup + "/" + idSegment(m.group(2));
      int lo = i;
      while (lo > 0
          && !lines.get(lo - 1).startsWith(">")
          && !lines.get(lo - 1).equals("start " + sup)) {
        lo--;
      }
      int hi = i + 1;
      while (hi < lines.size() && !lines.get(hi).startsWith(">")) {
        hi++;
      }
      String own = "exit " + child + " " + m.group(3);
      String sups = "exit " + child + " " + lines.get(i).substring(("exit " + sup + " ").length());
      for (int j = lo; j < hi; j++) {
        if (j != i && (lines.get(j).equals(own) || lines.get(j).equals(sups))) {
          lines.remove(j);
          if (j < i) {
            i--;
          }
          // marked: the killed-subtree rule neither moves this line nor counts it
          lines.add(i + 1, FIXED + own);
          break;
        }
      }
    }
    return lines;
  }

  /**
   * The index of the line that ends orphan {@code path} of the kill at {@code killAt} (rule 2), or
   * -1: for a child of the killed process the first {@code exit P killed}, for a deeper one the
   * first {@code exit P} before {@code before}; failing that, the first later {@code exit P}.
   */
  private static int orphanExit(
      List<String> lines,
      Map<Integer, Orphan> claimed,
      int killAt,
      String path,
      boolean direct,
      int before) {
    String prefix = "exit " + path + " ";
    int first = -1;
    for (int j = killAt + 1; j < lines.size(); j++) {
      if (claimed.containsKey(j) || !lines.get(j).startsWith(prefix)) {
        continue;
      }
      if (first < 0) {
        first = j;
      }
      // a child of the killed process dies of its link with reason killed, trapping or not; a
      // deeper orphan is stopped by its orphaned supervisor, which ends after it
      if (direct ? lines.get(j).equals(prefix + "killed") : j < before) {
        return j;
      }
    }
    return first;
  }

  /** The canonical form of {@code lines}. */
  public static List<String> canonical(List<String> lines) {
    List<String> cleaned = new ArrayList<>(lines.size());
    for (String raw : lines) {
      String line = raw.stripTrailing();
      if (!line.isBlank() && !line.startsWith("#")) {
        cleaned.add(line);
      }
    }
    List<String> in = failedStarts(cleaned);
    List<String> out = new ArrayList<>();
    Set<String> live = new HashSet<>();
    Map<Integer, Orphan> claimed = new HashMap<>();
    Map<Integer, TreeMap<String, List<String>>> groups = new HashMap<>();
    for (int i = 0; i < in.size(); i++) {
      String line = in.get(i);
      if (line.startsWith(FIXED)) {
        out.add(line.substring(FIXED.length()));
        continue;
      }
      String[] words = line.split(" ", -1);
      if (words[0].equals("start") && words.length == 2) {
        live.add(words[1]);
      } else if (words[0].equals("exit") && words.length >= 3) {
        String path = words[1];
        String reason = line.substring(("exit " + path + " ").length());
        Orphan orphan = claimed.remove(i);
        if (orphan != null) {
          groups
              .get(orphan.anchor())
              .computeIfAbsent(orphan.group(), k -> new ArrayList<>())
              .add(line);
          continue;
        }
        live.remove(path);
        out.add(line);
        if (reason.equals("killed")) {
          int anchor = out.size() - 1;
          String prefix = path + "/";
          groups.computeIfAbsent(anchor, k -> new TreeMap<>());
          Map<String, Integer> ends = new HashMap<>();
          for (String p : new TreeSet<>(live)) {
            if (p.startsWith(prefix)) {
              live.remove(p);
              String rest = p.substring(prefix.length());
              int slash = rest.indexOf('/');
              Integer before = ends.get(p.substring(0, p.lastIndexOf('/')));
              int j = orphanExit(in, claimed, i, p, slash < 0, before == null ? in.size() : before);
              if (j >= 0) {
                ends.put(p, j);
                claimed.put(
                    j, new Orphan(anchor, prefix + (slash < 0 ? rest : rest.substring(0, slash))));
              }
            }
          }
        }
        continue;
      }
      out.add(line);
    }
    List<String> result = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      result.add(out.get(i));
      TreeMap<String, List<String>> g = groups.get(i);
      if (g != null) {
        g.values().forEach(result::addAll);
      }
    }
    return cutRetryStorms(result);
  }
}
