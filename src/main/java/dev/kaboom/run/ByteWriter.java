package dev.kaboom.run;

import java.util.Arrays;

/**
 * Writes what {@link ByteReader} reads (Kaboom's byte encodings: the event store, the narration's
 * store, the tree's frozen checkpoints): one byte, a varint (seven bits a byte, low first, the high
 * bit set on every byte but the last, as protobuf's), a zigzag varint (a signed number, small
 * either side of 0), into a buffer that grows by an eighth (at least 4 KB, at most doubling). A
 * subclass writes its own records on top; {@link DeflatedBytes} keeps the older bytes deflated. Not
 * thread-safe.
 */
public class ByteWriter {
  /** The buffer; bytes 0 to {@link #length} - 1 are written. */
  protected byte[] bytes;

  /** How many bytes are written. */
  protected int length;

  /**
   * @param capacity the buffer's first size, in bytes (at least 1)
   */
  public ByteWriter(int capacity) {
    bytes = new byte[Math.max(1, capacity)];
  }

  /** How many bytes are written. */
  public final int length() {
    return length;
  }

  /** The buffer itself (not copied: only its first {@link #length()} bytes are written). */
  public final byte[] buffer() {
    return bytes;
  }

  /** A copy of the bytes written, exactly {@link #length()} long. */
  public final byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  /** Forgets what was written (the buffer is kept). */
  public void clear() {
    length = 0;
  }

  private void grow(int more) {
    int n = bytes.length;
    bytes = Arrays.copyOf(bytes, Math.max(length + more, n + Math.max(n >> 3, Math.min(n, 4096))));
  }

  /** Keeps only the first {@code length} bytes written (a later write goes after them). */
  public void truncate(int length) {
    if (length < 0 || length > this.length) {
      throw new IllegalArgumentException("truncate to " + length + " of " + this.length);
    }
    this.length = length;
  }

  /** Makes this writer hold a copy of what {@code other} wrote (exactly sized). */
  public void copyFrom(ByteWriter other) {
    bytes = Arrays.copyOf(other.bytes, Math.max(1, other.length));
    length = other.length;
  }

  /** One byte: the low 8 bits of {@code b}. */
  public final void put(int b) {
    if (length == bytes.length) {
      grow(1);
    }
    bytes[length++] = (byte) b;
  }

  /** {@code v} as an unsigned varint (1 to 10 bytes). */
  public final void varint(long v) {
    if (length + 10 > bytes.length) {
      grow(10);
    }
    byte[] b = bytes;
    int n = length;
    while ((v & ~0x7FL) != 0) {
      b[n++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[n++] = (byte) v;
    length = n;
  }

  /** {@code v} as a zigzag varint: 0, -1, 1, -2, ... as 0, 1, 2, 3, ... */
  public final void zigzag(long v) {
    varint((v << 1) ^ (v >> 63));
  }

  /** 1 for true, 0 for false. */
  public final void bool(boolean b) {
    put(b ? 1 : 0);
  }

  /**
   * The distinct values an encoding writes as numbers (strings, atoms, shared objects): each gets
   * the next number the first time it comes, 0 up. By equality ({@link #byEquality}) or by identity
   * ({@link #byIdentity}). Not thread-safe.
   *
   * @param <T> the values' type
   */
  public static final class Table<T> {
    /** The values by number; its first {@link #size} are in use. */
    private Object[] values = new Object[8];

    private int size;

    /**
     * Open addressing: each slot 0 (free) or a value's number + 1, at its hash. About 12 bytes a
     * value in all (a {@code HashMap} and a boxed number took about 50: a 2,000-process tree's
     * labels and specs are in several tables).
     */
    private int[] slots = new int[16];

    /** How many slots are in use. */
    private int indexed;

    private final boolean byIdentity;

    private Table(boolean byIdentity) {
      this.byIdentity = byIdentity;
    }

    /** A table that numbers equal values once. */
    public static <T> Table<T> byEquality() {
      return new Table<>(false);
    }

    /** A table that numbers each object once, equal or not. */
    public static <T> Table<T> byIdentity() {
      return new Table<>(true);
    }

    private int hash(Object value) {
      int h = byIdentity ? System.identityHashCode(value) : value.hashCode();
      h *= 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    private boolean same(Object a, Object b) {
      return a == b || (!byIdentity && a.equals(b));
    }

    /** The number of {@code value} (not null), numbering it now when it is new. */
    public int id(T value) {
      int mask = slots.length - 1;
      int i = hash(value) & mask;
      for (int s = slots[i]; s != 0; s = slots[i]) {
        if (same(values[s - 1], value)) {
          return s - 1;
        }
        i = (i + 1) & mask;
      }
      int id = add(value);
      slots[i] = id + 1;
      if (++indexed * 4 > slots.length * 3) {
        rehash(slots.length * 2);
      }
      return id;
    }

    /** The same numbered values in {@code capacity} slots (values {@link #add}ed stay out). */
    private void rehash(int capacity) {
      int[] old = slots;
      slots = new int[capacity];
      int mask = capacity - 1;
      for (int s : old) {
        if (s != 0) {
          int i = hash(values[s - 1]) & mask;
          while (slots[i] != 0) {
            i = (i + 1) & mask;
          }
          slots[i] = s;
        }
      }
    }

    /** Appends {@code value} (not in the table yet, not null) and returns its number. */
    public int add(T value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size + (size >> 1) + 1);
      }
      values[size] = value;
      return size++;
    }

    /** The value numbered {@code id}. */
    @SuppressWarnings("unchecked")
    public T get(int id) {
      if (id < 0 || id >= size) {
        throw new IndexOutOfBoundsException(id);
      }
      return (T) values[id];
    }

    /** How many values are numbered. */
    public int size() {
      return size;
    }

    /** The heap it takes, about (its arrays; the values themselves are not counted). */
    public long bytes() {
      return 64L + 4L * values.length + 4L * slots.length;
    }
  }
}
