package dev.kaboom.engine;

/** A process identifier, printed the OTP way: {@code #PID<0.N.0>}. */
public record Pid(int serial) implements Term {
  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    if (anonymous) {
      out.append("pid");
    } else {
      out.append("<0.").append(serial).append(".0>");
    }
  }

  /** The Elixir way of writing a pid, {@code #PID<0.105.0>}. */
  @Override
  public String toString() {
    return "#PID<0." + serial + ".0>";
  }
}
