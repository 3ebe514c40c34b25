package dev.kaboom.engine;

/**
 * An Erlang term as Kaboom needs them: exit reasons, call results and report contents.
 *
 * <p>{@link #format()} writes the term the way {@code io_lib:format("~0p", [T])} does; {@link
 * #formatAnonymous()} writes every pid and reference as the atom {@code pid} / {@code ref}, as the
 * conformance traces do.
 */
public sealed interface Term
    permits Atom,
        Tuple,
        TermList,
        ImproperList,
        Pid,
        Ref,
        IntTerm,
        BigIntTerm,
        FloatTerm,
        Bin,
        MapTerm,
        Fun {

  /** Appends this term to {@code out}; {@code anonymous} writes pids as {@code pid}. */
  void appendTo(StringBuilder out, boolean anonymous);

  default String format() {
    StringBuilder sb = new StringBuilder();
    appendTo(sb, false);
    return sb.toString();
  }

  default String formatAnonymous() {
    StringBuilder sb = new StringBuilder();
    appendTo(sb, true);
    return sb.toString();
  }

  static Atom atom(String name) {
    return Atom.of(name);
  }

  static Tuple tuple(Term... elements) {
    return new Tuple(java.util.List.of(elements));
  }

  static TermList list(java.util.List<? extends Term> elements) {
    return new TermList(java.util.List.copyOf(elements));
  }

  static IntTerm integer(long value) {
    return new IntTerm(value);
  }
}
