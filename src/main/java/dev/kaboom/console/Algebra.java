package dev.kaboom.console;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A port of Elixir 1.14's {@code Inspect.Algebra} (lib/elixir/lib/inspect/algebra.ex): the
 * Wadler-style document algebra that {@code inspect/2} builds and {@code format/2} lays out at a
 * width, so values break over lines exactly where iex breaks them. Documents are immutable; {@link
 * #format(Doc, int)} is iterative (no recursion on the document's depth). Colours and {@code
 * collapse_lines} are left out (iex prints without colour when its output is not a terminal).
 */
final class Algebra {
  private Algebra() {}

  /** {@code :infinity} as a width. */
  static final int INFINITY = Integer.MAX_VALUE;

  /** A document. */
  sealed interface Doc permits Text, Nil, Line, Cons, Nest, Break, Group, Fits, Force, Limit {}

  /**
   * A string of the given width: a binary counts its bytes ({@code byte_size}), a {@code string/1}
   * its characters.
   */
  record Text(String s, int width) implements Doc {}

  /** {@code :doc_nil}. */
  enum Nil implements Doc {
    NIL
  }

  /** {@code :doc_line}, a mandatory line break. */
  enum Line implements Doc {
    LINE
  }

  record Cons(Doc left, Doc right) implements Doc {}

  /**
   * {@code doc_nest}: {@code indent} columns, or the cursor ({@link #CURSOR}) or 0 ({@link
   * #RESET}).
   */
  record Nest(Doc doc, int indent, boolean always) implements Doc {}

  static final int CURSOR = -1;
  static final int RESET = -2;

  /** {@code doc_break(string, :strict | :flex)}. */
  record Break(String s, boolean flex) implements Doc {}

  /** {@code doc_group(doc, :self | :inherit)}. */
  record Group(Doc doc, boolean inherit) implements Doc {}

  /** {@code doc_fits(doc, :enabled | :disabled)}. */
  record Fits(Doc doc, boolean enabled) implements Doc {}

  record Force(Doc doc) implements Doc {}

  /** {@code doc_limit(doc, width)}; {@link #INFINITY} for {@code no_limit/1}. */
  record Limit(Doc doc, int width) implements Doc {}

  // ---- constructors, as Inspect.Algebra's functions ----

  static Doc empty() {
    return Nil.NIL;
  }

  /** A binary document (measured by {@code byte_size}, as Inspect's binaries are). */
  static Doc bin(String s) {
    return new Text(s, s.getBytes(StandardCharsets.UTF_8).length);
  }

  /** {@code string/1}: measured in characters. */
  static Doc string(String s) {
    return new Text(s, s.codePointCount(0, s.length()));
  }

  static Doc concat(Doc a, Doc b) {
    return new Cons(a, b);
  }

  static Doc concat(List<Doc> docs) {
    return fold(docs, Algebra::concat);
  }

  static Doc nest(Doc doc, int level) {
    return level == 0 ? doc : new Nest(doc, level, true);
  }

  static Doc breakDoc(String s) {
    return new Break(s, false);
  }

  static Doc flexBreak(String s) {
    return new Break(s, true);
  }

  static Doc glue(Doc a, String s, Doc b) {
    return concat(a, concat(breakDoc(s), b));
  }

  static Doc flexGlue(Doc a, String s, Doc b) {
    return concat(a, concat(flexBreak(s), b));
  }

  static Doc group(Doc doc) {
    return new Group(doc, false);
  }

  static Doc line() {
    return Line.LINE;
  }

  /** {@code fold_doc/2}: folds from the right, the last document being the initial accumulator. */
  static Doc fold(List<Doc> docs, java.util.function.BinaryOperator<Doc> folder) {
    if (docs.isEmpty()) {
      return empty();
    }
    Doc acc = docs.get(docs.size() - 1);
    for (int i = docs.size() - 2; i >= 0; i--) {
      acc = folder.apply(docs.get(i), acc);
    }
    return acc;
  }

  /** How {@link #containerDoc} may break between elements. */
  enum BreakMode {
    MAYBE,
    STRICT,
    FLEX
  }

  /**
   * {@code container_doc(left, collection, right, opts, fun, separator:, break:)} for elements
   * already turned into documents (the {@code limit} handling is the caller's: it passes the {@code
   * "..."} document as the last element when the collection was cut).
   */
  static Doc containerDoc(Doc left, List<Doc> docs, Doc right, String separator, BreakMode mode) {
    if (docs.isEmpty()) {
      return concat(left, right);
    }
    boolean simple = mode == BreakMode.MAYBE;
    if (simple) {
      for (Doc d : docs) {
        if (!simple(d)) {
          simple = false;
          break;
        }
      }
    }
    boolean flex = simple || mode == BreakMode.FLEX;
    Doc sep = bin(separator);
    Doc joined = fold(docs, (l, r) -> join(l, r, flex, sep));
    if (flex) {
      return group(concat(concat(left, nest(joined, 1)), right));
    }
    return group(glue(nest(glue(left, "", joined), 2), "", right));
  }

  /**
   * An improper list's last cell, {@code 2 | 3}: {@code container_each} joins the element and the
   * tail with {@code " |"} and a break, flex when both are simple.
   */
  static Doc tailJoin(Doc left, Doc right) {
    return join(left, right, simple(left) && simple(right), bin(" |"));
  }

  private static Doc join(Doc left, Doc right, boolean flex, Doc sep) {
    if (left == Nil.NIL) {
      return right;
    }
    if (right == Nil.NIL) {
      return left;
    }
    return flex ? flexGlue(concat(left, sep), " ", right) : glue(concat(left, sep), " ", right);
  }

  private static boolean simple(Doc d) {
    java.util.ArrayDeque<Doc> todo = new java.util.ArrayDeque<>();
    todo.push(d);
    while (!todo.isEmpty()) {
      Doc x = todo.pop();
      if (x instanceof Cons c) {
        todo.push(c.left());
        todo.push(c.right());
      } else if (!(x instanceof Text || x == Nil.NIL)) {
        return false;
      }
    }
    return true;
  }

  // ---- the layout (format/2 and fits?/4) ----

  private enum Mode {
    FLAT,
    FLAT_NO_BREAK,
    BREAK,
    BREAK_NO_FLAT
  }

  /**
   * The list {@code [{indent, mode, doc} | rest]}, with {@code {:tail, b?, rest}} cells for fits?.
   */
  private sealed interface Cell permits Entry, Tail {}

  private record Entry(int indent, Mode mode, Doc doc, Cell next) implements Cell {}

  private record Tail(boolean broke, Cell next) implements Cell {}

  /** {@code format(doc, width)} joined into one string. */
  static String format(Doc doc, int width) {
    StringBuilder out = new StringBuilder();
    int w = width;
    int k = 0;
    Cell t = new Entry(0, Mode.FLAT, doc, null);
    while (t != null) {
      Entry e = (Entry) t;
      int i = e.indent();
      Mode m = e.mode();
      Doc d = e.doc();
      t = e.next();
      if (d == Nil.NIL) {
        continue;
      } else if (d == Line.LINE) {
        indent(out, i);
        k = i;
      } else if (d instanceof Cons c) {
        t = new Entry(i, m, c.left(), new Entry(i, m, c.right(), t));
      } else if (d instanceof Text s) {
        out.append(s.s());
        k += s.width();
      } else if (d instanceof Force f) {
        t = new Entry(i, m, f.doc(), t);
      } else if (d instanceof Fits f) {
        t = new Entry(i, m, f.doc(), t);
      } else if (d instanceof Break b && b.flex()) {
        k += bytes(b.s());
        if (w == INFINITY || m == Mode.FLAT || fits(w, k, true, t)) {
          out.append(b.s());
        } else {
          indent(out, i);
          k = i;
        }
      } else if (d instanceof Break b) {
        if (m == Mode.BREAK) {
          indent(out, i);
          k = i;
        } else {
          out.append(b.s());
          k += bytes(b.s());
        }
      } else if (d instanceof Nest n) {
        if (n.always()) {
          t = new Entry(applyNesting(i, k, n.indent()), m, n.doc(), t);
        } else {
          t = new Entry(m == Mode.BREAK ? applyNesting(i, k, n.indent()) : i, m, n.doc(), t);
        }
      } else if (d instanceof Group g && m == Mode.BREAK && g.inherit()) {
        t = new Entry(i, Mode.BREAK, g.doc(), t);
      } else if (d instanceof Group g) {
        boolean flat = w == INFINITY || fits(w, k, false, new Entry(i, Mode.FLAT, g.doc(), null));
        t = new Entry(i, flat ? Mode.FLAT : Mode.BREAK, g.doc(), t);
      } else if (d instanceof Limit l && l.width() == INFINITY && w != INFINITY) {
        t = new Entry(i, Mode.FLAT, l.doc(), new Entry(i, m, new Limit(Nil.NIL, w), t));
        w = INFINITY;
      } else if (d instanceof Limit l) {
        w = l.width();
        t = new Entry(i, m, l.doc(), t);
      }
    }
    return out.toString();
  }

  private static boolean fits(int width, int column, boolean broke, Cell list) {
    int w = width;
    int k = column;
    boolean b = broke;
    Cell t = list;
    while (true) {
      if (w != INFINITY && k > w && b) {
        return false;
      }
      if (t == null) {
        return true;
      }
      if (t instanceof Tail tail) {
        b = tail.broke();
        t = tail.next();
        continue;
      }
      Entry e = (Entry) t;
      int i = e.indent();
      Mode m = e.mode();
      Doc d = e.doc();
      t = e.next();
      if (d instanceof Fits f && !f.enabled()) {
        t = new Entry(i, Mode.FLAT_NO_BREAK, f.doc(), t);
      } else if (m == Mode.FLAT_NO_BREAK && d instanceof Fits f) {
        t = new Entry(i, Mode.FLAT_NO_BREAK, f.doc(), t);
      } else if (d instanceof Fits f) {
        t = new Entry(i, Mode.BREAK_NO_FLAT, f.doc(), t);
      } else if (m == Mode.BREAK_NO_FLAT && d instanceof Force f) {
        t = new Entry(i, Mode.BREAK_NO_FLAT, f.doc(), t);
      } else if ((m == Mode.BREAK_NO_FLAT || m == Mode.BREAK)
          && (d instanceof Break || d == Line.LINE)) {
        return true;
      } else if (m == Mode.BREAK && d instanceof Group g) {
        t = new Entry(i, Mode.FLAT, g.doc(), new Tail(b, t));
      } else if (d == Line.LINE) {
        k = i;
        b = false;
      } else if (d == Nil.NIL) {
        continue;
      } else if (d instanceof Text s) {
        k += s.width();
      } else if (d instanceof Force) {
        return false;
      } else if (d instanceof Break br) {
        k += bytes(br.s());
        b = true;
      } else if (d instanceof Nest n) {
        t = new Entry(n.always() ? applyNesting(i, k, n.indent()) : i, m, n.doc(), t);
      } else if (d instanceof Cons c) {
        t = new Entry(i, m, c.left(), new Entry(i, m, c.right(), t));
      } else if (d instanceof Group g) {
        t = new Entry(i, m, g.doc(), new Tail(b, t));
      } else if (d instanceof Limit l && l.width() == INFINITY && w != INFINITY) {
        t = new Entry(i, Mode.FLAT, l.doc(), new Entry(i, m, new Limit(Nil.NIL, w), t));
        w = INFINITY;
      } else if (d instanceof Limit l) {
        w = l.width();
        t = new Entry(i, m, l.doc(), t);
      }
    }
  }

  private static int applyNesting(int i, int k, int j) {
    if (j == CURSOR) {
      return k;
    }
    if (j == RESET) {
      return 0;
    }
    return i + j;
  }

  private static void indent(StringBuilder out, int i) {
    out.append('\n');
    for (int n = 0; n < i; n++) {
      out.append(' ');
    }
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
