package dev.kaboom.run;

/**
 * Reads what Kaboom's byte encodings write ({@link EventStore}, the narration's store, the tree's
 * frozen checkpoints): one unsigned byte, a varint (seven bits a byte, low first, the high bit set
 * on every byte but the last, as protobuf's), and a zigzag varint (a signed number, small either
 * side of 0). A subclass reads its own records on top; {@link #at} is the next byte's index.
 */
public class ByteReader {
  /** The bytes read; not copied. */
  protected final byte[] bytes;

  /** The index of the next byte to read. */
  protected int at;

  /**
   * @param bytes the encoded bytes (not copied)
   * @param at the index of the first byte to read
   */
  protected ByteReader(byte[] bytes, int at) {
    this.bytes = bytes;
    this.at = at;
  }

  /** The next byte, 0 to 255. */
  public final int u8() {
    return bytes[at++] & 0xFF;
  }

  /** The next varint, as an unsigned 64-bit number. */
  public final long varint() {
    int b = bytes[at++];
    if (b >= 0) {
      return b; // most are one byte
    }
    long v = b & 0x7F;
    int shift = 7;
    while (true) {
      b = bytes[at++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
      shift += 7;
    }
  }

  /** The next zigzag varint: 0, -1, 1, -2, ... from 0, 1, 2, 3, ... */
  public final long zigzag() {
    long v = varint();
    return (v >>> 1) ^ -(v & 1);
  }
}
