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

  // written out (the same values as the generated ones): they are on every signal's path, and the
  // generated record methods go through method handles
  @Override
  public boolean equals(Object o) {
    return o instanceof Pid other && other.serial == serial;
  }

  @Override
  public int hashCode() {
    return serial;
  }
}
