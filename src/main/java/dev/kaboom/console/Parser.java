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

  record TupleE(List<Expr> items, int line, int column) implements Expr {}

  record ListE(List<Expr> items, int line, int column) implements Expr {}

  record MapE(List<Expr> keys, List<Expr> values, int line, int column) implements Expr {}

  record Op(String op, Expr left, Expr right, int line, int column) implements Expr {}

  /**
   * {@code map.field}: the value of the atom key {@code field} of a map ({@code KeyError} else).
   */
  record Field(Expr map, String field, int line, int column) implements Expr {}

  record Match(Expr pattern, Expr expr, int line, int column) implements Expr {}

  record Block(List<Expr> exprs, int line, int column) implements Expr {}

  /** {@code fn a, b -> body end}: one clause. */
  record Fn(List<Expr> params, Expr body, int line, int column) implements Expr {}

  /** {@code f.(args)}: calls the function value {@code fun}. */
  record Apply(Expr fun, List<Expr> args, int line, int column) implements Expr {}

  /** Words that end or join expressions, never a call's name or its first bare argument. */
  static final java.util.Set<String> RESERVED =
      java.util.Set.of(
          "end", "do", "fn", "when", "and", "or", "not", "in", "else", "after", "catch", "rescue");

  private final List<Token> tokens;
  private int at;
  private int depth;

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
          case INT -> "syntax error before: " + t.text();
          case ATOM -> "syntax error before: " + t.text();
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
      Expr left = equality();
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
    Expr left = concat();
    while (peek().is("|>")) {
      Token op = next();
      Expr right = concat();
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

  private Expr concat() {
    Expr left = additive();
    while (peek().kind() == Kind.OP && List.of("++", "<>", "..").contains(peek().text())) {
      Token op = next();
      left = new Op(op.text(), left, additive(), op.line(), op.column());
    }
    return left;
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
    Expr left = unary();
    while (peek().kind() == Kind.OP && (peek().is("*") || peek().is("/"))) {
      Token op = next();
      left = new Op(op.text(), left, unary(), op.line(), op.column());
    }
    return left;
  }

  private Expr unary() {
    if (peek().is("-")) {
      Token op = next();
      Expr e = unary();
      return new Op(
          "-", new Lit(new IntTerm(0), op.line(), op.column()), e, op.line(), op.column());
    }
    return postfix(primary());
  }

  /** {@code Module.fun(args)}, {@code Module.fun}, {@code :erlang.fun(args)}. */
  private Expr postfix(Expr e) {
    while (peek().is(".") && !peek().spaceBefore()) {
      Token dot = next();
      if (peek().is("(") && !peek().spaceBefore()) {
        next(); // f.(args)
        e = new Apply(e, args(")"), dot.line(), dot.column());
        continue;
      }
      Token t = next();
      String module;
      if (e instanceof Lit l && l.value() instanceof Atom a) {
        // IO is an alias too (an all-capital atom such as :OK prints as itself, not as a module)
        module = Inspect.isAlias(a.name()) || a.name().equals("IO") ? a.name() : ":" + a.name();
      } else if (t.kind() == Kind.NAME && !(peek().is("(") && !peek().spaceBefore())) {
        e = new Field(e, t.text(), dot.line(), dot.column());
        continue;
      } else {
        throw syntaxError(dot);
      }
      if (t.kind() == Kind.ALIAS && !module.startsWith(":")) {
        e = new Lit(Atom.of(module + "." + t.text()), e.line(), e.column());
        continue;
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
      case INT, ATOM, STRING, CHARLIST, ALIAS, KEY, PID -> true;
      case PUNCT -> next.is("{") || next.is("[") || next.is("%{") || next.is("%");
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
          try {
            return new Lit(new IntTerm(Long.parseLong(t.text())), t.line(), t.column());
          } catch (
              NumberFormatException
                  e) { // Elixir's integers are unbounded; the console's are 64-bit
            throw new ConsoleError(
                "SyntaxError",
                t.line(),
                t.column(),
                "integer too large for this console (over 64 bits): " + t.text());
          }
        case ATOM:
          return new Lit(Atom.of(t.text()), t.line(), t.column());
        case STRING:
          return new Lit(new Bin(t.text()), t.line(), t.column());
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
          return new Lit(Atom.of(t.text()), t.line(), t.column());
        case NAME:
          {
            String name = t.text();
            if (name.equals("true") || name.equals("false") || name.equals("nil")) {
              return new Lit(Atom.of(name), t.line(), t.column());
            }
            if (name.equals("fn")) {
              return fn(t);
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
            return new ListE(listItems(), t.line(), t.column());
          }
          if (t.is("%{")) {
            return map(t);
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
   * {@code fn PARAMS -> BODY end} (one clause; {@code fn -> BODY end} takes none): the body is
   * expressions separated by {@code ;} or new lines, up to {@code end} (until then the input is
   * unfinished, {@code ...(N)>}).
   */
  private Expr fn(Token t) {
    List<Expr> params = new ArrayList<>();
    if (!peek().is("->")) {
      while (true) {
        params.add(equality());
        if (!peek().is(",")) {
          break;
        }
        next();
      }
    }
    expect("->");
    List<Expr> body = new ArrayList<>();
    while (true) {
      Token p = peek();
      if (p.kind() == Kind.NAME && p.text().equals("end")) {
        next();
        break;
      }
      if (p.is(";")) {
        next();
        continue;
      }
      if (p.kind() == Kind.END) {
        throw new Incomplete();
      }
      body.add(expr());
      Token q = peek();
      if (q.kind() != Kind.END
          && !q.is(";")
          && q.line() == p.line()
          && !(q.kind() == Kind.NAME && q.text().equals("end"))) {
        throw syntaxError(q);
      }
    }
    if (body.isEmpty()) {
      throw syntaxError(tokens.get(at - 1));
    }
    Expr b = body.size() == 1 ? body.get(0) : new Block(body, t.line(), t.column());
    return new Fn(params, b, t.line(), t.column());
  }

  private List<Expr> listItems() {
    if (peek().kind() == Kind.KEY) {
      Expr kw = keywords("]");
      expect("]");
      return ((ListE) kw).items();
    }
    return args("]");
  }

  private Expr map(Token open) {
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    if (peek().is("}")) {
      next();
      return new MapE(keys, values, open.line(), open.column());
    }
    while (true) {
      if (peek().kind() == Kind.KEY) {
        Token key = next();
        keys.add(new Lit(Atom.of(key.text()), key.line(), key.column()));
        values.add(expr());
      } else {
        keys.add(expr());
        expect("=>");
        values.add(expr());
      }
      Token t = next();
      if (t.is("}")) {
        return new MapE(keys, values, open.line(), open.column());
      }
      if (!t.is(",")) {
        throw syntaxError(t);
      }
    }
  }
}
