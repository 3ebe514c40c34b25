package dev.kaboom.engine;

/** An Erlang integer. */
public record IntTerm(long value) implements Term {
  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    out.append(value);
  }

  @Override
  public String toString() {
    return format();
  }
}
