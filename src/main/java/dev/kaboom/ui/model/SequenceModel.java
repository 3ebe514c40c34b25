package dev.kaboom.ui.model;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Down;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.ProcessKind;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.ShutdownHow;
import dev.kaboom.engine.SignalOutcome;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermSyntax;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.Tuple;
import dev.kaboom.explain.Narration;
import dev.kaboom.explain.Narrator;
import dev.kaboom.otp.Messages;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The sequence chart of a run, without drawing it: a fold over the engine's events ({@link #apply})
 * into rows, each an arrow between two processes (an exit signal with its reason, a supervisor's
 * shutdown or kill, an {@code EXIT} or {@code DOWN} message, a call, its reply, a start) or a note
 * on one lifeline (an exit, a restart plan, a give-up), in the order they happened; and, for a
 * stretch of rows, which processes get a lifeline ({@link #lifelines}).
 *
 * <p>THE RULES. A process in the tree is its path (the label of its {@code Started}), so a
 * restarted child keeps its lifeline; a process outside the tree (the starter, the driver that
 * sends {@code Process.exit}, the console's shell) is its pid. A row sent from outside the tree
 * starts a new <em>episode</em> (a command and everything it set off). Lifelines are the processes
 * the rows touch, parents before children and siblings in start order, outsiders first; when more
 * than {@link #GROUP_AT} children of one supervisor take part, those that are not the story (the
 * one that crashed, the one a command hit, a supervisor of others) share one group lifeline, unless
 * the group is expanded. Every row keeps the narration sentence of the step it shows ({@link
 * #why}). It reads no engine object and no JavaFX: the CLI's export draws from it too.
 */
public final class SequenceModel {
  /** More children of one supervisor than this take part: the quiet ones share a group lifeline. */
  public static final int GROUP_AT = 6;

  /** The longest detail (a reason, a request, a reply) written on an arrow, in characters. */
  static final int MAX_DETAIL = 40;

  /** What a row shows (its drawing style). */
  public enum Kind {
    /** A supervisor (or an outsider) started a process. */
    START,
    /** An exit signal that killed its receiver or was ignored ({@code exit/2} or a link). */
    SIGNAL,
    /** An exit signal the receiver traps: an {@code {'EXIT', From, Reason}} message. */
    EXIT_MESSAGE,
    /** A supervisor's {@code exit(Child, shutdown)}. */
    SHUTDOWN,
    /** A supervisor's {@code exit(Child, kill)}: {@code brutal_kill}, or the shutdown timed out. */
    KILL,
    /** A monitor's {@code {'DOWN', Ref, process, Pid, Reason}}. */
    DOWN,
    /** A {@code gen_server} call. */
    CALL,
    /** The reply to a call. */
    REPLY,
    /** A note: the process exited. */
    EXIT,
    /** A note: the supervisor's restart plan. */
    PLAN,
    /** A note: the supervisor gave up ({@code reached_max_restart_intensity}). */
    GIVE_UP;

    /** A note on one lifeline rather than an arrow between two. */
    public boolean isNote() {
      return this == EXIT || this == PLAN || this == GIVE_UP;
    }
  }

  /**
   * One row: the event it came from (its index in the folded stream) and that event's virtual time,
   * what it is, its sender and receiver (the same lifeline for a note), its text as a bundle key
   * ({@code seq.*}) and arguments, and {@code fatal}: the receiver died of it (a signal), or it
   * ended abnormally (an exit note).
   */
  public record Row(
      int eventIndex,
      long timeMillis,
      Kind kind,
      String from,
      String to,
      String key,
      List<String> args,
      boolean fatal) {
    public Row {
      args = List.copyOf(args);
    }

    /** The row's text from {@code bundle} (the {@code seq.*} keys of the window's messages). */
    public String text(ResourceBundle bundle) {
      return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args.toArray());
    }

    Row with(Kind k, String newKey, boolean isFatal) {
      return new Row(eventIndex, timeMillis, k, from, to, newKey, args, isFatal);
    }
  }

  /**
   * A lifeline: {@code key} is the path of a process in the tree, the pid of one outside it ({@code
   * #PID<...>}), or {@code group:}+the supervisor's path; {@code title} the child id (or the path's
   * last part, or the outsider's label); {@code pid} the pid it had last in the rows ({@code ""}
   * for a group); {@code members} the processes of a group (empty otherwise).
   */
  public record Lifeline(String key, String title, String pid, List<String> members) {
    public Lifeline {
      members = List.copyOf(members);
    }

    public boolean isGroup() {
      return !members.isEmpty();
    }

    public boolean isOutside() {
      return key.startsWith("#");
    }

    /** The supervisor whose children a group holds; empty for a process. */
    public Optional<String> groupParent() {
      return isGroup() ? Optional.of(key.substring(GROUP.length())) : Optional.empty();
    }
  }

  /** The prefix of a group lifeline's key. */
  public static final String GROUP = "group:";

  /** The lifelines of some rows, and the column each process of those rows is drawn in. */
  public record Lanes(List<Lifeline> lifelines, Map<String, Integer> column) {
    /** The column of {@code key} (a group's when it is in one); -1 if it has none. */
    public int columnOf(String key) {
      return column.getOrDefault(key, -1);
    }
  }

  /** The rows kept: row {@code base + i} is {@code rows.get(i)} (the older ones were dropped). */
  private final List<Row> rows = new ArrayList<>();

  private final List<Narration> whys = new ArrayList<>();
  private final List<Integer> episodeStarts = new ArrayList<>();

  /** The model's own narrator; null when the sentences come from {@link #said}. */
  private final Narrator narrator;

  /** The first sentence said for an event, by its index (the window's narration); or null. */
  private final java.util.function.IntFunction<Narration> said;

  /** At most about this many rows are kept (whole episodes are dropped from the front). */
  private final int maxRows;

  /** The index of the first row kept. */
  private int base;

  /**
   * Rows kept after the last drop (a drop is tried again when the rows outgrow it by a quarter).
   */
  private int keptAfterDrop;

  /** The index of the next event to fold. */
  private int events;

  /** Processes that ended, oldest first, while the model forgets the oldest (windowed only). */
  private final java.util.ArrayDeque<Pid> ended = new java.util.ArrayDeque<>();

  /** A windowed model remembers this many ended processes (later signals and DOWNs name them). */
  static final int KEEP_ENDED = 4096;

  private final Map<Pid, String> paths = new HashMap<>();
  private final Map<Pid, Pid> spawners = new HashMap<>();
  private final Map<Pid, String> outsiderLabels = new HashMap<>();
  private final Set<String> startedPaths = new HashSet<>();
  private final Map<String, Integer> firstSeen = new HashMap<>();
  private final Map<String, java.util.TreeMap<Integer, String>> pids = new HashMap<>();

  /** A supervisor's shutdown order, until its exit signal has gone out: child pid -> row. */
  private final Map<Pid, Integer> orders = new HashMap<>();

  private final Set<Pid> askedToStop = new HashSet<>();

  /** Processes that ended as their supervisor asked: their EXIT is flushed, not decided on. */
  private final Set<Pid> stoppedAsAsked = new HashSet<>();

  /** Signal rows waiting for how the receiver handled them: "from to" -> row. */
  private final Map<String, Integer> inFlight = new HashMap<>();

  private final Map<Pid, List<Integer>> waitExit = new HashMap<>();
  private final Map<Pid, List<Integer>> waitDecision = new HashMap<>();
  private final Map<Pid, List<Integer>> waitReply = new HashMap<>();
  private final Map<Pid, Narration> exitWhy = new HashMap<>();
  private final Map<Pid, Narration> decisionWhy = new HashMap<>();

  /** The whole run's chart: every row is kept, its own narrator says why (the export). */
  public SequenceModel() {
    this(Integer.MAX_VALUE, null);
  }

  private SequenceModel(int maxRows, java.util.function.IntFunction<Narration> said) {
    this.maxRows = maxRows;
    this.said = said;
    this.narrator = said == null ? new Narrator() : null;
    this.keptAfterDrop = maxRows;
  }

  /**
   * A chart that keeps about the last {@code maxRows} rows (whole episodes: the oldest are dropped
   * as new ones come, so a storm's chart stays the same size) and forgets the processes that ended
   * longest ago; each row's sentence is {@code said} of its event's index (the window's narration,
   * which already folded it), or null when nothing was said. Row indices keep counting from the
   * run's first row ({@link #firstRow}); a row before it is gone (fold again from an earlier {@link
   * #skipTo}).
   */
  public static SequenceModel windowed(
      int maxRows, java.util.function.IntFunction<Narration> said) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, was " + maxRows);
    }
    return new SequenceModel(maxRows, java.util.Objects.requireNonNull(said));
  }

  /** How many events were folded (skipped ones too): the index of the next one. */
  public int events() {
    return events;
  }

  /** The rows kept, in order (their event indices ascend): row {@link #firstRow} first. */
  public List<Row> rows() {
    return Collections.unmodifiableList(rows);
  }

  /** How many rows there were so far (dropped ones too): the index of the next row. */
  public int rowCount() {
    return base + rows.size();
  }

  /** The index of the first row kept (0 unless older rows were dropped). */
  public int firstRow() {
    return base;
  }

  /**
   * The index of the first event whose rows are all kept: where a fold must start again to show an
   * older one (0 when nothing was dropped).
   */
  public int firstEventKept() {
    return base == 0 ? firstFolded : rows.isEmpty() ? events : rows.get(0).eventIndex();
  }

  /** Row {@code i} (from {@link #firstRow} to {@link #rowCount}, exclusive). */
  public Row row(int i) {
    return rows.get(i - base);
  }

  /** The narration sentence of the step row {@code i} shows, if there is one. */
  public Optional<Narration> why(int i) {
    return Optional.ofNullable(whys.get(i - base));
  }

  /**
   * Takes the events of {@code stream} from {@link #events} up to {@code to} (exclusive) for the
   * processes they start and end only, without rows: a windowed chart folded again from an episode
   * before its first row (a seek back) knows then who is who, as a fold from the start would.
   */
  public void skipTo(List<TraceEvent> stream, int to) {
    for (int i = events; i < to; i++) {
      TraceEvent e = stream.get(i);
      if (e instanceof TraceEvent.Spawned s) {
        spawned(s);
      } else if (e instanceof TraceEvent.Started s && paths.containsKey(s.pid())) {
        startedPaths.add(s.label()); // its next start is a restart
        pids.computeIfAbsent(s.label(), k -> new java.util.TreeMap<>())
            .put(rowCount(), s.pid().toString()); // the pid it has at the first row
      } else if (e instanceof TraceEvent.Exited x) {
        ended(x.pid());
      }
    }
    events = Math.max(events, to);
    if (rows.isEmpty()) {
      firstFolded = events;
    }
  }

  /** The first event folded with its rows (after {@link #skipTo}). */
  private int firstFolded;

  /**
   * The pid the process {@code key} had at row {@code row} (its last start at or before it, else
   * its first); the key itself for an outsider, {@code ""} for a group.
   */
  public String pidAt(String key, int row) {
    row = Math.max(row, base);
    if (key.startsWith("#")) {
      return key;
    }
    java.util.TreeMap<Integer, String> starts = pids.get(key);
    if (starts == null) {
      return "";
    }
    var at = starts.floorEntry(row);
    return at != null ? at.getValue() : starts.firstEntry().getValue();
  }

  // ---- the fold ----

  /** Folds one event (the next of the stream). */
  public void apply(TraceEvent e) {
    int index = events++;
    Narration first;
    if (narrator != null) {
      List<Narration> sentences = narrator.apply(e);
      first = sentences.isEmpty() ? null : sentences.get(0);
    } else {
      first = said.apply(index);
    }
    if (e instanceof TraceEvent.Spawned s) {
      spawned(s);
    } else if (e instanceof TraceEvent.Started s && paths.containsKey(s.pid())) {
      String path = s.label();
      boolean again = !startedPaths.add(path);
      Pid by = spawners.get(s.pid());
      pids.computeIfAbsent(path, k -> new java.util.TreeMap<>())
          .put(rowCount(), s.pid().toString());
      add(
          index,
          e,
          Kind.START,
          by == null ? path : key(by),
          path,
          again ? "seq.restart" : "seq.start",
          List.of(s.pid().toString()),
          false,
          first);
    } else if (e instanceof TraceEvent.ChildShutdown c) {
      askedToStop.add(c.child());
      boolean kill = c.how() != ShutdownHow.SHUTDOWN;
      int r =
          add(
              index,
              e,
              kill ? Kind.KILL : Kind.SHUTDOWN,
              key(c.supervisor()),
              key(c.child()),
              kill
                  ? (c.how() == ShutdownHow.BRUTAL_KILL ? "seq.kill.brutal" : "seq.kill.timeout")
                  : "seq.shutdown",
              List.of(c.childId()),
              false,
              null);
      orders.put(c.child(), r);
      wait(waitExit, c.child(), r);
    } else if (e instanceof TraceEvent.ExitSignalSent s) {
      signal(index, s);
    } else if (e instanceof TraceEvent.ExitSignalHandled h) {
      handled(h, first);
    } else if (e instanceof TraceEvent.Exited x) {
      if (first != null) {
        exitWhy.put(x.pid(), first);
        fill(waitExit, x.pid(), first);
      }
      boolean asked = askedToStop.remove(x.pid());
      if (asked) {
        stoppedAsAsked.add(x.pid());
      }
      if (x.label() != null && paths.containsKey(x.pid())) {
        boolean crash = !asked && !isOrderly(x.reason());
        add(
            index,
            e,
            Kind.EXIT,
            x.label(),
            x.label(),
            "seq.exit",
            List.of(term(x.reason())),
            crash,
            first);
      }
      ended(x.pid());
    } else if (e instanceof TraceEvent.MessageSent m) {
      message(index, m);
    } else if (e instanceof TraceEvent.ChildExited c) {
      if (first != null) {
        decisionWhy.put(c.supervisor(), first);
        fill(waitDecision, c.supervisor(), first);
      }
    } else if (e instanceof TraceEvent.RestartPlanned p && paths.containsKey(p.supervisor())) {
      String sup = key(p.supervisor());
      boolean none = p.startIds().isEmpty();
      add(
          index,
          e,
          Kind.PLAN,
          sup,
          sup,
          none ? "seq.plan.none" : "seq.plan",
          List.of(p.strategy().toString(), String.join(", ", p.startIds()), p.failedChildId()),
          false,
          decisionWhy.get(p.supervisor()));
    } else if (e instanceof TraceEvent.GaveUp g && paths.containsKey(g.supervisor())) {
      String sup = key(g.supervisor());
      add(index, e, Kind.GIVE_UP, sup, sup, "seq.give_up", List.of(term(g.reason())), true, first);
    } else if (e instanceof TraceEvent.CallReplied c && first != null) {
      fill(waitReply, c.server(), first);
    }
  }

  private void signal(int index, TraceEvent.ExitSignalSent s) {
    String from = key(s.from());
    String to = key(s.to());
    Integer order = orders.remove(s.to());
    if (order != null && !s.viaLink()) {
      inFlight.put(s.from() + " " + s.to(), order); // the shutdown's own signal: one row
      return;
    }
    if (from.startsWith("#") && to.startsWith("#")) {
      return; // between outsiders (the shell and the drivers): not the tree's story
    }
    int r =
        add(
            index,
            s,
            Kind.SIGNAL,
            from,
            to,
            s.viaLink() ? "seq.signal" : "seq.signal.call",
            List.of(term(s.reason())),
            false,
            null);
    inFlight.put(s.from() + " " + s.to(), r);
  }

  private void handled(TraceEvent.ExitSignalHandled h, Narration first) {
    Integer r = inFlight.remove(h.from() + " " + h.to());
    if (r == null || r < base) {
      return;
    }
    Row row = row(r);
    boolean dies = h.outcome() == SignalOutcome.DIES || h.outcome() == SignalOutcome.KILLED;
    if (row.kind() == Kind.SIGNAL) {
      if (h.outcome() == SignalOutcome.TRAPPED) {
        rows.set(r - base, row.with(Kind.EXIT_MESSAGE, "seq.exit_message", false));
      } else if (h.outcome() == SignalOutcome.IGNORED) {
        rows.set(r - base, row.with(Kind.SIGNAL, "seq.signal.ignored", false));
      } else {
        rows.set(r - base, row.with(Kind.SIGNAL, row.key(), true));
      }
    } else if (dies) {
      rows.set(r - base, row.with(row.kind(), row.key(), true));
    }
    boolean flushed = stoppedAsAsked.remove(h.from());
    if (whys.get(r - base) != null) {
      return;
    }
    if (first != null) {
      whys.set(r - base, first);
    } else if (dies) {
      wait(waitExit, h.to(), r);
    } else if (flushed) {
      whys.set(r - base, exitWhy.get(h.from())); // the supervisor flushes it: why the child ended
    } else if (h.outcome() == SignalOutcome.TRAPPED) {
      wait(waitDecision, h.to(), r);
    }
  }

  private void message(int index, TraceEvent.MessageSent m) {
    Object msg = m.message();
    String from = key(m.from());
    String to = key(m.to());
    if (msg instanceof Down d) {
      add(
          index,
          m,
          Kind.DOWN,
          key(d.pid()),
          to,
          "seq.down",
          List.of(term(d.reason())),
          false,
          exitWhy.get(d.pid()));
    } else if (msg instanceof Messages.Call c) {
      int r =
          add(
              index,
              m,
              Kind.CALL,
              from,
              to,
              "seq.call",
              List.of(request(c.request())),
              false,
              null);
      wait(waitReply, m.to(), r);
    } else if (msg instanceof Messages.Reply rep) {
      int r =
          add(index, m, Kind.REPLY, from, to, "seq.reply", List.of(term(rep.value())), false, null);
      wait(waitReply, m.from(), r);
    }
  }

  private int add(
      int index,
      TraceEvent e,
      Kind kind,
      String from,
      String to,
      String key,
      List<String> args,
      boolean fatal,
      Narration why) {
    if (from.startsWith("#") && kind != Kind.REPLY) {
      episodeStarts.add(rowCount()); // a command from outside the tree: a new episode
    } else if (episodeStarts.isEmpty()) {
      episodeStarts.add(rowCount());
    }
    rows.add(new Row(index, e.timeMillis(), kind, from, to, key, args, fatal));
    whys.add(why);
    if (rows.size() > keptAfterDrop + (long) keptAfterDrop / 4) {
      dropOldEpisodes();
    }
    return rowCount() - 1;
  }

  /**
   * Drops the oldest episodes, whole, until at most {@link #maxRows} rows are kept (the last
   * episode always stays, however long), and what only they needed.
   */
  private void dropOldEpisodes() {
    int end = rowCount();
    int keepFrom = -1;
    for (int i = 0; i < episodeStarts.size() - 1; i++) { // never the last episode's start
      int start = episodeStarts.get(i);
      if (start > base && end - start <= maxRows) {
        keepFrom = start;
        break;
      }
    }
    if (keepFrom < 0 && episodeStarts.size() > 1) {
      keepFrom = episodeStarts.get(episodeStarts.size() - 1);
    }
    if (keepFrom > base) {
      int k = keepFrom - base;
      rows.subList(0, k).clear();
      whys.subList(0, k).clear();
      base = keepFrom;
      int firstKept = Collections.binarySearch(episodeStarts, keepFrom);
      episodeStarts.subList(0, firstKept).clear();
      for (java.util.TreeMap<Integer, String> starts : pids.values()) {
        Integer floor = starts.floorKey(base);
        if (floor != null) {
          starts.headMap(floor).clear(); // the pid at the first row kept stays
        }
      }
      inFlight.values().removeIf(r -> r < base);
      orders.values().removeIf(r -> r < base);
      for (Map<Pid, List<Integer>> waiting : List.of(waitExit, waitDecision, waitReply)) {
        waiting.values().removeIf(rs -> rs.stream().allMatch(r -> r < base));
      }
    }
    keptAfterDrop = Math.max(maxRows, rows.size());
  }

  private void spawned(TraceEvent.Spawned s) {
    spawners.put(s.pid(), s.spawner());
    if (s.label() != null && s.kind() != ProcessKind.EXTERNAL) {
      paths.put(s.pid(), s.label());
      firstSeen.putIfAbsent(s.label(), firstSeen.size());
    } else if (s.label() != null) {
      outsiderLabels.put(s.pid(), s.label());
    }
  }

  /**
   * A process ended: a windowed model forgets the one that ended {@link #KEEP_ENDED} ends ago (its
   * path, spawner and what waited for it), so a storm's maps stay the same size.
   */
  private void ended(Pid pid) {
    if (maxRows == Integer.MAX_VALUE) {
      return;
    }
    ended.add(pid);
    if (ended.size() > KEEP_ENDED) {
      Pid old = ended.poll();
      paths.remove(old);
      spawners.remove(old);
      outsiderLabels.remove(old);
      firstSeen.remove(old.toString()); // an outsider's place among the lifelines
      askedToStop.remove(old);
      stoppedAsAsked.remove(old);
      orders.remove(old);
      waitExit.remove(old);
      waitDecision.remove(old);
      waitReply.remove(old);
      exitWhy.remove(old);
      decisionWhy.remove(old);
    }
  }

  private static void wait(Map<Pid, List<Integer>> waiting, Pid pid, int row) {
    waiting.computeIfAbsent(pid, k -> new ArrayList<>(2)).add(row);
  }

  private void fill(Map<Pid, List<Integer>> waiting, Pid pid, Narration n) {
    List<Integer> rs = waiting.remove(pid);
    if (rs != null) {
      for (int r : rs) {
        if (r >= base && whys.get(r - base) == null) {
          whys.set(r - base, n);
        }
      }
    }
  }

  /** A process's lifeline key: its path in the tree, else its pid. */
  private String key(Pid pid) {
    String path = paths.get(pid);
    if (path != null) {
      return path;
    }
    String k = pid.toString();
    firstSeen.putIfAbsent(k, firstSeen.size());
    return k;
  }

  /** The label of an outsider, if it has one (the console's shell). */
  public Optional<String> outsiderLabel(String key) {
    for (Map.Entry<Pid, String> e : outsiderLabels.entrySet()) {
      if (e.getKey().toString().equals(key)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  static boolean isOrderly(Term reason) {
    return RestartType.isNormalExit(reason)
        || reason.equals(Atom.SHUTDOWN)
        || reason instanceof Tuple t && t.size() == 2 && Atom.SHUTDOWN.equals(t.get(0));
  }

  /** A term as Elixir writes it, cut to {@link #MAX_DETAIL} characters. */
  static String term(Term t) {
    return cut(TermSyntax.formatElixir(t));
  }

  /** A call's request: a term as Elixir writes it, else its OTP name ({@code which_children}). */
  static String request(Object req) {
    if (req instanceof Term t) {
      return term(t);
    }
    StringBuilder sb = new StringBuilder();
    String name = req.getClass().getSimpleName();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        sb.append('_');
      }
      sb.append(Character.toLowerCase(c));
    }
    if (req instanceof Record r) {
      List<String> args = new ArrayList<>();
      for (var c : r.getClass().getRecordComponents()) {
        try {
          Object v = c.getAccessor().invoke(r);
          args.add(v instanceof String s ? ":" + s : v instanceof Term t ? term(t) : "…");
        } catch (ReflectiveOperationException ex) {
          args.add("…");
        }
      }
      if (!args.isEmpty()) {
        sb.append('(').append(String.join(", ", args)).append(')');
      }
    }
    return cut(sb.toString());
  }

  private static String cut(String s) {
    return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL - 1) + "…";
  }

  // ---- finding rows ----

  /** The last row whose event is at or before {@code eventIndex}; -1 if none. */
  public int lastRowAtOrBefore(int eventIndex) {
    int lo = 0;
    int hi = rows.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (rows.get(mid).eventIndex() <= eventIndex) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? -1 : base + found;
  }

  /** The first row of the episode row {@code row} belongs to. */
  public int episodeStart(int row) {
    int i = Collections.binarySearch(episodeStarts, row);
    return i >= 0 ? episodeStarts.get(i) : i == -1 ? base : episodeStarts.get(-i - 2);
  }

  /** The end (exclusive) of the episode row {@code row} belongs to. */
  public int episodeEnd(int row) {
    int i = Collections.binarySearch(episodeStarts, row + 1);
    int next = i >= 0 ? i : -i - 1;
    return next < episodeStarts.size() ? episodeStarts.get(next) : rowCount();
  }

  // ---- lifelines ----

  /**
   * The lifelines of rows {@code from} (inclusive) to {@code to} (exclusive): every process they
   * touch, outsiders first, then the tree's processes parents first and siblings in start order;
   * the quiet children of a supervisor with more than {@link #GROUP_AT} children in these rows
   * share one group lifeline unless its key ({@code group:}+path) is in {@code expanded}.
   */
  public Lanes lifelines(int from, int to, Set<String> expanded) {
    Set<String> parties = new HashSet<>();
    Set<String> story = new HashSet<>();
    for (int i = Math.max(base, from); i < Math.min(to, rowCount()); i++) {
      Row r = row(i);
      parties.add(r.from());
      parties.add(r.to());
      if (r.from().startsWith("#") && !r.to().startsWith("#")) {
        story.add(r.to()); // the process a command hit
      }
      if (r.kind() == Kind.EXIT && r.fatal()) {
        story.add(r.to()); // a crash
      }
      if (r.kind() == Kind.PLAN) {
        story.add(r.to() + "/" + r.args().get(2)); // the failed child
      }
    }
    Map<String, List<String>> children = new LinkedHashMap<>();
    for (String p : parties) {
      parentOf(p).ifPresent(par -> children.computeIfAbsent(par, k -> new ArrayList<>()).add(p));
      parentOf(p).ifPresent(story::add); // a supervisor of others is the story
    }
    // who shares a group lifeline
    Map<String, String> groupOf = new HashMap<>();
    for (Map.Entry<String, List<String>> c : children.entrySet()) {
      String g = GROUP + c.getKey();
      if (c.getValue().size() <= GROUP_AT || expanded.contains(g)) {
        continue;
      }
      List<String> quiet = c.getValue().stream().filter(k -> !story.contains(k)).toList();
      if (quiet.size() >= 2) {
        for (String q : quiet) {
          groupOf.put(q, g);
        }
      }
    }
    List<String> order = new ArrayList<>(parties);
    order.sort(this::compareKeys);
    List<Lifeline> lanes = new ArrayList<>();
    Map<String, Integer> column = new HashMap<>();
    Map<String, List<String>> members = new HashMap<>();
    for (String k : order) {
      String g = groupOf.get(k);
      if (g == null) {
        column.put(k, lanes.size());
        lanes.add(new Lifeline(k, title(k), pidAt(k, from), List.of()));
      } else {
        Integer at = column.get(g);
        if (at == null) {
          column.put(g, lanes.size());
          members.put(g, new ArrayList<>());
          lanes.add(null); // filled below, with all its members
          at = lanes.size() - 1;
        }
        column.put(k, at);
        members.get(g).add(k);
      }
    }
    for (Map.Entry<String, List<String>> g : members.entrySet()) {
      int at = column.get(g.getKey());
      lanes.set(at, new Lifeline(g.getKey(), title(g.getKey()), "", g.getValue()));
    }
    return new Lanes(List.copyOf(lanes), Map.copyOf(column));
  }

  /**
   * The text of row {@code r} on {@code lanes}: its {@link Row#text}, after the child id of an end
   * that shares a group lifeline ({@code c17: shutdown}), since the lifeline does not say which.
   */
  public static String label(Row r, Lanes lanes, ResourceBundle bundle) {
    String text = r.text(bundle);
    String member = inGroup(r.to(), lanes) ? r.to() : inGroup(r.from(), lanes) ? r.from() : null;
    return member == null ? text : member.substring(member.lastIndexOf('/') + 1) + ": " + text;
  }

  private static boolean inGroup(String key, Lanes lanes) {
    int c = lanes.columnOf(key);
    return c >= 0 && lanes.lifelines().get(c).isGroup();
  }

  /**
   * A lifeline's name as a header shows it: the child id, an outsider's label or "outside the
   * tree", a group's "N children of S" (from the {@code seq.*} keys of {@code bundle}).
   */
  public static String name(Lifeline l, ResourceBundle bundle) {
    if (l.isGroup()) {
      return MessageFormat.format(
          bundle.getString("seq.group"), l.members().size(), l.groupParent().orElse(""));
    }
    if (l.isOutside()) {
      return l.title().isEmpty() ? bundle.getString("seq.outside") : l.title();
    }
    return l.title();
  }

  private static Optional<String> parentOf(String key) {
    int slash = key.lastIndexOf('/');
    return key.startsWith("#") || slash < 0
        ? Optional.empty()
        : Optional.of(key.substring(0, slash));
  }

  private String title(String key) {
    if (key.startsWith(GROUP)) {
      return key.substring(GROUP.length());
    }
    if (key.startsWith("#")) {
      return outsiderLabel(key).orElse("");
    }
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /**
   * Outsiders first (in the order they appeared), then parents before children, siblings in order.
   */
  private int compareKeys(String a, String b) {
    boolean oa = a.startsWith("#");
    boolean ob = b.startsWith("#");
    if (oa || ob) {
      return oa && ob ? Integer.compare(seen(a), seen(b)) : oa ? -1 : 1;
    }
    String[] pa = a.split("/");
    String[] pb = b.split("/");
    StringBuilder ka = new StringBuilder();
    StringBuilder kb = new StringBuilder();
    for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
      ka.append(i == 0 ? "" : "/").append(pa[i]);
      kb.append(i == 0 ? "" : "/").append(pb[i]);
      if (!pa[i].equals(pb[i])) {
        int c = Integer.compare(seen(ka.toString()), seen(kb.toString()));
        return c != 0 ? c : ka.toString().compareTo(kb.toString());
      }
    }
    return Integer.compare(pa.length, pb.length);
  }

  private int seen(String key) {
    return firstSeen.getOrDefault(key, Integer.MAX_VALUE);
  }
}
