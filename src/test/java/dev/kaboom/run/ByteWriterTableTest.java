package dev.kaboom.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteWriter.Table}: numbers as a map would give them, by equality or by identity. */
class ByteWriterTableTest {
  @Test
  void numbersEqualValuesOnceByEquality() {
    Random random = new Random(11);
    ByteWriter.Table<String> table = ByteWriter.Table.byEquality();
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      String s = new String("v" + random.nextInt(20_000)); // equal, not the same
      int id = table.id(s);
      assertThat(id).isEqualTo(expected.computeIfAbsent(s, k -> expected.size()));
      assertThat(table.get(id)).isEqualTo(s);
    }
    assertThat(table.size()).isEqualTo(expected.size());
  }

  @Test
  void numbersEachObjectOnceByIdentity() {
    Random random = new Random(12);
    ByteWriter.Table<String> table = ByteWriter.Table.byIdentity();
    Map<String, Integer> expected = new IdentityHashMap<>();
    String[] pool = new String[5_000];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = new String("same");
    }
    for (int i = 0; i < 30_000; i++) {
      String s = pool[random.nextInt(pool.length)];
      assertThat(table.id(s)).isEqualTo(expected.computeIfAbsent(s, k -> expected.size()));
    }
    assertThat(table.size()).isEqualTo(expected.size());
  }

  @Test
  void addedValuesAreNotLookedUp() {
    ByteWriter.Table<String> table = ByteWriter.Table.byEquality();
    assertThat(table.add("a")).isZero();
    for (int i = 0; i < 100; i++) {
      table.id("x" + i); // the table grows past the added value
    }
    assertThat(table.id("a")).isEqualTo(101);
    assertThat(table.get(0)).isEqualTo("a");
    assertThat(table.size()).isEqualTo(102);
  }
}
