package dev.kaboom.engine;

import java.util.List;

/**
 * An improper Erlang list, {@code [1, 2 | 3]}: at least one element before a tail that is not a
 * list (Elixir's {@code [1 | 2]}, {@code 'ab' ++ 3}). A tail that is a list makes a proper {@link
 * TermList} instead: see {@link #of}.
 */
public record ImproperList(List<Term> elements, Term tail) implements Term {
  public ImproperList {
    elements = List.copyOf(elements);
    if (elements.isEmpty() || tail instanceof TermList || tail instanceof ImproperList) {
      throw new IllegalArgumentException("not an improper list: " + elements + " | " + tail);
    }
  }

  /**
   * {@code [elements | tail]}: a proper list when {@code tail} is one (its elements after {@code
   * elements}), an improper one when it is not; {@code tail} alone when there are no elements.
   */
  public static Term of(List<Term> elements, Term tail) {
    if (elements.isEmpty()) {
      return tail;
    }
    if (tail instanceof TermList l) {
      return l.prepend(elements); // [x | acc] shares acc
    }
    if (tail instanceof ImproperList i) {
      List<Term> all = new java.util.ArrayList<>(elements);
      all.addAll(i.elements());
      return new ImproperList(all, i.tail());
    }
    return new ImproperList(elements, tail);
  }

  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    out.append('[');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      elements.get(i).appendTo(out, anonymous);
    }
    out.append('|');
    tail.appendTo(out, anonymous);
    out.append(']');
  }

  @Override
  public String toString() {
    return format();
  }
}
