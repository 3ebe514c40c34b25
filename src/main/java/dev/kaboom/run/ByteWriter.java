package dev.kaboom.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what {@link ByteReader} reads (Kaboom's byte encodings: the event store, the narration's
 * store, the tree's frozen checkpoints): one byte, a varint (seven bits a byte, low first, the high
 * bit set on every byte but the last, as protobuf's), a zigzag varint (a signed number, small
 * either side of 0), into a buffer that grows by doubling. A subclass writes its own records on
 * top. Not thread-safe.
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
  public final void clear() {
    length = 0;
  }

  private void grow(int more) {
    int n = bytes.length;
    bytes = Arrays.copyOf(bytes, Math.max(length + more, n + Math.max(n >> 3, Math.min(n, 4096))));
  }

  /** Keeps only the first {@code length} bytes written (a later write goes after them). */
  public final void truncate(int length) {
    if (length < 0 || length > this.length) {
      throw new IllegalArgumentException("truncate to " + length + " of " + this.length);
    }
    this.length = length;
  }

  /** Makes this writer hold a copy of what {@code other} wrote (exactly sized). */
  public final void copyFrom(ByteWriter other) {
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
    private final Map<T, Integer> ids;
    private final List<T> values = new ArrayList<>();

    private Table(Map<T, Integer> ids) {
      this.ids = ids;
    }

    /** A table that numbers equal values once. */
    public static <T> Table<T> byEquality() {
      return new Table<>(new HashMap<>());
    }

    /** A table that numbers each object once, equal or not. */
    public static <T> Table<T> byIdentity() {
      return new Table<>(new IdentityHashMap<>());
    }

    /** The number of {@code value} (not null), numbering it now when it is new. */
    public int id(T value) {
      Integer id = ids.get(value);
      if (id == null) {
        id = values.size();
        values.add(value);
        ids.put(value, id);
      }
      return id;
    }

    /** Appends {@code value} (not in the table yet, not null) and returns its number. */
    public int add(T value) {
      int id = values.size();
      values.add(value);
      return id;
    }

    /** The value numbered {@code id}. */
    public T get(int id) {
      return values.get(id);
    }

    /** How many values are numbered. */
    public int size() {
      return values.size();
    }

    /** The heap it takes, about (its list and its map; the values themselves are not counted). */
    public long bytes() {
      return 64L + 4L * values.size() + 8L * (ids.size() * 4L / 3 + 1) + 32L * ids.size();
    }
  }
}
