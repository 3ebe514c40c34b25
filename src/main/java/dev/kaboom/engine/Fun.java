package dev.kaboom.engine;

/**
 * A function value (an Elixir {@code fn ... end} typed at the console): {@code id} tells two apart,
 * {@code arity} is how many arguments it takes and {@code code} is what the console runs when it is
 * called (opaque to the engine, which only carries it in messages). iex writes it as {@code
 * #Function<42.3316493/1 in :erl_eval.expr/6>}: erl_eval's fun for that arity ({@code 43 - arity}
 * in OTP 25's erl_eval), then the arity.
 */
public record Fun(long id, int arity, Object code) implements Term {
  /** The {@code #Function<...>} text iex prints for a fun of erl_eval (OTP 25, Elixir 1.14). */
  public String elixir() {
    return "#Function<" + (43 - arity) + ".3316493/" + arity + " in :erl_eval.expr/6>";
  }

  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    if (anonymous) {
      out.append("fun");
    } else {
      out.append("#Fun<erl_eval.").append(43 - arity).append(".3316493>");
    }
  }

  @Override
  public String toString() {
    return format();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fun other && other.id == id;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }
}
