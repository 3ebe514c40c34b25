package dev.kaboom.console;

import dev.kaboom.console.Algebra.BreakMode;
import dev.kaboom.console.Algebra.Doc;
import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Bin;
import dev.kaboom.engine.ImproperList;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.MapTerm;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Ref;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes values the way Elixir 1.14's {@code Kernel.inspect/2} does as iex prints them ({@code
 * pretty: true, width: 80, limit: 50}): the {@code Inspect} protocol's implementations for atoms,
 * integers, binaries, lists (charlists and keyword lists too), tuples, maps, pids and references
 * (lib/elixir/lib/inspect.ex) build an {@link Algebra} document that is laid out at 80 columns.
 *
 * <p>Module names are atoms without the {@code Elixir.} prefix ({@code Servy.SensorServer}, as the
 * engine names registered processes); an atom that reads as an alias is written as one.
 */
public final class Inspect {
  /** iex's width. */
  static final int WIDTH = 80;

  /** {@code Inspect.Opts}'s default {@code :limit}. */
  static final int LIMIT = 50;

  private static final Pattern ALIAS =
      Pattern.compile("[A-Z][A-Za-z0-9_]*(\\.[A-Z][A-Za-z0-9_]*)*");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_@]*[?!]?");
  private static final Set<String> OPERATORS =
      Set.of(
          "+", "-", "*", "/", "++", "--", "<>", "==", "!=", "===", "!==", "<", ">", "<=", ">=",
          "&&", "||", "!", "|>", "<<<", ">>>", "&&&", "|||", "=~", "..", "...", "<-", "\\\\", "@",
          "^", "&", "=", "%", "%{}", "{}", "<<>>", "->", ".", "|", "::", "when", "in", "not", "and",
          "or");

  private Inspect() {}

  /** {@code inspect(term, pretty: true, width: 80)} as iex prints a result. */
  public static String inspect(Term v) {
    return Algebra.format(toDoc(v, LIMIT), WIDTH);
  }

  /**
   * {@code IO.inspect/2}'s layout: {@code limit} items a container ({@link Algebra#INFINITY} for
   * {@code :infinity}), laid out at {@code width} columns, charlists as lists of integers when
   * {@code charlistsAsLists} ({@code charlists: :as_lists}).
   */
  static String inspect(Term v, int limit, int width, boolean charlistsAsLists) {
    boolean before = AS_LISTS.get();
    AS_LISTS.set(charlistsAsLists);
    try {
      return Algebra.format(toDoc(v, limit), width);
    } finally {
      AS_LISTS.set(before);
    }
  }

  /** {@code charlists: :as_lists} while {@link #inspect(Term, int, int, boolean)} runs. */
  private static final ThreadLocal<Boolean> AS_LISTS = ThreadLocal.withInitial(() -> false);

  /** On one line, as {@code "#{inspect(x)}"} would write it inside a message. */
  public static String inspectFlat(Term v) {
    return Algebra.format(toDoc(v, LIMIT), Algebra.INFINITY);
  }

  /**
   * A reference as iex writes one, {@code #Reference<0.2602355634.2403860482.152217>}: erts prints
   * a local reference's three words, highest first; the lowest holds the low 18 bits of a counter
   * (iex's first references count from a few thousand to some 250,000), the middle one the
   * counter's next bits over a scheduler number, the first one bits that differ from one VM to the
   * next. Here the counter is where the {@link #refWords words} of the console's engine start plus
   * the engine's serial (so each reference has its own), and the two high words come from the
   * engine's seed: as in iex, each run shows other numbers, but a seeded run always the same.
   */
  static String reference(Ref r) {
    long[] w = REF_WORDS.get();
    long counter = w[2] + r.serial();
    long middle = (w[1] + ((counter >>> 18) << 18)) & 0xFFFF_FFFFL;
    return "#Reference<0." + w[0] + "." + middle + "." + (counter & 0x3FFFF) + ">";
  }

  private static final ThreadLocal<long[]> REF_WORDS = ThreadLocal.withInitial(() -> refWords(1L));

  /**
   * The words of the references of an engine seeded with {@code seed}: the first word (32 bits),
   * the middle one (14 high bits over scheduler 1 or 2) and where the counter starts.
   */
  static long[] refWords(long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed ^ 0x7265_6673L);
    long first = random.nextLong(1L << 32);
    long middle = (random.nextLong(1L << 14) << 18) | (1 + random.nextInt(2));
    long counter = 5_000 + random.nextInt(245_000);
    return new long[] {first, middle, counter};
  }

  /** The words references are written with on this thread (see {@link #withRefWords}). */
  static long[] refWords() {
    return REF_WORDS.get();
  }

  /** Runs {@code body} on this thread with the reference words another thread had. */
  static void withRefWords(long[] words, Runnable body) {
    long[] before = REF_WORDS.get();
    REF_WORDS.set(words);
    try {
      body.run();
    } finally {
      REF_WORDS.set(before);
    }
  }

  /** Runs {@code body} with the references written as those of an engine seeded {@code seed}. */
  static <T> T withRefSeed(long seed, java.util.function.Supplier<T> body) {
    long[] before = REF_WORDS.get();
    REF_WORDS.set(refWords(seed));
    try {
      return body.get();
    } finally {
      REF_WORDS.set(before);
    }
  }

  /**
   * A float as Elixir 1.14's {@code Inspect.Float} writes it: a whole float from 1.0 up to 1.0e16
   * as its integer and {@code .0} ({@code 1000000000000000.0}), any other as {@code
   * :io_lib_format.fwrite_g/1} ({@link dev.kaboom.engine.FloatTerm#shortest}: {@code
   * 0.30000000000000004}, {@code 1.0e16}, {@code 1.0e-5}).
   */
  static String floatText(double d) {
    double abs = Math.abs(d);
    if (abs >= 1.0 && abs < 1.0e16 && d == Math.rint(d)) {
      return (long) d + ".0";
    }
    return dev.kaboom.engine.FloatTerm.shortest(d);
  }

  /** {@code Inspect.Algebra.to_doc/2}. */
  static Doc toDoc(Term v, int limit) {
    if (v instanceof Atom a) {
      return Algebra.bin(atom(a));
    }
    if (v instanceof IntTerm || v instanceof dev.kaboom.engine.BigIntTerm) {
      return Algebra.bin(v.format());
    }
    if (v instanceof dev.kaboom.engine.FloatTerm f) {
      return Algebra.bin(floatText(f.value()));
    }
    if (v instanceof Pid p) {
      return Algebra.bin(p.toString());
    }
    if (v instanceof Ref r) {
      return Algebra.bin(reference(r));
    }
    if (v instanceof dev.kaboom.engine.Fun f) {
      return Algebra.bin(
          f.code() instanceof Console.Shown s && s.shown() != null ? s.shown() : f.elixir());
    }
    if (v instanceof Bin b) {
      return Binaries.printable(b) ? Algebra.bin(string(b.value())) : bytesDoc(b, limit);
    }
    if (v instanceof Tuple t) {
      return container("{", t.elements(), "}", limit, BreakMode.FLEX, Inspect::toDoc);
    }
    if (v instanceof TermList l) {
      return list(l.elements(), limit);
    }
    if (v instanceof ImproperList l) {
      return improper(l, limit);
    }
    MapTerm m = (MapTerm) v;
    long[] range = Stdlib.range(m);
    if (range != null) {
      // Inspect.Range: first..last, or first..last//step unless the step is 1 and not empty
      String r = range[0] + ".." + range[1];
      return Algebra.bin(range[2] == 1 && range[1] >= range[0] ? r : r + "//" + range[2]);
    }
    List<Map.Entry<Term, Term>> entries = new ArrayList<>(m.entries().entrySet());
    entries.sort(Map.Entry.comparingByKey(KEY_ORDER));
    List<Term> pairs = new ArrayList<>();
    for (Map.Entry<Term, Term> e : entries) {
      pairs.add(Term.tuple(e.getKey(), e.getValue()));
    }
    boolean keyword = keyword(pairs);
    return container(
        "%{",
        pairs,
        "}",
        limit,
        BreakMode.STRICT,
        (pair, lim) -> {
          Tuple kv = (Tuple) pair;
          if (keyword) {
            return keywordDoc(kv, lim);
          }
          return Algebra.concat(
              Algebra.concat(toDoc(kv.get(0), lim), Algebra.bin(" => ")), toDoc(kv.get(1), lim));
        });
  }

  /**
   * A binary that is no printable string, as {@code Inspect.BitString} writes it: {@code <<200,
   * 1>>}, its bytes flex-glued and nested by 2, {@code ...} after {@code limit} of them.
   */
  private static Doc bytesDoc(Bin b, int limit) {
    byte[] bytes = Binaries.bytes(b);
    Doc inner = Algebra.empty();
    int shown = Math.min(bytes.length, limit);
    if (bytes.length > limit) {
      inner = Algebra.bin("...");
    }
    for (int i = shown - 1; i >= 0; i--) {
      String n = Integer.toString(bytes[i] & 0xFF);
      inner =
          i == bytes.length - 1
              ? Algebra.bin(n)
              : Algebra.flexGlue(Algebra.bin(n + ","), " ", inner);
    }
    return Algebra.group(
        Algebra.concat(
            Algebra.concat(Algebra.bin("<<"), Algebra.nest(inner, 2)), Algebra.bin(">>")));
  }

  private static Doc list(List<Term> items, int limit) {
    if (items.isEmpty()) {
      return Algebra.bin("[]");
    }
    if (!AS_LISTS.get() && asciiPrintable(items)) {
      StringBuilder sb = new StringBuilder();
      for (Term t : items) {
        sb.appendCodePoint((int) ((IntTerm) t).value());
      }
      return Algebra.bin("'" + escape(sb.toString(), '\'') + "'");
    }
    if (keyword(items)) {
      return container(
          "[", items, "]", limit, BreakMode.STRICT, (t, lim) -> keywordDoc((Tuple) t, lim));
    }
    return container("[", items, "]", limit, BreakMode.MAYBE, Inspect::toDoc);
  }

  /**
   * {@code [1, 2 | 3]}: {@code container_doc}'s last cell is the element and the tail joined by
   * {@code " |"} (Inspect.Algebra's {@code container_each} on an improper list).
   */
  private static Doc improper(ImproperList l, int limit) {
    List<Doc> docs = new ArrayList<>();
    List<Term> items = l.elements();
    int lim = limit;
    boolean simple = true;
    for (int i = 0; i < items.size(); i++) {
      if (lim == 0) {
        docs.add(Algebra.bin("..."));
        return Algebra.containerDoc(Algebra.bin("["), docs, Algebra.bin("]"), ",", BreakMode.MAYBE);
      }
      lim--;
      Doc d = toDoc(items.get(i), lim);
      if (i == items.size() - 1) {
        Doc tail = toDoc(l.tail(), lim);
        d = Algebra.tailJoin(d, tail);
      }
      docs.add(d);
    }
    return Algebra.containerDoc(Algebra.bin("["), docs, Algebra.bin("]"), ",", BreakMode.MAYBE);
  }

  private interface ToDoc {
    Doc apply(Term t, int limit);
  }

  /** {@code container_doc/6} with its limit handling ({@code container_each}). */
  private static Doc container(
      String open, List<Term> items, String close, int limit, BreakMode mode, ToDoc fun) {
    List<Doc> docs = new ArrayList<>();
    int lim = limit;
    for (Term t : items) {
      if (lim == 0) {
        docs.add(Algebra.bin("..."));
        break;
      }
      lim--;
      docs.add(fun.apply(t, lim));
    }
    return Algebra.containerDoc(Algebra.bin(open), docs, Algebra.bin(close), ",", mode);
  }

  private static Doc keywordDoc(Tuple kv, int limit) {
    Doc key = Algebra.bin(key((Atom) kv.get(0)));
    return Algebra.concat(key, Algebra.concat(Algebra.bin(" "), toDoc(kv.get(1), limit)));
  }

  /**
   * {@code Inspect.List.keyword?/1}: a list of 2-tuples whose first elements are non-alias atoms.
   */
  private static boolean keyword(List<Term> items) {
    for (Term t : items) {
      if (!(t instanceof Tuple kv
          && kv.size() == 2
          && kv.get(0) instanceof Atom a
          && !a.name().startsWith("Elixir."))) {
        return false;
      }
    }
    return true;
  }

  /** {@code List.ascii_printable?/2}. */
  private static boolean asciiPrintable(List<Term> items) {
    for (Term t : items) {
      if (!(t instanceof IntTerm i)) {
        return false;
      }
      long c = i.value();
      if (!(c >= 32 && c <= 126) && !printableControl(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The control characters Elixir's {@code printable?} functions accept, those with an escape of
   * their own: {@code \n \r \t \v \b \f \e \a}.
   */
  static boolean printableControl(long c) {
    return c == '\n' || c == '\r' || c == '\t' || c == 0x0B || c == '\b' || c == '\f' || c == 0x1B
        || c == 7;
  }

  /**
   * {@code Macro.inspect_atom(:literal, atom)}: a module atom {@code :"Elixir.Servy.PledgeServer"}
   * as its alias {@code Servy.PledgeServer}, {@code :Elixir} as {@code Elixir}, {@code :Foo} (no
   * {@code Elixir.}) as {@code :Foo}.
   */
  static String atom(Atom a) {
    String n = a.name();
    String alias = moduleAlias(a);
    if (alias != null) {
      return alias;
    }
    if (n.equals("nil") || n.equals("true") || n.equals("false") || n.equals("Elixir")) {
      return n;
    }
    if (IDENTIFIER.matcher(n).matches() || OPERATORS.contains(n)) {
      return ":" + n;
    }
    return ":\"" + escape(n, '"') + "\"";
  }

  /**
   * The alias a module atom stands for ({@code :"Elixir.Foo.Bar"} is {@code Foo.Bar}), or null when
   * {@code a} is no Elixir module's name ({@code :lists}, {@code :Foo}, {@code :"Elixir.foo"}).
   */
  static String moduleAlias(Term a) {
    if (a instanceof Atom at && at.name().startsWith("Elixir.")) {
      String rest = at.name().substring(7);
      return ALIAS.matcher(rest).matches() ? rest : null;
    }
    return null;
  }

  /**
   * A module's name as a call writes it: {@code Servy.PledgeServer} for an Elixir module, {@code
   * :lists} for an Erlang one.
   */
  static String moduleName(Atom a) {
    String alias = moduleAlias(a);
    return alias != null ? alias : ":" + a.name();
  }

  /** {@code Macro.inspect_atom(:key, atom)}: {@code active:}. */
  static String key(Atom a) {
    String n = a.name();
    if (IDENTIFIER.matcher(n).matches()) {
      return n + ":";
    }
    return "\"" + escape(n, '"') + "\":";
  }

  /** A module name: an alias with at least one lower-case letter ({@code :EXIT} stays an atom). */
  static boolean isAlias(String n) {
    return ALIAS.matcher(n).matches() && !n.equals(n.toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * An Elixir string literal, {@code "larry"}, escaped as {@code Code.Identifier.escape/2} does.
   */
  static String string(String s) {
    return "\"" + escape(s, '"') + "\"";
  }

  private static String escape(String s, char quote) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case 0x0B -> sb.append("\\v");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case 0x1B -> sb.append("\\e");
        case 7 -> sb.append("\\a");
        case 0 -> sb.append("\\0");
        case 0x7F -> sb.append("\\d");
        default -> {
          if (c == quote) {
            sb.append('\\').append(c);
          } else if (c == '#' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
            sb.append("\\#");
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * An Elixir exception a process exited with, {@code {%FunctionClauseError{...}, stacktrace}}: its
   * line as iex writes it ({@code ** (FunctionClauseError) no function clause matching in
   * Servy.PledgeServer.handle_call/3}) then each stack line ({@code (stdlib 4.2)
   * gen_server.erl:1149: :gen_server.try_handle_call/4}, the first with its arguments), or null
   * when {@code reason} is not one (Exception.format_banner and format_stacktrace_entry).
   */
  static List<String> raised(Term reason) {
    if (!(reason instanceof Tuple t
        && t.size() == 2
        && t.get(0) instanceof MapTerm e
        && e.entries().get(Atom.of("__exception__")) == Atom.TRUE
        && e.entries().get(Atom.of("__struct__")) instanceof Atom kind
        && t.get(1) instanceof TermList stack)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (kind.name().equals("Elixir.FunctionClauseError")) {
      out.add(
          "** (FunctionClauseError) no function clause matching in "
              + module(e.entries().get(Atom.of("module")))
              + "."
              + ((Atom) e.entries().get(Atom.of("function"))).name()
              + "/"
              + inspectFlat(e.entries().get(Atom.of("arity"))));
    } else {
      Term message = e.entries().get(Atom.of("message"));
      out.add(
          "** ("
              + atom(kind)
              + ") "
              + (message instanceof Bin b ? b.value() : inspectFlat(message)));
    }
    for (Term f : stack.elements()) {
      if (f instanceof Tuple frame && frame.size() == 4 && frame.get(3) instanceof TermList loc) {
        String file = "";
        String line = "";
        for (Term kv : loc.elements()) {
          Tuple pair = (Tuple) kv;
          if (pair.get(0) == Atom.of("file") && pair.get(1) instanceof TermList chars) {
            StringBuilder sb = new StringBuilder();
            chars.elements().forEach(c -> sb.appendCodePoint((int) ((IntTerm) c).value()));
            file = sb.toString();
          } else if (pair.get(0) == Atom.of("line")) {
            line = inspectFlat(pair.get(1));
          }
        }
        String mod = module(frame.get(0));
        String call =
            frame.get(2) instanceof TermList args
                ? mod
                    + "."
                    + ((Atom) frame.get(1)).name()
                    + "("
                    + String.join(", ", args.elements().stream().map(Inspect::inspectFlat).toList())
                    + ")"
                : mod + "." + ((Atom) frame.get(1)).name() + "/" + inspectFlat(frame.get(2));
        if (file.isEmpty()) {
          out.add(call); // a BIF's frame: no file, no application (:erlang.*([], 1000))
        } else {
          out.add((mod.startsWith(":") ? "(stdlib 4.2) " : "") + file + ":" + line + ": " + call);
        }
      }
    }
    return out;
  }

  /** A module as a stack line names it: {@code Servy.PledgeServer}, {@code :gen_server}. */
  private static String module(Term m) {
    return inspectFlat(m);
  }

  /**
   * {@code Exception.format_exit/1} for the reasons the console meets (an exception's lines
   * indented as under {@code ** (EXIT)} inside another exit's message).
   */
  static String formatExit(Term reason) {
    return formatExit(reason, 8);
  }

  /**
   * {@code Exception.format_exit/1}, an exception's line indented {@code indent} columns and its
   * stack four more ({@code 4}: as the shell's own death prints it).
   */
  static String formatExit(Term reason, int indent) {
    List<String> raised = raised(reason);
    if (raised != null) {
      StringBuilder sb = new StringBuilder("an exception was raised:");
      for (int i = 0; i < raised.size(); i++) {
        sb.append('\n').append(" ".repeat(i == 0 ? indent : indent + 4)).append(raised.get(i));
      }
      return sb.toString();
    }
    if (reason instanceof Atom a) {
      switch (a.name()) {
        case "normal", "shutdown", "killed", "timeout", "noconnection", "calling_self":
          return a.name();
        case "noproc":
          return "no process: the process is not alive or there's no process currently associated"
              + " with the given name, possibly because its application isn't started";
        default:
          break;
      }
    }
    if (reason instanceof Tuple t && t.size() == 2 && t.get(0) == Atom.SHUTDOWN) {
      return "shutdown: " + inspectFlat(t.get(1));
    }
    return inspectFlat(reason);
  }

  /** Erlang's term order: number < atom < reference < fun < pid < tuple < map < list < binary. */
  static final Comparator<Term> ORDER = Inspect::compare;

  /**
   * The order of a map's keys as iex prints them: the term order, an integer before a float of the
   * same value ({@code %{1 => :a, 1.0 => :b}}).
   */
  static final Comparator<Term> KEY_ORDER =
      ORDER.thenComparing(t -> t instanceof dev.kaboom.engine.FloatTerm ? 1 : 0);

  private static int rank(Term t) {
    if (Numbers.isNumber(t)) {
      return 0;
    }
    if (t instanceof Atom) {
      return 1;
    }
    if (t instanceof Ref) {
      return 2;
    }
    if (t instanceof dev.kaboom.engine.Fun) {
      return 2; // (after references: compared below)
    }
    if (t instanceof Pid) {
      return 3;
    }
    if (t instanceof Tuple) {
      return 4;
    }
    if (t instanceof MapTerm) {
      return 5;
    }
    if (t instanceof TermList || t instanceof ImproperList) {
      return 6;
    }
    return 7;
  }

  static int compare(Term a, Term b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (ra == 0) {
      return Numbers.compare(a, b);
    }
    if (a instanceof Atom x) {
      return compareBytes(x.name(), ((Atom) b).name());
    }
    if (a instanceof Ref x) {
      return b instanceof Ref y ? Long.compare(x.serial(), y.serial()) : -1;
    }
    if (a instanceof dev.kaboom.engine.Fun x) {
      return b instanceof dev.kaboom.engine.Fun y ? Long.compare(x.id(), y.id()) : 1;
    }
    if (a instanceof Pid x) {
      return Integer.compare(x.serial(), ((Pid) b).serial());
    }
    if (a instanceof Tuple x) {
      Tuple y = (Tuple) b;
      if (x.size() != y.size()) {
        return Integer.compare(x.size(), y.size());
      }
      return compareAll(x.elements(), y.elements());
    }
    if (a instanceof TermList || a instanceof ImproperList) {
      // cell by cell; where one runs out, its tail ([] or the improper tail) against the rest
      List<Term> xs = elements(a);
      List<Term> ys = elements(b);
      int n = Math.min(xs.size(), ys.size());
      for (int i = 0; i < n; i++) {
        int c = compare(xs.get(i), ys.get(i));
        if (c != 0) {
          return c;
        }
      }
      Term restA = ImproperList.of(xs.subList(n, xs.size()), tail(a));
      Term restB = ImproperList.of(ys.subList(n, ys.size()), tail(b));
      // one of them ran out: its rest is its tail, [] or a term that is no list
      boolean endA = restA instanceof TermList la && la.elements().isEmpty();
      boolean endB = restB instanceof TermList lb && lb.elements().isEmpty();
      if (endA && endB) {
        return 0;
      }
      if (endA && rank(restB) == 6) {
        return -1;
      }
      if (endB && rank(restA) == 6) {
        return 1;
      }
      return compare(restA, restB);
    }
    if (a instanceof Bin x) {
      return compareBytes(x.value(), ((Bin) b).value());
    }
    MapTerm x = (MapTerm) a;
    MapTerm y = (MapTerm) b;
    if (x.entries().size() != y.entries().size()) {
      return Integer.compare(x.entries().size(), y.entries().size());
    }
    List<Term> kx = new ArrayList<>(x.entries().keySet());
    List<Term> ky = new ArrayList<>(y.entries().keySet());
    kx.sort(ORDER);
    ky.sort(ORDER);
    int c = compareAll(kx, ky);
    if (c != 0) {
      return c;
    }
    List<Term> vx = new ArrayList<>();
    List<Term> vy = new ArrayList<>();
    kx.forEach(k -> vx.add(x.entries().get(k)));
    ky.forEach(k -> vy.add(y.entries().get(k)));
    return compareAll(vx, vy);
  }

  private static List<Term> elements(Term list) {
    return list instanceof TermList l ? l.elements() : ((ImproperList) list).elements();
  }

  private static Term tail(Term list) {
    return list instanceof ImproperList l ? l.tail() : new TermList(List.of());
  }

  private static int compareAll(List<Term> xs, List<Term> ys) {
    for (int i = 0; i < xs.size(); i++) {
      int c = compare(xs.get(i), ys.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compareBytes(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.compareUnsigned(x, y);
  }
}
