package dev.kaboom.ui.model;

import java.util.Arrays;

/**
 * The highest rank among a stretch of a growing sequence of small ranks (0..127), answered in time
 * logarithmic in its length: a pyramid of maxima over blocks of 16, 256, 4,096 ... entries, kept up
 * to date as entries are appended. The timeline draws one tick per pixel column, the most telling
 * kind among the marks that fall on it: with this, drawing a run of a million marks costs a few
 * dozen reads per column instead of a pass over every mark.
 *
 * <p>Memory: about 1.07 bytes per entry. Not thread-safe (the JavaFX thread only).
 */
public final class RankPyramid {
  private static final int FAN = 16;

  /** levels[0] holds each entry's rank; levels[k][i] the maximum of block i of FAN^k entries. */
  private byte[][] levels = {new byte[64]};

  private int size;

  /** How many entries there are. */
  public int size() {
    return size;
  }

  /** Appends an entry of rank {@code rank} (0..127). */
  public void add(int rank) {
    if (rank < 0 || rank > 127) {
      throw new IllegalArgumentException("rank must be 0..127, was " + rank);
    }
    int idx = size++;
    set(0, idx, (byte) rank);
    long block = 1;
    for (int k = 1; block < size; k++) {
      block *= FAN; // level k: blocks of FAN^k entries
      if (k == levels.length) {
        // a new level: its first block is the maximum of everything so far
        levels = Arrays.copyOf(levels, k + 1);
        levels[k] = new byte[8];
        int below = (int) ((idx / (block / FAN)) + 1);
        byte m = -1;
        for (int i = 0; i < below; i++) {
          m = (byte) Math.max(m, levels[k - 1][i]);
        }
        set(k, 0, m);
        continue;
      }
      int b = (int) (idx / block);
      byte[] level = levels[k];
      if (idx % block == 0 || b >= level.length) {
        set(k, b, (byte) rank);
      } else if (rank > level[b]) {
        level[b] = (byte) rank;
      }
    }
  }

  private void set(int k, int i, byte value) {
    byte[] level = levels[k];
    if (i >= level.length) {
      level = Arrays.copyOf(level, Math.max(i + 1, level.length * 2));
      levels[k] = level;
    }
    level[i] = value;
  }

  /** Keeps the first {@code n} entries only (a run went back in time and forked). */
  public void truncate(int n) {
    if (n >= size) {
      return;
    }
    byte[] base = Arrays.copyOf(levels[0], Math.max(64, n));
    levels = new byte[][] {new byte[64]};
    size = 0;
    for (int i = 0; i < n; i++) {
      add(base[i]);
    }
  }

  /**
   * The highest rank among entries {@code from} (inclusive) to {@code to} (exclusive), clamped to
   * the entries there are; -1 if none.
   */
  public int max(int from, int to) {
    from = Math.max(0, from);
    to = Math.min(size, to);
    int best = -1;
    int k = 0;
    // walk up: the ragged ends at each level, then the whole blocks one level higher
    while (from < to) {
      byte[] level = levels[k];
      if (to - from < FAN || k + 1 >= levels.length) {
        for (int i = from; i < to; i++) {
          best = Math.max(best, level[i]);
        }
        return best;
      }
      while (from < to && from % FAN != 0) {
        best = Math.max(best, level[from++]);
      }
      while (from < to && to % FAN != 0) {
        best = Math.max(best, level[--to]);
      }
      from /= FAN;
      to /= FAN;
      k++;
    }
    return best;
  }
}
