package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.TraceEvent;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Turns engine events into the event log's lines, in the style of OTP's SASL reports ({@code
 * =SUPERVISOR REPORT====}, {@code =PROGRESS REPORT====}, {@code =CRASH REPORT====}). Events nobody
 * needs to read (messages, links, time) give no line.
 */
public final class ReportFormatter {
  private ReportFormatter() {}

  /** The log line for {@code e} in English, or empty. */
  public static Optional<String> format(TraceEvent e, TreeModel s) {
    return text(e, s)
        .map(l -> l.render(ResourceBundle.getBundle(BUNDLE, java.util.Locale.ENGLISH)));
  }

  /** The window's bundle, where Kaboom's own log words are ({@code log.*}). */
  static final String BUNDLE = "dev.kaboom.ui.messages";

  /**
   * The log line for {@code e}, or empty: OTP-style reports as they are, Kaboom's own words as a
   * {@link LogText} that follows the window's language.
   */
  public static Optional<LogText> text(TraceEvent e, TreeModel s) {
    return text(e, s, true);
  }

  /**
   * As {@link #text(TraceEvent, TreeModel)}; {@code byName}: a process that registered a name is
   * called by it, as iex's reports do ({@code Servy.ServicesSupervisor}, {@code :pledge_server}),
   * not by its path (the console's world, where paths start at the shell); the others by path.
   */
  public static Optional<LogText> text(TraceEvent e, TreeModel s, boolean byName) {
    Naming n = new Naming(s, byName);
    Optional<String> report = report(e, n);
    if (report.isPresent()) {
      return report.map(LogText::plain);
    }
    return worded(e, n);
  }

  /** How the log calls processes: by path, or by registered name where there is one. */
  private record Naming(TreeModel tree, boolean byName) {
    String of(Pid p) {
      return byName
          ? tree.registeredNameOf(p).map(ReportFormatter::elixirName).orElse(name(tree, p))
          : name(tree, p);
    }

    String of(Pid p, String label) {
      return byName
          ? tree.registeredNameOf(p).map(ReportFormatter::elixirName).orElse(label)
          : label;
    }

    Optional<String> pathOf(Pid p) {
      return tree.pathOf(p);
    }
  }

  /** A registered name as Elixir writes it: a module name as it is, another atom as {@code :a}. */
  static String elixirName(String name) {
    String n = name.startsWith("Elixir.") ? name.substring("Elixir.".length()) : name;
    return !n.isEmpty() && Character.isUpperCase(n.charAt(0)) ? n : ":" + n;
  }

  /** The OTP-style report lines (the same in every language), or empty. */
  private static Optional<String> report(TraceEvent e, Naming s) {
    String t = time(e.timeMillis());
    if (e instanceof TraceEvent.ChildExited c) {
      return Optional.of(
          t
              + "=SUPERVISOR REPORT==== supervisor: "
              + s.of(c.supervisor())
              + " errorContext: child_terminated reason: "
              + c.reason().format()
              + " offender: [pid: "
              + pid(c.child())
              + ", id: "
              + c.childId()
              + "]");
    } else if (e instanceof TraceEvent.ChildStarted c) {
      return Optional.of(
          t
              + "=PROGRESS REPORT==== supervisor: "
              + s.of(c.supervisor())
              + " started: [pid: "
              + pid(c.child())
              + ", id: "
              + c.childId()
              + "]"
              + (c.restart() ? " (restart)" : ""));
    } else if (e instanceof TraceEvent.GaveUp g) {
      return Optional.of(
          t
              + "=SUPERVISOR REPORT==== supervisor: "
              + s.of(g.supervisor())
              + " errorContext: shutdown reason: "
              + g.reason().format());
    } else if (e instanceof TraceEvent.Exited x && x.label() != null) {
      String reason = x.reason().format();
      if (reason.equals("normal") || reason.equals("shutdown")) {
        return Optional.of(
            t + "exit " + s.of(x.pid(), x.label()) + " " + pid(x.pid()) + ": " + reason);
      }
      return Optional.of(
          t
              + "=CRASH REPORT==== process: "
              + s.of(x.pid(), x.label())
              + " pid: "
              + pid(x.pid())
              + " exit: "
              + reason);
    } else if (e instanceof TraceEvent.Started st
        && st.label() != null
        && st.label().indexOf('/') < 0) {
      return Optional.of(
          t + "=PROGRESS REPORT==== started: " + s.of(st.pid(), st.label()) + " " + pid(st.pid()));
    }
    return Optional.empty();
  }

  /** The lines in Kaboom's own words (follow the language), or empty. */
  private static Optional<LogText> worded(TraceEvent e, Naming s) {
    String t = time(e.timeMillis());
    if (e instanceof TraceEvent.RestartPlanned p) {
      String sup = s.of(p.supervisor());
      if (p.stopIds().isEmpty() && p.startIds().isEmpty()) {
        return Optional.of(LogText.of(t, "log.notRestarted", sup, p.strategy(), p.failedChildId()));
      }
      return Optional.of(
          LogText.of(
              t,
              "log.restartPlan",
              sup,
              p.strategy(),
              p.failedChildId(),
              p.stopIds(),
              p.startIds()));
    } else if (e instanceof TraceEvent.ChildShutdown c) {
      return Optional.of(
          LogText.of(
              t, "log.shutdown", s.of(c.supervisor()), c.childId(), pid(c.child()), c.how()));
    } else if (e instanceof TraceEvent.RestartIntensity r) {
      return Optional.of(
          LogText.of(
              t,
              "log.intensity",
              s.of(r.supervisor()),
              r.restartsInWindow(),
              r.intensity(),
              seconds(r.periodMillis())));
    } else if (e instanceof TraceEvent.FlagsChanged f) {
      return Optional.of(
          LogText.of(
              t,
              "log.flags",
              s.of(f.supervisor()),
              f.strategy(),
              f.intensity(),
              seconds(f.periodMillis())));
    } else if (e instanceof TraceEvent.InitRefused r
        && r.label() != null
        && r.result().equals(dev.kaboom.engine.Atom.of("ignore"))) {
      return Optional.of(LogText.of(t, "log.ignored", s.of(r.pid(), r.label())));
    } else if (e instanceof TraceEvent.ChildRemoved r) {
      return Optional.of(LogText.of(t, "log.specRemoved", s.of(r.supervisor()), r.childId()));
    } else if (e instanceof TraceEvent.ExitSignalHandled h
        && h.outcome() == dev.kaboom.engine.SignalOutcome.TRAPPED
        && s.pathOf(h.from()).isEmpty()) {
      return Optional.of(
          LogText.of(t, "log.traps", s.of(h.to()), h.reason().format(), pid(h.from())));
    }
    return Optional.empty();
  }

  static String time(long millis) {
    if (millis < 0) {
      return String.format(java.util.Locale.ROOT, "[%7.3f s] ", millis / 1000.0);
    }
    // as "[%7.3f s] " formats it, without a Formatter (one line per event in a storm)
    long frac = millis % 1000;
    String n = (millis / 1000) + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac;
    StringBuilder b = new StringBuilder(16).append('[');
    for (int i = n.length(); i < 7; i++) {
      b.append(' ');
    }
    return b.append(n).append(" s] ").toString();
  }

  static String seconds(long millis) {
    return millis % 1000 == 0
        ? Long.toString(millis / 1000)
        : String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
  }

  static String pid(Pid p) {
    return p == null ? "undefined" : p.toString(); // the Elixir way: #PID<0.105.0>
  }

  static String name(TreeModel s, Pid p) {
    return s.pathOf(p).orElse(pid(p));
  }
}
