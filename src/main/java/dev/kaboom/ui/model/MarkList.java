package dev.kaboom.ui.model;

import java.util.AbstractList;
import java.util.Arrays;

/**
 * The timeline's marks, one per visible event, stored as columns of primitives (event index, time,
 * kind, log lines: 17 bytes a mark, against about 40 for a list of records): a long run has
 * hundreds of thousands. {@link #get} makes the {@link MainViewModel.Mark} on demand. Appends,
 * reads and clearing (also through {@link #subList}) only.
 */
final class MarkList extends AbstractList<MainViewModel.Mark> {
  private static final MainViewModel.MarkKind[] KINDS = MainViewModel.MarkKind.values();

  private int[] eventIndex = new int[16];
  private long[] timeMillis = new long[16];
  private byte[] kind = new byte[16];
  private int[] logLines = new int[16];
  private int size;

  @Override
  public MainViewModel.Mark get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return new MainViewModel.Mark(eventIndex[i], timeMillis[i], KINDS[kind[i]], logLines[i]);
  }

  /** The event index of mark {@code i}, without making the mark. */
  int eventIndexAt(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return eventIndex[i];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean add(MainViewModel.Mark m) {
    if (size == eventIndex.length) {
      int n = size * 2;
      eventIndex = Arrays.copyOf(eventIndex, n);
      timeMillis = Arrays.copyOf(timeMillis, n);
      kind = Arrays.copyOf(kind, n);
      logLines = Arrays.copyOf(logLines, n);
    }
    eventIndex[size] = m.eventIndex();
    timeMillis[size] = m.timeMillis();
    kind[size] = (byte) m.kind().ordinal();
    logLines[size] = m.logLines();
    size++;
    modCount++;
    return true;
  }

  @Override
  protected void removeRange(int from, int to) {
    if (to != size) {
      throw new UnsupportedOperationException("marks are only dropped from the end");
    }
    size = from;
    modCount++;
  }

  @Override
  public void clear() {
    size = 0;
    modCount++;
  }
}
