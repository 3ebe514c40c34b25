package dev.kaboom.console;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Bin;
import dev.kaboom.engine.ImproperList;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.MapTerm;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The functions of Elixir 1.14's String, Map, List, Enum and Keyword modules (and a few of
 * Kernel's) that a reader of the course is likely to type, on the console's terms, with the errors
 * iex prints for a bad argument worded and laid out as iex 1.14 prints them (FunctionClauseError
 * with the arguments and the attempted clauses, ArgumentError, BadMapError, Protocol.UndefinedError
 * with their stack lines; sessions {@code stdlib}, {@code stdlib_errors}, {@code ranges_improper}).
 *
 * <p>Ranges are what Elixir makes them, the struct {@code %Range{first: 1, last: 5, step: 1}} (a
 * map, so {@code map_size(1..5)} is 4); {@link #range(MapTerm)} tells one apart. Enumerating one
 * builds its list, at most {@link #MAX_RANGE} elements; counting, summing and {@code in} do not.
 */
final class Stdlib {
  /** Calls a function value with arguments (the console's {@code f.(args)}). */
  interface Funs {
    Term call(Term fun, List<Term> args);
  }

  /** The most elements the console builds from one range. */
  static final long MAX_RANGE = 1_000_000;

  static final Atom NIL = Atom.of("nil");
  private static final Atom STRUCT = Atom.of("__struct__");
  private static final Atom RANGE = dev.kaboom.engine.TermSyntax.moduleAtom("Range");
  private static final Atom FIRST = Atom.of("first");
  private static final Atom LAST = Atom.of("last");
  private static final Atom STEP = Atom.of("step");

  private final Funs funs;

  Stdlib(Funs funs) {
    this.funs = funs;
  }

  // ---- ranges ----

  /** {@code first..last//step}: the Range struct. */
  static MapTerm range(long first, long last, long step) {
    Map<Term, Term> m = new LinkedHashMap<>();
    m.put(STRUCT, RANGE);
    m.put(FIRST, new IntTerm(first));
    m.put(LAST, new IntTerm(last));
    m.put(STEP, new IntTerm(step));
    return new MapTerm(m);
  }

  /**
   * {@code first..last} and {@code first..last//step} as Elixir 1.14 evaluates them: integers on
   * both sides (else its ArgumentError), a step that is a non-zero integer; without a step, -1 when
   * {@code last < first} (1.14 still infers it).
   */
  static MapTerm range(Term first, Term last, Term step) {
    if (first instanceof dev.kaboom.engine.BigIntTerm
        || last instanceof dev.kaboom.engine.BigIntTerm
        || step instanceof dev.kaboom.engine.BigIntTerm) {
      throw new ConsoleError(
          "Kaboom.UnsupportedError",
          "the Kaboom console's ranges hold 64-bit integers, not "
              + Inspect.inspectFlat(first)
              + ".."
              + Inspect.inspectFlat(last)
              + (step == null ? "" : "//" + Inspect.inspectFlat(step))
              + " (iex takes it)");
    }
    if (!(first instanceof IntTerm f) || !(last instanceof IntTerm l)) {
      throw new ConsoleError(
          "ArgumentError",
          "ranges (first..last//step) expect both sides to be integers, got: "
              + Inspect.inspectFlat(first)
              + ".."
              + Inspect.inspectFlat(last),
          "    (elixir 1.14.0) lib/kernel.ex:3938: Kernel.validate_range!/2\n"
              + "    (elixir 1.14.0) expanding macro: Kernel.\"..\"/2\n"
              + "    iex:1: (file)");
    }
    if (step == null) {
      return range(f.value(), l.value(), l.value() < f.value() ? -1 : 1);
    }
    if (!(step instanceof IntTerm s) || s.value() == 0) {
      throw new ConsoleError(
          "ArgumentError",
          "ranges (first..last//step) expect the step to be a non-zero integer, got: "
              + Inspect.inspectFlat(step),
          "    (elixir 1.14.0) lib/kernel.ex:3947: Kernel.validate_step!/1\n"
              + "    (elixir 1.14.0) expanding macro: Kernel.\"..//\"/3\n"
              + "    iex:1: (file)");
    }
    return range(f.value(), l.value(), s.value());
  }

  /** {first, last, step} of a Range struct, or null when {@code m} is no range. */
  static long[] range(MapTerm m) {
    Map<Term, Term> e = m.entries();
    if (e.size() == 4
        && e.get(STRUCT) == RANGE
        && e.get(FIRST) instanceof IntTerm f
        && e.get(LAST) instanceof IntTerm l
        && e.get(STEP) instanceof IntTerm s) {
      return new long[] {f.value(), l.value(), s.value()};
    }
    return null;
  }

  private static long[] rangeOf(Term t) {
    return t instanceof MapTerm m ? range(m) : null;
  }

  /** How many integers a range holds. */
  static long size(long[] r) {
    long first = r[0];
    long last = r[1];
    long step = r[2];
    if ((step > 0 && first > last) || (step < 0 && first < last)) {
      return 0;
    }
    return Math.abs((last - first) / step) + 1;
  }

  /** {@code x in first..last//step}. */
  static boolean inRange(long[] r, Term x) {
    if (!(x instanceof IntTerm i) || size(r) == 0) {
      return false;
    }
    long lo = Math.min(r[0], r[1]);
    long hi = Math.max(r[0], r[1]);
    long v = i.value();
    return v >= lo && v <= hi && Math.floorMod(v - r[0], Math.abs(r[2])) == 0;
  }

  // ---- Enumerable ----

  /**
   * The elements of an enumerable: a list's, a range's integers, a map's {@code {key, value}} pairs
   * in key order; anything else is Elixir's Protocol.UndefinedError with {@code function}'s stack
   * lines.
   */
  static List<Term> items(Term e, String function) {
    if (e instanceof TermList l) {
      return l.elements();
    }
    if (e instanceof ImproperList l) {
      throw new ConsoleError(
          "Kaboom.UnsupportedError",
          "the Kaboom console does not run Enum."
              + function
              + " on an improper list ("
              + flat(l)
              + "); iex raises an error from the list's end");
    }
    if (e instanceof MapTerm m) {
      long[] r = range(m);
      if (r != null) {
        long n = size(r);
        if (n > MAX_RANGE) {
          throw new ConsoleError(
              "Kaboom.UnsupportedError",
              "the Kaboom console does not enumerate ranges of more than "
                  + MAX_RANGE
                  + " integers ("
                  + Inspect.inspectFlat(e)
                  + " has "
                  + n
                  + ")");
        }
        List<Term> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
          out.add(new IntTerm(r[0] + i * r[2]));
        }
        return out;
      }
      List<Term> out = new ArrayList<>();
      for (var entry : m.entries().entrySet()) {
        out.add(Term.tuple(entry.getKey(), entry.getValue()));
      }
      out.sort(Inspect::compare);
      return out;
    }
    throw notEnumerable(e, function);
  }

  /** The stack lines under Enumerable's Protocol.UndefinedError, by the Enum function called. */
  private static final Map<String, String> ENUM_STACK =
      Map.ofEntries(
          Map.entry(
              "sort/1", "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:4307: Enum.sort/2"),
          Map.entry(
              "join/1", "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:4307: Enum.join/2"),
          Map.entry(
              "reduce/2", "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:2418: Enum.reduce/2"),
          Map.entry(
              "any?/2", "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:436: Enum.any?/2"),
          Map.entry(
              "all?/2", "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:375: Enum.all?/2"),
          Map.entry(
              "sort_by/2",
              "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:4307: Enum.map/2\n"
                  + "@lib/enum.ex:3264: Enum.sort_by/3"),
          Map.entry(
              "map_join/2",
              "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:4307: Enum.map_intersperse/3\n"
                  + "@lib/enum.ex:1755: Enum.map_join/3"),
          Map.entry(
              "map_join/3",
              "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:4307: Enum.map_intersperse/3\n"
                  + "@lib/enum.ex:1755: Enum.map_join/3"),
          Map.entry(
              "zip/2",
              "lib/enum.ex:166: Enumerable.reduce/3\n    (stdlib 4.2) lists.erl:1442:"
                  + " :lists.foreach_1/2\n@lib/stream.ex:1369: Stream.do_zip_enum/4\n"
                  + "@lib/enum.ex:3983: Enum.zip_reduce/3\n@lib/enum.ex:3837: Enum.zip/1"),
          Map.entry(
              "count/1", "lib/enum.ex:178: Enumerable.count/1\n@lib/enum.ex:690: Enum.count/1"),
          Map.entry(
              "member?/2",
              "lib/enum.ex:194: Enumerable.member?/2\n@lib/enum.ex:1960: Enum.member?/2"),
          Map.entry(
              "at/2",
              "lib/enum.ex:230: Enumerable.slice/1\n@lib/enum.ex:4379: Enum.slice_forward/4\n"
                  + "@lib/enum.ex:468: Enum.at/3"),
          Map.entry(
              "empty?/1", "lib/enum.ex:230: Enumerable.slice/1\n@lib/enum.ex:1007: Enum.empty?/1"),
          Map.entry(
              "find/2", "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:1150: Enum.find/3"),
          Map.entry(
              "to_list/1",
              "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:4307: Enum.reverse/1\n"
                  + "@lib/enum.ex:3646: Enum.to_list/1"),
          Map.entry(
              "max/1", "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:4307: Enum.aggregate/3"),
          Map.entry(
              "min/1", "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:4307: Enum.aggregate/3"),
          Map.entry(
              "uniq/1", "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:4307: Enum.uniq_by/2"),
          Map.entry(
              "with_index/1",
              "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:4307: Enum.map_reduce/3\n"
                  + "@lib/enum.ex:3783: Enum.with_index/2"));

  static ConsoleError notEnumerable(Term e, String function) {
    String stack =
        ENUM_STACK.getOrDefault(
            function, "lib/enum.ex:166: Enumerable.reduce/3\n@lib/enum.ex:4307: Enum." + function);
    return new ConsoleError(
        "Protocol.UndefinedError",
        "protocol Enumerable not implemented for "
            + Inspect.inspectFlat(e)
            + " of type "
            + typeName(e),
        "    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1\n    (elixir 1.14.0) "
            + stack.replace("@", "    (elixir 1.14.0) "));
  }

  /** The type Elixir's Protocol.UndefinedError names. */
  static String typeName(Term t) {
    if (Numbers.isInteger(t)) {
      return "Integer";
    }
    if (t instanceof dev.kaboom.engine.FloatTerm) {
      return "Float";
    }
    if (t instanceof Atom) {
      return "Atom";
    }
    if (t instanceof Tuple) {
      return "Tuple";
    }
    if (t instanceof dev.kaboom.engine.Pid) {
      return "PID";
    }
    if (t instanceof Bin) {
      return "BitString";
    }
    if (t instanceof dev.kaboom.engine.Ref) {
      return "Reference";
    }
    if (t instanceof dev.kaboom.engine.Fun) {
      return "Function";
    }
    if (t instanceof MapTerm) {
      return "Map";
    }
    if (t instanceof TermList || t instanceof ImproperList) {
      return "List";
    }
    return "Term";
  }

  // ---- the calls ----

  /** Whether {@code key} ({@code "String.upcase/1"}) is one this class runs. */
  static boolean runs(String key) {
    return FUNCTIONS.contains(key);
  }

  private static final java.util.Set<String> FUNCTIONS =
      java.util.Set.of(
          "String.upcase/1",
          "String.downcase/1",
          "String.split/1",
          "String.split/2",
          "String.trim/1",
          "String.length/1",
          "String.reverse/1",
          "String.to_atom/1",
          "String.contains?/2",
          "String.starts_with?/2",
          "String.replace/3",
          "Map.get/2",
          "Map.get/3",
          "Map.put/3",
          "Map.keys/1",
          "Map.values/1",
          "Map.merge/2",
          "Map.update/4",
          "Map.delete/2",
          "Map.has_key?/2",
          "Map.fetch/2",
          "Map.new/0",
          "Map.new/1",
          "List.first/1",
          "List.first/2",
          "List.last/1",
          "List.flatten/1",
          "List.wrap/1",
          "Keyword.get/2",
          "Keyword.get/3",
          "Keyword.put/3",
          "Keyword.keys/1",
          "Enum.map/2",
          "Enum.each/2",
          "Enum.filter/2",
          "Enum.reject/2",
          "Enum.find/2",
          "Enum.reduce/3",
          "Enum.count/1",
          "Enum.sum/1",
          "Enum.take/2",
          "Enum.member?/2",
          "Enum.reverse/1",
          "Enum.sort/1",
          "Enum.sort/2",
          "Enum.join/1",
          "Enum.join/2",
          "Enum.to_list/1",
          "Enum.max/1",
          "Enum.min/1",
          "Enum.uniq/1",
          "Enum.at/2",
          "Enum.empty?/1",
          "Enum.into/2",
          "Enum.with_index/1",
          "Enum.reduce/2",
          "Enum.map_join/2",
          "Enum.map_join/3",
          "Enum.any?/2",
          "Enum.all?/2",
          "Enum.sort_by/2",
          "Enum.zip/2",
          "Atom.to_string/1",
          "to_string/1",
          "Kernel.to_string/1",
          "Range.new/2",
          "Range.new/3");

  /**
   * The functions this class and {@link Library} run by module ({@code "String" -> ["contains?",
   * "downcase", ...]}, sorted, each name once), for Tab and {@code h()}.
   */
  static Map<String, List<String>> byModule() {
    Map<String, java.util.TreeSet<String>> out = new java.util.TreeMap<>();
    List<String> keys = new ArrayList<>(FUNCTIONS);
    keys.addAll(Numbers.FUNCTIONS); // Integer, Float, :math
    keys.addAll(Library.FUNCTIONS); // more String, Enum, Map, List, ..., :lists, :rand
    for (String key : new java.util.TreeSet<>(keys)) {
      int dot = key.indexOf('.');
      if (dot > 0) {
        out.computeIfAbsent(key.substring(0, dot), m -> new java.util.TreeSet<>())
            .add(key.substring(dot + 1, key.lastIndexOf('/')));
      }
    }
    Map<String, List<String>> lists = new LinkedHashMap<>();
    out.forEach((m, names) -> lists.put(m, List.copyOf(names)));
    return lists;
  }

  /** Runs {@code key} ({@code "String.upcase/1"}, one {@link #runs} says yes to). */
  Term call(String key, List<Term> a) {
    int slash = key.lastIndexOf('/');
    String name = key.substring(0, slash);
    return switch (name) {
      case "String.upcase" -> caseOf(a.get(0), true);
      case "String.downcase" -> caseOf(a.get(0), false);
      case "String.split" -> a.size() == 1 ? splitWhitespace(a.get(0)) : split(a.get(0), a.get(1));
      case "String.trim" -> new Bin(string(a, "trim", TRIM).strip());
      case "String.length" ->
          new IntTerm(graphemes(string(a, "length", IS_BINARY_CLAUSE.formatted("length"))));
      case "String.reverse" -> reverse(string(a, "reverse", IS_BINARY_CLAUSE.formatted("reverse")));
      case "String.to_atom" -> {
        if (a.get(0) instanceof Bin b) {
          yield Atom.of(b.value());
        }
        throw Console.argumentError(1, "not a binary", ":erlang.binary_to_atom", a.get(0), UTF8);
      }
      case "String.contains?" -> {
        String s = string(a, "contains?", CONTAINS);
        yield Atom.of(Boolean.toString(s.contains(pattern(a, 1, "contains?"))));
      }
      case "String.starts_with?" -> {
        String s = string(a, "starts_with?", STARTS_WITH);
        yield Atom.of(Boolean.toString(s.startsWith(pattern(a, 1, "starts_with?"))));
      }
      case "String.replace" -> replace(a);
      case "Map.get" -> {
        MapTerm m = map(a.get(0), "(elixir 1.14.0) lib/map.ex:534: Map.get", a, a.size() == 2);
        Term v = m.entries().get(a.get(1));
        yield v != null ? v : a.size() == 3 ? a.get(2) : NIL;
      }
      case "Map.put" -> {
        // iex 1.14 names the inlined :maps.put's arguments :k and :v (erl_eval's error info)
        MapTerm m =
            map(a.get(0), "(stdlib 4.2) :maps.put(:k, :v, " + flat(a.get(0)) + ")", null, false);
        Map<Term, Term> e = new LinkedHashMap<>(m.entries());
        e.put(a.get(1), a.get(2));
        yield new MapTerm(e);
      }
      case "Map.keys" -> {
        List<Term> keys =
            new ArrayList<>(map(a.get(0), maps("keys", a.get(0)), null, false).entries().keySet());
        keys.sort(Inspect::compare);
        yield new TermList(keys);
      }
      case "Map.values" -> {
        MapTerm m = map(a.get(0), maps("values", a.get(0)), null, false);
        List<Term> keys = new ArrayList<>(m.entries().keySet());
        keys.sort(Inspect::compare);
        List<Term> values = new ArrayList<>();
        keys.forEach(k -> values.add(m.entries().get(k)));
        yield new TermList(values);
      }
      case "Map.merge" -> {
        String where = maps("merge", a.get(0), a.get(1));
        Map<Term, Term> e = new LinkedHashMap<>(map(a.get(0), where, null, false).entries());
        e.putAll(map(a.get(1), where, null, false).entries());
        yield new MapTerm(e);
      }
      case "Map.update" -> {
        MapTerm m = map(a.get(0), "(elixir 1.14.0) lib/map.ex:693: Map.update", a, false);
        Map<Term, Term> e = new LinkedHashMap<>(m.entries());
        Term old = e.get(a.get(1));
        e.put(a.get(1), old == null ? a.get(2) : funs.call(a.get(3), List.of(old)));
        yield new MapTerm(e);
      }
      case "Map.delete" -> {
        MapTerm m = map(a.get(0), maps("remove", a.get(1), a.get(0)), null, false);
        Map<Term, Term> e = new LinkedHashMap<>(m.entries());
        e.remove(a.get(1));
        yield new MapTerm(e);
      }
      case "Map.has_key?" ->
          bool(
              map(a.get(0), maps("is_key", a.get(1), a.get(0)), null, false)
                  .entries()
                  .containsKey(a.get(1)));
      case "Map.fetch" -> {
        Term v =
            map(a.get(0), maps("find", a.get(1), a.get(0)), null, false).entries().get(a.get(1));
        yield v == null ? Atom.ERROR : Term.tuple(Atom.OK, v);
      }
      case "Map.new" -> {
        Map<Term, Term> e = new LinkedHashMap<>();
        if (!a.isEmpty()) {
          try {
            into(e, items(a.get(0), "to_list/1"));
          } catch (ConsoleError x) {
            throw new ConsoleError(
                x.kind,
                x.getMessage(),
                x.detail
                    + "\n    (elixir 1.14.0) lib/map.ex:"
                    + (x.kind.equals("ArgumentError") ? 221 : 228)
                    + ": Map."
                    + (x.kind.equals("ArgumentError") ? "new/1" : "new_from_enum/1"));
          }
        }
        yield new MapTerm(e);
      }
      case "List.first" -> {
        Term d = a.size() == 2 ? a.get(1) : NIL;
        if (a.get(0) instanceof TermList l) {
          yield l.elements().isEmpty() ? d : l.elements().get(0);
        }
        if (a.get(0) instanceof ImproperList l) {
          yield l.elements().get(0);
        }
        throw functionClause(
            "List.first/2",
            List.of(a.get(0), d),
            List.of("def first(-[]-, default)", "def first(-[head | _]-, _default)"),
            "(elixir 1.14.0) lib/list.ex:293: List.first/2");
      }
      case "List.last" -> {
        if (a.get(0) instanceof TermList l) {
          yield l.elements().isEmpty() ? NIL : l.elements().get(l.elements().size() - 1);
        }
        if (a.get(0) instanceof ImproperList l) {
          throw functionClause(
              "List.last/2",
              List.of(l.tail(), NIL),
              List.of(
                  "def last(-[]-, default)",
                  "def last(-[head]-, _default)",
                  "def last(-[_ | tail]-, default)"),
              "(elixir 1.14.0) lib/list.ex:320: List.last/2");
        }
        throw new ConsoleError(
            "CaseClauseError",
            "no case clause matching: {" + flat(a.get(0)) + ", nil}",
            "    (elixir 1.14.0) lib/list.ex:320: List.last/1");
      }
      case "List.flatten" -> {
        if (!(a.get(0) instanceof TermList l)) {
          throw functionClause(
              ":lists.flatten/1", a, null, "(stdlib 4.2) lists.erl:648: :lists.flatten/1");
        }
        List<Term> out = new ArrayList<>();
        flatten(l.elements(), out);
        yield new TermList(out);
      }
      case "List.wrap" ->
          a.get(0) instanceof TermList || a.get(0) instanceof ImproperList
              ? a.get(0)
              : a.get(0) == NIL ? new TermList(List.of()) : new TermList(List.of(a.get(0)));
      case "Keyword.get" -> {
        Term d = a.size() == 3 ? a.get(2) : NIL;
        List<Term> kw = keywords(a.get(0), a.get(1), "get", List.of(a.get(0), a.get(1), d), 388);
        for (Term t : kw) {
          if (t instanceof Tuple kv && kv.size() == 2 && kv.get(0).equals(a.get(1))) {
            yield kv.get(1);
          }
        }
        yield d;
      }
      case "Keyword.put" -> {
        List<Term> kw = keywords(a.get(0), a.get(1), "put", a, 773);
        List<Term> out = new ArrayList<>();
        out.add(Term.tuple(a.get(1), a.get(2)));
        for (Term t : kw) {
          if (!(t instanceof Tuple kv && kv.size() == 2 && kv.get(0).equals(a.get(1)))) {
            out.add(t);
          }
        }
        yield new TermList(out);
      }
      case "Keyword.keys" -> {
        List<Term> out = new ArrayList<>();
        for (Term t : keywords(a.get(0), Atom.OK, "keys", a, 639)) {
          if (!(t instanceof Tuple kv && kv.size() == 2)) {
            throw new ConsoleError(
                "FunctionClauseError",
                "no function clause matching in anonymous fn/1 in Keyword.keys/1");
          }
          out.add(kv.get(0));
        }
        yield new TermList(out);
      }
      case "Atom.to_string" -> {
        if (a.get(0) instanceof Atom at) {
          yield new Bin(at.name());
        }
        throw Console.argumentError(1, "not an atom", ":erlang.atom_to_binary", a.get(0));
      }
      case "to_string", "Kernel.to_string" -> new Bin(Console.chars(a.get(0)));
      case "Range.new" -> range(a.get(0), a.get(1), a.size() == 3 ? a.get(2) : new IntTerm(1));
      default -> enumCall(name.substring("Enum.".length()), key.substring(5), a);
    };
  }

  private static final Atom UTF8 = Atom.of("utf8");
  private static final String IS_BINARY_CLAUSE = "def %s(string) when -is_binary(string)-";
  private static final String TRIM = IS_BINARY_CLAUSE.formatted("trim");
  private static final List<String> CONTAINS =
      List.of(
          "def contains?(string, contents) when -is_binary(string)- and -is_list(contents)-",
          "def contains?(string, contents) when -is_binary(string)-");
  private static final List<String> STARTS_WITH =
      List.of(
          "def starts_with?(string, prefix) when -is_binary(string)- and is_binary(prefix)",
          "def starts_with?(string, prefix) when -is_binary(string)- and -is_list(prefix)-",
          "def starts_with?(string, prefix) when -is_binary(string)-");

  /** Where lib/string.ex 1.14 defines the functions whose clauses iex lists. */
  private static final Map<String, Integer> STRING_LINES =
      Map.of(
          "trim", 1271,
          "length", 2016,
          "reverse", 1657,
          "contains?", 2490,
          "starts_with?", 2346,
          "upcase", 831,
          "downcase", 899);

  /** The first argument as a string, or String's FunctionClauseError listing {@code clauses}. */
  private static String string(List<Term> a, String function, Object clauses) {
    if (a.get(0) instanceof Bin b) {
      return b.value();
    }
    @SuppressWarnings("unchecked")
    List<String> list = clauses instanceof String one ? List.of(one) : (List<String>) clauses;
    String name = "String." + function + "/" + a.size();
    throw functionClause(
        name, a, list, "(elixir 1.14.0) lib/string.ex:" + STRING_LINES.get(function) + ": " + name);
  }

  private static String pattern(List<Term> a, int i, String function) {
    if (a.get(i) instanceof Bin b) {
      return b.value();
    }
    throw new ConsoleError(
        "ArgumentError",
        "errors were found at the given arguments:\n\n  * 2nd argument: not a valid pattern\n",
        "    (stdlib 4.2) :binary.match("
            + flat(a.get(0))
            + ", "
            + flat(a.get(i))
            + ")"
            + (function.equals("contains?")
                ? "\n    (elixir 1.14.0) lib/string.ex:2495: String.contains?/2"
                : ""));
  }

  /** {@code String.upcase/1}, {@code downcase/1}: String's {@code /2} with {@code :default}. */
  private static Term caseOf(Term s, boolean upper) {
    if (s instanceof Bin b) {
      return new Bin(
          upper ? b.value().toUpperCase(Locale.ROOT) : b.value().toLowerCase(Locale.ROOT));
    }
    String f = upper ? "upcase" : "downcase";
    throw functionClause(
        "String." + f + "/2",
        List.of(s, Atom.of("default")),
        List.of(
            "def " + f + "(-\"\"-, _mode)",
            "def " + f + "(string, :default) when -is_binary(string)-",
            "def " + f + "(string, -:ascii-) when -is_binary(string)-",
            "def "
                + f
                + "(string, mode) when -is_binary(string)- and -mode === :greek- or -mode === :turkic-"),
        "(elixir 1.14.0) lib/string.ex:" + STRING_LINES.get(f) + ": String." + f + "/2");
  }

  /** The Unicode whitespace String.split/1 splits on, as :binary.split's patterns. */
  private static final String WHITESPACE =
      "\u3000\u205f\u2029\u2028\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u1680"
          + "\u0085 \t\n\u000b\f\r";

  private static Term splitWhitespace(Term s) {
    if (!(s instanceof Bin b)) {
      StringBuilder patterns = new StringBuilder();
      for (char c : WHITESPACE.toCharArray()) {
        patterns.append(patterns.length() == 0 ? "" : ", ").append(flat(new Bin("" + c)));
      }
      throw new ConsoleError(
          "ArgumentError",
          "errors were found at the given arguments:\n\n  * 1st argument: not a binary\n",
          "    (stdlib 4.2) :binary.split("
              + flat(s)
              + ", ["
              + patterns.toString().replace("\"\u0085\"", "<<194, 133>>")
              + "], [:global, :trim_all])\n"
              + "    (elixir 1.14.0) lib/elixir/unicode/unicode.ex:515: String.Break.split/1");
    }
    List<Term> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    String v = b.value();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (WHITESPACE.indexOf(c) >= 0) {
        if (word.length() > 0) {
          out.add(new Bin(word.toString()));
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      out.add(new Bin(word.toString()));
    }
    return new TermList(out);
  }

  private static Term split(Term s, Term on) {
    if (!(s instanceof Bin)) {
      String when = " when -is_binary(string)- and is_list(options)";
      throw functionClause(
          "String.split/3",
          List.of(s, on, new TermList(List.of())),
          List.of(
              "def split(string, -%Regex{} = pattern-, options)" + when,
              "def split(string, -\"\"-, options)" + when,
              "def split(string, -[]-, options)" + when,
              "def split(string, pattern, options)" + when),
          "(elixir 1.14.0) lib/string.ex:479: String.split/3");
    }
    Bin b = (Bin) s;
    if (on instanceof Bin empty && empty.value().isEmpty()) {
      return Library.splitGraphemes(b);
    }
    if (!(on instanceof Bin p)) {
      throw new ConsoleError(
          "ArgumentError",
          "errors were found at the given arguments:\n\n  * 2nd argument: not a valid pattern\n",
          "    (stdlib 4.2) :binary.split("
              + flat(s)
              + ", "
              + flat(on)
              + ", [:global])\n    (elixir 1.14.0) lib/string.ex:509: String.split/3");
    }
    List<Term> out = new ArrayList<>();
    String v = b.value();
    int from = 0;
    while (true) {
      int at = v.indexOf(p.value(), from);
      if (at < 0) {
        out.add(new Bin(v.substring(from)));
        return new TermList(out);
      }
      out.add(new Bin(v.substring(from, at)));
      from = at + p.value().length();
    }
  }

  private Term replace(List<Term> a) {
    if (!(a.get(0) instanceof Bin s) || !(a.get(2) instanceof Bin with)) {
      List<Term> args = new ArrayList<>(a);
      args.add(new TermList(List.of()));
      throw functionClause(
          "String.replace/4",
          args,
          List.of(
              "def replace(subject, pattern, replacement, options) when -is_binary(subject)- and"
                  + " is_binary(replacement) or -is_function(replacement, 1)- and is_list(options)"),
          "(elixir 1.14.0) lib/string.ex:1521: String.replace/4");
    }
    String p = pattern(a, 1, "replace");
    return new Bin(p.isEmpty() ? s.value() : s.value().replace(p, with.value()));
  }

  private static int graphemes(String s) {
    java.text.BreakIterator it = java.text.BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(s);
    int n = 0;
    while (it.next() != java.text.BreakIterator.DONE) {
      n++;
    }
    return n;
  }

  private static Term reverse(String s) {
    java.text.BreakIterator it = java.text.BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(s);
    List<String> parts = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != java.text.BreakIterator.DONE; end = it.next()) {
      parts.add(s.substring(start, end));
      start = end;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = parts.size() - 1; i >= 0; i--) {
      sb.append(parts.get(i));
    }
    return new Bin(sb.toString());
  }

  /**
   * {@code m} as a map, or Elixir's BadMapError; {@code where} is the stack line (with {@code
   * args}: the function's name, written as a call of {@code args}, a default {@code nil} added when
   * {@code withNil}).
   */
  private static MapTerm map(Term m, String where, List<Term> args, boolean withNil) {
    if (m instanceof MapTerm map) {
      return map;
    }
    String line = where;
    if (args != null) {
      List<Term> shown = new ArrayList<>(args);
      if (withNil) {
        shown.add(NIL);
      }
      line = where + "(" + String.join(", ", shown.stream().map(Stdlib::flat).toList()) + ")";
    }
    throw new ConsoleError("BadMapError", "expected a map, got: " + flat(m), "    " + line);
  }

  private static String maps(String function, Term... args) {
    return "(stdlib 4.2) :maps."
        + function
        + "("
        + String.join(", ", java.util.Arrays.stream(args).map(Stdlib::flat).toList())
        + ")";
  }

  /** A keyword list's pairs, or Keyword's FunctionClauseError. */
  private static List<Term> keywords(Term kw, Term key, String f, List<Term> args, int line) {
    if (kw instanceof TermList l && key instanceof Atom) {
      return l.elements();
    }
    String params =
        args.size() == 3 ? "keywords, key, " + (f.equals("get") ? "default" : "value") : "keywords";
    throw functionClause(
        "Keyword." + f + "/" + args.size(),
        args,
        List.of(
            "def "
                + f
                + "("
                + params
                + ") when "
                + (kw instanceof TermList ? "is_list(keywords)" : "-is_list(keywords)-")
                + (args.size() == 3
                    ? " and " + (key instanceof Atom ? "is_atom(key)" : "-is_atom(key)-")
                    : "")),
        "(elixir 1.14.0) lib/keyword.ex:" + line + ": Keyword." + f + "/" + args.size());
  }

  /** {@code items} flattened into {@code out}, without recursion (a list may nest 100,000 deep). */
  private static void flatten(List<Term> items, List<Term> out) {
    java.util.ArrayDeque<java.util.Iterator<Term>> open = new java.util.ArrayDeque<>();
    open.push(items.iterator());
    while (!open.isEmpty()) {
      java.util.Iterator<Term> it = open.peek();
      if (!it.hasNext()) {
        open.pop();
        continue;
      }
      Term t = it.next();
      if (t instanceof TermList l) {
        open.push(l.elements().iterator());
      } else {
        out.add(t);
      }
    }
  }

  private static void into(Map<Term, Term> map, List<Term> pairs) {
    for (Term t : pairs) {
      if (!(t instanceof Tuple kv && kv.size() == 2)) {
        throw new ConsoleError(
            "ArgumentError",
            "argument error",
            "    (stdlib 4.2) :maps.from_list(" + flat(new TermList(pairs)) + ")");
      }
      map.put(kv.get(0), kv.get(1));
    }
  }

  /** A map built from {@code {key, value}} pairs ({@code for ..., into: %{}}, Enum.into). */
  static MapTerm mapOf(List<Term> pairs) {
    Map<Term, Term> e = new LinkedHashMap<>();
    into(e, pairs);
    return new MapTerm(e);
  }

  // ---- Enum ----

  private Term enumCall(String f, String fa, List<Term> a) {
    Term e = a.get(0);
    if ((fa.equals("take/2") || fa.equals("at/2"))
        && a.get(1) instanceof dev.kaboom.engine.BigIntTerm big) {
      // past 64 bits: as far as any list or range goes, either way
      a = List.of(e, new IntTerm(big.value().signum() > 0 ? Long.MAX_VALUE : -Long.MAX_VALUE));
    }
    long[] r = rangeOf(e);
    switch (fa) {
      case "count/1":
        return new IntTerm(r != null ? size(r) : items(e, fa).size());
      case "member?/2":
        return bool(r != null ? inRange(r, a.get(1)) : items(e, fa).contains(a.get(1)));
      case "take/2":
        if (r != null && a.get(1) instanceof IntTerm n && n.value() >= 0) {
          // a range's first integers without building it (Elixir's take is lazy on a range)
          List<Term> first = new ArrayList<>();
          for (long i = 0; i < Math.min(n.value(), size(r)); i++) {
            first.add(new IntTerm(r[0] + i * r[2]));
          }
          return new TermList(first);
        }
        break;
      case "at/2":
        if (r != null && a.get(1) instanceof IntTerm n) {
          long i = n.value() < 0 ? size(r) + n.value() : n.value();
          return i >= 0 && i < size(r) ? new IntTerm(r[0] + i * r[2]) : NIL;
        }
        break;
      case "sum/1":
        if (r != null) {
          java.math.BigInteger n = java.math.BigInteger.valueOf(size(r));
          return Numbers.integer(
              n.multiply(java.math.BigInteger.valueOf(r[0]))
                  .add(
                      java.math.BigInteger.valueOf(r[2])
                          .multiply(
                              n.multiply(n.subtract(java.math.BigInteger.ONE)).shiftRight(1))));
        }
        break;
      default:
        break;
    }
    List<Term> items = items(e, fa);
    List<Term> out = new ArrayList<>();
    switch (fa) {
      case "map/2":
        for (Term x : items) {
          out.add(funs.call(a.get(1), List.of(x)));
        }
        return new TermList(out);
      case "each/2":
        for (Term x : items) {
          funs.call(a.get(1), List.of(x));
        }
        return Atom.OK;
      case "filter/2", "reject/2":
        for (Term x : items) {
          if (truthy(funs.call(a.get(1), List.of(x))) == f.equals("filter")) {
            out.add(x);
          }
        }
        return new TermList(out);
      case "find/2":
        for (Term x : items) {
          if (truthy(funs.call(a.get(1), List.of(x)))) {
            return x;
          }
        }
        return NIL;
      case "reduce/3":
        {
          Term acc = a.get(1);
          for (Term x : items) {
            acc = funs.call(a.get(2), List.of(x, acc));
          }
          return acc;
        }
      case "sum/1":
        {
          Term acc = new IntTerm(0);
          for (Term x : items) {
            if (!Numbers.isNumber(x) || !Numbers.isNumber(acc)) {
              throw new ConsoleError(
                  "ArithmeticError",
                  "bad argument in arithmetic expression: " + flat(x) + " + " + flat(acc),
                  "    :erlang.+("
                      + flat(x)
                      + ", "
                      + flat(acc)
                      + ")\n    (elixir 1.14.0) lib/enum.ex:2468:"
                      + " Enum.\"-sum/1-lists^foldl/2-0-\"/2");
            }
            acc = Numbers.arith("+", x, acc);
          }
          return acc;
        }
      case "take/2":
        {
          if (!(a.get(1) instanceof IntTerm n)) {
            throw functionClause(
                "Enum.take/2",
                a,
                List.of(
                    "def take(_enumerable, -0-)",
                    "def take(enumerable, amount) when is_list(enumerable) and"
                        + " -is_integer(amount)- and amount > 0",
                    "def take(enumerable, amount) when -is_integer(amount)- and amount > 0",
                    "def take(enumerable, amount) when -is_integer(amount)- and -amount < 0-"),
                "(elixir 1.14.0) lib/enum.ex:3439: Enum.take/2");
          }
          int size = items.size();
          long k = n.value();
          return new TermList(
              k >= 0
                  ? items.subList(0, (int) Math.min(k, size))
                  : items.subList((int) Math.max(0, size + k), size));
        }
      case "reverse/1":
        out.addAll(items);
        java.util.Collections.reverse(out);
        return new TermList(out);
      case "sort/1", "sort/2":
        {
          out.addAll(items);
          if (fa.equals("sort/1") || a.get(1) == Atom.of("asc")) {
            out.sort(Inspect::compare);
          } else if (a.get(1) == Atom.of("desc")) {
            out.sort((x, y) -> Inspect.compare(y, x));
          } else if (a.get(1) instanceof dev.kaboom.engine.Fun fun && fun.arity() == 2) {
            // Elixir's merge sort with a "x comes first" function: a stable insertion here
            List<Term> sorted = new ArrayList<>();
            for (Term x : out) {
              int at = sorted.size();
              while (at > 0 && !truthy(funs.call(a.get(1), List.of(sorted.get(at - 1), x)))) {
                at--;
              }
              sorted.add(at, x);
            }
            return new TermList(sorted);
          } else {
            throw functionClause(
                "Enum.to_sort_fun/1",
                List.of(a.get(1)),
                List.of(
                    "defp to_sort_fun(sorter) when -is_function(sorter, 2)-",
                    "defp to_sort_fun(-:asc-)",
                    "defp to_sort_fun(-:desc-)",
                    "defp to_sort_fun(module) when -is_atom(module)-",
                    "defp to_sort_fun(-{:asc, module}-) when -is_atom(module)-",
                    "defp to_sort_fun(-{:desc, module}-) when -is_atom(module)-"),
                "(elixir 1.14.0) lib/enum.ex:3135: Enum.to_sort_fun/1\n"
                    + "    (elixir 1.14.0) lib/enum.ex:3125: Enum.sort/2");
          }
          return new TermList(out);
        }
      case "join/1", "join/2":
        {
          Term joiner = a.size() == 2 ? a.get(1) : new Bin("");
          if (!(joiner instanceof Bin j)) {
            throw functionClause(
                "Enum.join/2",
                a,
                List.of(
                    "def join(enumerable, -\"\"-)",
                    "def join(enumerable, joiner) when is_list(enumerable) and"
                        + " -is_binary(joiner)-",
                    "def join(enumerable, joiner) when -is_binary(joiner)-"),
                "(elixir 1.14.0) lib/enum.ex:1615: Enum.join/2");
          }
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < items.size(); i++) {
            sb.append(i > 0 ? j.value() : "").append(Console.chars(items.get(i)));
          }
          return new Bin(sb.toString());
        }
      case "to_list/1":
        return new TermList(items);
      case "max/1", "min/1":
        {
          if (items.isEmpty()) {
            throw new ConsoleError(
                "Enum.EmptyError",
                "empty error",
                "    (elixir 1.14.0) lib/enum.ex:"
                    + (f.equals("max") ? 1855 : 2035)
                    + ": anonymous fn/0 in Enum."
                    + fa);
          }
          Term best = items.get(0);
          for (Term x : items) {
            int c = Inspect.compare(x, best);
            if (f.equals("max") ? c > 0 : c < 0) {
              best = x;
            }
          }
          return best;
        }
      case "uniq/1":
        return new TermList(new ArrayList<>(new java.util.LinkedHashSet<>(items)));
      case "at/2":
        {
          if (a.get(1) instanceof IntTerm n) {
            long i = n.value() < 0 ? items.size() + n.value() : n.value();
            return i >= 0 && i < items.size() ? items.get((int) i) : NIL;
          }
          throw functionClause(
              "Enum.at/3",
              List.of(e, a.get(1), NIL),
              List.of("def at(enumerable, index, default) when -is_integer(index)-"),
              "(elixir 1.14.0) lib/enum.ex:467: Enum.at/3");
        }
      case "empty?/1":
        return bool(items.isEmpty());
      case "into/2":
        {
          if (a.get(1) instanceof MapTerm m && range(m) == null) {
            Map<Term, Term> entries = new LinkedHashMap<>(m.entries());
            into(entries, items);
            return new MapTerm(entries);
          }
          if (a.get(1) instanceof TermList l) {
            out.addAll(l.elements());
            out.addAll(items);
            return new TermList(out);
          }
          throw notCollectable(a.get(1));
        }
      case "reduce/2":
        {
          if (items.isEmpty()) {
            throw new ConsoleError(
                "Enum.EmptyError",
                "empty error",
                "    (elixir 1.14.0) lib/enum.ex:2414: Enum.reduce/2");
          }
          Term acc = items.get(0);
          for (Term x : items.subList(1, items.size())) {
            acc = funs.call(a.get(1), List.of(x, acc));
          }
          return acc;
        }
      case "map_join/2", "map_join/3":
        {
          Term joiner = a.size() == 3 ? a.get(1) : new Bin("");
          List<Term> mapped = new ArrayList<>();
          for (Term x : items) {
            mapped.add(funs.call(a.get(a.size() - 1), List.of(x)));
          }
          return enumCall("join", "join/2", List.of(new TermList(mapped), joiner));
        }
      case "any?/2", "all?/2":
        {
          boolean any = f.equals("any?");
          for (Term x : items) {
            if (truthy(funs.call(a.get(1), List.of(x))) == any) {
              return bool(any);
            }
          }
          return bool(!any);
        }
      case "sort_by/2":
        {
          List<Term[]> keyed = new ArrayList<>();
          for (Term x : items) {
            keyed.add(new Term[] {funs.call(a.get(1), List.of(x)), x});
          }
          keyed.sort((x, y) -> Inspect.compare(x[0], y[0])); // stable, as Elixir's
          keyed.forEach(k -> out.add(k[1]));
          return new TermList(out);
        }
      case "zip/2":
        {
          List<Term> other = items(a.get(1), fa);
          for (int i = 0; i < Math.min(items.size(), other.size()); i++) {
            out.add(Term.tuple(items.get(i), other.get(i)));
          }
          return new TermList(out);
        }
      case "with_index/1":
        for (int i = 0; i < items.size(); i++) {
          out.add(Term.tuple(items.get(i), new IntTerm(i)));
        }
        return new TermList(out);
      default:
        throw new IllegalStateException("Enum." + fa);
    }
  }

  static ConsoleError notCollectable(Term t) {
    return new ConsoleError(
        "Protocol.UndefinedError",
        "protocol Collectable not implemented for " + flat(t) + " of type " + typeName(t),
        "    (elixir 1.14.0) lib/collectable.ex:1: Collectable.impl_for!/1\n"
            + "    (elixir 1.14.0) lib/collectable.ex:92: Collectable.into/1\n"
            + "    (elixir 1.14.0) lib/enum.ex:1499: Enum.into_protocol/2");
  }

  static boolean truthy(Term t) {
    return t != Atom.FALSE && t != NIL;
  }

  private static Atom bool(boolean b) {
    return b ? Atom.TRUE : Atom.FALSE;
  }

  private static String flat(Term t) {
    return Inspect.inspectFlat(t);
  }

  /**
   * A FunctionClauseError as iex 1.14 prints it for a named function: the arguments given, the
   * clauses it has ({@code -x-} marks what did not match, as iex marks it without colours; null: no
   * clauses listed, an Erlang function) and its stack line(s) (null: none, an interpreted fn).
   */
  static ConsoleError functionClause(
      String name, List<Term> args, List<String> clauses, String stack) {
    StringBuilder detail = new StringBuilder();
    detail
        .append("    \n    The following arguments were given to ")
        .append(name)
        .append(":\n    \n");
    for (int i = 0; i < args.size(); i++) {
      detail
          .append("        # ")
          .append(i + 1)
          .append("\n        ")
          .append(flat(args.get(i)))
          .append("\n    \n");
    }
    if (clauses != null) {
      detail
          .append("    Attempted function clauses (showing ")
          .append(clauses.size())
          .append(" out of ")
          .append(clauses.size())
          .append("):\n    \n");
      for (String c : clauses) {
        detail.append("        ").append(c).append('\n');
      }
      detail.append("    \n");
    }
    if (stack != null) {
      detail.append("    ").append(stack);
    }
    return new ConsoleError(
        "FunctionClauseError",
        "no function clause matching in " + name + "    ",
        detail.toString());
  }
}
