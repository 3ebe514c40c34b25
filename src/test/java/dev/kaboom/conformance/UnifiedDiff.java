package dev.kaboom.conformance;

import java.util.ArrayList;
import java.util.List;

/** A readable unified diff of two line lists (LCS based; traces are a few hundred lines). */
public final class UnifiedDiff {
  private UnifiedDiff() {}

  private record Op(char kind, String line, int a, int b) {}

  /**
   * {@code ---}/{@code +++} headers and {@code @@} hunks with {@code context} lines around changes.
   */
  public static String diff(
      String fromName, List<String> from, String toName, List<String> to, int context) {
    int n = from.size();
    int m = to.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            from.get(i).equals(to.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Op> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && from.get(i).equals(to.get(j))) {
        ops.add(new Op(' ', from.get(i), i++, j++));
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new Op('-', from.get(i), i++, j));
      } else {
        ops.add(new Op('+', to.get(j), i, j++));
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("--- ").append(fromName).append('\n');
    sb.append("+++ ").append(toName).append('\n');
    int k = 0;
    while (k < ops.size()) {
      if (ops.get(k).kind() == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - context);
      int end = k;
      // extend the hunk while changes are within 2*context of each other
      int lastChange = k;
      while (end < ops.size()) {
        if (ops.get(end).kind() != ' ') {
          lastChange = end;
        } else if (end - lastChange > 2 * context) {
          break;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + context + 1);
      int aStart = ops.get(start).a();
      int bStart = ops.get(start).b();
      int aLen = 0;
      int bLen = 0;
      for (int x = start; x < end; x++) {
        char kind = ops.get(x).kind();
        if (kind != '+') {
          aLen++;
        }
        if (kind != '-') {
          bLen++;
        }
      }
      sb.append("@@ -")
          .append(aStart + 1)
          .append(',')
          .append(aLen)
          .append(" +")
          .append(bStart + 1)
          .append(',')
          .append(bLen)
          .append(" @@\n");
      for (int x = start; x < end; x++) {
        sb.append(ops.get(x).kind()).append(ops.get(x).line()).append('\n');
      }
      k = end;
    }
    return sb.toString();
  }
}
