package dev.kaboom.console;

import dev.kaboom.console.Lexer.Kind;
import dev.kaboom.console.Lexer.Token;
import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Bin;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import java.util.ArrayList;
import java.util.List;

/**
 * The Elixir the console understands: expressions separated by {@code ;}, {@code pattern = expr},
 * {@code |>}, {@code == != === !==}, {@code + - ++ <>}, calls ({@code
 * Servy.PledgeServer.create_pledge("larry", 10)}, {@code :timer.sleep(10)}, {@code self()}, {@code
 * Module.fun} without parentheses), tuples, lists (and keyword lists), maps, atoms, integers,
 * {@code ?a}, strings, charlists, aliases and {@code #PID<0.N.0>}. Input that stops in the middle
 * of an expression is {@link Incomplete} (iex's {@code ...(N)>}); nesting deeper than {@link
 * #MAX_DEPTH} is a {@link ConsoleError}.
 */
final class Parser {
  /** The input ends inside an expression: iex asks for another line. */
  static final class Incomplete extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Incomplete() {
      super(null, null, false, false);
    }
  }

  /** How deep brackets, calls and operators may nest. */
  static final int MAX_DEPTH = 100;

  sealed interface Expr {
    int line();

    int column();
  }

  record Lit(Term value, int line, int column) implements Expr {}

  record Var(String name, int line, int column) implements Expr {}

  /**
   * A call; {@code module} is null for a local call ({@code self()}), else {@code Process}, {@code
   * :timer}.
   */
  record Call(String module, String function, List<Expr> args, boolean parens, int line, int column)
      implements Expr {
    String display() {
      return (module == null ? "" : module + ".") + function;
    }
  }

  /** {@code mod.fun(args)}: a call of a module that an expression gives ({@code m = String}). */
  record RemoteCall(Expr module, String function, List<Expr> args, int line, int column)
      implements Expr {}

  record TupleE(List<Expr> items, int line, int column) implements Expr {}

  /**
   * A sigil, {@code ~w(a b)a}: {@code letter}, its {@code modifiers} and its text ({@code text}: a
   * string, interpolated for a lower-case letter).
   */
  record SigilE(char letter, String modifiers, Expr text, String source, int line, int column)
      implements Expr {}

  /**
   * One segment of a binary, {@code <<x::size(16)>>}: its value and type ({@code integer}, {@code
   * binary}, {@code utf8}) and the integer's size in bits.
   */
  record Segment(Expr value, String type, int bits) {}

  /** A bitstring generator's source: the bytes of a binary (its code points with {@code utf8}). */
  record BytesOf(Expr binary, boolean utf8, int line, int column) implements Expr {}

  /** {@code <<1, 2, "ab", x::binary>>}. */
  record BinE(List<Segment> segments, int line, int column) implements Expr {}

  /** {@code container[key]}: {@code Access.get(container, key)}. */
  record AccessE(Expr container, Expr key, int line, int column) implements Expr {}

  /** {@code %{map | k: v}}: the map with existing keys given new values. */
  record MapUpdate(Expr map, List<Expr> keys, List<Expr> values, int line, int column)
      implements Expr {}

  record ListE(List<Expr> items, int line, int column) implements Expr {}

  record MapE(List<Expr> keys, List<Expr> values, int line, int column) implements Expr {}

  record Op(String op, Expr left, Expr right, int line, int column) implements Expr {}

  /**
   * {@code map.field}: the value of the atom key {@code field} of a map ({@code KeyError} else).
   */
  record Field(Expr map, String field, int line, int column) implements Expr {}

  record Match(Expr pattern, Expr expr, int line, int column) implements Expr {}

  record Block(List<Expr> exprs, int line, int column) implements Expr {}

  /**
   * One clause of {@code fn}, {@code receive} (or a capture): its patterns, its guard ({@code
   * when}; null when it has none) and its body.
   */
  record Clause(List<Expr> params, Expr guard, Expr body, int line, int column) {}

  /**
   * {@code fn PATTERNS [when GUARD] -> BODY; ... end}: its clauses (all of one arity), tried in
   * order.
   */
  record Fn(List<Clause> clauses, String shown, int line, int column) implements Expr {
    int arity() {
      return clauses.get(0).params().size();
    }
  }

  /** {@code case EXPR do PATTERN [when GUARD] -> BODY ... end}. */
  record Case(Expr expr, List<Clause> clauses, int line, int column) implements Expr {}

  /**
   * {@code if TEST do THEN else OTHERWISE end} ({@code unless}: the other way round), or {@code if
   * TEST, do: THEN, else: OTHERWISE}; {@code otherwise} is null without {@code else}.
   */
  record If(Expr test, Expr then, Expr otherwise, boolean unless, int line, int column)
      implements Expr {}

  /** {@code "text #{expr} text"}: its parts, texts and expressions, joined as strings. */
  record Interp(List<Expr> parts, int line, int column) implements Expr {}

  /** A clause with nothing after its {@code ->} (at this line and column): nil, with a warning. */
  record EmptyBody(int line, int column) implements Expr {}

  /** {@code ^name} in a pattern: the bound value of {@code name}, not a new binding. */
  record Pin(Var var, int line, int column) implements Expr {}

  /** {@code [a, b | tail]}. */
  record ConsE(List<Expr> items, Expr tail, int line, int column) implements Expr {}

  /**
   * {@code &Module.fun/arity} or {@code &fun/arity} ({@code module} null): the named function as a
   * value.
   */
  record CaptureRef(String module, String function, int arity, int line, int column)
      implements Expr {}

  /**
   * {@code receive do PATTERN [when GUARD] -> BODY ... after TIMEOUT -> BODY end}; {@code after} is
   * null without an {@code after} clause.
   */
  record Receive(List<Clause> clauses, Clause after, int line, int column) implements Expr {}

  /** {@code f.(args)}: calls the function value {@code fun}. */
  record Apply(Expr fun, List<Expr> args, int line, int column) implements Expr {}

  /** {@code first..last} ({@code step} null) or {@code first..last//step}. */
  record RangeE(Expr first, Expr last, Expr step, int line, int column) implements Expr {}

  /** {@code cond do COND -> BODY; ... end}: each clause's one param is its condition. */
  record Cond(List<Clause> clauses, int line, int column) implements Expr {}

  /**
   * {@code for GENERATORS_AND_FILTERS, into: INTO, do: BODY}: each {@link Clause} of {@code
   * qualifiers} is a generator ({@code pattern <- enumerable}: its one param the pattern, its body
   * the enumerable) or a filter (no params, its body the condition); {@code into} may be null.
   */
  record For(List<Clause> qualifiers, Expr into, Expr body, int line, int column) implements Expr {}

  /**
   * {@code with PATTERN <- EXPR, ..., do: BODY, else: CLAUSES}: each {@link Clause} of {@code
   * steps} is {@code pattern <- expr} (its params the pattern, its guard the guard, its body the
   * expression) or a bare expression or match (no params); {@code otherwise} may be empty.
   */
  record With(List<Clause> steps, Expr body, List<Clause> otherwise, int line, int column)
      implements Expr {}

  /** Words that end or join expressions, never a call's name or its first bare argument. */
  static final java.util.Set<String> RESERVED =
      java.util.Set.of(
          "end", "do", "fn", "when", "and", "or", "not", "in", "else", "after", "catch", "rescue",
          "cond", "for", "with");

  private final List<Token> tokens;
  private int at;
  private int depth;

  /**
   * How many {@code &(...)} captures enclose the current token ({@code &1} is valid only inside).
   */
  private int captures;

  /** Above zero while the clauses of a {@code cond} are read (their heads are conditions). */
  private int conditions;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses the whole input; throws {@link Incomplete} or a SyntaxError {@link ConsoleError}. */
  static Expr parse(String input) {
    Parser p = new Parser(Lexer.lex(input));
    List<Expr> exprs = new ArrayList<>();
    while (p.peek().kind() != Kind.END) {
      if (p.peek().is(";")) {
        p.at++;
        continue;
      }
      int line = p.peek().line();
      exprs.add(p.expr());
      Token t = p.peek();
      if (t.kind() != Kind.END && !t.is(";") && t.line() == line) {
        throw p.syntaxError(t);
      }
    }
    if (exprs.isEmpty()) {
      return new Lit(Atom.of("nil"), 1, 1);
    }
    return exprs.size() == 1 ? exprs.get(0) : new Block(exprs, 1, 1);
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    Token t = tokens.get(at++);
    if (t.kind() == Kind.END) {
      throw new Incomplete();
    }
    return t;
  }

  ConsoleError syntaxError(Token t) {
    String what =
        switch (t.kind()) {
          case NAME, ALIAS -> "syntax error before: " + quote(t.text());
          case STRING -> "syntax error before: \"" + t.text() + "\"";
          case INT, FLOAT -> "syntax error before: " + t.text();
          case ATOM -> "syntax error before: " + t.text();
          case PUNCT ->
              t.text().equals("|") ? "syntax error before: '|'" : "unexpected token: " + t.text();
          default -> "unexpected token: " + t.text();
        };
    return new ConsoleError("SyntaxError", t.line(), t.column(), what);
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }

  private void expect(String punct) {
    Token t = next();
    if (!t.is(punct)) {
      throw syntaxError(t);
    }
  }

  private void enter(Token at) {
    // every level of nesting (a bracket, a call's argument list) passes through both expr and
    // primary, and the outermost expression takes one of each: MAX_DEPTH counts levels
    if (++depth > 2 * MAX_DEPTH + 2) {
      throw new ConsoleError(
          "SyntaxError",
          at.line(),
          at.column(),
          "expression nested too deep (more than " + MAX_DEPTH + " levels)");
    }
  }

  // match (right-assoc) < equality < relational < pipe < concat < additive < primary
  private Expr expr() {
    Token first = peek();
    enter(first);
    try {
      Expr left = orElse();
      if (peek().is("=")) {
        Token eq = next();
        Expr right = expr();
        return new Match(left, right, eq.line(), eq.column());
      }
      return left;
    } finally {
      depth--;
    }
  }

  /** {@code || or}: below {@code && and}, above the match, as in Elixir. */
  private Expr orElse() {
    Expr left = andAlso();
    while (peek().is("||") || isWord(peek(), "or")) {
      Token op = next();
      left = new Op(op.text(), left, andAlso(), op.line(), op.column());
    }
    return left;
  }

  /** {@code && and}: below equality. */
  private Expr andAlso() {
    Expr left = equality();
    while (peek().is("&&") || isWord(peek(), "and")) {
      Token op = next();
      left = new Op(op.text(), left, equality(), op.line(), op.column());
    }
    return left;
  }

  private static boolean isWord(Token t, String word) {
    return t.kind() == Kind.NAME && t.text().equals(word);
  }

  private Expr equality() {
    Expr left = relational();
    while (peek().kind() == Kind.OP && List.of("==", "!=", "===", "!==").contains(peek().text())) {
      Token op = next();
      left = new Op(op.text(), left, relational(), op.line(), op.column());
    }
    return left;
  }

  /** {@code < > <= >=}: below the pipe, above equality, as in Elixir. */
  private Expr relational() {
    Expr left = pipe();
    while (peek().kind() == Kind.OP && List.of("<", ">", "<=", ">=").contains(peek().text())) {
      Token op = next();
      left = new Op(op.text(), left, pipe(), op.line(), op.column());
    }
    return left;
  }

  private Expr pipe() {
    Expr left = in();
    while (peek().is("|>")) {
      Token op = next();
      Expr right = in();
      if (right instanceof Apply f) {
        List<Expr> args = new ArrayList<>();
        args.add(left);
        args.addAll(f.args());
        left = new Apply(f.fun(), args, f.line(), f.column()); // x |> f.()
        continue;
      }
      if (!(right instanceof Call c)) {
        throw new ConsoleError(
            "ArgumentError",
            op.line(),
            op.column(),
            "cannot pipe " + "into " + "an expression that is not a function call");
      }
      List<Expr> args = new ArrayList<>();
      args.add(left);
      args.addAll(c.args());
      left = new Call(c.module(), c.function(), args, true, c.line(), c.column());
    }
    return left;
  }

  /** {@code x in list}: above the pipe, below {@code ++ <>}. */
  private Expr in() {
    Expr left = concat();
    while (isWord(peek(), "in") || (isWord(peek(), "not") && isWord(tokens.get(at + 1), "in"))) {
      Token op = next();
      if (op.text().equals("not")) {
        next(); // x not in list
        Expr in = new Op("in", left, concat(), op.line(), op.column());
        left = new Call(null, "not", List.of(in), true, op.line(), op.column());
        continue;
      }
      if (left instanceof Call n
          && n.module() == null
          && (n.function().equals("not") || n.function().equals("!"))
          && n.args().size() == 1) {
        // not x in list (and !x in list): Elixir's deprecated form of x not in list
        Expr in = new Op("in", n.args().get(0), concat(), op.line(), op.column());
        left = new Call(null, "not", List.of(in), true, n.line(), n.column());
        continue;
      }
      left = new Op("in", left, concat(), op.line(), op.column());
    }
    return left;
  }

  /**
   * {@code ++ -- <> ..}: one level, right-associative as in Elixir ({@code [1, 2] -- [2] ++ [2]} is
   * {@code [1]}, {@code 1..3 ++ [4]} is {@code 1..(3 ++ [4])}).
   */
  private Expr concat() {
    List<Expr> operands = new ArrayList<>();
    List<Token> ops = new ArrayList<>();
    operands.add(additive());
    while (peek().kind() == Kind.OP && List.of("++", "--", "<>", "..").contains(peek().text())) {
      ops.add(next());
      operands.add(additive());
    }
    Expr step = null;
    if (!ops.isEmpty() && ops.get(ops.size() - 1).text().equals("..") && peek().is("//")) {
      next(); // first..last//step
      step = additive();
    }
    // folded from the right, without recursion (a long a ++ b ++ ... is one loop)
    Expr right = operands.get(operands.size() - 1);
    for (int i = ops.size() - 1; i >= 0; i--) {
      Token op = ops.get(i);
      right =
          op.text().equals("..")
              ? new RangeE(operands.get(i), right, step, op.line(), op.column())
              : new Op(op.text(), operands.get(i), right, op.line(), op.column());
      step = null;
    }
    return right;
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (peek().kind() == Kind.OP && (peek().is("+") || peek().is("-"))) {
      Token op = next();
      left = new Op(op.text(), left, multiplicative(), op.line(), op.column());
    }
    return left;
  }

  /** {@code * /} ({@code h Process.exit/2} names a function by its arity). */
  private Expr multiplicative() {
    Expr left = power();
    while (peek().kind() == Kind.OP && (peek().is("*") || peek().is("/"))) {
      Token op = next();
      left = new Op(op.text(), left, power(), op.line(), op.column());
    }
    return left;
  }

  /**
   * {@code **} (Kernel.**&#47;2): above {@code * /}, below the unary operators ({@code -2 ** 2} is
   * 4), to the left ({@code 2 ** 3 ** 2} is 64), as Elixir 1.14 reads it.
   */
  private Expr power() {
    Expr left = unary();
    while (peek().kind() == Kind.OP && peek().is("**")) {
      Token op = next();
      left = new Op(op.text(), left, unary(), op.line(), op.column());
    }
    return left;
  }

  private Expr unary() {
    if (peek().is("&")) {
      return capture(next());
    }
    if (peek().is("+")) {
      next(); // +3 is 3
      return unary();
    }
    if (peek().is("!") || isWord(peek(), "not")) {
      Token op = next();
      Expr e = unary();
      return new Call(null, op.text(), List.of(e), true, op.line(), op.column());
    }
    if (peek().is("^")) {
      Token op = next();
      Token name = next();
      if (name.kind() != Kind.NAME || RESERVED.contains(name.text())) {
        throw syntaxError(name);
      }
      return new Pin(new Var(name.text(), name.line(), name.column()), op.line(), op.column());
    }
    if (peek().is("-")) {
      Token op = next();
      Expr e = unary();
      return new Op(
          "-", new Lit(new IntTerm(0), op.line(), op.column()), e, op.line(), op.column());
    }
    return postfix(primary());
  }

  /** The atom an alias stands for: {@code Foo.Bar} is {@code :"Elixir.Foo.Bar"}. */
  static String aliasAtom(String alias) {
    return alias.equals("Elixir") || alias.startsWith("Elixir.") ? alias : "Elixir." + alias;
  }

  /** {@code Module.fun(args)}, {@code Module.fun}, {@code :erlang.fun(args)}. */
  private Expr postfix(Expr e) {
    while (true) {
      if (peek().is("[") && !peek().spaceBefore() && peek().line() == tokens.get(at - 1).line()) {
        Token open = next(); // m[:key]: Access.get/2
        Expr key = expr();
        expect("]");
        e = new AccessE(e, key, open.line(), open.column());
        continue;
      }
      if (!(peek().is(".") && !peek().spaceBefore())) {
        break;
      }
      Token dot = next();
      if (peek().is("(") && !peek().spaceBefore()) {
        next(); // f.(args)
        e = new Apply(e, args(")"), dot.line(), dot.column());
        continue;
      }
      Token t = next();
      String module;
      if (e instanceof Lit l && l.value() instanceof Atom a) {
        if (t.kind() == Kind.ALIAS) {
          if (!a.name().equals("Elixir") && !a.name().startsWith("Elixir.")) {
            throw syntaxError(t);
          }
          e = new Lit(Atom.of(a.name() + "." + t.text()), e.line(), e.column());
          continue;
        }
        // Foo.bar() and :"Elixir.Foo".bar() call Foo; :lists.reverse() an Erlang module
        module = a.name().startsWith("Elixir.") ? a.name().substring(7) : ":" + a.name();
      } else if (t.kind() == Kind.NAME && !(peek().is("(") && !peek().spaceBefore())) {
        e = new Field(e, t.text(), dot.line(), dot.column());
        continue;
      } else if (t.kind() == Kind.NAME) {
        next(); // mod.fun(args): a module held in a variable
        e = new RemoteCall(e, t.text(), args(")"), e.line(), e.column());
        continue;
      } else {
        throw syntaxError(dot);
      }
      if (t.kind() != Kind.NAME) {
        throw syntaxError(t);
      }
      if (peek().is("(") && !peek().spaceBefore()) {
        next();
        e = new Call(module, t.text(), args(")"), true, e.line(), e.column());
      } else if (startsBareArgument(peek(), t)) {
        // a call without parentheses: IO.puts "hello", Process.alive? pid, f a, k: v
        e = new Call(module, t.text(), bareArgs(), true, e.line(), e.column());
      } else {
        e = new Call(module, t.text(), List.of(), false, e.line(), e.column());
      }
    }
    return e;
  }

  /**
   * Whether {@code next}, after the function name {@code name}, starts the first argument of a call
   * without parentheses: a value or a name on the same line, after a space.
   */
  private boolean startsBareArgument(Token next, Token name) {
    if (!next.spaceBefore() || next.line() != name.line()) {
      return false;
    }
    if (next.is("-") && !tokens.get(at + 1).spaceBefore()) {
      return true; // v -2: a unary minus right before its operand is an argument, as in Elixir
    }
    return switch (next.kind()) {
      case NAME -> next.text().equals("fn") || !RESERVED.contains(next.text());
      case INT, FLOAT, ATOM, STRING, INTERP, CHARLIST, SIGIL, ALIAS, KEY, PID -> true;
      case PUNCT -> next.is("{") || next.is("[") || next.is("%{") || next.is("%") || next.is("<<");
      default -> false;
    };
  }

  /** The arguments of a call without parentheses: up to the end of the expression. */
  private List<Expr> bareArgs() {
    List<Expr> items = new ArrayList<>();
    while (true) {
      if (peek().kind() == Kind.KEY) {
        Token first = peek();
        List<Expr> pairs = new ArrayList<>();
        while (peek().kind() == Kind.KEY) {
          Token key = next();
          pairs.add(
              new TupleE(
                  List.of(new Lit(Atom.of(key.text()), key.line(), key.column()), equality()),
                  key.line(),
                  key.column()));
          if (!peek().is(",")) {
            break;
          }
          next();
        }
        items.add(new ListE(pairs, first.line(), first.column()));
        return items;
      }
      items.add(equality());
      if (!peek().is(",")) {
        return items;
      }
      next();
    }
  }

  /**
   * A sigil: the text between its delimiters as a string (escapes and {@code #{...}} for a
   * lower-case letter; an upper-case one only unescapes its closing delimiter).
   */
  private static Expr sigil(Token t) {
    int colon = t.text().indexOf(':');
    char letter = t.text().charAt(0);
    String modifiers = t.text().substring(1, colon);
    String raw = t.text().substring(colon + 1);
    Expr text;
    if (Character.isUpperCase(letter)) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '\\' && i + 1 < raw.length() && ")]}>/|\"'".indexOf(raw.charAt(i + 1)) >= 0) {
          continue; // ~S(a \) b): only the delimiter is escaped
        }
        sb.append(c);
      }
      text = new Lit(new Bin(sb.toString()), t.line(), t.column());
    } else if (raw.contains("#{")) {
      text = interp(new Token(Kind.INTERP, raw, t.line(), t.column(), t.spaceBefore()));
    } else {
      text = new Lit(new Bin(Lexer.unescape(raw)), t.line(), t.column());
    }
    return new SigilE(letter, modifiers, text, raw, t.line(), t.column());
  }

  /** {@code <<1, 2, x::binary, c::utf8, n::16>>}: segments up to {@code >>}. */
  private Expr binary(Token open) {
    List<Segment> segments = new ArrayList<>();
    if (peek().is(">>")) {
      next();
      return new BinE(segments, open.line(), open.column());
    }
    while (true) {
      Expr value = concat();
      String type = "integer";
      int bits = 8;
      if (peek().is("::")) {
        next();
        Token spec = next();
        if (spec.kind() == Kind.INT) {
          bits = Integer.parseInt(spec.text());
        } else if (spec.kind() == Kind.NAME && spec.text().equals("size")) {
          expect("(");
          Token n = next();
          if (n.kind() != Kind.INT) {
            throw syntaxError(n);
          }
          bits = Integer.parseInt(n.text());
          expect(")");
        } else if (spec.kind() == Kind.NAME
            && List.of("binary", "bytes", "utf8", "integer").contains(spec.text())) {
          type = spec.text().equals("bytes") ? "binary" : spec.text();
        } else {
          throw new ConsoleError(
              "Kaboom.UnsupportedError",
              spec.line(),
              spec.column(),
              "the Kaboom console reads a binary's segments as integer, binary, utf8 or a size in"
                  + " bits (a multiple of 8)");
        }
        if (bits % 8 != 0 || bits <= 0 || bits > 64) {
          throw new ConsoleError(
              "Kaboom.UnsupportedError",
              spec.line(),
              spec.column(),
              "the Kaboom console makes binaries of whole bytes (a size of 8, 16, ... 64 bits)");
        }
      }
      segments.add(new Segment(value, type, bits));
      Token t = next();
      if (t.is(">>")) {
        return new BinE(segments, open.line(), open.column());
      }
      if (!t.is(",")) {
        throw syntaxError(t);
      }
    }
  }

  /** The parts of an interpolated string: each {@code #{...}} parsed as an expression. */
  private static Expr interp(Token t) {
    String raw = t.text();
    List<Expr> parts = new ArrayList<>();
    int i = 0;
    int from = 0;
    while (i < raw.length()) {
      if (raw.charAt(i) == '\\') {
        i += 2;
        continue;
      }
      if (raw.startsWith("#{", i)) {
        if (i > from) {
          parts.add(new Lit(new Bin(Lexer.unescape(raw.substring(from, i))), t.line(), t.column()));
        }
        int end = Lexer.codeEnd(raw, i + 2);
        String code = raw.substring(i + 2, end);
        parts.add(
            code.isBlank()
                ? new Lit(new Bin(""), t.line(), t.column())
                : parse(code)); // its own line and column numbers
        i = from = end + 1;
        continue;
      }
      i++;
    }
    if (from < raw.length()) {
      parts.add(new Lit(new Bin(Lexer.unescape(raw.substring(from))), t.line(), t.column()));
    }
    return new Interp(parts, t.line(), t.column());
  }

  private List<Expr> args(String close) {
    List<Expr> items = new ArrayList<>();
    if (peek().is(close)) {
      next();
      return items;
    }
    while (true) {
      if (peek().kind() == Kind.KEY) {
        items.add(keywords(close));
        expect(close);
        return items;
      }
      items.add(expr());
      Token t = next();
      if (t.is(close)) {
        return items;
      }
      if (!t.is(",")) {
        throw syntaxError(t);
      }
    }
  }

  /** A trailing keyword list, {@code [one: 1, two: 2]} or the last argument {@code f(a, k: v)}. */
  private Expr keywords(String close) {
    Token first = peek();
    List<Expr> pairs = new ArrayList<>();
    while (true) {
      Token key = next();
      if (key.kind() != Kind.KEY) {
        throw syntaxError(key);
      }
      Expr value = expr();
      pairs.add(
          new TupleE(
              List.of(new Lit(Atom.of(key.text()), key.line(), key.column()), value),
              key.line(),
              key.column()));
      if (peek().is(",")) {
        next();
        continue;
      }
      if (!peek().is(close)) {
        throw syntaxError(next());
      }
      return new ListE(pairs, first.line(), first.column());
    }
  }

  private Expr primary() {
    Token t = next();
    enter(t);
    try {
      switch (t.kind()) {
        case INT:
          // Elixir's integers are unbounded: past 64 bits a BigIntTerm
          return new Lit(
              dev.kaboom.engine.BigIntTerm.of(new java.math.BigInteger(t.text())),
              t.line(),
              t.column());
        case FLOAT:
          {
            double d = Double.parseDouble(t.text());
            if (Double.isInfinite(d)) {
              throw new ConsoleError(
                  "SyntaxError", t.line(), t.column(), "invalid float number " + t.text());
            }
            return new Lit(new dev.kaboom.engine.FloatTerm(d), t.line(), t.column());
          }
        case ATOM:
          return new Lit(Atom.of(t.text()), t.line(), t.column());
        case STRING:
          return new Lit(new Bin(t.text()), t.line(), t.column());
        case INTERP:
          return interp(t);
        case SIGIL:
          return sigil(t);
        case CHARLIST:
          {
            List<Term> codes = new ArrayList<>();
            t.text().codePoints().forEach(cp -> codes.add(new IntTerm(cp)));
            return new Lit(new TermList(codes), t.line(), t.column());
          }
        case PID:
          return new Call(
              null,
              "pid",
              List.of(new Lit(new Bin(t.text()), t.line(), t.column())),
              true,
              t.line(),
              t.column());
        case ALIAS:
          // an alias is the atom :"Elixir.Foo" (Elixir itself is :Elixir)
          return new Lit(Atom.of(aliasAtom(t.text())), t.line(), t.column());
        case NAME:
          {
            String name = t.text();
            if (name.equals("true") || name.equals("false") || name.equals("nil")) {
              return new Lit(Atom.of(name), t.line(), t.column());
            }
            if (name.equals("fn")) {
              return fn(t);
            }
            if (name.startsWith("&")) {
              if (captures == 0) {
                throw new ConsoleError(
                    "CompileError",
                    t.line(),
                    t.column(),
                    "capture argument " + name + " must be used within the capture operator &");
              }
              return new Var(name, t.line(), t.column());
            }
            if (name.equals("receive") && isWord(peek(), "do")) {
              return receive(t);
            }
            if (name.equals("case") && peek().spaceBefore() && peek().kind() != Kind.END) {
              Expr subject = expr();
              expectWord("do");
              if (isWord(peek(), "end")) {
                throw new ConsoleError(
                    "CompileError",
                    t.line(),
                    t.column(),
                    "expected -> clauses for :do in \"case\"");
              }
              List<Clause> clauses = clauses(true);
              expectWord("end");
              return new Case(subject, clauses, t.line(), t.column());
            }
            if (name.equals("cond") && isWord(peek(), "do")) {
              next();
              conditions++;
              List<Clause> clauses;
              try {
                clauses = clauses(true);
              } finally {
                conditions--;
              }
              expectWord("end");
              return new Cond(clauses, t.line(), t.column());
            }
            if (name.equals("for") && peek().spaceBefore() && peek().kind() != Kind.END) {
              return forComprehension(t);
            }
            if (name.equals("with") && peek().spaceBefore() && peek().kind() != Kind.END) {
              return with(t);
            }
            if ((name.equals("if") || name.equals("unless"))
                && peek().spaceBefore()
                && peek().kind() != Kind.END) {
              return ifElse(t);
            }
            if (peek().is("(") && !peek().spaceBefore()) {
              next();
              return new Call(null, name, args(")"), true, t.line(), t.column());
            }
            if (!RESERVED.contains(name) && startsBareArgument(peek(), t)) {
              // a local call without parentheses: h Supervisor, v 1, pid "0.106.0", spawn fn ...
              return new Call(null, name, bareArgs(), false, t.line(), t.column());
            }
            if (RESERVED.contains(name)) {
              throw syntaxError(t);
            }
            return new Var(name, t.line(), t.column());
          }
        case PUNCT:
          if (t.is("{")) {
            return new TupleE(args("}"), t.line(), t.column());
          }
          if (t.is("[")) {
            return list(t);
          }
          if (t.is("%{")) {
            return map(t);
          }
          if (t.is("<<")) {
            return binary(t);
          }
          if (t.is("(")) {
            Expr e = expr();
            expect(")");
            return e;
          }
          throw syntaxError(t);
        default:
          throw syntaxError(t);
      }
    } finally {
      depth--;
    }
  }

  /**
   * {@code fn PARAMS [when GUARD] -> BODY; ... end} ({@code fn -> BODY end} takes none): each body
   * is expressions separated by {@code ;} or new lines, up to the next clause's {@code ->} or
   * {@code end} (until then the input is unfinished, {@code ...(N)>}). Clauses of different arities
   * are Elixir's CompileError.
   */
  private Expr fn(Token t) {
    List<Clause> clauses;
    try {
      clauses = clauses(false);
    } catch (ConsoleError e) {
      if (e.kind.equals("SyntaxError") && !arrowAhead(t)) {
        throw new ConsoleError(
            "SyntaxError",
            t.line(),
            t.column(),
            "expected anonymous functions to be defined with -> inside: 'fn'");
      }
      throw e;
    }
    expectWord("end");
    return new Fn(clauses, null, t.line(), t.column());
  }

  /**
   * {@code receive do CLAUSES [after TIMEOUT -> BODY] end}: one pattern a clause (a message);
   * {@code after} alone waits that long.
   */
  private Expr receive(Token t) {
    expectWord("do");
    List<Clause> clauses =
        isWord(peek(), "after") || isWord(peek(), "end") ? List.of() : clauses(true);
    Clause after = null;
    if (isWord(peek(), "after")) {
      next();
      List<Clause> timeout = clauses(true);
      if (timeout.size() != 1) {
        throw new ConsoleError(
            "CompileError",
            t.line(),
            t.column(),
            "expected a single -> clause for :after in \"receive\"");
      }
      after = timeout.get(0);
    }
    expectWord("end");
    return new Receive(clauses, after, t.line(), t.column());
  }

  /**
   * The qualifiers of a {@code for} or the steps of a {@code with}, comma-separated, up to {@code
   * do} or a keyword ({@code into:}, {@code do:}): {@code PATTERN [when GUARD] <- EXPR}, or an
   * expression.
   */
  private List<Clause> qualifiers() {
    List<Clause> out = new ArrayList<>();
    while (true) {
      Token head = peek();
      if (head.is("<<") && bytesGenerator()) {
        next(); // for <<c <- "abc">>: a generator over the bytes (or ::utf8 code points)
        Expr pattern = concat();
        boolean utf8 = false;
        if (peek().is("::")) {
          next();
          Token type = next();
          utf8 = type.kind() == Kind.NAME && type.text().equals("utf8");
          if (!utf8 && !(type.kind() == Kind.INT && type.text().equals("8"))) {
            throw syntaxError(type);
          }
        }
        expect("<-");
        Expr source = concat();
        expect(">>");
        out.add(
            new Clause(
                List.of(pattern),
                null,
                new BytesOf(source, utf8, head.line(), head.column()),
                head.line(),
                head.column()));
        if (!peek().is(",")) {
          return out;
        }
        next();
        if (peek().kind() == Kind.KEY) {
          return out;
        }
        continue;
      }
      Expr e = expr();
      if (peek().is("<-") || isWord(peek(), "when")) {
        Expr guard = null;
        if (isWord(peek(), "when")) {
          next();
          guard = orElse();
        }
        expect("<-");
        Expr source = expr();
        out.add(new Clause(List.of(e), guard, source, head.line(), head.column()));
      } else {
        out.add(new Clause(List.of(), null, e, head.line(), head.column()));
      }
      if (!peek().is(",")) {
        return out;
      }
      next();
      if (peek().kind() == Kind.KEY) {
        return out;
      }
    }
  }

  /** Whether the {@code <<} here opens a bitstring generator ({@code <<c <- s>>}). */
  private boolean bytesGenerator() {
    for (int i = at + 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is(">>") || t.kind() == Kind.END) {
        return false;
      }
      if (t.is("<-")) {
        return true;
      }
    }
    return false;
  }

  /** {@code for x <- xs, filter, into: %{}, do: body} or {@code for ... do body end}. */
  private Expr forComprehension(Token t) {
    List<Clause> qualifiers = qualifiers();
    Expr into = null;
    Expr body = null;
    while (peek().kind() == Kind.KEY) {
      Token key = next();
      Expr v = expr();
      switch (key.text()) {
        case "into" -> into = v;
        case "do" -> body = v;
        default -> throw syntaxError(key);
      }
      if (peek().is(",")) {
        next();
      }
    }
    if (body == null) {
      expectWord("do");
      body = body(t);
      expectWord("end");
    }
    if (qualifiers.isEmpty() || qualifiers.get(0).params().isEmpty()) {
      throw new ConsoleError(
          "CompileError", t.line(), t.column(), "for comprehensions must start with a generator");
    }
    return new For(qualifiers, into, body, t.line(), t.column());
  }

  /** {@code with ... <- ..., do: body, else: ...} or {@code with ... do body else CLAUSES end}. */
  private Expr with(Token t) {
    List<Clause> steps = qualifiers();
    Expr body = null;
    List<Clause> otherwise = List.of();
    if (peek().kind() == Kind.KEY) {
      Token key = next();
      if (!key.text().equals("do")) {
        throw syntaxError(key);
      }
      body = expr();
      if (peek().is(",")) {
        next();
        Token other = next();
        if (other.kind() != Kind.KEY || !other.text().equals("else")) {
          throw syntaxError(other);
        }
        otherwise = parenClauses(); // else: (pattern -> value; ...)
      }
      return new With(steps, body, otherwise, t.line(), t.column());
    }
    expectWord("do");
    body = body(t);
    if (isWord(peek(), "else")) {
      next();
      otherwise = clauses(true);
    }
    expectWord("end");
    return new With(steps, body, otherwise, t.line(), t.column());
  }

  /**
   * {@code (PATTERN [when GUARD] -> EXPR; ...)}: clauses in parentheses, as {@code else:} takes.
   */
  private List<Clause> parenClauses() {
    expect("(");
    List<Clause> out = new ArrayList<>();
    while (true) {
      while (peek().is(";")) {
        next();
      }
      Token head = peek();
      Expr pattern = equality();
      Expr guard = null;
      if (isWord(peek(), "when")) {
        next();
        guard = orElse();
      }
      expect("->");
      Expr body = expr();
      out.add(new Clause(List.of(pattern), guard, body, head.line(), head.column()));
      while (peek().is(";")) {
        next();
      }
      if (peek().is(")")) {
        next();
        return out;
      }
    }
  }

  private Expr ifElse(Token t) {
    Expr test = expr();
    Expr then;
    Expr otherwise = null;
    if (peek().is(",")) {
      next(); // if test, do: x, else: y
      Token key = next();
      if (key.kind() != Kind.KEY || !key.text().equals("do")) {
        throw syntaxError(key);
      }
      then = expr();
      if (peek().is(",")) {
        next();
        Token other = next();
        if (other.kind() != Kind.KEY || !other.text().equals("else")) {
          throw syntaxError(other);
        }
        otherwise = expr();
      }
    } else {
      expectWord("do");
      then = body(t);
      if (isWord(peek(), "else")) {
        next();
        otherwise = body(t);
      }
      expectWord("end");
    }
    return new If(test, then, otherwise, t.text().equals("unless"), t.line(), t.column());
  }

  /**
   * Expressions up to {@code else} or {@code end} (not taken): a block's body ({@code nil}: none).
   */
  private Expr body(Token t) {
    List<Expr> body = exprsUntil("else", false);
    if (body.isEmpty()) {
      return new Lit(dev.kaboom.engine.Atom.of("nil"), t.line(), t.column());
    }
    return body.size() == 1 ? body.get(0) : new Block(body, t.line(), t.column());
  }

  /**
   * The expressions of a body, up to {@code end} or {@code stop} (not taken), separated by {@code
   * ;} or new lines; with {@code clauses}, also up to the head of the next clause ({@code pattern
   * ->}) once the body has one expression.
   *
   * @throws Incomplete when the input ends first
   */
  private List<Expr> exprsUntil(String stop, boolean clauses) {
    List<Expr> body = new ArrayList<>();
    while (true) {
      Token p = peek();
      if (isWord(p, "end") || isWord(p, stop)) {
        return body;
      }
      if (p.is(";")) {
        next();
        continue;
      }
      if (p.kind() == Kind.END) {
        throw new Incomplete();
      }
      if (clauses && !body.isEmpty() && clauseHead()) {
        return body;
      }
      body.add(expr());
      Token q = peek();
      if (q.kind() != Kind.END
          && !q.is(";")
          && q.line() == p.line()
          && !isWord(q, "end")
          && !isWord(q, stop)) {
        throw syntaxError(q);
      }
    }
  }

  /** Whether an {@code ->} comes between the {@code fn} at {@code t} and its {@code end}. */
  private boolean arrowAhead(Token t) {
    int level = 0;
    for (int i = tokens.indexOf(t) + 1; i < tokens.size(); i++) {
      Token x = tokens.get(i);
      if (isWord(x, "fn") || isWord(x, "do")) {
        level++;
      } else if (isWord(x, "end")) {
        if (level-- == 0) {
          return false;
        }
      } else if (level == 0 && x.is("->")) {
        return true;
      }
    }
    return false;
  }

  private void expectWord(String word) {
    Token t = next();
    if (!isWord(t, word)) {
      throw syntaxError(t);
    }
  }

  /**
   * Clauses up to {@code end} or {@code after} (not taken); {@code one}: each takes one pattern (a
   * receive's).
   */
  private List<Clause> clauses(boolean one) {
    List<Clause> clauses = new ArrayList<>();
    while (peek().is(";")) {
      next();
    }
    do {
      Token head = peek();
      List<Expr> params = new ArrayList<>();
      if (!peek().is("->")) {
        while (true) {
          // a cond's condition is any expression (a && b); a pattern is below && and ||
          params.add(conditions > 0 ? orElse() : equality());
          if (!peek().is(",")) {
            break;
          }
          next();
        }
      }
      if (one && params.size() != 1) {
        throw syntaxError(peek().is("->") ? peek() : head);
      }
      Expr guard = null;
      if (isWord(peek(), "when")) {
        next();
        guard = orElse();
      }
      Token arrow = peek();
      expect("->");
      List<Expr> body = exprsUntil("after", true);
      if (body.isEmpty()) {
        // fn -> end: Elixir warns, and the clause returns nil
        body.add(new EmptyBody(arrow.line(), arrow.column()));
      }
      Expr b = body.size() == 1 ? body.get(0) : new Block(body, head.line(), head.column());
      clauses.add(new Clause(params, guard, b, head.line(), head.column()));
    } while (!isWord(peek(), "end") && !isWord(peek(), "after"));
    return clauses;
  }

  /**
   * Whether the tokens from here start a clause ({@code PATTERNS [when GUARD] ->} on this line,
   * outside brackets and blocks) rather than one more expression of the body before.
   */
  private boolean clauseHead() {
    int level = 0;
    int line = peek().line();
    for (int i = at; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.END || (level == 0 && t.line() != line)) {
        return false;
      }
      if (t.is("(") || t.is("[") || t.is("{") || t.is("%{") || isWord(t, "fn") || isWord(t, "do")) {
        level++;
      } else if (t.is(")") || t.is("]") || t.is("}") || isWord(t, "end")) {
        if (--level < 0) {
          return false;
        }
      } else if (level == 0 && (t.is(";") || isWord(t, "after"))) {
        return false;
      } else if (level == 0 && t.is("->")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code &Module.fun/arity}, {@code &fun/arity}, or {@code &(EXPR)} with {@code &1}, {@code &2},
   * ... in it: a function of as many arguments (Elixir's CompileErrors when it has none or skips
   * one).
   */
  private Expr capture(Token amp) {
    if (peek().kind() == Kind.OP
        && ERLANG_OPS.containsKey(peek().text())
        && tokens.get(at + 1).is("/")
        && tokens.get(at + 2).kind() == Kind.INT
        && tokens.get(at + 2).text().equals("2")) {
      // &+/2: Erlang's operator as a function
      Token op = next();
      next();
      next();
      List<Expr> params =
          List.of(new Var("&1", op.line(), op.column()), new Var("&2", op.line(), op.column()));
      return new Fn(
          List.of(
              new Clause(
                  params,
                  null,
                  new Op(op.text(), params.get(0), params.get(1), op.line(), op.column()),
                  amp.line(),
                  amp.column())),
          "&:erlang." + ERLANG_OPS.get(op.text()) + "/2",
          amp.line(),
          amp.column());
    }
    captures++;
    Expr e;
    try {
      e = expr();
    } finally {
      captures--;
    }
    if (e instanceof Op o
        && o.op().equals("/")
        && o.right() instanceof Lit n
        && n.value() instanceof IntTerm arity) {
      if (o.left() instanceof Call c && c.module() != null && c.args().isEmpty() && !c.parens()) {
        return new CaptureRef(
            c.module(), c.function(), (int) arity.value(), amp.line(), amp.column());
      }
      if (o.left() instanceof Var v && !v.name().startsWith("&")) {
        return new CaptureRef(null, v.name(), (int) arity.value(), amp.line(), amp.column());
      }
    }
    java.util.TreeSet<Integer> used = new java.util.TreeSet<>();
    collectCaptureArgs(e, used);
    if (used.isEmpty()) {
      String got = source(amp);
      throw new ConsoleError(
          "CompileError",
          amp.line(),
          amp.column(),
          "invalid args for &, expected one of:\n\n"
              + "  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n"
              + "  * &fun/arity to capture a local or imported function, such as &is_atom/1\n"
              + "  * &some_code(&1, ...) containing at least one argument as &1, such as"
              + " &List.flatten(&1)\n\n"
              + "Got: "
              + got);
    }
    int arity = used.last();
    if (e instanceof Call c && isArgs(c.args(), arity)) {
      // &IO.puts(&1), &is_pid(&1): Elixir makes them &IO.puts/1, &:erlang.is_pid/1
      return new CaptureRef(c.module(), c.function(), arity, amp.line(), amp.column());
    }
    String shown = null;
    if (e instanceof Op o && isArgs(List.of(o.left(), o.right()), 2)) {
      String erlang = ERLANG_OPS.get(o.op());
      shown = erlang == null ? null : "&:erlang." + erlang + "/2"; // &(&1 + &2): &:erlang.+/2
    }
    List<Expr> params = new ArrayList<>();
    for (int i = 1; i <= used.last(); i++) {
      if (!used.contains(i)) {
        throw new ConsoleError(
            "CompileError",
            amp.line(),
            amp.column(),
            "capture argument &"
                + used.higher(i)
                + " cannot be defined without &"
                + i
                + " (you cannot skip arguments, all arguments must be numbered)",
            "    (elixir 1.14.0) src/elixir_fn.erl:116: :elixir_fn.capture_expr/6");
      }
      params.add(new Var("&" + i, amp.line(), amp.column()));
    }
    return new Fn(
        List.of(new Clause(params, null, e, amp.line(), amp.column())),
        shown,
        amp.line(),
        amp.column());
  }

  /** Elixir's operators that are Erlang's functions, by their Erlang names. */
  private static final java.util.Map<String, String> ERLANG_OPS =
      java.util.Map.ofEntries(
          java.util.Map.entry("+", "+"),
          java.util.Map.entry("-", "-"),
          java.util.Map.entry("*", "*"),
          java.util.Map.entry("/", "/"),
          java.util.Map.entry("==", "=="),
          java.util.Map.entry("!=", "/="),
          java.util.Map.entry("===", "=:="),
          java.util.Map.entry("!==", "=/="),
          java.util.Map.entry("<", "<"),
          java.util.Map.entry(">", ">"),
          java.util.Map.entry("<=", "=<"),
          java.util.Map.entry(">=", ">="),
          java.util.Map.entry("++", "++"));

  /** Whether {@code args} are exactly {@code &1, ..., &arity}, in order. */
  private static boolean isArgs(List<Expr> args, int arity) {
    if (args.size() != arity) {
      return false;
    }
    for (int i = 0; i < arity; i++) {
      if (!(args.get(i) instanceof Var v) || !v.name().equals("&" + (i + 1))) {
        return false;
      }
    }
    return true;
  }

  /** The source of a capture's operand, from just after {@code &} to where the parser is. */
  private String source(Token amp) {
    StringBuilder sb = new StringBuilder();
    int from = tokens.indexOf(amp) + 1;
    for (int i = from; i < at && tokens.get(i).kind() != Kind.END; i++) {
      Token t = tokens.get(i);
      if (i > from && t.spaceBefore() && !t.is(",") && !t.is(")")) {
        sb.append(' ');
      }
      sb.append(
          switch (t.kind()) {
            case STRING -> "\"" + t.text() + "\"";
            case CHARLIST -> "'" + t.text() + "'";
            case ATOM -> ":" + t.text();
            case KEY -> t.text() + ":";
            default -> t.text();
          });
    }
    return sb.toString();
  }

  private static void collectCaptureArgs(Expr e, java.util.Set<Integer> used) {
    walk(
        e,
        x -> {
          if (x instanceof Var v && v.name().startsWith("&")) {
            used.add(Integer.parseInt(v.name().substring(1)));
          }
          return true;
        });
  }

  /**
   * Visits {@code root} and what is inside it, outer before inner, without recursion (a long flat
   * expression nests thousands deep); {@code visit} returning false skips what is inside.
   */
  static void walk(Expr root, java.util.function.Predicate<Expr> visit) {
    java.util.ArrayDeque<Expr> todo = new java.util.ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Expr e = todo.pop();
      if (visit.test(e)) {
        List<Expr> inside = children(e);
        for (int i = inside.size() - 1; i >= 0; i--) {
          todo.push(inside.get(i));
        }
      }
    }
  }

  /** The expressions directly inside {@code e} (a clause's patterns, guard and body included). */
  static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Call c) {
      out.addAll(c.args());
    } else if (e instanceof TupleE t) {
      out.addAll(t.items());
    } else if (e instanceof ListE l) {
      out.addAll(l.items());
    } else if (e instanceof ConsE l) {
      out.addAll(l.items());
      out.add(l.tail());
    } else if (e instanceof MapE m) {
      out.addAll(m.keys());
      out.addAll(m.values());
    } else if (e instanceof Op o) {
      out.add(o.left());
      out.add(o.right());
    } else if (e instanceof Field f) {
      out.add(f.map());
    } else if (e instanceof SigilE g) {
      out.add(g.text());
    } else if (e instanceof BytesOf b) {
      out.add(b.binary());
    } else if (e instanceof BinE b) {
      b.segments().forEach(g -> out.add(g.value()));
    } else if (e instanceof AccessE a) {
      out.add(a.container());
      out.add(a.key());
    } else if (e instanceof MapUpdate u) {
      out.add(u.map());
      out.addAll(u.keys());
      out.addAll(u.values());
    } else if (e instanceof RemoteCall r) {
      out.add(r.module());
      out.addAll(r.args());
    } else if (e instanceof Match m) {
      out.add(m.pattern());
      out.add(m.expr());
    } else if (e instanceof Block b) {
      out.addAll(b.exprs());
    } else if (e instanceof Fn f) {
      f.clauses().forEach(c -> addClause(c, out));
    } else if (e instanceof Receive r) {
      r.clauses().forEach(c -> addClause(c, out));
      if (r.after() != null) {
        addClause(r.after(), out);
      }
    } else if (e instanceof Apply a) {
      out.add(a.fun());
      out.addAll(a.args());
    } else if (e instanceof Pin p) {
      out.add(p.var());
    } else if (e instanceof Interp i) {
      out.addAll(i.parts());
    } else if (e instanceof Case c) {
      out.add(c.expr());
      c.clauses().forEach(x -> addClause(x, out));
    } else if (e instanceof RangeE r) {
      out.add(r.first());
      out.add(r.last());
      if (r.step() != null) {
        out.add(r.step());
      }
    } else if (e instanceof Cond c) {
      c.clauses().forEach(x -> addClause(x, out));
    } else if (e instanceof For f) {
      f.qualifiers().forEach(x -> addClause(x, out));
      if (f.into() != null) {
        out.add(f.into());
      }
      out.add(f.body());
    } else if (e instanceof With w) {
      w.steps().forEach(x -> addClause(x, out));
      out.add(w.body());
      w.otherwise().forEach(x -> addClause(x, out));
    } else if (e instanceof If i) {
      out.add(i.test());
      out.add(i.then());
      if (i.otherwise() != null) {
        out.add(i.otherwise());
      }
    }
    return out;
  }

  private static void addClause(Clause c, List<Expr> out) {
    out.addAll(c.params());
    if (c.guard() != null) {
      out.add(c.guard());
    }
    out.add(c.body());
  }

  /** A list literal after its {@code [}: items, keywords or {@code [a, b | tail]}. */
  private Expr list(Token open) {
    if (peek().kind() == Kind.KEY) {
      Expr kw = keywords("]");
      expect("]");
      return new ListE(((ListE) kw).items(), open.line(), open.column());
    }
    List<Expr> items = new ArrayList<>();
    if (peek().is("]")) {
      next();
      return new ListE(items, open.line(), open.column());
    }
    while (true) {
      if (peek().kind() == Kind.KEY) {
        items.add(keywords("]"));
        expect("]");
        return new ListE(items, open.line(), open.column());
      }
      items.add(expr());
      Token t = next();
      if (t.is("]")) {
        return new ListE(items, open.line(), open.column());
      }
      if (t.is("|") && !items.isEmpty()) {
        Expr tail = expr();
        expect("]");
        return new ConsE(items, tail, open.line(), open.column());
      }
      if (!t.is(",")) {
        throw syntaxError(t);
      }
    }
  }

  private Expr map(Token open) {
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    if (peek().is("}")) {
      next();
      return new MapE(keys, values, open.line(), open.column());
    }
    Expr updated = null;
    while (true) {
      if (peek().kind() == Kind.KEY) {
        Token key = next();
        keys.add(new Lit(Atom.of(key.text()), key.line(), key.column()));
        values.add(expr());
      } else {
        Expr key = expr();
        if (updated == null && keys.isEmpty() && peek().is("|")) {
          next(); // %{map | k: v}
          updated = key;
          continue;
        }
        keys.add(key);
        expect("=>");
        values.add(expr());
      }
      Token t = next();
      if (t.is("}")) {
        return updated == null
            ? new MapE(keys, values, open.line(), open.column())
            : new MapUpdate(updated, keys, values, open.line(), open.column());
      }
      if (!t.is(",")) {
        throw syntaxError(t);
      }
    }
  }
}
