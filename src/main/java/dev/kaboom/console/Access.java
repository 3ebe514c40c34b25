package dev.kaboom.console;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.MapTerm;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Elixir 1.14's {@code Access} as the console needs it: {@code data[key]} ({@code Access.get/2} on
 * maps, keyword lists and {@code nil}), {@code %{map | k: v}}, and {@code get_in/2}, {@code
 * put_in/2,3}, {@code update_in/2,3} on paths of {@code [key]} and {@code .field} steps, with
 * Elixir's errors and stack lines (lib/access.ex, lib/kernel.ex, lib/map.ex of 1.14.0).
 */
final class Access {
  private Access() {}

  private static final Atom STRUCT = Atom.of("__struct__");

  /**
   * One step of a path: {@code [key]} (Access) or {@code .key} (a map's field, which must exist).
   */
  record Step(Term key, boolean field) {}

  /** {@code Access.get(container, key)}. */
  static Term get(Term container, Term key) {
    if (container instanceof MapTerm m) {
      if (m.entries().get(STRUCT) instanceof Atom module) {
        String name = Inspect.atom(module);
        throw new ConsoleError(
            "UndefinedFunctionError",
            "function "
                + name
                + ".fetch/2 is undefined ("
                + name
                + " does not implement the Access behaviour. If you are using"
                + " get_in/put_in/update_in, you can specify the field to be accessed using"
                + " Access.key!/1)",
            "    (elixir 1.14.0) "
                + name
                + ".fetch("
                + Inspect.inspectFlat(container)
                + ", "
                + Inspect.inspectFlat(key)
                + ")\n    (elixir 1.14.0) lib/access.ex:288: Access.get/3");
      }
      Term v = m.entries().get(key);
      return v == null ? Stdlib.NIL : v;
    }
    if (container instanceof TermList l) {
      if (!(key instanceof Atom)) {
        throw new ConsoleError(
            "ArgumentError",
            "the Access calls for keywords expect the key to be an atom, got: "
                + Inspect.inspectFlat(key),
            "    (elixir 1.14.0) lib/access.ex:313: Access.get/3");
      }
      for (Term t : l.elements()) {
        if (t instanceof Tuple kv && kv.size() == 2 && kv.get(0).equals(key)) {
          return kv.get(1);
        }
      }
      return Stdlib.NIL;
    }
    if (container == Stdlib.NIL) {
      return Stdlib.NIL;
    }
    throw Stdlib.functionClause(
        "Access.get/3",
        List.of(container, key, Stdlib.NIL),
        List.of(
            "def get(-%module{} = container-, key, default)",
            "def get(map, key, default) when -is_map(map)-",
            "def get(list, key, default) when -is_list(list)- and "
                + (key instanceof Atom ? "is_atom(key)" : "-is_atom(key)-"),
            "def get(list, key, _default) when -is_list(list)-",
            "def get(-nil-, _key, default)"),
        "(elixir 1.14.0) lib/access.ex:286: Access.get/3");
  }

  /** {@code %{map | k1: v1, k2: v2}}: each key must be in the map already. */
  static Term update(Term map, List<Term> keys, List<Term> values) {
    if (!(map instanceof MapTerm m)) {
      throw new ConsoleError(
          "BadMapError",
          "expected a map, got: " + Inspect.inspectFlat(map),
          "    (stdlib 4.2) :maps.put(:k, :v, " + Inspect.inspectFlat(map) + ")");
    }
    Map<Term, Term> out = new LinkedHashMap<>(m.entries());
    for (int i = 0; i < keys.size(); i++) {
      if (!out.containsKey(keys.get(i))) {
        String now = Inspect.inspectFlat(new MapTerm(out));
        throw new ConsoleError(
            "KeyError",
            "key " + Inspect.inspectFlat(keys.get(i)) + " not found in: " + now,
            "    (stdlib 4.2) :maps.update("
                + Inspect.inspectFlat(keys.get(i))
                + ", "
                + Inspect.inspectFlat(values.get(i))
                + ", "
                + now
                + ")\n    (stdlib 4.2) erl_eval.erl:309: anonymous fn/2 in :erl_eval.expr/6\n"
                + (i == 0
                    ? "    (stdlib 4.2) lists.erl:1350: :lists.foldl/3"
                    : "    (stdlib 4.2) lists.erl:1355: :lists.foldl_1/3"));
      }
      out.put(keys.get(i), values.get(i));
    }
    return new MapTerm(out);
  }

  /** {@code get_in(data, keys)}: Kernel.get_in/2 with a list of keys. */
  static Term getIn(Term data, Term keys) {
    if (!(keys instanceof TermList l) || l.elements().isEmpty()) {
      throw Stdlib.functionClause(
          "Kernel.get_in/2",
          List.of(data, keys),
          List.of(
              "def get_in(" + (data == Stdlib.NIL ? "nil" : "-nil-") + ", -[_ | _]-)",
              "def get_in(data, -[h]-) when -is_function(h)-",
              "def get_in(data, -[h | t]-) when -is_function(h)-",
              "def get_in(data, -[h]-)",
              "def get_in(data, -[h | t]-)"),
          "(elixir 1.14.0) lib/kernel.ex:2670: Kernel.get_in/2");
    }
    Term v = data;
    for (Term k : l.elements()) {
      v = v == Stdlib.NIL ? Stdlib.NIL : get(v, k);
    }
    return v;
  }

  /** The steps of a key list ({@code put_in(data, [:a, :b], v)}): all Access steps. */
  static List<Step> steps(Term keys) {
    List<Step> out = new ArrayList<>();
    for (Term k : ((TermList) keys).elements()) {
      out.add(new Step(k, false));
    }
    return out;
  }

  /**
   * {@code put_in/update_in}: {@code data} with the value at {@code path} replaced by {@code
   * fun}'s; {@code kernelLine} is the stack line of the Kernel function called (null for the macro
   * forms, {@code put_in(m[:a].b, v)}); {@code shown} is the function Access gets, as an error
   * shows it.
   */
  static Term updateIn(
      Term data, List<Step> path, UnaryOperator<Term> fun, String kernelLine, Term shown) {
    try {
      return updateAt(data, path, 0, fun, shown);
    } catch (ConsoleError e) {
      if (kernelLine == null) {
        throw e;
      }
      throw new ConsoleError(e.kind, e.getMessage(), e.detail + "\n    " + kernelLine);
    }
  }

  /** The function {@code Kernel.put_in/3} (or update_in/3, by its name) hands Access. */
  static Term kernelFun(String name) {
    String shown =
        name.equals("put_in")
            ? "#Function<17.98344383/1 in Kernel.put_in/3>"
            : "#Function<27.98344383/1 in Kernel.update_in/3>";
    return new dev.kaboom.engine.Fun(0, 1, new Console.Captured(null, null, shown));
  }

  private static Term updateAt(
      Term data, List<Step> path, int i, UnaryOperator<Term> fun, Term shown) {
    Step step = path.get(i);
    boolean last = i == path.size() - 1;
    Term key = step.key();
    if (step.field()) {
      if (!(data instanceof MapTerm m)) {
        throw new ConsoleError(
            "BadMapError",
            "expected a map, got: " + Inspect.inspectFlat(data),
            "    (elixir 1.14.0) lib/map.ex:883: Map.update!/3");
      }
      Term old = m.entries().get(key);
      if (old == null) {
        throw new ConsoleError(
            "KeyError",
            "key " + Inspect.inspectFlat(key) + " not found in: " + Inspect.inspectFlat(m),
            "    :erlang.map_get("
                + Inspect.inspectFlat(key)
                + ", "
                + Inspect.inspectFlat(m)
                + ")\n    (elixir 1.14.0) lib/map.ex:319: Map.update!/3");
      }
      Map<Term, Term> out = new LinkedHashMap<>(m.entries());
      out.put(
          key,
          inner(old, path, i, fun, shown, last, "(elixir 1.14.0) lib/map.ex:883: Map.update!/3"));
      return new MapTerm(out);
    }
    if (data instanceof MapTerm m && !(m.entries().get(STRUCT) instanceof Atom)) {
      Term old = m.entries().get(key);
      Map<Term, Term> out = new LinkedHashMap<>(m.entries());
      out.put(
          key,
          inner(
              old == null ? Stdlib.NIL : old,
              path,
              i,
              fun,
              shown,
              last,
              "(elixir 1.14.0) lib/map.ex:924: Map.get_and_update/3"));
      return new MapTerm(out);
    }
    if (data instanceof TermList l) {
      if (!(key instanceof Atom)) {
        throw Stdlib.functionClause(
            "Keyword.get_and_update/3",
            List.of(data, key, shown),
            List.of(
                "def get_and_update(keywords, key, fun) when is_list(keywords) and"
                    + " -is_atom(key)-"),
            "(elixir 1.14.0) lib/keyword.ex:468: Keyword.get_and_update/3");
      }
      List<Term> out = new ArrayList<>(l.elements());
      for (int j = 0; j < out.size(); j++) {
        if (out.get(j) instanceof Tuple kv && kv.size() == 2 && kv.get(0).equals(key)) {
          out.set(j, Term.tuple(key, inner(kv.get(1), path, i, fun, shown, last, null)));
          return new TermList(out);
        }
      }
      out.add(0, Term.tuple(key, inner(Stdlib.NIL, path, i, fun, shown, last, null)));
      return new TermList(out);
    }
    if (data == Stdlib.NIL) {
      throw new ConsoleError(
          "ArgumentError",
          "could not put/update key " + Inspect.inspectFlat(key) + " on a nil value",
          "    (elixir 1.14.0) lib/access.ex:368: Access.get_and_update/3");
    }
    throw Stdlib.functionClause(
        "Access.get_and_update/3",
        List.of(data, key, shown),
        List.of(
            "def get_and_update(-%module{} = container-, key, fun)",
            "def get_and_update(map, key, fun) when -is_map(map)-",
            "def get_and_update(list, key, fun) when -is_list(list)-",
            "def get_and_update(-nil-, key, _fun)"),
        "(elixir 1.14.0) lib/access.ex:348: Access.get_and_update/3");
  }

  /** The new value under one step: {@code fun}'s at the path's end, else the next step's. */
  private static Term inner(
      Term old,
      List<Step> path,
      int i,
      UnaryOperator<Term> fun,
      Term shown,
      boolean last,
      String frame) {
    if (last) {
      return fun.apply(old);
    }
    try {
      return updateAt(old, path, i + 1, fun, shown);
    } catch (ConsoleError e) {
      if (frame == null) {
        throw e;
      }
      throw new ConsoleError(e.kind, e.getMessage(), e.detail + "\n    " + frame);
    }
  }
}
