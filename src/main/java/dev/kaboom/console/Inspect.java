package dev.kaboom.console;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Ref;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.Tuple;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Writes console values the way Elixir's {@code inspect/1} does. */
final class Inspect {
  /** An Elixir map with atom keys, {@code %{active: 2, specs: 2}} (keys kept sorted, as Elixir). */
  record EMap(TreeMap<String, Object> entries) {}

  private static final Pattern ALIAS = Pattern.compile("[A-Z][A-Za-z0-9_]*(\\.[A-Z][A-Za-z0-9_]*)*");
  private static final Pattern PLAIN = Pattern.compile("[a-z_][A-Za-z0-9_@]*[?!]?");

  private Inspect() {}

  static String inspect(Object v) {
    StringBuilder sb = new StringBuilder();
    append(sb, v);
    return sb.toString();
  }

  static String atom(Atom a) {
    String n = a.name();
    if (n.equals("true") || n.equals("false") || n.equals("nil")) {
      return n;
    }
    if (ALIAS.matcher(n).matches() && !n.equals(n.toUpperCase(java.util.Locale.ROOT))) {
      return n; // Servy.ServicesSupervisor: an Elixir module alias (but :EXIT stays an atom)
    }
    if (PLAIN.matcher(n).matches()) {
      return ":" + n;
    }
    return ":\"" + n.replace("\"", "\\\"") + "\"";
  }

  private static void append(StringBuilder sb, Object v) {
    if (v instanceof Atom a) {
      sb.append(a == Atom.UNDEFINED ? ":undefined" : atom(a));
    } else if (v instanceof Pid p) {
      sb.append(p);
    } else if (v instanceof Ref r) {
      sb.append("#Reference<0.").append(r.serial()).append(">");
    } else if (v instanceof IntTerm i) {
      sb.append(i.value());
    } else if (v instanceof String s) {
      sb.append('"').append(s.replace("\"", "\\\"")).append('"');
    } else if (v instanceof Tuple t) {
      sb.append('{');
      for (int i = 0; i < t.size(); i++) {
        sb.append(i > 0 ? ", " : "");
        append(sb, t.get(i));
      }
      sb.append('}');
    } else if (v instanceof TermList l) {
      sb.append('[');
      for (int i = 0; i < l.elements().size(); i++) {
        sb.append(i > 0 ? ", " : "");
        append(sb, l.elements().get(i));
      }
      sb.append(']');
    } else if (v instanceof EMap m) {
      sb.append("%{");
      boolean first = true;
      for (Map.Entry<String, Object> e : m.entries().entrySet()) {
        sb.append(first ? "" : ", ").append(e.getKey()).append(": ");
        append(sb, e.getValue());
        first = false;
      }
      sb.append('}');
    } else {
      sb.append(v);
    }
  }
}
