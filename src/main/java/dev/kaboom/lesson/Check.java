package dev.kaboom.lesson;

import dev.kaboom.console.Inspect;
import dev.kaboom.engine.Atom;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.Tuple;
import dev.kaboom.otp.Messages;
import dev.kaboom.otp.SupervisorRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a lesson step asks the learner to do, as a predicate over what happens after the step began:
 * the engine's events (so it holds however the learner did it: a typed line, the lesson's run
 * button, a click in the tree) and the console's lines. Written in the lesson file as {@code
 * check:} (docs/lessons.md). A process is named by its child id ({@code Servy.SensorServer}) or,
 * for a process outside a supervisor, its label ({@code http_server}).
 */
public sealed interface Check {
  /** The kinds a lesson file may write, in the order the docs list them. */
  List<String> KINDS =
      List.of(
          "started", "restarted", "exited", "gave_up", "called", "printed", "typed", "all", "any");

  /** A process with this id started (first start or restart). */
  record Started(String id) implements Check {}

  /** A supervisor restarted its child with this id (after a crash, or with a crashed sibling). */
  record Restarted(String id) implements Check {}

  /** A process with this id exited; with {@code reason}, only for that reason ({@code :kaboom}). */
  record Exited(String id, Optional<String> reason) implements Check {}

  /** A supervisor with this id reached its restart intensity and gave up. */
  record GaveUp(String id) implements Check {}

  /**
   * A server took this call ({@code which_children}, {@code count_children}, {@code
   * create_pledge}...), whoever made it.
   */
  record Called(String request) implements Check {}

  /** The console printed this line (a server's {@code IO.puts}, a value). */
  record Printed(String text) implements Check {}

  /** A console line matching this regular expression ran without an error. */
  record Typed(Pattern line) implements Check {}

  /** Every one of these held (each at some moment since the step began, in any order). */
  record All(List<Check> checks) implements Check {}

  /** One of these held. */
  record Any(List<Check> checks) implements Check {}

  /** Something that happened: an engine event, or a line the console ran. */
  sealed interface Seen {
    record Event(TraceEvent event) implements Seen {}

    /**
     * @param line what was typed
     * @param output everything the console printed for it
     * @param raised true when it ended in an error
     */
    record Line(String line, String output, boolean raised) implements Seen {}
  }

  /** Whether this leaf check holds for one thing seen ({@link All} and {@link Any}: never). */
  default boolean matches(Seen seen) {
    if (seen instanceof Seen.Line l) {
      if (this instanceof Typed t) {
        return !l.raised() && t.line().matcher(l.line().strip()).matches();
      }
      if (this instanceof Printed p) {
        return l.output().lines().anyMatch(s -> s.strip().equals(p.text().strip()));
      }
      return false;
    }
    TraceEvent e = ((Seen.Event) seen).event();
    if (this instanceof Started s) {
      return e instanceof TraceEvent.Started st && s.id().equals(idOf(st.label()));
    }
    if (this instanceof Restarted r) {
      return e instanceof TraceEvent.ChildStarted c && c.restart() && r.id().equals(c.childId());
    }
    if (this instanceof Exited x) {
      return e instanceof TraceEvent.Exited ex
          && x.id().equals(idOf(ex.label()))
          && x.reason().map(want -> want.equals(Inspect.inspectFlat(ex.reason()))).orElse(true);
    }
    if (this instanceof Printed p) {
      // a server's line printed between two lines (a click's restart) is in no line's output
      return e instanceof TraceEvent.Printed pr && pr.line().strip().equals(p.text().strip());
    }
    if (this instanceof GaveUp g) {
      return e instanceof TraceEvent.GaveUp gu && g.id().equals(idOf(gu.label()));
    }
    if (this instanceof Called c) {
      return e instanceof TraceEvent.MessageReceived r
          && r.message() instanceof Messages.Call call
          && c.request().equals(requestName(call.request()));
    }
    return false;
  }

  /**
   * The child id in a process label ({@code Servy.Supervisor/Servy.KickStarter}: the last part).
   */
  static String idOf(String label) {
    return label == null ? "" : label.substring(label.lastIndexOf('/') + 1);
  }

  /** A request's name: {@code which_children} for the supervisor's, the atom of a server's. */
  static String requestName(Object request) {
    if (request instanceof SupervisorRequest r) {
      return r.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
    if (request instanceof Atom a) {
      return a.name();
    }
    if (request instanceof Tuple t && t.size() > 0 && t.get(0) instanceof Atom a) {
      return a.name();
    }
    return "";
  }

  /** A fresh record of which parts of this check held so far (one per step visit). */
  default Tracker track() {
    return new Tracker(this);
  }

  /** Which parts of a check held since the step began. */
  final class Tracker {
    private final Check check;
    private final List<Tracker> parts = new ArrayList<>();
    private boolean held;

    Tracker(Check check) {
      this.check = check;
      if (check instanceof All a) {
        a.checks().forEach(c -> parts.add(c.track()));
      } else if (check instanceof Any a) {
        a.checks().forEach(c -> parts.add(c.track()));
      }
    }

    /** Takes one thing seen; true when the whole check holds (now or before). */
    public boolean see(Seen seen) {
      if (!held) {
        if (parts.isEmpty()) {
          held = check.matches(seen);
        } else {
          parts.forEach(p -> p.see(seen));
          held =
              check instanceof All
                  ? parts.stream().allMatch(Tracker::holds)
                  : parts.stream().anyMatch(Tracker::holds);
        }
      }
      return held;
    }

    public boolean holds() {
      return held;
    }

    /** How many of an {@link All}'s parts held (1 or 0 for any other check). */
    public int partsHeld() {
      if (check instanceof All) {
        return (int) parts.stream().filter(Tracker::holds).count();
      }
      return held ? 1 : 0;
    }

    /** How many parts an {@link All} has (1 for any other check). */
    public int partCount() {
      return check instanceof All ? parts.size() : 1;
    }
  }
}
