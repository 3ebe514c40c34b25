package dev.kaboom.engine;

/**
 * A process identifier, printed the OTP way: {@code #PID<0.N.0>}. {@code node} is 0 for this node
 * (the first number Erlang prints); {@code creation} tells incarnations of a node apart. Both are 0
 * in the simulator and are there for a mirror of a real node.
 */
public record Pid(int node, int serial, int creation) implements Term {
  /** A pid of this node. */
  public Pid(int serial) {
    this(0, serial, 0);
  }

  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    if (anonymous) {
      out.append("pid");
    } else {
      out.append('<').append(node).append('.').append(serial).append(".0>");
    }
  }

  /** The Elixir way of writing a pid, {@code #PID<0.105.0>}. */
  @Override
  public String toString() {
    return "#PID<" + node + "." + serial + ".0>";
  }

  // written out (the same values as the generated ones): they are on every signal's path, and the
  // generated record methods go through method handles
  @Override
  public boolean equals(Object o) {
    return o instanceof Pid other
        && other.serial == serial
        && other.node == node
        && other.creation == creation;
  }

  @Override
  public int hashCode() {
    return serial + 31 * node;
  }
}
