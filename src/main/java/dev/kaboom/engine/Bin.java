package dev.kaboom.engine;

/** An Erlang binary holding UTF-8 text: an Elixir string, {@code "pledge-42"}. */
public record Bin(String value) implements Term {
  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    out.append("<<\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append("\"/utf8>>");
  }

  @Override
  public String toString() {
    return format();
  }
}
