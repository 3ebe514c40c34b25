package dev.kaboom.engine;

import java.util.List;

/** A proper Erlang list, {@code [a,b]}. */
public record TermList(List<Term> elements) implements Term {
  public TermList {
    elements = List.copyOf(elements);
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
    out.append(']');
  }

  @Override
  public String toString() {
    return format();
  }
}
