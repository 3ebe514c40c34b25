package dev.kaboom.scenario;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.RandomAccess;

/**
 * The commands a simulation recorded, held compactly (a storm of clicks records hundreds of
 * thousands): each command once in a table of the distinct ones, and per entry its place (virtual
 * time, events and turns before it) as varint differences from the entry before, in blocks of
 * {@value #BLOCK} so an entry is read by decoding at most its block; about 5 bytes an entry,
 * against about 90 for the records. Appends, reads, and {@link #set} of an entry's step flag only.
 */
final class RecordedList extends AbstractList<Simulation.Recorded> implements RandomAccess {
  static final int BLOCK = 32;

  private byte[] bytes = new byte[256];
  private int length;
  private int size;
  private int[] blockStart = new int[8];
  private final BitSet steps = new BitSet();
  private final HashMap<Command, Integer> commandIds = new HashMap<>();
  private final List<Command> commands = new ArrayList<>();

  private long lastAt;
  private long lastEvents;
  private long lastTurn;

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean add(Simulation.Recorded r) {
    if (size % BLOCK == 0) {
      int b = size / BLOCK;
      if (b == blockStart.length) {
        blockStart = Arrays.copyOf(blockStart, b * 2);
      }
      blockStart[b] = length;
      lastAt = 0;
      lastEvents = 0;
      lastTurn = 0;
    }
    zigzag(r.atMillis() - lastAt);
    zigzag(r.eventIndex() - lastEvents);
    zigzag(r.turn() - lastTurn);
    lastAt = r.atMillis();
    lastEvents = r.eventIndex();
    lastTurn = r.turn();
    Integer id = commandIds.get(r.command());
    if (id == null) {
      id = commands.size();
      commands.add(r.command());
      commandIds.put(r.command(), id);
    }
    varint(id);
    steps.set(size, r.step());
    size++;
    modCount++;
    return true;
  }

  @Override
  public Simulation.Recorded get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    int b = index / BLOCK;
    int[] at = {blockStart[b]};
    long a = 0;
    long e = 0;
    long t = 0;
    int id = 0;
    for (int i = b * BLOCK; i <= index; i++) {
      a += unzigzag(varint(at));
      e += unzigzag(varint(at));
      t += unzigzag(varint(at));
      id = (int) varint(at);
    }
    return new Simulation.Recorded(a, e, t, commands.get(id), steps.get(index));
  }

  /** Reads the entries in order, each block decoded once. */
  @Override
  public java.util.Iterator<Simulation.Recorded> iterator() {
    return new java.util.Iterator<>() {
      private int next;
      private final int[] at = {0};
      private long a;
      private long e;
      private long t;
      private final int expected = modCount;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public Simulation.Recorded next() {
        if (modCount != expected) {
          throw new java.util.ConcurrentModificationException();
        }
        if (next >= size) {
          throw new java.util.NoSuchElementException();
        }
        if (next % BLOCK == 0) {
          at[0] = blockStart[next / BLOCK];
          a = 0;
          e = 0;
          t = 0;
        }
        a += unzigzag(varint(at));
        e += unzigzag(varint(at));
        t += unzigzag(varint(at));
        int id = (int) varint(at);
        Simulation.Recorded r = new Simulation.Recorded(a, e, t, commands.get(id), steps.get(next));
        next++;
        return r;
      }
    };
  }

  /** Changes entry {@code index}'s step flag; nothing else of an entry can change. */
  @Override
  public Simulation.Recorded set(int index, Simulation.Recorded r) {
    Simulation.Recorded old = get(index);
    if (old.atMillis() != r.atMillis()
        || old.eventIndex() != r.eventIndex()
        || old.turn() != r.turn()
        || !old.command().equals(r.command())) {
      throw new UnsupportedOperationException("only a recorded command's step flag changes");
    }
    steps.set(index, r.step());
    return old;
  }

  @Override
  public void clear() {
    length = 0;
    size = 0;
    steps.clear();
    modCount++;
  }

  private void zigzag(long v) {
    varint((v << 1) ^ (v >> 63));
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  private void varint(long v) {
    while ((v & ~0x7FL) != 0) {
      put((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    put((int) v);
  }

  private void put(int b) {
    if (length == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[length++] = (byte) b;
  }

  private long varint(int[] at) {
    long v = 0;
    int shift = 0;
    while (true) {
      int b = bytes[at[0]++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
      shift += 7;
    }
  }
}
