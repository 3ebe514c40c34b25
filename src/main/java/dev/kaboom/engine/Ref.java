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
}
