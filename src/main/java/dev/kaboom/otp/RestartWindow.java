package dev.kaboom.otp;

/**
 * The sliding window of restart times behind a supervisor's intensity check, as OTP's {@code
 * add_restart}: a restart at {@code r} ms is still in the window at {@code n} ms iff {@code n - r
 * <= period}. A ring buffer of longs: adding and ageing out are O(1) however many restarts it
 * holds.
 */
public final class RestartWindow {
  private long[] times = new long[8];
  private int head;
  private int size;

  /** Drops restarts older than the period as of {@code nowMillis}. */
  public void ageOut(long nowMillis, long periodMillis) {
    while (size > 0 && nowMillis - times[head] > periodMillis) {
      head = (head + 1) & (times.length - 1);
      size--;
    }
  }

  /** Counts a restart at {@code nowMillis} and returns how many are in the window now. */
  public int add(long nowMillis, long periodMillis) {
    ageOut(nowMillis, periodMillis);
    if (size == times.length) {
      long[] grown = new long[times.length * 2];
      for (int i = 0; i < size; i++) {
        grown[i] = times[(head + i) & (times.length - 1)];
      }
      times = grown;
      head = 0;
    }
    times[(head + size) & (times.length - 1)] = nowMillis;
    size++;
    return size;
  }

  public int size() {
    return size;
  }

  /** How many restarts are in the window at {@code nowMillis}, without dropping any (a read). */
  public int countAt(long nowMillis, long periodMillis) {
    int n = 0;
    for (int i = size - 1; i >= 0; i--) {
      if (nowMillis - times[(head + i) & (times.length - 1)] > periodMillis) {
        break;
      }
      n++;
    }
    return n;
  }

  /**
   * The virtual time the oldest restart still in the window at {@code nowMillis} ages out (the
   * first millisecond it is no longer counted), or {@code Long.MAX_VALUE} when none is.
   */
  public long oldestAgesOutAt(long nowMillis, long periodMillis) {
    for (int i = 0; i < size; i++) {
      long t = times[(head + i) & (times.length - 1)];
      if (nowMillis - t <= periodMillis) {
        return t + periodMillis + 1;
      }
    }
    return Long.MAX_VALUE;
  }

  /** The restart times in the window, oldest first. */
  public long[] toArray() {
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = times[(head + i) & (times.length - 1)];
    }
    return out;
  }
}
