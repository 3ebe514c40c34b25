package dev.kaboom.explain;

import dev.kaboom.run.ByteReader;
import dev.kaboom.run.ByteWriter;
import dev.kaboom.run.DeflatedBytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sentences said of a run's events, by the index of the event each was said of, held as bytes
 * (a run of a million events has a couple of hundred thousand; as objects they took about a hundred
 * bytes each, here about eight): appended in event order, found by event index.
 *
 * <p>Entries come in blocks of {@value #BLOCK}, each block's first event index and offset kept, so
 * a look-up decodes at most one block. An entry is the event index as a varint difference from the
 * one before, then the narration: its clauses, each a key and its arguments; an argument is a
 * nested clause, a pid written {@code #PID<0.N.0>} (kept as N), a decimal number (kept as its
 * value), or another string (an index into the table of distinct ones). Decoded narrations are
 * equal to the ones stored. The bytes are a {@link DeflatedBytes} (chunks of {@value #CHUNK} bytes
 * deflated: about 0.9 bytes an event in a storm of kabooms, against 3.7 as plain bytes); the block
 * being filled is kept as objects too, and the last block read decoded, so reading the events in
 * order (the sequence chart does, right after the window's narration) decodes each block once.
 */
public final class NarrationStore {
  static final int BLOCK = 64;

  /** Bytes a chunk holds before it is deflated. */
  static final int CHUNK = 8_192;

  private final DeflatedBytes out = new DeflatedBytes(CHUNK, 6);
  private int size;
  private int lastIndex;
  private int[] blockFirst = new int[16];
  private int[] blockStart = new int[16];

  private final ByteWriter.Table<String> strings = ByteWriter.Table.byEquality();

  /** How many narrations are stored. */
  public int size() {
    return size;
  }

  /** The bytes the entries take (deflated as far as sealed; not the table of strings). */
  public long encodedBytes() {
    return out.storedBytes() + 8L * (size / BLOCK + 1);
  }

  /** Forgets every entry. */
  public void clear() {
    out.clear();
    size = 0;
    lastIndex = 0;
    cachedBlock = -1;
  }

  /** The block being filled, as objects: its entries' event indices and narrations. */
  private final int[] tailIndex = new int[BLOCK];

  private final Narration[] tail = new Narration[BLOCK];

  /** The last block read (not the one being filled), decoded; -1 when none is. */
  private int cachedBlock = -1;

  private final int[] cachedIndex = new int[BLOCK];
  private final Narration[] cached = new Narration[BLOCK];

  private int blocks() {
    return (size + BLOCK - 1) / BLOCK;
  }

  /**
   * Block {@code b}'s entries: their event indices into {@code index}, narrations into the other.
   */
  private int entries(int b, int[][] index, Narration[][] said) {
    int n = Math.min(BLOCK, size - b * BLOCK);
    if (b == (size - 1) / BLOCK) {
      index[0] = tailIndex;
      said[0] = tail;
      return n;
    }
    if (b != cachedBlock) {
      int pos = blockStart[b];
      Reader r = new Reader(out.bytesAt(pos), out.offsetAt(pos));
      int at = blockFirst[b];
      for (int i = 0; i < n; i++) {
        at += (int) r.varint();
        cachedIndex[i] = at;
        cached[i] = r.narration();
      }
      cachedBlock = b;
    }
    index[0] = cachedIndex;
    said[0] = cached;
    return n;
  }

  /**
   * Stores {@code n} as said of event {@code eventIndex}, which is at least the last one stored
   * (only the first narration of an event is kept: later ones for the same index are dropped).
   */
  public void add(int eventIndex, Narration n) {
    if (size > 0 && eventIndex <= lastIndex) {
      if (eventIndex == lastIndex) {
        return;
      }
      throw new IllegalArgumentException("event " + eventIndex + " after " + lastIndex);
    }
    if (size % BLOCK == 0) {
      int b = size / BLOCK;
      if (b == blockFirst.length) {
        blockFirst = Arrays.copyOf(blockFirst, b * 2);
        blockStart = Arrays.copyOf(blockStart, b * 2);
      }
      blockFirst[b] = eventIndex;
      out.boundary();
      blockStart[b] = out.position();
      out.varint(0);
    } else {
      out.varint(eventIndex - lastIndex);
    }
    lastIndex = eventIndex;
    out.varint(n.parts().size());
    for (Narration.Msg m : n.parts()) {
      msg(m);
    }
    tailIndex[size % BLOCK] = eventIndex;
    tail[size % BLOCK] = n;
    size++;
  }

  /** The last block whose first entry is at or before event {@code from}; -1 when none is. */
  private int blockOf(int from) {
    int lo = 0;
    int hi = (size + BLOCK - 1) / BLOCK - 1;
    int b = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (blockFirst[mid] <= from) {
        b = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return b;
  }

  /**
   * The narration said of the first event in {@code from} (inclusive) to {@code to} (exclusive)
   * that has one, else of the last event at or before {@code from}; empty when there is none.
   */
  public Optional<Narration> explain(int from, int to) {
    int b = blockOf(from);
    int blocks = blocks();
    Narration before = null;
    int[][] index = new int[1][];
    Narration[][] said = new Narration[1][];
    // the first entry at or after from is in block b or the first of block b + 1
    for (int blk = Math.max(0, b); blk < blocks && blk <= b + 1; blk++) {
      int n = entries(blk, index, said);
      for (int i = 0; i < n; i++) {
        int at = index[0][i];
        if (at >= from) {
          return Optional.ofNullable(at < to || at == from ? said[0][i] : before);
        }
        before = said[0][i];
      }
    }
    return Optional.ofNullable(before);
  }

  /** The block {@link #at} was last asked about. */
  private int lastAsked = -1;

  /**
   * The narration said of exactly event {@code eventIndex}, if any. Reading in order (this block or
   * the next one again) decodes the whole block once; a look-up elsewhere (the inspector's restart
   * history, a sentence for each restart) decodes only the entry asked for.
   */
  public Optional<Narration> at(int eventIndex) {
    int b = blockOf(eventIndex);
    if (b < 0) {
      return Optional.empty();
    }
    boolean inOrder = b == lastAsked || b == lastAsked + 1;
    lastAsked = b;
    if (!inOrder && b != cachedBlock && b != (size - 1) / BLOCK) {
      int pos = blockStart[b];
      Reader r = new Reader(out.bytesAt(pos), out.offsetAt(pos));
      int at = blockFirst[b];
      int n = Math.min(BLOCK, size - b * BLOCK);
      for (int i = 0; i < n; i++) {
        at += (int) r.varint();
        if (at > eventIndex) {
          break;
        }
        if (at == eventIndex) {
          return Optional.of(r.narration());
        }
        r.skipNarration();
      }
      return Optional.empty();
    }
    int[][] index = new int[1][];
    Narration[][] said = new Narration[1][];
    int n = entries(b, index, said);
    int i = Arrays.binarySearch(index[0], 0, n, eventIndex);
    return i >= 0 ? Optional.of(said[0][i]) : Optional.empty();
  }

  // ---- writing ----

  private static final int ARG_MSG = 0;
  private static final int ARG_STRING = 1;
  private static final int ARG_PID = 2;
  private static final int ARG_NUMBER = 3;

  private void msg(Narration.Msg m) {
    out.varint(strings.id(m.key()));
    out.varint(m.args().size());
    for (Object a : m.args()) {
      if (a instanceof Narration.Msg n) {
        out.put(ARG_MSG);
        msg(n);
      } else {
        String s = a.toString();
        long pid = pidSerial(s);
        if (pid >= 0) {
          out.put(ARG_PID);
          out.varint(pid);
        } else if (isNumber(s)) {
          out.put(ARG_NUMBER);
          out.zigzag(Long.parseLong(s));
        } else {
          out.put(ARG_STRING);
          out.varint(strings.id(s));
        }
      }
    }
  }

  private static final String PID_PREFIX = "#PID<0.";

  /** N of {@code #PID<0.N.0>} (as {@link dev.kaboom.engine.Pid#toString} writes it), else -1. */
  static long pidSerial(String s) {
    if (!s.startsWith(PID_PREFIX) || !s.endsWith(".0>")) {
      return -1;
    }
    String n = s.substring(PID_PREFIX.length(), s.length() - 3);
    return isNumber(n) && !n.startsWith("-") && n.length() < 10 ? Long.parseLong(n) : -1;
  }

  /** A decimal number written as {@link Long#toString} writes it (so it is read back the same). */
  static boolean isNumber(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    int digits = s.length() - start;
    if (digits < 1 || digits > 18 || (s.charAt(start) == '0' && digits > 1)) {
      return false;
    }
    if (start == 1 && s.equals("-0")) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  // ---- reading ----

  private final class Reader extends ByteReader {
    Reader(byte[] bytes, int at) {
      super(bytes, at);
    }

    Narration narration() {
      int n = (int) varint();
      List<Narration.Msg> parts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        parts.add(msg());
      }
      return new Narration(parts);
    }

    /** Reads past a narration without making it. */
    void skipNarration() {
      int n = (int) varint();
      for (int i = 0; i < n; i++) {
        skipMsg();
      }
    }

    private void skipMsg() {
      varint(); // the key
      int n = (int) varint();
      for (int i = 0; i < n; i++) {
        int tag = bytes[at++];
        if (tag == ARG_MSG) {
          skipMsg();
        } else if (tag == ARG_PID || tag == ARG_NUMBER || tag == ARG_STRING) {
          varint();
        } else {
          throw new IllegalStateException("damaged narration store: " + tag);
        }
      }
    }

    private Narration.Msg msg() {
      String key = strings.get((int) varint());
      int n = (int) varint();
      Object[] args = new Object[n];
      for (int i = 0; i < n; i++) {
        int tag = bytes[at++];
        args[i] =
            switch (tag) {
              case ARG_MSG -> msg();
              case ARG_PID -> PID_PREFIX + varint() + ".0>";
              case ARG_NUMBER -> {
                long z = varint();
                yield Long.toString((z >>> 1) ^ -(z & 1));
              }
              case ARG_STRING -> strings.get((int) varint());
              default -> throw new IllegalStateException("damaged narration store: " + tag);
            };
      }
      return new Narration.Msg(key, Arrays.asList(args));
    }
  }
}
