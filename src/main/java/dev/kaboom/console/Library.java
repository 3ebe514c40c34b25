package dev.kaboom.console;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Bin;
import dev.kaboom.engine.Fun;
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
import java.util.Set;

/**
 * More of Elixir 1.14's String, Enum, Map, List, Tuple and Keyword functions, Kernel's imported
 * ones ({@code then/2}, {@code put_elem/3}, ...; {@link Numbers} has the numeric ones), and the
 * Erlang functions a learner reaches for ({@code :lists.reverse/1}, {@code :lists.seq/2}, {@code
 * :rand.uniform/1}, {@code :timer.seconds/1}, ...), each answering what iex 1.14 answers (session
 * {@code stdlib_more} and {@code erlang_modules}, recorded on iex 1.14 / OTP 25). The functions of
 * {@link Stdlib} came first; this class adds to them on the same terms (its Enumerable, its
 * errors).
 *
 * <p>An argument of the wrong type gets the function's FunctionClauseError with the arguments given
 * (iex lists the attempted clauses too; the console does that for {@link Stdlib}'s functions).
 * {@code :rand} draws from the console's engine seed, so a seeded run always draws the same.
 */
final class Library {
  private final Stdlib.Funs funs;
  private final java.util.function.LongSupplier seed;
  private java.util.SplittableRandom random;

  /** {@code seed}: the engine's seed, read when {@code :rand} first draws. */
  Library(Stdlib.Funs funs, java.util.function.LongSupplier seed) {
    this.funs = funs;
    this.seed = seed;
  }

  static final Atom NIL = Stdlib.NIL;

  /** The functions this class runs ({@code "String.slice/3"}, {@code ":lists.seq/2"}). */
  static final Set<String> FUNCTIONS =
      Set.of(
          "String.split/3",
          "String.graphemes/1",
          "String.codepoints/1",
          "String.slice/2",
          "String.slice/3",
          "String.at/2",
          "String.first/1",
          "String.last/1",
          "String.duplicate/2",
          "String.pad_leading/2",
          "String.pad_leading/3",
          "String.pad_trailing/2",
          "String.pad_trailing/3",
          "String.capitalize/1",
          "String.ends_with?/2",
          "String.to_charlist/1",
          "String.trim_leading/1",
          "String.trim_trailing/1",
          "String.to_existing_atom/1",
          "String.to_integer/2",
          "Enum.chunk_every/2",
          "Enum.flat_map/2",
          "Enum.group_by/2",
          "Enum.frequencies/1",
          "Enum.slice/2",
          "Enum.slice/3",
          "Enum.drop/2",
          "Enum.take_while/2",
          "Enum.drop_while/2",
          "Enum.split/2",
          "Enum.split_with/2",
          "Enum.concat/1",
          "Enum.concat/2",
          "Enum.product/1",
          "Enum.max_by/2",
          "Enum.min_by/2",
          "Enum.find_index/2",
          "Enum.dedup/1",
          "Enum.intersperse/2",
          "Enum.reduce_while/3",
          "Enum.map_reduce/3",
          "Enum.scan/2",
          "Enum.uniq_by/2",
          "Enum.count/2",
          "Enum.fetch/2",
          "Enum.min_max/1",
          "Enum.at/3",
          "Enum.any?/1",
          "Enum.all?/1",
          "Enum.find/3",
          "Enum.with_index/2",
          "Enum.random/1",
          "Enum.shuffle/1",
          "Enum.unzip/1",
          "Enum.chunk_by/2",
          "Map.to_list/1",
          "Map.take/2",
          "Map.drop/2",
          "Map.pop/2",
          "Map.pop/3",
          "Map.update!/3",
          "Map.get_lazy/3",
          "Map.put_new/3",
          "Map.fetch!/2",
          "Map.filter/2",
          "Map.reject/2",
          "Map.new/2",
          "Map.equal?/2",
          "Map.split/2",
          "List.delete/2",
          "List.insert_at/3",
          "List.replace_at/3",
          "List.update_at/3",
          "List.delete_at/2",
          "List.pop_at/2",
          "List.duplicate/2",
          "List.zip/1",
          "List.keyfind/3",
          "List.to_tuple/1",
          "List.to_string/1",
          "List.foldl/3",
          "List.foldr/3",
          "Tuple.to_list/1",
          "Tuple.append/2",
          "Tuple.insert_at/3",
          "Tuple.delete_at/2",
          "Tuple.duplicate/2",
          "Keyword.fetch/2",
          "Keyword.delete/2",
          "Keyword.merge/2",
          "Keyword.values/1",
          "Keyword.has_key?/2",
          "Integer.undigits/1",
          "Atom.to_charlist/1",
          "to_charlist/1",
          "is_boolean/1",
          "is_function/2",
          "is_map_key/2",
          "then/2",
          "tap/2",
          "put_elem/3",
          "byte_size/1",
          ":lists.reverse/1",
          ":lists.reverse/2",
          ":lists.seq/2",
          ":lists.seq/3",
          ":lists.sum/1",
          ":lists.max/1",
          ":lists.min/1",
          ":lists.member/2",
          ":lists.nth/2",
          ":lists.append/1",
          ":lists.append/2",
          ":lists.sort/1",
          ":lists.usort/1",
          ":lists.last/1",
          ":lists.flatten/1",
          ":lists.duplicate/2",
          ":lists.keyfind/3",
          ":lists.zip/2",
          ":lists.map/2",
          ":lists.filter/2",
          ":lists.foldl/3",
          ":lists.foldr/3",
          ":rand.uniform/1",
          ":timer.seconds/1",
          ":timer.minutes/1",
          ":timer.hours/1",
          ":erlang.length/1",
          ":erlang.element/2",
          ":erlang.tuple_to_list/1",
          ":erlang.list_to_tuple/1",
          ":erlang.atom_to_binary/1",
          ":erlang.binary_to_atom/1",
          ":erlang.list_to_atom/1",
          ":erlang.integer_to_list/1",
          ":erlang.abs/1",
          ":erlang.max/2",
          ":erlang.min/2",
          ":erlang.node/0",
          "node/0",
          ":maps.get/2",
          ":maps.put/3");

  /** Whether this class runs {@code key}; {@code Kernel.abs/1} is {@code abs/1}. */
  static boolean runs(String key) {
    return FUNCTIONS.contains(kernel(key));
  }

  private static String kernel(String key) {
    return key.startsWith("Kernel.") ? key.substring("Kernel.".length()) : key;
  }

  /** Runs {@code key} (one {@link #runs} says yes to) on the arguments {@code a}. */
  Term call(String key, List<Term> a) {
    String k = kernel(key);
    String module = k.contains(".") ? k.substring(0, k.lastIndexOf('.', k.indexOf('/'))) : "";
    return switch (module) {
      case "String" -> string(k, a);
      case "Enum" -> enumeration(k, a);
      case "Map" -> map(k, a);
      case "List", "Tuple", "Keyword" -> lists(k, a);
      case ":lists", ":rand", ":timer", ":erlang", ":maps" -> erlang(k, a);
      default -> kernelOrInteger(k, a);
    };
  }

  // ---- String ----

  private Term string(String k, List<Term> a) {
    if (k.equals("String.to_integer/2")) {
      if (a.get(0) instanceof Bin b && a.get(1) instanceof IntTerm base) {
        try {
          return new IntTerm(Long.parseLong(b.value(), (int) base.value()));
        } catch (NumberFormatException e) {
          throw Console.argumentError(
              1,
              "not a textual representation of an integer",
              ":erlang.binary_to_integer",
              a.toArray(new Term[0]));
        }
      }
      throw clause(k, a);
    }
    if (!(a.get(0) instanceof Bin s)) {
      throw clause(k, a);
    }
    String v = s.value();
    switch (k) {
      case "String.split/3":
        return split(s, a.get(1), a.get(2));
      case "String.graphemes/1":
        return strings(graphemes(v));
      case "String.codepoints/1":
        {
          List<Term> out = new ArrayList<>();
          v.codePoints().forEach(c -> out.add(new Bin(new String(Character.toChars(c)))));
          return new TermList(out);
        }
      case "String.slice/2":
        {
          long[] r = a.get(1) instanceof MapTerm m ? Stdlib.range(m) : null;
          if (r == null) {
            throw clause(k, a);
          }
          List<String> g = graphemes(v);
          long first = r[0] < 0 ? g.size() + r[0] : r[0];
          long last = r[1] < 0 ? g.size() + r[1] : r[1];
          if (first < 0 || first >= g.size() || last < first) {
            return new Bin("");
          }
          return new Bin(
              String.join("", g.subList((int) first, (int) Math.min(last + 1, g.size()))));
        }
      case "String.slice/3":
        {
          if (!(a.get(1) instanceof IntTerm start) || !(a.get(2) instanceof IntTerm len)) {
            throw clause(k, a);
          }
          List<String> g = graphemes(v);
          long from = start.value() < 0 ? g.size() + start.value() : start.value();
          if (from < 0 || from >= g.size() || len.value() <= 0) {
            return new Bin("");
          }
          return new Bin(
              String.join("", g.subList((int) from, (int) Math.min(from + len.value(), g.size()))));
        }
      case "String.at/2":
        {
          if (!(a.get(1) instanceof IntTerm i)) {
            throw clause(k, a);
          }
          List<String> g = graphemes(v);
          long at = i.value() < 0 ? g.size() + i.value() : i.value();
          return at >= 0 && at < g.size() ? new Bin(g.get((int) at)) : NIL;
        }
      case "String.first/1", "String.last/1":
        {
          List<String> g = graphemes(v);
          if (g.isEmpty()) {
            return NIL;
          }
          return new Bin(k.equals("String.first/1") ? g.get(0) : g.get(g.size() - 1));
        }
      case "String.duplicate/2":
        if (a.get(1) instanceof IntTerm n && n.value() >= 0) {
          return new Bin(v.repeat((int) n.value()));
        }
        throw Console.argumentError(
            2, "not a non-negative integer", ":binary.copy", a.toArray(new Term[0]));
      case "String.pad_leading/2",
      "String.pad_leading/3",
      "String.pad_trailing/2",
      "String.pad_trailing/3":
        {
          String pad = a.size() == 3 && a.get(2) instanceof Bin p ? p.value() : " ";
          if (!(a.get(1) instanceof IntTerm n)
              || pad.isEmpty()
              || (a.size() == 3 && !(a.get(2) instanceof Bin))) {
            throw clause(k, a);
          }
          List<String> g = graphemes(v);
          List<String> padG = graphemes(pad);
          long missing = n.value() - g.size();
          StringBuilder fill = new StringBuilder();
          for (long i = 0; i < missing; i++) {
            fill.append(padG.get((int) (i % padG.size())));
          }
          return new Bin(k.startsWith("String.pad_leading") ? fill + v : v + fill);
        }
      case "String.capitalize/1":
        {
          List<String> g = graphemes(v);
          if (g.isEmpty()) {
            return s;
          }
          return new Bin(
              g.get(0).toUpperCase(Locale.ROOT)
                  + String.join("", g.subList(1, g.size())).toLowerCase(Locale.ROOT));
        }
      case "String.ends_with?/2":
        if (a.get(1) instanceof Bin suffix) {
          return bool(v.endsWith(suffix.value()));
        }
        if (a.get(1) instanceof TermList l
            && l.elements().stream().allMatch(x -> x instanceof Bin)) {
          return bool(l.elements().stream().anyMatch(x -> v.endsWith(((Bin) x).value())));
        }
        throw clause(k, a);
      case "String.to_charlist/1":
        return charlist(v);
      case "String.trim_leading/1":
        return new Bin(v.stripLeading());
      case "String.trim_trailing/1":
        return new Bin(v.stripTrailing());
      case "String.to_existing_atom/1":
        return Atom.of(v);
      default:
        throw new IllegalStateException(k);
    }
  }

  /** {@code String.split(string, pattern, options)}: {@code parts:} and {@code trim:}. */
  private static Term split(Bin s, Term on, Term opts) {
    long parts = -1;
    boolean trim = false;
    if (opts instanceof TermList l) {
      for (Term t : l.elements()) {
        if (t instanceof Tuple kv && kv.size() == 2) {
          if (kv.get(0) == Atom.of("parts") && kv.get(1) instanceof IntTerm n) {
            parts = n.value();
          } else if (kv.get(0) == Atom.of("trim")) {
            trim = kv.get(1) == Atom.TRUE;
          }
        }
      }
    }
    if (!(on instanceof Bin p)) {
      throw clause("String.split/3", List.of(s, on, opts));
    }
    List<Term> out = new ArrayList<>();
    String v = s.value();
    if (p.value().isEmpty()) {
      // Elixir splits at every grapheme, with the empty strings at both ends
      out.add(new Bin(""));
      graphemes(v).forEach(g -> out.add(new Bin(g)));
      out.add(new Bin(""));
    } else {
      int from = 0;
      while (true) {
        int at = parts > 0 && out.size() == parts - 1 ? -1 : v.indexOf(p.value(), from);
        if (at < 0) {
          out.add(new Bin(v.substring(from)));
          break;
        }
        out.add(new Bin(v.substring(from, at)));
        from = at + p.value().length();
      }
    }
    if (trim) {
      out.removeIf(t -> ((Bin) t).value().isEmpty());
    }
    return new TermList(out);
  }

  /** {@code String.split(s, "")}: Elixir's {@code ["", "a", "b", "c", ""]}. */
  static Term splitGraphemes(Bin s) {
    return split(s, new Bin(""), new TermList(List.of()));
  }

  static List<String> graphemes(String s) {
    java.text.BreakIterator it = java.text.BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(s);
    List<String> parts = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != java.text.BreakIterator.DONE; end = it.next()) {
      parts.add(s.substring(start, end));
      start = end;
    }
    return parts;
  }

  private static TermList strings(List<String> parts) {
    return new TermList(parts.stream().<Term>map(Bin::new).toList());
  }

  private static TermList charlist(String v) {
    List<Term> out = new ArrayList<>();
    v.codePoints().forEach(c -> out.add(new IntTerm(c)));
    return new TermList(out);
  }

  // ---- Enum ----

  private Term enumeration(String k, List<Term> a) {
    String fa = k.substring("Enum.".length());
    List<Term> items = Stdlib.items(a.get(0), fa);
    List<Term> out = new ArrayList<>();
    switch (fa) {
      case "chunk_every/2":
        {
          int n = positive(k, a, 1);
          for (int i = 0; i < items.size(); i += n) {
            out.add(new TermList(items.subList(i, Math.min(i + n, items.size()))));
          }
          return new TermList(out);
        }
      case "flat_map/2":
        for (Term x : items) {
          Term r = funs.call(a.get(1), List.of(x));
          out.addAll(r instanceof TermList l ? l.elements() : Stdlib.items(r, "flat_map/2"));
        }
        return new TermList(out);
      case "group_by/2":
        {
          Map<Term, List<Term>> groups = new LinkedHashMap<>();
          for (Term x : items) {
            groups.computeIfAbsent(funs.call(a.get(1), List.of(x)), g -> new ArrayList<>()).add(x);
          }
          Map<Term, Term> m = new LinkedHashMap<>();
          groups.forEach((g, xs) -> m.put(g, new TermList(xs)));
          return new MapTerm(m);
        }
      case "frequencies/1":
        {
          Map<Term, Term> m = new LinkedHashMap<>();
          for (Term x : items) {
            m.merge(x, new IntTerm(1), (o, one) -> new IntTerm(((IntTerm) o).value() + 1));
          }
          return new MapTerm(m);
        }
      case "slice/2":
        {
          long[] r = a.get(1) instanceof MapTerm m ? Stdlib.range(m) : null;
          if (r == null) {
            throw clause(k, a);
          }
          long first = r[0] < 0 ? items.size() + r[0] : r[0];
          long last = r[1] < 0 ? items.size() + r[1] : r[1];
          if (first < 0 || first >= items.size() || last < first) {
            return new TermList(List.of());
          }
          return new TermList(items.subList((int) first, (int) Math.min(last + 1, items.size())));
        }
      case "slice/3":
        {
          if (!(a.get(1) instanceof IntTerm start) || !(a.get(2) instanceof IntTerm len)) {
            throw clause(k, a);
          }
          long from = start.value() < 0 ? items.size() + start.value() : start.value();
          if (from < 0 || from >= items.size() || len.value() <= 0) {
            return new TermList(List.of());
          }
          return new TermList(
              items.subList((int) from, (int) Math.min(from + len.value(), items.size())));
        }
      case "drop/2", "split/2":
        {
          if (!(a.get(1) instanceof IntTerm n)) {
            throw clause(k, a);
          }
          int at =
              (int)
                  (n.value() >= 0
                      ? Math.min(n.value(), items.size())
                      : Math.max(0, items.size() + n.value()));
          TermList rest = new TermList(items.subList(at, items.size()));
          return fa.equals("drop/2") ? rest : Term.tuple(new TermList(items.subList(0, at)), rest);
        }
      case "take_while/2", "drop_while/2":
        {
          int i = 0;
          while (i < items.size() && Stdlib.truthy(funs.call(a.get(1), List.of(items.get(i))))) {
            i++;
          }
          return new TermList(
              fa.equals("take_while/2") ? items.subList(0, i) : items.subList(i, items.size()));
        }
      case "split_with/2":
        {
          List<Term> no = new ArrayList<>();
          for (Term x : items) {
            (Stdlib.truthy(funs.call(a.get(1), List.of(x))) ? out : no).add(x);
          }
          return Term.tuple(new TermList(out), new TermList(no));
        }
      case "concat/1":
        for (Term x : items) {
          out.addAll(Stdlib.items(x, "concat/1"));
        }
        return new TermList(out);
      case "concat/2":
        out.addAll(items);
        out.addAll(Stdlib.items(a.get(1), "concat/2"));
        return new TermList(out);
      case "product/1":
        {
          long p = 1;
          for (Term x : items) {
            if (!(x instanceof IntTerm i)) {
              throw new ConsoleError(
                  "ArithmeticError",
                  "bad argument in arithmetic expression: " + flat(x) + " * " + p,
                  "    :erlang.*(" + flat(x) + ", " + p + ")");
            }
            p = Math.multiplyExact(p, i.value());
          }
          return new IntTerm(p);
        }
      case "max_by/2", "min_by/2":
        {
          if (items.isEmpty()) {
            throw new ConsoleError(
                "Enum.EmptyError",
                "empty error",
                "    (elixir 1.14.0) lib/enum.ex:"
                    + (fa.startsWith("max") ? 1925 : 2105)
                    + ": anonymous fn/0 in Enum."
                    + fa);
          }
          Term best = items.get(0);
          Term bestKey = funs.call(a.get(1), List.of(best));
          for (Term x : items.subList(1, items.size())) {
            Term key = funs.call(a.get(1), List.of(x));
            int c = Inspect.compare(key, bestKey);
            if (fa.startsWith("max") ? c > 0 : c < 0) {
              best = x;
              bestKey = key;
            }
          }
          return best;
        }
      case "find_index/2":
        for (int i = 0; i < items.size(); i++) {
          if (Stdlib.truthy(funs.call(a.get(1), List.of(items.get(i))))) {
            return new IntTerm(i);
          }
        }
        return NIL;
      case "dedup/1":
        for (Term x : items) {
          if (out.isEmpty() || !out.get(out.size() - 1).equals(x)) {
            out.add(x);
          }
        }
        return new TermList(out);
      case "intersperse/2":
        for (Term x : items) {
          if (!out.isEmpty()) {
            out.add(a.get(1));
          }
          out.add(x);
        }
        return new TermList(out);
      case "reduce_while/3":
        {
          Term acc = a.get(1);
          for (Term x : items) {
            Term r = funs.call(a.get(2), List.of(x, acc));
            if (r instanceof Tuple t && t.size() == 2 && t.get(0) == Atom.of("cont")) {
              acc = t.get(1);
            } else if (r instanceof Tuple t && t.size() == 2 && t.get(0) == Atom.of("halt")) {
              return t.get(1);
            } else {
              throw new ConsoleError(
                  "CaseClauseError",
                  "no case clause matching: " + flat(r),
                  "    (elixir 1.14.0) lib/enum.ex:2468: Enum.reduce_while/3");
            }
          }
          return acc;
        }
      case "map_reduce/3":
        {
          Term acc = a.get(1);
          for (Term x : items) {
            Term r = funs.call(a.get(2), List.of(x, acc));
            if (!(r instanceof Tuple t && t.size() == 2)) {
              throw new ConsoleError("MatchError", "no match of right hand side value: " + flat(r));
            }
            out.add(t.get(0));
            acc = t.get(1);
          }
          return Term.tuple(new TermList(out), acc);
        }
      case "scan/2":
        {
          Term acc = null;
          for (Term x : items) {
            acc = acc == null ? x : funs.call(a.get(1), List.of(x, acc));
            out.add(acc);
          }
          return new TermList(out);
        }
      case "uniq_by/2":
        {
          Set<Term> seen = new java.util.HashSet<>();
          for (Term x : items) {
            if (seen.add(funs.call(a.get(1), List.of(x)))) {
              out.add(x);
            }
          }
          return new TermList(out);
        }
      case "count/2":
        {
          long n = 0;
          for (Term x : items) {
            if (Stdlib.truthy(funs.call(a.get(1), List.of(x)))) {
              n++;
            }
          }
          return new IntTerm(n);
        }
      case "fetch/2", "at/3":
        {
          if (!(a.get(1) instanceof IntTerm n)) {
            throw clause(k, a);
          }
          long i = n.value() < 0 ? items.size() + n.value() : n.value();
          boolean in = i >= 0 && i < items.size();
          if (fa.equals("at/3")) {
            return in ? items.get((int) i) : a.get(2);
          }
          return in ? Term.tuple(Atom.OK, items.get((int) i)) : Atom.ERROR;
        }
      case "min_max/1":
        {
          if (items.isEmpty()) {
            throw new ConsoleError(
                "Enum.EmptyError",
                "empty error",
                "    (elixir 1.14.0) lib/enum.ex:2131: anonymous fn/0 in Enum.min_max/1");
          }
          Term min = items.get(0);
          Term max = items.get(0);
          for (Term x : items) {
            min = Inspect.compare(x, min) < 0 ? x : min;
            max = Inspect.compare(x, max) > 0 ? x : max;
          }
          return Term.tuple(min, max);
        }
      case "any?/1":
        return bool(items.stream().anyMatch(Stdlib::truthy));
      case "all?/1":
        return bool(items.stream().allMatch(Stdlib::truthy));
      case "find/3":
        for (Term x : items) {
          if (Stdlib.truthy(funs.call(a.get(2), List.of(x)))) {
            return x;
          }
        }
        return a.get(1);
      case "with_index/2":
        for (int i = 0; i < items.size(); i++) {
          if (a.get(1) instanceof IntTerm offset) {
            out.add(Term.tuple(items.get(i), new IntTerm(offset.value() + i)));
          } else {
            out.add(funs.call(a.get(1), List.of(items.get(i), new IntTerm(i))));
          }
        }
        return new TermList(out);
      case "random/1":
        if (items.isEmpty()) {
          throw new ConsoleError(
              "Enum.EmptyError",
              "empty error",
              "    (elixir 1.14.0) lib/enum.ex:2349: Enum.random/1");
        }
        return items.get(random().nextInt(items.size()));
      case "shuffle/1":
        out.addAll(items);
        java.util.Collections.shuffle(out, new java.util.Random(random().nextLong()));
        return new TermList(out);
      case "unzip/1":
        {
          List<Term> second = new ArrayList<>();
          for (Term x : items) {
            if (!(x instanceof Tuple t && t.size() == 2)) {
              throw clause("Enum.unzip/1", a);
            }
            out.add(t.get(0));
            second.add(t.get(1));
          }
          return Term.tuple(new TermList(out), new TermList(second));
        }
      case "chunk_by/2":
        {
          List<Term> chunk = new ArrayList<>();
          Term last = null;
          for (Term x : items) {
            Term key = funs.call(a.get(1), List.of(x));
            if (last != null && !key.equals(last)) {
              out.add(new TermList(chunk));
              chunk = new ArrayList<>();
            }
            chunk.add(x);
            last = key;
          }
          if (!chunk.isEmpty()) {
            out.add(new TermList(chunk));
          }
          return new TermList(out);
        }
      default:
        throw new IllegalStateException(k);
    }
  }

  private static int positive(String k, List<Term> a, int i) {
    if (a.get(i) instanceof IntTerm n && n.value() > 0) {
      return (int) Math.min(n.value(), Integer.MAX_VALUE);
    }
    throw clause(k, a);
  }

  private java.util.SplittableRandom random() {
    if (random == null) {
      random = new java.util.SplittableRandom(seed.getAsLong() ^ 0x7261_6e64L);
    }
    return random;
  }

  // ---- Map ----

  private Term map(String k, List<Term> a) {
    if (k.equals("Map.new/2")) {
      Map<Term, Term> m = new LinkedHashMap<>();
      for (Term x : Stdlib.items(a.get(0), "map/2")) {
        Term kv = funs.call(a.get(1), List.of(x));
        if (!(kv instanceof Tuple t && t.size() == 2)) {
          throw new ConsoleError("ArgumentError", "argument error");
        }
        m.put(t.get(0), t.get(1));
      }
      return new MapTerm(m);
    }
    if (!(a.get(0) instanceof MapTerm m)) {
      throw new ConsoleError("BadMapError", "expected a map, got: " + flat(a.get(0)));
    }
    Map<Term, Term> e = new LinkedHashMap<>(m.entries());
    switch (k) {
      case "Map.to_list/1":
        return new TermList(Stdlib.items(m, "to_list/1"));
      case "Map.take/2", "Map.drop/2", "Map.split/2":
        {
          List<Term> keys = Stdlib.items(a.get(1), "to_list/1");
          Map<Term, Term> taken = new LinkedHashMap<>();
          for (Term key : keys) {
            if (e.containsKey(key)) {
              taken.put(key, e.get(key));
            }
          }
          e.keySet().removeAll(taken.keySet());
          if (k.equals("Map.take/2")) {
            return new MapTerm(taken);
          }
          return k.equals("Map.drop/2")
              ? new MapTerm(e)
              : Term.tuple(new MapTerm(taken), new MapTerm(e));
        }
      case "Map.pop/2", "Map.pop/3":
        {
          Term v = e.remove(a.get(1));
          return Term.tuple(
              v != null ? v : a.size() == 3 ? a.get(2) : NIL,
              new MapTerm(v != null ? e : m.entries()));
        }
      case "Map.update!/3":
        {
          Term old = e.get(a.get(1));
          if (old == null) {
            throw new ConsoleError(
                "KeyError",
                "key " + flat(a.get(1)) + " not found in: " + flat(m),
                "    :erlang.map_get("
                    + flat(a.get(1))
                    + ", "
                    + flat(m)
                    + ")\n    (elixir 1.14.0) lib/map.ex:319: Map.update!/3");
          }
          e.put(a.get(1), funs.call(a.get(2), List.of(old)));
          return new MapTerm(e);
        }
      case "Map.get_lazy/3":
        {
          Term v = e.get(a.get(1));
          return v != null ? v : funs.call(a.get(2), List.of());
        }
      case "Map.put_new/3":
        e.putIfAbsent(a.get(1), a.get(2));
        return new MapTerm(e);
      case "Map.fetch!/2":
        {
          Term v = e.get(a.get(1));
          if (v == null) {
            throw new ConsoleError(
                "KeyError",
                "key " + flat(a.get(1)) + " not found in: " + flat(m),
                "    (stdlib 4.2) :maps.get(" + flat(a.get(1)) + ", " + flat(m) + ")");
          }
          return v;
        }
      case "Map.filter/2", "Map.reject/2":
        {
          Map<Term, Term> kept = new LinkedHashMap<>();
          for (Term kv : Stdlib.items(m, "to_list/1")) {
            if (Stdlib.truthy(funs.call(a.get(1), List.of(kv))) == k.equals("Map.filter/2")) {
              kept.put(((Tuple) kv).get(0), ((Tuple) kv).get(1));
            }
          }
          return new MapTerm(kept);
        }
      case "Map.equal?/2":
        return bool(a.get(1) instanceof MapTerm other && other.entries().equals(m.entries()));
      default:
        throw new IllegalStateException(k);
    }
  }

  // ---- List, Tuple, Keyword ----

  private Term lists(String k, List<Term> a) {
    if (k.startsWith("Tuple.")) {
      if (k.equals("Tuple.duplicate/2")) {
        if (a.get(1) instanceof IntTerm n && n.value() >= 0) {
          return new Tuple(java.util.Collections.nCopies((int) n.value(), a.get(0)));
        }
        throw Console.argumentError(1, "out of range", ":erlang.make_tuple", a.get(1), a.get(0));
      }
      if (!(a.get(0) instanceof Tuple t)) {
        if (k.equals("Tuple.to_list/1")) {
          throw Console.argumentError(1, "not a tuple", ":erlang.tuple_to_list", a.get(0));
        }
        throw clause(k, a);
      }
      List<Term> e = new ArrayList<>(t.elements());
      switch (k) {
        case "Tuple.to_list/1":
          return new TermList(e);
        case "Tuple.append/2":
          e.add(a.get(1));
          return new Tuple(e);
        case "Tuple.insert_at/3":
          if (a.get(1) instanceof IntTerm i && i.value() >= 0 && i.value() <= e.size()) {
            e.add((int) i.value(), a.get(2));
            return new Tuple(e);
          }
          throw Console.argumentError(
              1, "out of range", ":erlang.insert_element", a.get(1), t, a.get(2));
        case "Tuple.delete_at/2":
          if (a.get(1) instanceof IntTerm i && i.value() >= 0 && i.value() < e.size()) {
            e.remove((int) i.value());
            return new Tuple(e);
          }
          throw Console.argumentError(1, "out of range", ":erlang.delete_element", a.get(1), t);
        default:
          throw new IllegalStateException(k);
      }
    }
    if (k.equals("List.duplicate/2")) {
      if (a.get(1) instanceof IntTerm n && n.value() >= 0) {
        return new TermList(java.util.Collections.nCopies((int) n.value(), a.get(0)));
      }
      throw clause(k, a);
    }
    if (!(a.get(0) instanceof TermList l)) {
      if (k.equals("List.to_tuple/1")) {
        throw Console.argumentError(1, "not a list", ":erlang.list_to_tuple", a.get(0));
      }
      throw clause(k, a);
    }
    List<Term> e = new ArrayList<>(l.elements());
    switch (k) {
      case "List.delete/2":
        e.remove(a.get(1));
        return new TermList(e);
      case "List.insert_at/3":
        {
          long i = index(k, a, e.size() + 1);
          e.add((int) Math.max(0, Math.min(i, e.size())), a.get(2));
          return new TermList(e);
        }
      case "List.replace_at/3", "List.update_at/3":
        {
          long i = index(k, a, e.size());
          if (i >= 0 && i < e.size()) {
            e.set(
                (int) i,
                k.equals("List.replace_at/3")
                    ? a.get(2)
                    : funs.call(a.get(2), List.of(e.get((int) i))));
          }
          return new TermList(e);
        }
      case "List.delete_at/2", "List.pop_at/2":
        {
          long i = index(k, a, e.size());
          Term v = i >= 0 && i < e.size() ? e.remove((int) i) : NIL;
          return k.equals("List.delete_at/2") ? new TermList(e) : Term.tuple(v, new TermList(e));
        }
      case "List.zip/1":
        {
          List<List<Term>> lists = new ArrayList<>();
          int n = Integer.MAX_VALUE;
          for (Term x : e) {
            List<Term> xs = Stdlib.items(x, "zip/1");
            lists.add(xs);
            n = Math.min(n, xs.size());
          }
          List<Term> out = new ArrayList<>();
          for (int i = 0; i < (lists.isEmpty() ? 0 : n); i++) {
            List<Term> row = new ArrayList<>();
            for (List<Term> xs : lists) {
              row.add(xs.get(i));
            }
            out.add(new Tuple(row));
          }
          return new TermList(out);
        }
      case "List.keyfind/3":
        {
          if (!(a.get(2) instanceof IntTerm pos)) {
            throw clause(k, a);
          }
          for (Term x : e) {
            if (x instanceof Tuple t
                && pos.value() >= 0
                && pos.value() < t.size()
                && t.get((int) pos.value()).equals(a.get(1))) {
              return t;
            }
          }
          return NIL;
        }
      case "List.to_tuple/1":
        return new Tuple(e);
      case "List.to_string/1":
        return new Bin(Console.chars(l));
      case "List.foldl/3", "List.foldr/3":
        {
          if (k.equals("List.foldr/3")) {
            java.util.Collections.reverse(e);
          }
          Term acc = a.get(1);
          for (Term x : e) {
            acc = funs.call(a.get(2), List.of(x, acc));
          }
          return acc;
        }
      case "Keyword.fetch/2", "Keyword.has_key?/2":
        for (Term x : e) {
          if (x instanceof Tuple t && t.size() == 2 && t.get(0).equals(a.get(1))) {
            return k.equals("Keyword.fetch/2") ? Term.tuple(Atom.OK, t.get(1)) : Atom.TRUE;
          }
        }
        return k.equals("Keyword.fetch/2") ? Atom.ERROR : Atom.FALSE;
      case "Keyword.delete/2":
        e.removeIf(x -> x instanceof Tuple t && t.size() == 2 && t.get(0).equals(a.get(1)));
        return new TermList(e);
      case "Keyword.merge/2":
        {
          if (!(a.get(1) instanceof TermList other)) {
            throw clause(k, a);
          }
          Set<Term> keys = new java.util.HashSet<>();
          for (Term x : other.elements()) {
            if (x instanceof Tuple t && t.size() == 2) {
              keys.add(t.get(0));
            }
          }
          e.removeIf(x -> x instanceof Tuple t && t.size() == 2 && keys.contains(t.get(0)));
          e.addAll(other.elements());
          return new TermList(e);
        }
      case "Keyword.values/1":
        {
          List<Term> out = new ArrayList<>();
          for (Term x : e) {
            if (x instanceof Tuple t && t.size() == 2) {
              out.add(t.get(1));
            }
          }
          return new TermList(out);
        }
      default:
        throw new IllegalStateException(k);
    }
  }

  /** The index argument (negative from the end, as List's functions take it). */
  private static long index(String k, List<Term> a, int size) {
    if (!(a.get(1) instanceof IntTerm i)) {
      throw clause(k, a);
    }
    return i.value() < 0 ? size + i.value() : i.value();
  }

  // ---- Integer and Kernel ----

  private Term kernelOrInteger(String k, List<Term> a) {
    switch (k) {
      case "is_boolean/1":
        return bool(a.get(0) == Atom.TRUE || a.get(0) == Atom.FALSE);
      case "is_function/2":
        return bool(
            a.get(0) instanceof Fun f && a.get(1) instanceof IntTerm n && f.arity() == n.value());
      case "is_map_key/2":
        // Kernel.is_map_key(map, key) is :erlang.is_map_key(key, map)
        if (a.get(0) instanceof MapTerm m) {
          return bool(m.entries().containsKey(a.get(1)));
        }
        throw new ConsoleError(
            "BadMapError",
            "expected a map, got: " + flat(a.get(0)),
            "    :erlang.is_map_key(" + flat(a.get(1)) + ", " + flat(a.get(0)) + ")");
      case "then/2":
        return funs.call(a.get(1), List.of(a.get(0)));
      case "tap/2":
        funs.call(a.get(1), List.of(a.get(0)));
        return a.get(0);
      case "put_elem/3":
        if (a.get(0) instanceof Tuple t
            && a.get(1) instanceof IntTerm i
            && i.value() >= 0
            && i.value() < t.size()) {
          List<Term> e = new ArrayList<>(t.elements());
          e.set((int) i.value(), a.get(2));
          return new Tuple(e);
        }
        throw Console.argumentError(
            a.get(0) instanceof Tuple ? 1 : 2,
            a.get(0) instanceof Tuple ? "out of range" : "not a tuple",
            ":erlang.setelement",
            a.get(1) instanceof IntTerm i ? new IntTerm(i.value() + 1) : a.get(1),
            a.get(0),
            a.get(2));
      case "byte_size/1":
        if (a.get(0) instanceof Bin b) {
          return new IntTerm(b.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        throw Console.argumentError(1, "not a bitstring", ":erlang.byte_size", a.get(0));
      case "to_charlist/1", "Atom.to_charlist/1":
        if (k.startsWith("Atom") && !(a.get(0) instanceof Atom)) {
          throw Console.argumentError(1, "not an atom", ":erlang.atom_to_list", a.get(0));
        }
        return a.get(0) instanceof TermList ? a.get(0) : charlist(Console.chars(a.get(0)));
      case "node/0":
        return Atom.of("nonode@nohost");
      default:
        break;
    }
    if (k.equals("Integer.undigits/1")) {
      return undigits(a);
    }
    throw new IllegalStateException(k);
  }

  private static Term undigits(List<Term> a) {
    long n = 0;
    for (Term d : Stdlib.items(a.get(0), "undigits/1")) {
      if (!(d instanceof IntTerm i)) {
        throw clause("Integer.undigits/1", a);
      }
      n = n * 10 + i.value();
    }
    return new IntTerm(n);
  }

  // ---- Erlang ----

  private Term erlang(String k, List<Term> a) {
    switch (k) {
      case ":rand.uniform/1":
        if (a.get(0) instanceof IntTerm n && n.value() >= 1) {
          return new IntTerm(1 + random().nextLong(n.value()));
        }
        throw erlangClause(":rand.uniform_s/2", a, "rand.erl:346");
      case ":timer.seconds/1", ":timer.minutes/1", ":timer.hours/1":
        {
          long unit = k.contains("seconds") ? 1000 : k.contains("minutes") ? 60_000 : 3_600_000;
          if (a.get(0) instanceof IntTerm n) {
            return new IntTerm(n.value() * unit);
          }
          throw new ConsoleError(
              "ArithmeticError",
              "bad argument in arithmetic expression",
              "    :erlang.*(" + flat(a.get(0)) + ", " + unit + ")");
        }
      case ":erlang.length/1":
        if (a.get(0) instanceof TermList l) {
          return new IntTerm(l.elements().size());
        }
        throw Console.argumentError(1, "not a list", ":erlang.length", a.get(0));
      case ":erlang.node/0":
        return Atom.of("nonode@nohost");
      case ":erlang.element/2":
        if (a.get(1) instanceof Tuple t
            && a.get(0) instanceof IntTerm i
            && i.value() >= 1
            && i.value() <= t.size()) {
          return t.get((int) i.value() - 1);
        }
        throw Console.argumentError(
            a.get(0) instanceof IntTerm ? 2 : 1,
            a.get(0) instanceof IntTerm
                ? (a.get(1) instanceof Tuple ? "out of range" : "not a tuple")
                : "not an integer",
            ":erlang.element",
            a.get(0),
            a.get(1));
      case ":erlang.tuple_to_list/1":
        if (a.get(0) instanceof Tuple t) {
          return new TermList(t.elements());
        }
        throw Console.argumentError(1, "not a tuple", ":erlang.tuple_to_list", a.get(0));
      case ":erlang.list_to_tuple/1":
        if (a.get(0) instanceof TermList l) {
          return new Tuple(l.elements());
        }
        throw Console.argumentError(1, "not a list", ":erlang.list_to_tuple", a.get(0));
      case ":erlang.atom_to_binary/1":
        if (a.get(0) instanceof Atom at) {
          return new Bin(at.name());
        }
        throw Console.argumentError(1, "not an atom", ":erlang.atom_to_binary", a.get(0));
      case ":erlang.binary_to_atom/1":
        if (a.get(0) instanceof Bin b) {
          return Atom.of(b.value());
        }
        throw Console.argumentError(1, "not a binary", ":erlang.binary_to_atom", a.get(0));
      case ":erlang.list_to_atom/1":
        if (a.get(0) instanceof TermList l && isCharlist(l)) {
          return Atom.of(Console.chars(l));
        }
        throw Console.argumentError(1, "not a string", ":erlang.list_to_atom", a.get(0));
      case ":erlang.integer_to_list/1":
        if (a.get(0) instanceof IntTerm i) {
          return charlist(Long.toString(i.value()));
        }
        throw Console.argumentError(1, "not an integer", ":erlang.integer_to_list", a.get(0));
      case ":erlang.abs/1", ":erlang.max/2", ":erlang.min/2":
        return Numbers.call(k.substring(":erlang.".length()), a);
      case ":maps.get/2":
        {
          if (!(a.get(1) instanceof MapTerm m)) {
            throw new ConsoleError(
                "BadMapError",
                "expected a map, got: " + flat(a.get(1)),
                "    (stdlib 4.2) :maps.get(" + flat(a.get(0)) + ", " + flat(a.get(1)) + ")");
          }
          Term v = m.entries().get(a.get(0));
          if (v == null) {
            throw new ConsoleError(
                "KeyError",
                "key " + flat(a.get(0)) + " not found in: " + flat(m),
                "    (stdlib 4.2) :maps.get(" + flat(a.get(0)) + ", " + flat(m) + ")");
          }
          return v;
        }
      case ":maps.put/3":
        {
          if (!(a.get(2) instanceof MapTerm m)) {
            throw new ConsoleError(
                "BadMapError",
                "expected a map, got: " + flat(a.get(2)),
                "    (stdlib 4.2) :maps.put("
                    + flat(a.get(0))
                    + ", "
                    + flat(a.get(1))
                    + ", "
                    + flat(a.get(2))
                    + ")");
          }
          Map<Term, Term> e = new LinkedHashMap<>(m.entries());
          e.put(a.get(0), a.get(1));
          return new MapTerm(e);
        }
      default:
        return erlangLists(k, a);
    }
  }

  private static boolean isCharlist(TermList l) {
    return l.elements().stream().allMatch(x -> x instanceof IntTerm i && i.value() >= 0);
  }

  /** Where lists.erl (stdlib 4.2) defines the functions whose FunctionClauseError iex shows. */
  private static final Map<String, String> LISTS_LINES =
      Map.ofEntries(
          Map.entry("reverse/1", "lists.erl:175"),
          Map.entry("seq/2", "lists.erl:271"),
          Map.entry("seq/3", "lists.erl:290"),
          Map.entry("max/1", "lists.erl:333"),
          Map.entry("min/1", "lists.erl:343"),
          Map.entry("nth/2", "lists.erl:198"),
          Map.entry("last/1", "lists.erl:226"));

  private Term erlangLists(String k, List<Term> a) {
    String fa = k.substring(":lists.".length());
    switch (fa) {
      case "seq/2", "seq/3":
        {
          long step = a.size() == 3 && a.get(2) instanceof IntTerm s ? s.value() : 1;
          if (!(a.get(0) instanceof IntTerm from)
              || !(a.get(1) instanceof IntTerm to)
              || (a.size() == 3 && !(a.get(2) instanceof IntTerm))
              || (step > 0 && to.value() < from.value() - step)
              || (step < 0 && to.value() > from.value() - step)
              || (step == 0 && from.value() != to.value())) {
            throw listsClause(fa, a);
          }
          List<Term> out = new ArrayList<>();
          if (step == 0) {
            out.add(from);
          }
          for (long x = from.value();
              step > 0 ? x <= to.value() : step < 0 && x >= to.value();
              x += step) {
            if (out.size() > Stdlib.MAX_RANGE) {
              throw new ConsoleError(
                  "Kaboom.UnsupportedError",
                  "the Kaboom console does not build lists of more than "
                      + Stdlib.MAX_RANGE
                      + " integers");
            }
            out.add(new IntTerm(x));
          }
          return new TermList(out);
        }
      case "duplicate/2":
        if (a.get(0) instanceof IntTerm n && n.value() >= 0) {
          return new TermList(java.util.Collections.nCopies((int) n.value(), a.get(1)));
        }
        throw listsClause(fa, a);
      case "member/2":
        if (a.get(1) instanceof TermList l) {
          return bool(l.elements().contains(a.get(0)));
        }
        throw Console.argumentError(2, "not a list", ":lists.member", a.get(0), a.get(1));
      case "nth/2":
        {
          if (a.get(0) instanceof IntTerm n
              && a.get(1) instanceof TermList l
              && n.value() >= 1
              && n.value() <= l.elements().size()) {
            return l.elements().get((int) n.value() - 1);
          }
          if (a.get(0) instanceof IntTerm n && a.get(1) instanceof TermList l && n.value() >= 1) {
            // lists:nth counts down the list until it is empty
            throw listsClause(
                fa, List.of(new IntTerm(n.value() - l.elements().size()), new TermList(List.of())));
          }
          throw listsClause(fa, a);
        }
      case "map/2", "filter/2":
        {
          if (!(a.get(1) instanceof TermList l)) {
            throw listsClause(fa, a);
          }
          List<Term> out = new ArrayList<>();
          for (Term x : l.elements()) {
            Term r = funs.call(a.get(0), List.of(x));
            if (fa.equals("map/2")) {
              out.add(r);
            } else if (r == Atom.TRUE) {
              out.add(x);
            }
          }
          return new TermList(out);
        }
      case "foldl/3", "foldr/3":
        {
          if (!(a.get(2) instanceof TermList l)) {
            throw listsClause(fa, a);
          }
          List<Term> xs = new ArrayList<>(l.elements());
          if (fa.equals("foldr/3")) {
            java.util.Collections.reverse(xs);
          }
          Term acc = a.get(1);
          for (Term x : xs) {
            acc = funs.call(a.get(0), List.of(x, acc));
          }
          return acc;
        }
      case "keyfind/3":
        {
          if (!(a.get(1) instanceof IntTerm pos) || !(a.get(2) instanceof TermList l)) {
            throw Console.argumentError(
                a.get(1) instanceof IntTerm ? 3 : 2,
                a.get(1) instanceof IntTerm ? "not a list" : "not an integer",
                ":lists.keyfind",
                a.toArray(new Term[0]));
          }
          for (Term x : l.elements()) {
            if (x instanceof Tuple t
                && pos.value() >= 1
                && pos.value() <= t.size()
                && t.get((int) pos.value() - 1).equals(a.get(0))) {
              return t;
            }
          }
          return Atom.FALSE;
        }
      case "append/1":
        {
          if (!(a.get(0) instanceof TermList l)) {
            throw listsClause(fa, a);
          }
          List<Term> out = new ArrayList<>();
          for (Term x : l.elements()) {
            if (!(x instanceof TermList xl)) {
              throw listsClause(fa, a);
            }
            out.addAll(xl.elements());
          }
          return new TermList(out);
        }
      default:
        break;
    }
    if (!(a.get(0) instanceof TermList l)) {
      throw listsClause(fa, a);
    }
    List<Term> e = new ArrayList<>(l.elements());
    switch (fa) {
      case "reverse/1":
        java.util.Collections.reverse(e);
        return new TermList(e);
      case "reverse/2":
        java.util.Collections.reverse(e);
        if (a.get(1) instanceof TermList tail) {
          e.addAll(tail.elements());
          return new TermList(e);
        }
        return dev.kaboom.engine.ImproperList.of(e, a.get(1));
      case "sum/1":
        {
          long sum = 0;
          for (Term x : e) {
            if (!(x instanceof IntTerm i)) {
              throw new ConsoleError(
                  "ArithmeticError",
                  "bad argument in arithmetic expression: " + sum + " + " + flat(x),
                  "    :erlang.+("
                      + sum
                      + ", "
                      + flat(x)
                      + ")\n"
                      + "    (stdlib 4.2) lists.erl:319: :lists.sum/2");
            }
            sum = Math.addExact(sum, i.value());
          }
          return new IntTerm(sum);
        }
      case "max/1", "min/1":
        {
          if (e.isEmpty()) {
            throw listsClause(fa, a);
          }
          Term best = e.get(0);
          for (Term x : e) {
            int c = Inspect.compare(x, best);
            if (fa.equals("max/1") ? c > 0 : c < 0) {
              best = x;
            }
          }
          return best;
        }
      case "append/2":
        if (a.get(1) instanceof TermList tail) {
          e.addAll(tail.elements());
          return new TermList(e);
        }
        return dev.kaboom.engine.ImproperList.of(e, a.get(1));
      case "sort/1":
        e.sort(Inspect::compare);
        return new TermList(e);
      case "usort/1":
        {
          e.sort(Inspect::compare);
          List<Term> out = new ArrayList<>();
          for (Term x : e) {
            if (out.isEmpty() || Inspect.compare(out.get(out.size() - 1), x) != 0) {
              out.add(x);
            }
          }
          return new TermList(out);
        }
      case "last/1":
        if (e.isEmpty()) {
          throw listsClause(fa, a);
        }
        return e.get(e.size() - 1);
      case "flatten/1":
        {
          List<Term> out = new ArrayList<>();
          flatten(e, out);
          return new TermList(out);
        }
      case "zip/2":
        {
          if (!(a.get(1) instanceof TermList other) || other.elements().size() != e.size()) {
            throw listsClause(fa, a);
          }
          List<Term> out = new ArrayList<>();
          for (int i = 0; i < e.size(); i++) {
            out.add(Term.tuple(e.get(i), other.elements().get(i)));
          }
          return new TermList(out);
        }
      default:
        throw new IllegalStateException(k);
    }
  }

  private static void flatten(List<Term> items, List<Term> out) {
    for (Term t : items) {
      if (t instanceof TermList l) {
        flatten(l.elements(), out);
      } else {
        out.add(t);
      }
    }
  }

  private static ConsoleError listsClause(String fa, List<Term> a) {
    String line = LISTS_LINES.get(fa);
    return Stdlib.functionClause(
        ":lists." + fa, a, null, line == null ? null : "(stdlib 4.2) " + line + ": :lists." + fa);
  }

  private static ConsoleError erlangClause(String name, List<Term> a, String line) {
    return Stdlib.functionClause(
        name,
        a,
        null,
        "(stdlib 4.2) " + line + ": " + name + "\n    (stdlib 4.2) rand.erl:319: :rand.uniform/1");
  }

  /**
   * An Elixir function's FunctionClauseError for an argument of the wrong type: the arguments given
   * (without the attempted clauses iex also lists).
   */
  private static ConsoleError clause(String k, List<Term> a) {
    return Stdlib.functionClause(k, a, null, null);
  }

  private static Atom bool(boolean b) {
    return b ? Atom.TRUE : Atom.FALSE;
  }

  private static String flat(Term t) {
    return Inspect.inspectFlat(t);
  }

  // ---- Erlang modules' exports ----

  /** An Erlang module's exports (module_info order) and the application iex names in its stack. */
  record ErlangModule(String app, List<String> exports) {}

  private static Map<String, ErlangModule> erlang;

  /**
   * The Erlang modules of erlang-functions.txt (recorded by conformance/iex/record-functions.sh).
   */
  static synchronized Map<String, ErlangModule> erlangModules() {
    if (erlang == null) {
      Map<String, ErlangModule> m = new java.util.HashMap<>();
      try (var in = Library.class.getResourceAsStream("erlang-functions.txt")) {
        for (String line :
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] words = line.split(" ");
          m.put(
              words[0],
              new ErlangModule(
                  words[1].equals("-") ? null : words[1].replace('-', ' '),
                  List.of(words).subList(2, words.length)));
        }
      } catch (java.io.IOException | NullPointerException e) {
        // not bundled: no Erlang module is known
      }
      erlang = m;
    }
    return erlang;
  }

  /**
   * A call of an Erlang module's function the console does not run: iex's UndefinedFunctionError
   * when OTP 25's module does not export it ({@code function :lists.nope/1 is undefined or
   * private}, its "Did you mean" as Elixir's UndefinedFunctionError picks it: the other arities of
   * the name, else names within a Jaro distance of 0.77, at most five), else a line that says the
   * console does not run it; null when the module is not one of erlang-functions.txt.
   */
  static ConsoleError undefinedErlang(String module, String function, List<Term> args) {
    ErlangModule m = erlangModules().get(module);
    if (m == null) {
      return null;
    }
    String fa = function + "/" + args.size();
    String shown =
        module
            + "."
            + function
            + "("
            + String.join(", ", args.stream().map(Inspect::inspectFlat).toList())
            + ")";
    if (m.exports().contains(fa)) {
      return new ConsoleError(
          "Kaboom.UnsupportedError",
          "the Kaboom console does not run "
              + module
              + "."
              + fa
              + " (OTP 25 has it; h() lists what the console runs)");
    }
    List<String> near = new ArrayList<>();
    for (String e : m.exports()) {
      if (e.startsWith(function + "/")) {
        near.add(e);
      }
    }
    if (near.isEmpty()) {
      List<Object[]> scored = new ArrayList<>();
      for (String e : m.exports()) {
        double d = jaro(function, e.substring(0, e.lastIndexOf('/')));
        if (d >= 0.77) {
          scored.add(new Object[] {d, e});
        }
      }
      scored.sort((x, y) -> Double.compare((double) y[0], (double) x[0])); // stable
      for (Object[] o : scored.subList(0, Math.min(5, scored.size()))) {
        near.add((String) o[1]);
      }
      // then by name (stable: equal names keep their order)
      near.sort(java.util.Comparator.comparing(e -> e.substring(0, e.lastIndexOf('/'))));
    }
    return new ConsoleError(
        "UndefinedFunctionError",
        undefined(module + "." + fa, near),
        "    " + (m.app() == null ? "" : "(" + m.app() + ") ") + shown);
  }

  /**
   * UndefinedFunctionError's message for {@code function} ({@code Mod.fun/arity}), with iex's "Did
   * you mean" list of {@code near} when there is one.
   */
  static String undefined(String function, List<String> near) {
    StringBuilder message = new StringBuilder("function " + function + " is undefined or private");
    if (!near.isEmpty()) {
      message.append(". Did you mean:\n");
      for (String f : near) {
        message.append("\n      * ").append(f);
      }
      message.append('\n');
    }
    return message.toString();
  }

  /** The Jaro similarity of two names (1.0: the same; 0.0: nothing in common). */
  static double jaro(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] usedA = new boolean[a.length()];
    boolean[] usedB = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      for (int j = Math.max(0, i - window); j < Math.min(b.length(), i + window + 1); j++) {
        if (!usedB[j] && a.charAt(i) == b.charAt(j)) {
          usedA[i] = true;
          usedB[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int transposed = 0;
    int j = 0;
    for (int i = 0; i < a.length(); i++) {
      if (usedA[i]) {
        while (!usedB[j]) {
          j++;
        }
        if (a.charAt(i) != b.charAt(j)) {
          transposed++;
        }
        j++;
      }
    }
    double m = matches;
    return (m / a.length() + m / b.length() + (m - transposed / 2.0) / m) / 3;
  }
}
