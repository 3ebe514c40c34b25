package dev.kaboom.explain;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One step explained: one or more clauses, each a narration key (a row of an OTP rule, see {@link
 * Rules}) and that row's inputs. Arguments are strings (names, pids, reasons, counts) or nested
 * {@link Msg}s that are looked up in the same bundle (words such as "a process outside the tree").
 */
public record Narration(List<Msg> parts) {

  /** A bundle key and its arguments ({@link String} or {@link Msg}). */
  public record Msg(String key, List<Object> args) {
    public Msg {
      args = List.copyOf(args);
    }

    public static Msg of(String key, Object... args) {
      return new Msg(key, List.of(args));
    }
  }

  public Narration {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a narration has at least one clause");
    }
  }

  public static Narration of(String key, Object... args) {
    return new Narration(List.of(Msg.of(key, args)));
  }

  /** This narration with {@code more} appended as a further clause. */
  public Narration then(Msg more) {
    List<Msg> all = new ArrayList<>(parts);
    all.add(more);
    return new Narration(all);
  }

  /** The key of the first clause: the row of the rule that decided this step. */
  public String key() {
    return parts.get(0).key();
  }

  /** Every key this narration uses, nested ones included. */
  public List<String> keys() {
    List<String> out = new ArrayList<>();
    for (Msg m : parts) {
      collect(m, out);
    }
    return out;
  }

  private static void collect(Msg m, List<String> out) {
    out.add(m.key());
    for (Object a : m.args()) {
      if (a instanceof Msg n) {
        collect(n, out);
      }
    }
  }

  /** The sentence in {@code locale} ({@code en} or {@code ko}). */
  public String render(Locale locale) {
    return render(bundle(locale));
  }

  /** The sentence from {@code bundle}: the clauses, separated by a space. */
  public String render(ResourceBundle bundle) {
    StringBuilder sb = new StringBuilder();
    for (Msg m : parts) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(render(m, bundle));
    }
    return sb.toString();
  }

  static String render(Msg m, ResourceBundle bundle) {
    Object[] args = new Object[m.args().size()];
    for (int i = 0; i < args.length; i++) {
      Object a = m.args().get(i);
      args[i] = a instanceof Msg n ? render(n, bundle) : String.valueOf(a);
    }
    return new MessageFormat(bundle.getString(m.key()), bundle.getLocale()).format(args);
  }

  /** The narration bundle ({@code dev/kaboom/explain/narration*.properties}, UTF-8). */
  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        "dev.kaboom.explain.narration",
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
