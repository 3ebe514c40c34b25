package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.TraceEvent;
import java.util.Optional;

/**
 * Turns engine events into the event log's lines, in the style of OTP's SASL reports ({@code
 * =SUPERVISOR REPORT====}, {@code =PROGRESS REPORT====}, {@code =CRASH REPORT====}). Events nobody
 * needs to read (messages, links, time) give no line.
 */
public final class ReportFormatter {
  private ReportFormatter() {}

  /** The log line for {@code e}, or empty. */
  public static Optional<String> format(TraceEvent e, TreeModel s) {
    String t = time(e.timeMillis());
    if (e instanceof TraceEvent.ChildExited c) {
      return Optional.of(
          t
              + "=SUPERVISOR REPORT==== supervisor: "
              + name(s, c.supervisor())
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
              + name(s, c.supervisor())
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
              + name(s, g.supervisor())
              + " errorContext: shutdown reason: "
              + g.reason().format());
    } else if (e instanceof TraceEvent.Exited x && x.label() != null) {
      String reason = x.reason().format();
      if (reason.equals("normal") || reason.equals("shutdown")) {
        return Optional.of(t + "exit " + x.label() + " " + pid(x.pid()) + ": " + reason);
      }
      return Optional.of(
          t
              + "=CRASH REPORT==== process: "
              + x.label()
              + " pid: "
              + pid(x.pid())
              + " exit: "
              + reason);
    } else if (e instanceof TraceEvent.Started st
        && st.label() != null
        && st.label().indexOf('/') < 0) {
      return Optional.of(t + "=PROGRESS REPORT==== started: " + st.label() + " " + pid(st.pid()));
    } else if (e instanceof TraceEvent.RestartPlanned p) {
      if (p.stopIds().isEmpty() && p.startIds().isEmpty()) {
        return Optional.of(
            t
                + name(s, p.supervisor())
                + " ("
                + p.strategy()
                + "): "
                + p.failedChildId()
                + " is not restarted");
      }
      return Optional.of(
          t
              + name(s, p.supervisor())
              + " ("
              + p.strategy()
              + "): "
              + p.failedChildId()
              + " died; stop "
              + p.stopIds()
              + ", start "
              + p.startIds());
    } else if (e instanceof TraceEvent.ChildShutdown c) {
      return Optional.of(
          t
              + name(s, c.supervisor())
              + ": shutdown "
              + c.childId()
              + " "
              + pid(c.child())
              + " ("
              + c.how()
              + ")");
    } else if (e instanceof TraceEvent.RestartIntensity r) {
      return Optional.of(
          t
              + name(s, r.supervisor())
              + ": "
              + r.restartsInWindow()
              + " of "
              + r.intensity()
              + " restarts in "
              + seconds(r.periodMillis())
              + " s");
    } else if (e instanceof TraceEvent.FlagsChanged f) {
      return Optional.of(
          t
              + name(s, f.supervisor())
              + ": flags {"
              + f.strategy()
              + ", "
              + f.intensity()
              + ", "
              + seconds(f.periodMillis())
              + "}");
    } else if (e instanceof TraceEvent.ChildRemoved r) {
      return Optional.of(t + name(s, r.supervisor()) + ": child spec " + r.childId() + " removed");
    } else if (e instanceof TraceEvent.ExitSignalHandled h
        && h.outcome() == dev.kaboom.engine.SignalOutcome.TRAPPED
        && s.pathOf(h.from()).isEmpty()) {
      return Optional.of(
          t
              + name(s, h.to())
              + " traps exit signal "
              + h.reason().format()
              + " from "
              + pid(h.from())
              + ": nothing dies");
    }
    return Optional.empty();
  }

  static String time(long millis) {
    return String.format(java.util.Locale.ROOT, "[%7.3f s] ", millis / 1000.0);
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
