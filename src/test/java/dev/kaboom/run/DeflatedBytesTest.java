package dev.kaboom.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link DeflatedBytes} gives back every byte written at its global position, whether its chunk is
 * sealed (deflated) or open, after truncations into sealed chunks, copies and clears.
 */
class DeflatedBytesTest {
  /**
   * Property (seeded; a failure names its seed): random records (varints, zigzags, single bytes)
   * with boundaries between them, random truncations and copies, against a plain byte array model;
   * every record read back from its position, in random order.
   */
  @Test
  void everyRecordReadsBackFromItsPosition() {
    for (long seed = 1; seed <= 30; seed++) {
      Random random = new Random(seed);
      int chunk = 1 + random.nextInt(random.nextBoolean() ? 64 : 4096);
      DeflatedBytes d = new DeflatedBytes(chunk, random.nextInt(10));
      ByteArrayOutputStream model = new ByteArrayOutputStream();
      List<Integer> starts = new ArrayList<>();
      List<Long> values = new ArrayList<>();
      int records = random.nextInt(5_000);
      for (int i = 0; i < records; i++) {
        if (random.nextInt(200) == 0 && !starts.isEmpty()) {
          int keep = random.nextInt(starts.size());
          d.truncate(starts.get(keep));
          byte[] m = model.toByteArray();
          model.reset();
          model.write(m, 0, starts.get(keep));
          starts.subList(keep, starts.size()).clear();
          values.subList(keep, values.size()).clear();
        }
        if (random.nextInt(500) == 0) {
          DeflatedBytes copy = new DeflatedBytes(chunk, 1);
          copy.copyFrom(d);
          d = copy;
        }
        d.boundary();
        assertThat(d.position()).as("seed %d", seed).isEqualTo(model.size());
        starts.add(d.position());
        long v = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(300);
        values.add(v);
        d.zigzag(v);
        ByteWriter w = new ByteWriter(16);
        w.zigzag(v);
        model.write(w.buffer(), 0, w.length());
      }
      assertThat(d.allBytes()).as("seed %d", seed).isEqualTo(model.toByteArray());
      for (int i = 0; i < 2 * starts.size(); i++) {
        int k = random.nextInt(starts.size());
        int at = starts.get(k);
        long got = new Reader(d.bytesAt(at), d.offsetAt(at)).zigzag();
        assertThat(got).as("record %d (seed %d)", k, seed).isEqualTo(values.get(k));
      }
      if (records > 100 && chunk < 100) {
        assertThat(d.sealedChunks()).as("seed %d", seed).isPositive();
      }
      d.clear();
      assertThat(d.position()).isZero();
      assertThat(d.allBytes()).isEmpty();
    }
  }

  @Test
  void repeatedRecordsTakeAFractionOfTheirBytes() {
    DeflatedBytes d = new DeflatedBytes(16_384, 6);
    for (int i = 0; i < 100_000; i++) {
      d.boundary();
      d.varint(i % 50);
      d.varint(1_000_000 + (i % 7));
    }
    assertThat(d.heapBytes()).isLessThan(d.position() / 5);
  }

  @Test
  void aPositionPastTheEndIsAnError() {
    DeflatedBytes d = new DeflatedBytes(8, 1);
    d.varint(5);
    assertThatThrownBy(() -> d.bytesAt(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> d.truncate(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static final class Reader extends ByteReader {
    Reader(byte[] bytes, int at) {
      super(bytes, at);
    }
  }
}
