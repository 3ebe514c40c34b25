package dev.kaboom.ui.model;

import java.util.Arrays;

/**
 * A restart window's times (virtual ms), oldest first, never decreasing: how many are still in the
 * window is a binary search, not a walk (a supervisor of a storm holds thousands, and time moves
 * hundreds of times a second). Most nodes hold none and share an empty array.
 */
final class TimeList {
  private static final long[] EMPTY = {};
  private long[] times = EMPTY;
  private int head;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The {@code i}-th time, oldest first. */
  long get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return times[head + i];
  }

  void addLast(long t) {
    if (head + size == times.length) {
      if (head > 0 && size < times.length / 2) {
        System.arraycopy(times, head, times, 0, size); // room left by the oldest that went
      } else {
        times = Arrays.copyOfRange(times, head, head + Math.max(4, size * 2));
      }
      head = 0;
    }
    times[head + size++] = t;
  }

  void pollFirst() {
    if (size > 0) {
      head++;
      size--;
      if (size == 0) {
        head = 0;
      }
    }
  }

  void clear() {
    head = 0;
    size = 0;
  }

  void addAll(TimeList other) {
    for (int i = 0; i < other.size; i++) {
      addLast(other.get(i));
    }
  }

  /** How many of the times are at least {@code min} (the newest ones). */
  int countAtLeast(long min) {
    int lo = head;
    int hi = head + size; // first index with times[i] >= min
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < min) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return head + size - lo;
  }
}
