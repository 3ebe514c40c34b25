package dev.kaboom.ui.model;

import dev.kaboom.run.DeflatedBytes;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * The timeline's marks, one per visible event, held as bytes (a long run has hundreds of
 * thousands): per mark its kind and the differences (zigzag varints) of its event index and log
 * line count from the mark before, in blocks of {@value #BLOCK} that start from absolute values, so
 * a mark is read by decoding at most its block (about 3.5 bytes a mark, against 17 for columns of
 * primitives and about 40 for records; the bytes are a {@link DeflatedBytes}, chunks of 16 KB
 * deflated, which takes a storm's marks to well under a byte each). A mark's time is its event's,
 * looked up when the mark is read. {@link #get} makes the {@link MainViewModel.Mark} on demand.
 * Appends, reads and dropping from the end (also through {@link #subList}) only.
 */
final class MarkList extends AbstractList<MainViewModel.Mark> {
  private static final MainViewModel.MarkKind[] KINDS = MainViewModel.MarkKind.values();
  static final int BLOCK = 16;

  private final DeflatedBytes out = new DeflatedBytes(16_384, 6);
  private int size;
  private int[] blockStart = new int[16];
  private int[] blockEvent = new int[16];
  private int[] blockLog = new int[16];
  private int lastEvent;
  private int lastLog;

  /** The virtual time of an event, by its index (a mark's time is its event's). */
  private final IntToLongFunction timeOf;

  MarkList(IntToLongFunction timeOf) {
    this.timeOf = timeOf;
  }

  @Override
  public MainViewModel.Mark get(int i) {
    long packed = find(i);
    int event = (int) (packed >>> 32);
    int rest = (int) packed;
    return new MainViewModel.Mark(event, timeOf.applyAsLong(event), KINDS[rest & 0xFF], rest >>> 8);
  }

  /** The event index of mark {@code i}, without making the mark. */
  int eventIndexAt(int i) {
    return (int) (find(i) >>> 32);
  }

  /** The kind of mark {@code i}, without making the mark (or reading its event's time). */
  MainViewModel.MarkKind kindAt(int i) {
    return KINDS[(int) find(i) & 0xFF];
  }

  /** Mark {@code i}: its event index in the high half, its log lines << 8 | its kind in the low. */
  private long find(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    int b = i / BLOCK;
    byte[] bytes = out.bytesAt(blockStart[b]);
    int at = out.offsetAt(blockStart[b]);
    int event = blockEvent[b];
    int log = blockLog[b];
    int kind = 0;
    for (int k = b * BLOCK; k <= i; k++) {
      kind = bytes[at++];
      long v = 0;
      int shift = 0;
      int x;
      do {
        x = bytes[at++];
        v |= (long) (x & 0x7F) << shift;
        shift += 7;
      } while (x < 0);
      event += (int) ((v >>> 1) ^ -(v & 1));
      v = 0;
      shift = 0;
      do {
        x = bytes[at++];
        v |= (long) (x & 0x7F) << shift;
        shift += 7;
      } while (x < 0);
      log += (int) ((v >>> 1) ^ -(v & 1));
    }
    return (long) event << 32 | ((long) log << 8 | kind) & 0xFFFFFFFFL;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean add(MainViewModel.Mark m) {
    if (size % BLOCK == 0) {
      int b = size / BLOCK;
      if (b == blockStart.length) {
        blockStart = Arrays.copyOf(blockStart, b * 2);
        blockEvent = Arrays.copyOf(blockEvent, b * 2);
        blockLog = Arrays.copyOf(blockLog, b * 2);
      }
      out.boundary();
      blockStart[b] = out.position();
      blockEvent[b] = m.eventIndex();
      blockLog[b] = m.logLines();
      lastEvent = m.eventIndex();
      lastLog = m.logLines();
    }
    out.put(m.kind().ordinal());
    out.zigzag(m.eventIndex() - lastEvent);
    out.zigzag(m.logLines() - lastLog); // the log drops its oldest lines: this can go down

    lastEvent = m.eventIndex();
    lastLog = m.logLines();
    size++;
    modCount++;
    return true;
  }

  @Override
  protected void removeRange(int from, int to) {
    if (to != size) {
      throw new UnsupportedOperationException("marks are only dropped from the end");
    }
    if (from >= size) {
      return;
    }
    if (from % BLOCK == 0) {
      out.truncate(from == 0 ? 0 : blockStart[from / BLOCK]);
    } else {
      // the bytes up to mark from, and the last values the next mark is written against
      long last = find(from - 1);
      lastEvent = (int) (last >>> 32);
      lastLog = (int) last >>> 8;
      int b = from / BLOCK;
      byte[] bytes = out.bytesAt(blockStart[b]);
      int at = out.offsetAt(blockStart[b]);
      int at0 = at;
      for (int k = b * BLOCK; k < from; k++) {
        at++; // kind
        while (bytes[at++] < 0) {}
        while (bytes[at++] < 0) {}
      }
      out.truncate(blockStart[b] + (at - at0));
    }
    size = from;
    modCount++;
  }

  /** Makes this list hold what {@code other} holds (its times still read from this one's place). */
  void copyFrom(MarkList other) {
    out.copyFrom(other.out);
    size = other.size;
    blockStart = other.blockStart.clone();
    blockEvent = other.blockEvent.clone();
    blockLog = other.blockLog.clone();
    lastEvent = other.lastEvent;
    lastLog = other.lastLog;
    modCount++;
  }

  /** A copy that reads its times from the same place. */
  MarkList copy() {
    MarkList c = new MarkList(timeOf);
    c.copyFrom(this);
    return c;
  }

  @Override
  public void clear() {
    size = 0;
    out.clear();
    modCount++;
  }
}
