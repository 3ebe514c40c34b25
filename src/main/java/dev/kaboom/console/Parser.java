package dev.kaboom.console;

import dev.kaboom.console.Lexer.Kind;
import dev.kaboom.console.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The little Elixir the console understands: {@code pattern = expr}, calls with or without
 * parentheses, {@code |>}, tuples, lists, atoms, integers, strings and {@code #PID<0.N.0>}.
 */
final class Parser {
  sealed interface Expr {
    int column();
  }

  record Lit(Object value, int column) implements Expr {}

  record Var(String name, int column) implements Expr {}

  record Call(String function, List<Expr> args, int column) implements Expr {}

  record TupleE(List<Expr> items, int column) implements Expr {}

  record ListE(List<Expr> items, int column) implements Expr {}

  /** {@code pattern = expr}; a plain expression has a null pattern. */
  record Statement(Expr pattern, Expr expr) {}

  private final List<Token> tokens;
  private int at;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Statement parse(String line) {
    Parser p = new Parser(Lexer.lex(line));
    Expr first = p.pipeline();
    Statement s;
    if (p.peekPunct("=")) {
      p.at++;
      s = new Statement(first, p.pipeline());
    } else {
      s = new Statement(null, first);
    }
    Token t = p.tokens.get(p.at);
    if (t.kind() != Kind.END) {
      throw new ConsoleError("SyntaxError", t.column(), "unexpected token '" + t.text() + "'");
    }
    return s;
  }

  private boolean peekPunct(String p) {
    Token t = tokens.get(at);
    return t.kind() == Kind.PUNCT && t.text().equals(p);
  }

  private void expect(String p) {
    Token t = tokens.get(at);
    if (!(t.kind() == Kind.PUNCT && t.text().equals(p))) {
      throw new ConsoleError(
          "SyntaxError",
          t.column(),
          "expected '" + p + "'" + (t.kind() == Kind.END ? " before the end of the line" : " here, got '" + t.text() + "'"));
    }
    at++;
  }

  private Expr pipeline() {
    Expr left = primary();
    while (tokens.get(at).kind() == Kind.PIPE) {
      Token pipe = tokens.get(at++);
      Expr right = primary();
      if (!(right instanceof Call c)) {
        throw new ConsoleError("SyntaxError", pipe.column(), "the right side of |> must be a function call");
      }
      List<Expr> args = new ArrayList<>();
      args.add(left);
      args.addAll(c.args());
      left = new Call(c.function(), args, c.column());
    }
    return left;
  }

  private List<Expr> items(String close) {
    List<Expr> items = new ArrayList<>();
    if (peekPunct(close)) {
      at++;
      return items;
    }
    while (true) {
      items.add(pipeline());
      if (peekPunct(",")) {
        at++;
        continue;
      }
      expect(close);
      return items;
    }
  }

  private Expr primary() {
    Token t = tokens.get(at++);
    switch (t.kind()) {
      case ATOM:
        return new Lit(dev.kaboom.engine.Atom.of(t.text()), t.column());
      case INT:
        return new Lit(new dev.kaboom.engine.IntTerm(Long.parseLong(t.text())), t.column());
      case STRING:
        return new Lit(t.text(), t.column());
      case PID:
        return new Call("pid", List.of(new Lit(t.text(), t.column())), t.column());
      case PUNCT:
        if (t.text().equals("{")) {
          return new TupleE(items("}"), t.column());
        }
        if (t.text().equals("[")) {
          return new ListE(items("]"), t.column());
        }
        if (t.text().equals("(")) {
          Expr e = pipeline();
          expect(")");
          return e;
        }
        throw new ConsoleError("SyntaxError", t.column(), "unexpected token '" + t.text() + "'");
      case NAME:
        String name = t.text();
        if (peekPunct("(")) {
          at++;
          return new Call(name, items(")"), t.column());
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && Character.isLowerCase(name.charAt(dot + 1))) {
          return new Call(name, List.of(), t.column()); // Module.fun without parentheses
        }
        if (Character.isUpperCase(name.charAt(0))) {
          return new Lit(dev.kaboom.engine.Atom.of(name), t.column()); // an alias is an atom
        }
        return new Var(name, t.column());
      default:
        throw new ConsoleError(
            "SyntaxError", t.column(), t.kind() == Kind.END ? "the line ends too early" : "unexpected '" + t.text() + "'");
    }
  }
}
