package dev.kaboom.engine;

/** A unique reference, as {@code make_ref()} / {@code monitor/2} return. */
public record Ref(long serial) implements Term {
  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    if (anonymous) {
      out.append("ref");
    } else {
      out.append("#Ref<0.").append(serial).append(">");
    }
  }

  @Override
  public String toString() {
    return format();
  }

  // written out (the same values as the generated ones): they are on every signal's path, and the
  // generated record methods go through method handles
  @Override
  public boolean equals(Object o) {
    return o instanceof Ref other && other.serial == serial;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(serial);
  }
}
