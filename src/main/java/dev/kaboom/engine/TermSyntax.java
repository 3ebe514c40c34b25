package dev.kaboom.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Terms as users write them: Erlang syntax (scenario files and traces: {@code {shutdown,done}},
 * {@code 'EXIT'}, {@code [1,2]}) and Elixir syntax (the console and the window: {@code {:shutdown,
 * :done}}, {@code Servy.Sensor} for the atom {@code 'Elixir.Servy.Sensor'}).
 *
 * <p>Supported: atoms (plain, quoted, Elixir {@code :atom}, {@code :"quoted"}, {@code true}, {@code
 * false}, {@code nil} and module aliases), integers, tuples and proper lists. Anything else
 * (strings, floats, pids, maps) is refused with a {@link ParseError} saying where.
 */
public final class TermSyntax {
  private TermSyntax() {}

  /** A term that could not be read: {@code column} is 1-based. */
  public static final class ParseError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int column;

    ParseError(int column, String message) {
      super(message);
      this.column = column;
    }

    public int column() {
      return column;
    }
  }

  /** Reads an Erlang term ({@code {shutdown,done}}, {@code kaboom}, {@code {badarith,[]}}). */
  public static Term parseErlang(String text) throws ParseError {
    return new Reader(text, false).whole();
  }

  /** Reads an Elixir term ({@code {:shutdown, :done}}, {@code :kaboom}, {@code Servy.Sensor}). */
  public static Term parseElixir(String text) throws ParseError {
    return new Reader(text, true).whole();
  }

  /** The atom of an Elixir module alias: {@code Servy.Sensor} is {@code 'Elixir.Servy.Sensor'}. */
  public static Atom moduleAtom(String alias) {
    return Atom.of("Elixir." + alias);
  }

  /** Writes {@code t} as Elixir's {@code inspect/1} does (pids as {@code #PID<0.N.0>}). */
  public static String formatElixir(Term t) {
    StringBuilder sb = new StringBuilder();
    elixir(sb, t);
    return sb.toString();
  }

  private static void elixir(StringBuilder sb, Term t) {
    if (t instanceof Atom a) {
      sb.append(elixirAtom(a));
    } else if (t instanceof Tuple tu) {
      sb.append('{');
      for (int i = 0; i < tu.size(); i++) {
        sb.append(i > 0 ? ", " : "");
        elixir(sb, tu.get(i));
      }
      sb.append('}');
    } else if (t instanceof TermList l) {
      sb.append('[');
      for (int i = 0; i < l.elements().size(); i++) {
        sb.append(i > 0 ? ", " : "");
        elixir(sb, l.elements().get(i));
      }
      sb.append(']');
    } else if (t instanceof Pid p) {
      sb.append(p);
    } else if (t instanceof Ref r) {
      sb.append("#Reference<0.").append(r.serial()).append('>');
    } else {
      t.appendTo(sb, false);
    }
  }

  /** {@code :kaboom}, {@code :"EXIT"}, {@code true}, {@code nil}, {@code Servy.Sensor}. */
  public static String elixirAtom(Atom a) {
    String n = a.name();
    if (n.equals("true") || n.equals("false") || n.equals("nil")) {
      return n;
    }
    if (n.startsWith("Elixir.")
        && n.substring(7).matches("[A-Z][A-Za-z0-9_]*(\\.[A-Z][A-Za-z0-9_]*)*")) {
      return n.substring(7);
    }
    if (n.matches("[A-Za-z_][A-Za-z0-9_@]*[?!]?")) {
      return ":" + n;
    }
    return ":\"" + n.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static final class Reader {
    private final String s;
    private final boolean elixir;
    private int i;

    Reader(String s, boolean elixir) {
      this.s = s;
      this.elixir = elixir;
    }

    Term whole() throws ParseError {
      skip();
      if (i >= s.length()) {
        throw new ParseError(
            1,
            "empty term: expected e.g. "
                + (elixir ? ":kaboom or {:shutdown, :done}" : "kaboom or {shutdown,done}"));
      }
      Term t = term();
      skip();
      if (i < s.length()) {
        throw err("unexpected '" + s.charAt(i) + "' after the term");
      }
      return t;
    }

    private ParseError err(String what) {
      return new ParseError(i + 1, "column " + (i + 1) + ": " + what);
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private Term term() throws ParseError {
      skip();
      if (i >= s.length()) {
        throw err("the term ends too early");
      }
      char c = s.charAt(i);
      if (c == '{') {
        i++;
        return new Tuple(List.copyOf(seq('}')));
      }
      if (c == '[') {
        i++;
        return new TermList(List.copyOf(seq(']')));
      }
      if (c == '-' || Character.isDigit(c)) {
        int start = i++;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        try {
          return new IntTerm(Long.parseLong(s.substring(start, i).replace("_", "")));
        } catch (NumberFormatException e) {
          i = start;
          throw err("not a whole number");
        }
      }
      return elixir ? elixirAtomTerm() : erlangAtom();
    }

    private List<Term> seq(char close) throws ParseError {
      List<Term> out = new ArrayList<>();
      skip();
      if (i < s.length() && s.charAt(i) == close) {
        i++;
        return out;
      }
      while (true) {
        out.add(term());
        skip();
        if (i >= s.length()) {
          throw err("missing '" + close + "'");
        }
        char c = s.charAt(i);
        if (c == ',') {
          i++;
        } else if (c == close) {
          i++;
          return out;
        } else {
          throw err("expected ',' or '" + close + "', got '" + c + "'");
        }
      }
    }

    private String quoted(char q) throws ParseError {
      int start = i;
      i++;
      StringBuilder sb = new StringBuilder();
      while (i < s.length() && s.charAt(i) != q) {
        char c = s.charAt(i++);
        if (c == '\\' && i < s.length()) {
          c = s.charAt(i++);
        }
        sb.append(c);
      }
      if (i >= s.length()) {
        i = start;
        throw err("unclosed " + q);
      }
      i++;
      return sb.toString();
    }

    private String word(String extra) {
      int start = i;
      while (i < s.length()
          && (Character.isLetterOrDigit(s.charAt(i)) || extra.indexOf(s.charAt(i)) >= 0)) {
        i++;
      }
      return s.substring(start, i);
    }

    private Term erlangAtom() throws ParseError {
      char c = s.charAt(i);
      if (c == '\'') {
        return Atom.of(quoted('\''));
      }
      if (c >= 'a' && c <= 'z') {
        return Atom.of(word("_@"));
      }
      if (c == '"') {
        throw err("strings are not supported in reasons: use an atom, e.g. {shutdown,done}");
      }
      if (Character.isUpperCase(c) || c == '_') {
        throw err(
            "'"
                + word("_@")
                + "' is a variable in Erlang: quote it ('"
                + "...') or start it with a lower-case letter");
      }
      throw err("unexpected '" + c + "': expected an atom, a number, {...} or [...]");
    }

    private Term elixirAtomTerm() throws ParseError {
      char c = s.charAt(i);
      if (c == ':') {
        i++;
        if (i < s.length() && s.charAt(i) == '"') {
          return Atom.of(quoted('"'));
        }
        String w = word("_@?!");
        if (w.isEmpty()) {
          throw err("expected an atom name after ':'");
        }
        return Atom.of(w);
      }
      if (Character.isUpperCase(c)) {
        String w = word("_.");
        if (!w.matches("[A-Z][A-Za-z0-9_]*(\\.[A-Z][A-Za-z0-9_]*)*")) {
          throw err("'" + w + "' is not a module name");
        }
        return moduleAtom(w);
      }
      if (c >= 'a' && c <= 'z') {
        int start = i;
        String w = word("_");
        if (w.equals("true") || w.equals("false") || w.equals("nil")) {
          return Atom.of(w);
        }
        i = start;
        throw err("'" + w + "' is a variable: write the atom as :" + w);
      }
      if (c == '"') {
        throw err("strings are not supported in reasons: use an atom, e.g. {:shutdown, :done}");
      }
      throw err("unexpected '" + c + "': expected :atom, a number, {...} or [...]");
    }
  }
}
