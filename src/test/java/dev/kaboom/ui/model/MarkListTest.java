package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timeline's marks held as bytes read back as they were added (seeded). */
class MarkListTest {
  @Test
  void marksReadBackAsAddedAlsoAfterDroppingTheirEndAndCopying() {
    long seed = 3;
    Random r = new Random(seed);
    MarkList marks = new MarkList(i -> i * 10L);
    List<MainViewModel.Mark> expected = new ArrayList<>();
    int event = 0;
    int log = 0;
    for (int i = 0; i < 1_000; i++) {
      event += r.nextInt(300);
      log = Math.max(0, log + r.nextInt(40) - 10); // the log drops lines: it can go down
      var kind = MainViewModel.MarkKind.values()[r.nextInt(MainViewModel.MarkKind.values().length)];
      var m = new MainViewModel.Mark(event, event * 10L, kind, log);
      marks.add(m);
      expected.add(m);
      if (r.nextInt(50) == 0) {
        int keep = r.nextInt(expected.size() + 1);
        marks.subList(keep, marks.size()).clear();
        expected.subList(keep, expected.size()).clear();
        event = keep == 0 ? 0 : expected.get(keep - 1).eventIndex();
      }
    }
    assertThat(marks).as("seed %d", seed).isEqualTo(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(marks.eventIndexAt(i)).isEqualTo(expected.get(i).eventIndex());
    }
    MarkList copy = marks.copy();
    copy.add(new MainViewModel.Mark(event + 1, (event + 1) * 10L, MainViewModel.MarkKind.DEATH, 0));
    assertThat(marks).isEqualTo(expected);
    assertThat(copy.subList(0, expected.size())).isEqualTo(expected);
    marks.clear();
    assertThat(marks).isEmpty();
  }
}
