package dev.kaboom.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** An Erlang map, {@code #{snapshots => [...]}}; entries keep the order they were given in. */
public record MapTerm(Map<Term, Term> entries) implements Term {
  public MapTerm {
    entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    out.append("#{");
    boolean first = true;
    for (Map.Entry<Term, Term> e : entries.entrySet()) {
      if (!first) {
        out.append(',');
      }
      e.getKey().appendTo(out, anonymous);
      out.append(" => ");
      e.getValue().appendTo(out, anonymous);
      first = false;
    }
    out.append('}');
  }

  @Override
  public String toString() {
    return format();
  }
}
