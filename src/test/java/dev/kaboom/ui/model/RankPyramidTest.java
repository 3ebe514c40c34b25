package dev.kaboom.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankPyramidTest {
  private static int brute(byte[] xs, int from, int to, int size) {
    int best = -1;
    for (int i = Math.max(0, from); i < Math.min(size, to); i++) {
      best = Math.max(best, xs[i]);
    }
    return best;
  }

  @Test
  void maxOfAnyStretchMatchesAScanAsItGrows() {
    Random random = new Random(7);
    RankPyramid p = new RankPyramid();
    byte[] xs = new byte[70_000];
    for (int n = 0; n < xs.length; n++) {
      // mostly low ranks with rare high ones, as a storm's marks are
      xs[n] = (byte) (random.nextInt(100) < 3 ? 5 : random.nextInt(3));
      p.add(xs[n]);
      if (n % 997 == 0 || n < 300) {
        for (int q = 0; q < 20; q++) {
          int a = random.nextInt(n + 2) - 1;
          int b = a + random.nextInt(Math.max(1, n + 5 - a));
          assertEquals(
              brute(xs, a, b, n + 1), p.max(a, b), "max(" + a + ", " + b + ") of " + (n + 1));
        }
      }
    }
    assertEquals(xs.length, p.size());
    assertEquals(-1, p.max(10, 10));
  }

  @Test
  void truncateKeepsThePrefix() {
    RankPyramid p = new RankPyramid();
    for (int i = 0; i < 5000; i++) {
      p.add(i == 4000 ? 9 : 1);
    }
    assertEquals(9, p.max(0, 5000));
    p.truncate(3000);
    assertEquals(3000, p.size());
    assertEquals(1, p.max(0, 5000));
    p.add(3);
    assertEquals(3, p.max(0, 5000));
  }

  @Test
  void rejectsRanksOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> new RankPyramid().add(128));
  }
}
