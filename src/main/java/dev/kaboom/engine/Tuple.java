package dev.kaboom.engine;

import java.util.List;

/** An Erlang tuple, {@code {a,b}}. */
public record Tuple(List<Term> elements) implements Term {
  public Tuple {
    elements = List.copyOf(elements);
  }

  public Term get(int index) {
    return elements.get(index);
  }

  public int size() {
    return elements.size();
  }

  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    out.append('{');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      elements.get(i).appendTo(out, anonymous);
    }
    out.append('}');
  }

  @Override
  public String toString() {
    return format();
  }
}
