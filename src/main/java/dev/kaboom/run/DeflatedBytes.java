package dev.kaboom.run;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A {@link ByteWriter} whose older bytes are kept deflated: what is written goes into an open
 * chunk, and at a {@link #boundary()} (a place where a reader may start, such as a block's first
 * record) an open chunk of at least {@code chunkBytes} bytes is sealed: deflated (raw deflate, no
 * header) into an array of its own. Positions are global ({@link #position()}: every byte written
 * since the start, sealed or not), so a store keeps its block offsets as before and reads a block
 * with {@link #bytesAt} and {@link #offsetAt}; a chunk read is inflated once and the last two are
 * kept. A record never spans two chunks, since chunks end only at boundaries.
 *
 * <p>Kaboom's long-run stores (the narration, the timeline's marks) hold a few bytes a record this
 * way: their records repeat (the same sentences with other pids), and deflate takes them to about a
 * fifth. Not thread-safe.
 */
public final class DeflatedBytes extends ByteWriter {
  private final int chunkBytes;
  private final int level;

  /** By sealed chunk: its bytes deflated, where it starts (global) and how long it is. */
  private byte[][] chunks = new byte[8][];

  private int[] start = new int[8];
  private int[] rawLength = new int[8];
  private int sealed;
  private long sealedBytes;

  /** Where the open chunk starts (the bytes of every sealed chunk). */
  private int base;

  private final int[] cachedChunk = {-1, -1};
  private final byte[][] cached = new byte[2][];
  private int cacheNext;

  private Deflater deflater;
  private Inflater inflater;

  /**
   * @param chunkBytes a chunk is sealed at the first boundary after it holds this many bytes
   * @param level the deflater's level (1 fastest to 9 smallest)
   */
  public DeflatedBytes(int chunkBytes, int level) {
    super(Math.min(chunkBytes + chunkBytes / 4, 1 << 12));
    if (chunkBytes < 1 || level < 0 || level > 9) {
      throw new IllegalArgumentException("chunk " + chunkBytes + ", level " + level);
    }
    this.chunkBytes = chunkBytes;
    this.level = level;
  }

  /** The global position of the next byte written (every byte written since the start). */
  public int position() {
    return base + length;
  }

  /** How many chunks are sealed (deflated). */
  public int sealedChunks() {
    return sealed;
  }

  /**
   * A place where a reader may start: seals the open chunk when it holds at least the chunk size.
   */
  public void boundary() {
    if (length >= chunkBytes) {
      seal();
    }
  }

  private void seal() {
    if (deflater == null) {
      deflater = new Deflater(level, true);
    }
    byte[] chunk = deflate(deflater, bytes, length);
    if (sealed == chunks.length) {
      chunks = Arrays.copyOf(chunks, sealed * 2);
      start = Arrays.copyOf(start, sealed * 2);
      rawLength = Arrays.copyOf(rawLength, sealed * 2);
    }
    chunks[sealed] = chunk;
    start[sealed] = base;
    rawLength[sealed] = length;
    sealed++;
    sealedBytes += chunk.length;
    base += length;
    length = 0;
    if (bytes.length > chunkBytes * 2) {
      bytes = new byte[chunkBytes + chunkBytes / 4]; // a record longer than a chunk grew it
    }
  }

  /** The chunk that holds {@code position}: -1 for the open one. */
  private int chunkOf(int position) {
    if (position >= base) {
      return -1;
    }
    int lo = 0;
    int hi = sealed - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (start[mid] <= position) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * The bytes that hold {@code position}: the open chunk's buffer or a sealed chunk inflated (valid
   * until the next call that inflates a chunk); read them from {@link #offsetAt}.
   */
  public byte[] bytesAt(int position) {
    check(position);
    int c = chunkOf(position);
    return c < 0 ? bytes : inflated(c);
  }

  /** The index of {@code position} in the array {@link #bytesAt} gives for it. */
  public int offsetAt(int position) {
    check(position);
    int c = chunkOf(position);
    return position - (c < 0 ? base : start[c]);
  }

  private void check(int position) {
    if (position < 0 || position > position()) {
      throw new IndexOutOfBoundsException("position " + position + " of " + position());
    }
  }

  private byte[] inflated(int c) {
    if (cachedChunk[0] == c) {
      return cached[0];
    }
    if (cachedChunk[1] == c) {
      return cached[1];
    }
    int k = cacheNext;
    cacheNext ^= 1;
    byte[] into = cached[k];
    if (into == null || into.length < rawLength[c]) {
      into = new byte[Math.max(rawLength[c], chunkBytes)];
    }
    inflate(c, into);
    cached[k] = into;
    cachedChunk[k] = c;
    return into;
  }

  private void inflate(int c, byte[] into) {
    if (inflater == null) {
      inflater = new Inflater(true);
    }
    inflate(inflater, chunks[c], into, rawLength[c], "chunk " + c);
  }

  /**
   * The first {@code length} bytes of {@code in}, deflated by {@code d} (reset first; raw deflate
   * when it was made so), exactly sized.
   */
  static byte[] deflate(Deflater d, byte[] in, int length) {
    d.reset();
    d.setInput(in, 0, length);
    d.finish();
    byte[] out = new byte[Math.max(64, length / 2)];
    int n = 0;
    while (!d.finished()) {
      if (n == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      n += d.deflate(out, n, out.length - n);
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Inflates {@code packed} by {@code inf} (reset first) into the first {@code length} bytes of
   * {@code into}; an {@link IllegalStateException} naming {@code what} when it is damaged or short.
   */
  static void inflate(Inflater inf, byte[] packed, byte[] into, int length, String what) {
    inf.reset();
    inf.setInput(packed);
    try {
      int n = 0;
      while (n < length) {
        int got = inf.inflate(into, n, length - n);
        if (got == 0 && (inf.finished() || inf.needsInput())) {
          throw new IllegalStateException("damaged " + what + ": " + n + " of " + length);
        }
        n += got;
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("damaged " + what, e);
    }
  }

  /** Forgets every byte: sealed chunks and the open one. */
  @Override
  public void clear() {
    super.clear();
    Arrays.fill(chunks, 0, sealed, null);
    sealed = 0;
    sealedBytes = 0;
    base = 0;
    dropCache();
  }

  private void dropCache() {
    cachedChunk[0] = -1;
    cachedChunk[1] = -1;
  }

  /**
   * Keeps only the bytes before global position {@code position}: a sealed chunk that holds it is
   * opened again (inflated into the open chunk), the chunks after it go.
   */
  @Override
  public void truncate(int position) {
    check(position);
    if (position >= base) {
      super.truncate(position - base);
      return;
    }
    int c = chunkOf(position);
    byte[] raw = new byte[Math.max(rawLength[c], chunkBytes + chunkBytes / 4)];
    inflate(c, raw);
    for (int k = c; k < sealed; k++) {
      sealedBytes -= chunks[k].length;
      chunks[k] = null;
    }
    bytes = raw;
    base = start[c];
    length = position - base;
    sealed = c;
    dropCache();
  }

  /**
   * Makes this hold what {@code other} holds (a {@link DeflatedBytes}: the sealed chunks are
   * shared, they never change; else its bytes as one open chunk).
   */
  @Override
  public void copyFrom(ByteWriter other) {
    if (!(other instanceof DeflatedBytes d)) {
      clear();
      super.copyFrom(other);
      return;
    }
    chunks = Arrays.copyOf(d.chunks, d.chunks.length);
    start = d.start.clone();
    rawLength = d.rawLength.clone();
    sealed = d.sealed;
    sealedBytes = d.sealedBytes;
    base = d.base;
    super.copyFrom(other);
    dropCache();
  }

  /** Every byte written, inflated, in order (tests, and whoever needs them all at once). */
  public byte[] allBytes() {
    byte[] all = new byte[position()];
    for (int c = 0; c < sealed; c++) {
      byte[] raw = new byte[rawLength[c]];
      inflate(c, raw);
      System.arraycopy(raw, 0, all, start[c], rawLength[c]);
    }
    System.arraycopy(bytes, 0, all, base, length);
    return all;
  }

  /** The bytes the data take: the sealed chunks deflated and the open chunk's bytes written. */
  public long storedBytes() {
    return sealedBytes + length;
  }

  /** The heap it holds, about: the sealed chunks, the open buffer and the two inflated ones. */
  public long heapBytes() {
    long h = 64 + sealedBytes + 16L * sealed + 12L * chunks.length + bytes.length + 16;
    for (byte[] c : cached) {
      h += c == null ? 0 : c.length + 16;
    }
    return h;
  }
}
