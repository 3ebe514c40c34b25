package dev.kaboom.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An Erlang atom; interned, so atoms compare by identity as well as by name. */
public final class Atom implements Term {
  private static final ConcurrentHashMap<String, Atom> TABLE = new ConcurrentHashMap<>();
  private static final Set<String> RESERVED =
      Set.of(
          "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
          "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
          "rem", "try", "when", "xor", "maybe", "else");

  public static final Atom NORMAL = of("normal");
  public static final Atom KILL = of("kill");
  public static final Atom KILLED = of("killed");
  public static final Atom SHUTDOWN = of("shutdown");
  public static final Atom NOPROC = of("noproc");
  public static final Atom OK = of("ok");
  public static final Atom ERROR = of("error");
  public static final Atom UNDEFINED = of("undefined");
  public static final Atom TRUE = of("true");
  public static final Atom FALSE = of("false");
  public static final Atom EXIT = of("EXIT");
  public static final Atom DOWN = of("DOWN");
  public static final Atom WORKER = of("worker");
  public static final Atom SUPERVISOR = of("supervisor");
  public static final Atom RESTARTING = of("restarting");

  private final String name;

  private Atom(String name) {
    this.name = name;
  }

  public static Atom of(String name) {
    return TABLE.computeIfAbsent(name, Atom::new);
  }

  public String name() {
    return name;
  }

  /** True when the atom is written without quotes ({@code kaboom}, not {@code 'EXIT'}). */
  public boolean isPlain() {
    if (name.isEmpty() || RESERVED.contains(name)) {
      return false;
    }
    char first = name.charAt(0);
    if (first < 'a' || first > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '@';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    if (isPlain()) {
      out.append(name);
      return;
    }
    out.append('\'');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('\'');
  }

  @Override
  public String toString() {
    return format();
  }
}
