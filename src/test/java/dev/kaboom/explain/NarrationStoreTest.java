package dev.kaboom.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The narration store gives back the narrations it took, equal, and finds them by event index as a
 * sorted map of them would (seeded: a failure names the seed).
 */
class NarrationStoreTest {
  private static Narration random(Random r) {
    Object[] args = new Object[r.nextInt(4)];
    for (int i = 0; i < args.length; i++) {
      args[i] =
          switch (r.nextInt(6)) {
            case 0 -> "#PID<0." + r.nextInt(2_000_000) + ".0>";
            case 1 -> Long.toString(r.nextLong() % 100_000);
            case 2 -> Narration.Msg.of("word.outside");
            case 3 -> "007"; // a number not written as Long.toString writes it
            case 4 -> "#PID<0.-3.0>";
            default -> "w" + r.nextInt(50);
          };
    }
    Narration n = Narration.of("key." + r.nextInt(20), args);
    return r.nextBoolean() ? n : n.then(Narration.Msg.of("rule.x", "-0", "12"));
  }

  @Test
  void explainAndAtAgreeWithASortedMap() {
    long seed = 17;
    Random r = new Random(seed);
    NarrationStore store = new NarrationStore();
    TreeMap<Integer, Narration> expected = new TreeMap<>();
    int index = 0;
    for (int i = 0; i < 1_000; i++) {
      index += 1 + r.nextInt(5);
      Narration n = random(r);
      store.add(index, n);
      store.add(index, random(r)); // a second sentence of the same event is not kept
      expected.put(index, n);
    }
    assertThat(store.size()).isEqualTo(expected.size());
    for (int i = 0; i < 5_000; i++) {
      int from = r.nextInt(index + 10) - 5;
      int to = from + r.nextInt(8);
      var in = expected.ceilingEntry(from);
      Optional<Narration> want =
          in != null && in.getKey() < to
              ? Optional.of(in.getValue())
              : Optional.ofNullable(expected.floorEntry(from)).map(Map.Entry::getValue);
      assertThat(store.explain(from, to))
          .as("seed %d: explain(%d, %d)", seed, from, to)
          .isEqualTo(want);
      assertThat(store.at(from))
          .as("seed %d: at(%d)", seed, from)
          .isEqualTo(Optional.ofNullable(expected.get(from)));
    }
    for (int i = 0; i <= index; i++) { // in order, as the sequence chart reads
      assertThat(store.at(i))
          .as("seed %d: at(%d) in order", seed, i)
          .isEqualTo(Optional.ofNullable(expected.get(i)));
    }
    store.clear();
    assertThat(store.explain(3, 9)).isEmpty();
    store.add(2, Narration.of("a"));
    assertThat(store.explain(3, 9)).contains(Narration.of("a"));
    assertThat(List.of(store.encodedBytes())).allMatch(b -> b < 100);
  }
}
