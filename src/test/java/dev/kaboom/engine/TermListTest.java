package dev.kaboom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A list's shared tail: drop and prepend share, and no list ever changes. */
class TermListTest {
  private static Term i(long v) {
    return new IntTerm(v);
  }

  @Test
  void dropAndPrependShareTheTailAndEqualPlainLists() {
    TermList t = new TermList(List.of(i(2), i(3)));
    TermList a = t.prepend(List.of(i(1)));
    TermList b = t.prepend(List.of(i(9), i(8))); // a grew t's store first: b copies
    TermList c = a.prepend(List.of(i(0)));
    assertThat(a).isEqualTo(new TermList(List.of(i(1), i(2), i(3))));
    assertThat(b).isEqualTo(new TermList(List.of(i(9), i(8), i(2), i(3))));
    assertThat(c.elements()).containsExactly(i(0), i(1), i(2), i(3));
    assertThat(t.elements()).containsExactly(i(2), i(3));
    assertThat(c.drop(2)).isEqualTo(t).hasSameHashCodeAs(t);
    assertThat(c.drop(4).elements()).isEmpty();
    assertThat(a.toString()).isEqualTo("[1,2,3]");
  }

  @Test
  void aListBuiltOneElementAtATimeKeepsEveryVersion() {
    TermList acc = new TermList(List.of());
    List<TermList> versions = new java.util.ArrayList<>();
    for (int k = 1; k <= 1000; k++) {
      acc = acc.prepend(List.of(i(k)));
      versions.add(acc);
    }
    assertThat(acc.elements()).hasSize(1000).startsWith(i(1000), i(999));
    assertThat(versions.get(9).elements()).hasSize(10).startsWith(i(10)).endsWith(i(1));
    assertThat(ImproperList.of(List.of(i(7)), versions.get(0)))
        .isEqualTo(new TermList(List.of(i(7), i(1))));
  }
}
