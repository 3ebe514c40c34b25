package dev.kaboom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PidTable} against a {@code HashMap} under seeded random puts and removes. */
class PidTableTest {
  @Test
  void behavesAsAHashMap() {
    Random random = new Random(7);
    PidTable<Integer> table = new PidTable<>();
    Map<Pid, Integer> expected = new HashMap<>();
    for (int step = 0; step < 200_000; step++) {
      int serial = random.nextInt(step < 100_000 ? 300 : 5_000);
      Pid pid = random.nextInt(50) == 0 ? new Pid(1, serial, 2) : new Pid(serial);
      switch (random.nextInt(4)) {
        case 0, 1 -> assertThat(table.put(pid, step)).isEqualTo(expected.put(pid, step));
        case 2 -> assertThat(table.remove(pid)).isEqualTo(expected.remove(pid));
        default -> {
          Integer v = expected.get(pid);
          assertThat(table.remove(pid, step)).isFalse();
          if (v != null) {
            assertThat(table.remove(pid, v)).isTrue();
            expected.remove(pid);
          }
        }
      }
      assertThat(table.get(pid)).isEqualTo(expected.get(pid));
      assertThat(table.size()).isEqualTo(expected.size());
    }
    Map<Pid, Integer> seen = new HashMap<>();
    table.forEach(seen::put);
    assertThat(seen).isEqualTo(expected);
    PidTable<Integer> copy = table.copy();
    copy.clear();
    assertThat(copy.isEmpty()).isTrue();
    for (Map.Entry<Pid, Integer> e : expected.entrySet()) {
      assertThat(table.get(e.getKey())).isEqualTo(e.getValue());
      assertThat(table.containsKey(e.getKey())).isTrue();
    }
    assertThat(table.get(new Pid(123_456))).isNull();
    assertThat(table.put(new Pid(3), null)).isEqualTo(expected.get(new Pid(3)));
    assertThat(table.containsKey(new Pid(3))).isFalse();
  }
}
