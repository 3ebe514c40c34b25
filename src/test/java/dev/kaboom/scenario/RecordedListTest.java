package dev.kaboom.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaboom.engine.Atom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The recorded commands held compactly read back as they were recorded (seeded). */
class RecordedListTest {
  @Test
  void commandsReadBackAsRecordedInOrderAndByIndex() {
    long seed = 4;
    Random r = new Random(seed);
    RecordedList list = new RecordedList();
    List<Simulation.Recorded> expected = new ArrayList<>();
    long at = 0;
    long events = 0;
    long turn = 0;
    for (int i = 0; i < 500; i++) {
      at += r.nextInt(3) == 0 ? r.nextInt(10_000) : 0;
      events += r.nextInt(40);
      turn += r.nextInt(40);
      Command c =
          r.nextBoolean()
              ? new Command.Exit(Command.Target.path("root/w" + r.nextInt(5)), Atom.of("kaboom"))
              : new Command.Sleep(r.nextInt(1000));
      Simulation.Recorded rec =
          r.nextInt(5) == 0
              ? Simulation.Recorded.atIdle(c)
              : new Simulation.Recorded(at, events, turn, c, r.nextBoolean());
      list.add(rec);
      expected.add(rec);
    }
    assertThat(list).as("seed %d", seed).isEqualTo(expected);
    assertThat(new ArrayList<>(list)).isEqualTo(expected);
    for (int i = 0; i < 200; i++) {
      int k = r.nextInt(expected.size());
      assertThat(list.get(k)).isEqualTo(expected.get(k));
    }
    list.set(7, expected.get(7).asStep());
    assertThat(list.get(7).step()).isTrue();
    assertThatThrownBy(() -> list.set(7, expected.get(8)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
