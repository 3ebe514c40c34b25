package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermSyntax;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.otp.Client;
import dev.kaboom.otp.SupFlags;
import dev.kaboom.otp.SupervisorRequest;
import dev.kaboom.scenario.Command;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.ui.sim.EngineSession;
import dev.kaboom.ui.sim.Pacer;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's view model: the running scenario, the pacer that animates it, the drawn tree,
 * the event log and the selection. Everything the window does goes through here, so it can be
 * tested without a window: {@link #frame} is what the AnimationTimer calls, {@link #runToIdle} what
 * tests call to let the engine finish.
 *
 * <p>THE RULES: JavaFX thread only. Engine events are drained once per frame and applied in one
 * batch; the log list gets one {@code addAll} per frame.
 */
public final class MainViewModel {
  /** The speed presets the speed control and the +/- keys step through. */
  public static final List<Double> SPEEDS = List.of(0.1, 0.25, 0.5, 1.0, 2.0, 4.0);

  static final int MAX_LOG_LINES = 5000;
  static final long SEED = 42L;

  private final ObservableList<String> logLines = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<TreeModel> tree = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Path> scenarioPath = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<String> selectedPath = new SimpleObjectProperty<>();
  private final BooleanProperty paused = new SimpleBooleanProperty(false);
  private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
  private final LongProperty revision = new SimpleLongProperty();
  private final ReadOnlyStringWrapper clock = new ReadOnlyStringWrapper("0.000 s");
  private final Pacer pacer = new Pacer();
  private EngineSession session;
  private final List<String> pendingLines = new ArrayList<>();
  private final ObservableList<Notice> notices = FXCollections.observableArrayList();
  private final NarrationFeed narration = new NarrationFeed();
  private final BooleanProperty holdAnimation = new SimpleBooleanProperty(false);

  /** Events of the session folded into the live tree so far. */
  private int folded;

  /** One mark per visible event (the timeline's marks), in order. */
  private final MarkList marks = new MarkList(this::eventTime);

  /** The virtual time of the session's event {@code index} (a mark's time). */
  private long eventTime(int index) {
    return session == null || index >= session.log().size()
        ? 0
        : session.log().get(index).timeMillis();
  }

  /** The mark the picture shows while it is behind the engine (stepped back); -1 when live. */
  private final javafx.beans.property.ReadOnlyIntegerWrapper playhead =
      new javafx.beans.property.ReadOnlyIntegerWrapper(-1);

  private long behindNanos;

  /** The text of the scenario as it was loaded (saved in run files); null for a bundled one. */
  private String scenarioText;

  private long backlogWait;
  private final javafx.beans.property.ReadOnlyBooleanWrapper catchingUp =
      new javafx.beans.property.ReadOnlyBooleanWrapper(false);

  /** The scenario's file name as a run file gives it (null: from the scenario path). */
  private String scenarioFileName;

  /** What kind of visible event a timeline mark stands for. */
  public enum MarkKind {
    DEATH,
    START,
    /** A process started again at a path that had run before (a restart). */
    RESTART,
    GIVE_UP,
    DECISION,
    SIGNAL
  }

  /**
   * A visible event: its index in the session's event log (the state after it is the fold of the
   * first {@code eventIndex + 1} events), its virtual time, its kind, and how many log lines there
   * were after it.
   */
  public record Mark(int eventIndex, long timeMillis, MarkKind kind, int logLines) {}

  /**
   * A transient message for the user (a toast): a bundle key and its one argument. {@code
   * notify.gaveUp}: a supervisor reached its restart intensity; {@code notify.openFailed}: a file
   * did not load.
   */
  public record Notice(String key, String argument) {}

  public MainViewModel() {
    paused.addListener((o, a, b) -> pacer.setPaused(b));
    speed.addListener((o, a, b) -> pacer.setSpeed(b.doubleValue()));
    narration
        .localeProperty()
        .addListener(
            (o, a, b) -> {
              narration.rerender(logLines);
              rewordLog();
            });
  }

  /** The narration of every step: log sentences, captions, the rule behind each restart. */
  public NarrationFeed narration() {
    return narration;
  }

  /**
   * While true the animation holds still (the caption strip's "wait for me": the pacer lets no new
   * event through until the captions have been read).
   */
  public BooleanProperty holdAnimationProperty() {
    return holdAnimation;
  }

  // ---- properties ----

  public ObservableList<String> logLines() {
    return logLines;
  }

  /** Transient messages, newest last (the window shows each as a notification once). */
  public ObservableList<Notice> notices() {
    return notices;
  }

  /** The last load error ({@code file:line:column: message}), or "" when there is none. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The last error in the words of {@code locale} (English where it has no other). */
  private java.util.function.Function<java.util.Locale, String> errorWords = l -> error.get();

  /**
   * The last load error as {@link #errorProperty()} has it, said in {@code locale}'s language (the
   * window's): a scenario's or run's own checks are in the errors bundle, English and Korean, with
   * the file, line and column, the field and the value as its arguments.
   */
  public String errorIn(java.util.Locale locale) {
    return error.get().isEmpty() ? "" : errorWords.apply(locale);
  }

  private void setError(
      String english, java.util.function.Function<java.util.Locale, String> words) {
    errorWords = words;
    error.set(english);
  }

  public ReadOnlyObjectProperty<TreeModel> treeProperty() {
    return tree.getReadOnlyProperty();
  }

  public TreeModel tree() {
    return tree.get();
  }

  public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
    return scenario.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Path> scenarioPathProperty() {
    return scenarioPath.getReadOnlyProperty();
  }

  public ObjectProperty<String> selectedPathProperty() {
    return selectedPath;
  }

  public BooleanProperty pausedProperty() {
    return paused;
  }

  public DoubleProperty speedProperty() {
    return speed;
  }

  /** Goes up whenever the drawn tree changed; the view redraws on it. */
  public LongProperty revisionProperty() {
    return revision;
  }

  /** Virtual time, as text. */
  public ReadOnlyStringProperty clockProperty() {
    return clock.getReadOnlyProperty();
  }

  /**
   * The virtual time the picture shows, as text ({@code "12.345 s"}): looking back, the time of the
   * playhead's event; else the present ({@link #clockProperty}).
   */
  public String shownClock() {
    int p = playhead.get();
    if (p >= 0 && p < marks.size()) {
      return clockText(marks.get(p).timeMillis());
    }
    return clock.get();
  }

  private static String clockText(long millis) {
    return String.format(java.util.Locale.ROOT, "%.3f s", millis / 1000.0);
  }

  public Optional<EngineSession> session() {
    return Optional.ofNullable(session);
  }

  public Pacer pacer() {
    return pacer;
  }

  public void clearError() {
    error.set("");
  }

  // ---- loading ----

  /**
   * Opens a scenario file. On error the message ({@code file:line:column: ...}) goes to {@link
   * #errorProperty()} and the current tree stays. Returns whether it loaded.
   */
  public boolean open(Path file) {
    if (dev.kaboom.run.RunFile.isRun(file)) {
      return openRun(file);
    }
    ScenarioLoader.Result r = ScenarioLoader.load(file);
    if (r instanceof ScenarioLoader.Result.Failed f) {
      setError(f.error().toString(), f.error()::toString);
      notice(new Notice("notify.openFailed", file.getFileName().toString()));
      return false;
    }
    load(((ScenarioLoader.Result.Loaded) r).scenario(), file);
    try {
      scenarioText = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      scenarioText = null;
    }
    return true;
  }

  // ---- runs ----

  /**
   * Opens a run file: its scenario, with its commands replayed at once (the window shows where the
   * run ended). A damaged file leaves the current run as it is and says why in {@link
   * #errorProperty()}; a replay whose trace differs from the run's checksum is a notice.
   */
  public boolean openRun(Path file) {
    var r = dev.kaboom.run.RunFile.read(file);
    if (r instanceof dev.kaboom.run.RunFile.Result.Damaged d) {
      setError(d.message(), d::message);
      notice(new Notice("notify.openFailed", file.getFileName().toString()));
      return false;
    }
    dev.kaboom.run.Run run = ((dev.kaboom.run.RunFile.Result.Loaded) r).run();
    error.set("");
    emptyWorld = run.emptyWorld();
    scenario.set(run.scenario());
    scenarioPath.set(file);
    scenarioText = run.scenarioText();
    scenarioFileName = run.scenarioFile();
    logLines.clear();
    forgetUnshownWords();
    start(run.commands(), false);
    markSaved();
    long differs = run.trace().firstDifference(dev.kaboom.run.Recording.replay(run, l -> {}));
    if (differs > 0) {
      notice(new Notice("notify.runDiffers", Long.toString(differs)));
    }
    return true;
  }

  /** The run so far (scenario, every command with its place, the trace's checksum). */
  public Optional<dev.kaboom.run.Run> currentRun() {
    if (session == null) {
      return Optional.empty();
    }
    Scenario s = scenario.get();
    String text = scenarioText;
    String name =
        scenarioFileName != null
            ? scenarioFileName
            : scenarioPath.get() == null
                ? "servy.json"
                : scenarioPath.get().getFileName().toString();
    if (text == null) {
      try (var in = MainViewModel.class.getResourceAsStream("/scenarios/servy.json")) {
        text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException | NullPointerException e) {
        return Optional.empty();
      }
    }
    var commands = session.sim().recorded();
    dev.kaboom.run.Run unsigned =
        new dev.kaboom.run.Run(
            name,
            text,
            s,
            SEED,
            commands,
            dev.kaboom.run.Run.KABOOM_VERSION,
            new dev.kaboom.run.TraceDigest(0, "", new int[0]),
            emptyWorld);
    dev.kaboom.run.TraceDigest digest = dev.kaboom.run.Recording.replay(unsigned, l -> {});
    return Optional.of(
        new dev.kaboom.run.Run(
            name, text, s, SEED, commands, dev.kaboom.run.Run.KABOOM_VERSION, digest, emptyWorld));
  }

  /** File > Save run: writes {@link #currentRun()} to {@code file}; false (and an error) if not. */
  public boolean saveRun(Path file) {
    Optional<dev.kaboom.run.Run> run = currentRun();
    if (run.isEmpty()) {
      return false;
    }
    try {
      dev.kaboom.run.RunFile.write(run.get(), file);
      markSaved();
      return true;
    } catch (java.io.IOException e) {
      var text =
          dev.kaboom.scenario.ErrorText.msg(
              "run.at", file, dev.kaboom.scenario.ErrorText.unwritable(e));
      setError(text.toString(), text::in);
      return false;
    }
  }

  // ---- time travel ----

  /** A copy of {@code marks} as compact as the view model's own. */
  private MarkList copyOf(List<Mark> marks) {
    if (marks instanceof MarkList m) {
      return m.copy();
    }
    MarkList copy = new MarkList(this::eventTime);
    copy.addAll(marks);
    return copy;
  }

  /** The timeline's marks: one per visible event so far. */
  /**
   * The session's events the picture has taken in so far (the rest plays as the backlog), in order;
   * read-only, valid until the next frame. The sequence chart folds them.
   */
  public List<TraceEvent> shownEvents() {
    return session == null
        ? List.of()
        : java.util.Collections.unmodifiableList(session.log().all().subList(0, folded));
  }

  public List<Mark> marks() {
    return java.util.Collections.unmodifiableList(marks);
  }

  /**
   * The event index of mark {@code k} (0 to {@code marks().size() - 1}), without reading the event:
   * {@code marks().get(k)} decodes the event for its time (the timeline's summary asks for
   * thousands a second in a storm).
   */
  public int markEventIndex(int k) {
    return marks.eventIndexAt(k);
  }

  /** The kind of mark {@code k}, without reading its event (see {@link #markEventIndex}). */
  public MarkKind markKind(int k) {
    return marks.kindAt(k);
  }

  /** How many seek checkpoints are held now (the bench's memory figure). */
  public int checkpointCount() {
    return checkpoints.size();
  }

  /** The commands given so far (the timeline's command ticks), with their places. */
  public List<dev.kaboom.scenario.Simulation.Recorded> recordedCommands() {
    return session == null ? List.of() : session.sim().recorded();
  }

  /** How many commands were given so far (sleeps too); cheap, for redrawing only on a change. */
  public int commandCount() {
    return session == null ? 0 : session.sim().recordedCount();
  }

  /** The mark the picture shows while stepped back; -1 when it shows the engine's present. */
  public javafx.beans.property.ReadOnlyIntegerProperty playheadProperty() {
    return playhead.getReadOnlyProperty();
  }

  /** Step back one visible event (pauses play): the tree and inspector as they were then. */
  public boolean stepBack() {
    if (session == null || marks.isEmpty()) {
      return false;
    }
    paused.set(true);
    int at = playhead.get() < 0 ? marks.size() - 1 : playhead.get();
    if (at <= 0 && playhead.get() == 0) {
      return false;
    }
    seekMark(Math.max(0, at - 1));
    return true;
  }

  /** Step forward one visible event; past the last one the picture is live again. */
  public boolean stepForward() {
    if (playhead.get() < 0) {
      return false;
    }
    if (playhead.get() + 1 >= marks.size()) {
      goLive();
    } else {
      seekMark(playhead.get() + 1);
    }
    return true;
  }

  /** Home: the first visible event. */
  public void seekStart() {
    if (!marks.isEmpty()) {
      paused.set(true);
      seekMark(0);
    }
  }

  /** End: the engine's present. */
  public void goLive() {
    if (playhead.get() >= 0) {
      playhead.set(-1);
      rebuild(folded);
    }
  }

  /**
   * Shows the moment of {@code run} (the run this view model opened) after its first {@code n}
   * trace lines, as {@code kaboom replay RUN --at N --tree} counts them ({@code open RUN --at N},
   * {@code snapshot RUN OUT.png --at N}): paused, looking back there (the present when N is the
   * last line). The moment is found by the starts, exits and give-ups before it, so the window's
   * console shell (one more process on its engine) does not shift it.
   *
   * @return the one-line error for an N outside 0..lines, else empty
   */
  public Optional<String> seekTraceLine(dev.kaboom.run.Run run, long n) {
    dev.kaboom.run.RunCursor c = new dev.kaboom.run.RunCursor(run);
    long total = c.totalLines();
    if (n < 0 || n > total) {
      return Optional.of(
          "--at "
              + n
              + ": out of range; the run prints "
              + total
              + " trace lines, so N is 0.."
              + total);
    }
    c.seek(n);
    if (session == null) {
      return Optional.empty();
    }
    List<TraceEvent> all = session.log().all();
    int i = 0;
    for (long seen = 0; i < all.size() && seen < c.treeEvents(); i++) {
      if (isTreeEvent(all.get(i))) {
        seen++;
      }
    }
    while (i < all.size() && !isTreeEvent(all.get(i))) {
      i++; // what came after it, up to the next start, exit or give-up
    }
    if (i >= all.size() || marks.isEmpty()) {
      goLive();
      return Optional.empty();
    }
    int k = 0;
    while (k + 1 < marks.size() && marks.get(k + 1).eventIndex() < i) {
      k++;
    }
    paused.set(true);
    playhead.set(k);
    rebuild(i);
    return Optional.empty();
  }

  /**
   * A start, exit or give-up of a labelled process (the console's shell too: it is a recorded
   * command, so the run's replay starts it at the same place).
   */
  private static boolean isTreeEvent(TraceEvent e) {
    return dev.kaboom.run.RunCursor.isTreeEvent(e);
  }

  /**
   * The sentence that explains timeline mark {@code k}: its event's own (a death, a start, a
   * give-up), else the first one said before the next mark (an exit signal is explained by what it
   * did to its receiver), else the last one before it; a supervisor's restart plan by the decision
   * said just before it (restart type, intensity). Empty for a {@code k} out of range.
   */
  public Optional<dev.kaboom.explain.Narration> explainMark(int k) {
    if (k < 0 || k >= marks.size() || session == null) {
      return Optional.empty();
    }
    int at = marks.get(k).eventIndex();
    List<TraceEvent> all = session.log().all();
    if (at < all.size() && all.get(at) instanceof TraceEvent.RestartPlanned) {
      return narration.explain(at, at);
    }
    int to = k + 1 < marks.size() ? marks.get(k + 1).eventIndex() : Integer.MAX_VALUE;
    return narration.explain(at, to);
  }

  /** Shows the state just after mark {@code k}: a fresh fold of the events up to it. */
  public void seekMark(int k) {
    if (k < 0 || k >= marks.size()) {
      return;
    }
    playhead.set(k);
    rebuild(marks.get(k).eventIndex() + 1);
  }

  /** The first spacing of the seek's checkpoints, in events. */
  static final int CHECKPOINT_EVENTS = 3072;

  /**
   * Past this many checkpoints the spacing doubles (every other one goes), up to {@link
   * #MAX_SPACING}.
   */
  static final int MAX_CHECKPOINTS = 128;

  /**
   * The widest spacing, in events: a seek folds at most this many events from its checkpoint
   * whatever the run's length (T1); past about 400,000 events the checkpoints grow with the run
   * instead (about 2.8 bytes an event for 2,000 processes: 163 checkpoints of about 17 KB at a
   * million). Doubling on, an hour-long storm's seek folded up to 131,072 events (433 ms); at
   * 16,384 apart (47 KB each) a seek was up to 16 ms.
   */
  static final int MAX_SPACING = 6144;

  /**
   * The tree folded from the session's first N events, frozen ({@link TreeModel.Frozen}, a few
   * dozen bytes a node), for N a multiple of {@link #checkpointEvery}: a seek thaws the nearest one
   * at or before its target and folds at most that many events from there, however long the run.
   * Frozen from {@link #shadow} as it follows the picture; dropped with the session.
   */
  private final java.util.TreeMap<Integer, TreeModel.Frozen> checkpoints =
      new java.util.TreeMap<>();

  private int checkpointEvery = CHECKPOINT_EVENTS;

  /**
   * The fold without highlights (a seek's) of the session's first {@link #shadowAt} events: it
   * follows the picture's fold, and the checkpoints are frozen from it as it passes them.
   */
  private TreeModel shadow;

  private int shadowAt;

  /** What the checkpoints share (specs, histories, labels): dropped with them. */
  private TreeModel.Pool checkpointPool = new TreeModel.Pool(new RestartLog());

  private void dropCheckpoints() {
    checkpointPool = new TreeModel.Pool(new RestartLog());
    checkpoints.clear();
    checkpointEvery = CHECKPOINT_EVENTS;
    shadow = null;
    shadowAt = 0;
  }

  /** Folds {@link #shadow} on to event {@code upTo}, freezing a checkpoint at each spacing. */
  private void followShadow(int upTo) {
    List<TraceEvent> all = session.log().all();
    int to = Math.min(upTo, all.size());
    if (shadow == null) {
      shadow = new TreeModel(scenario.get().tree(), checkpointPool.restarts());
      shadowAt = 0;
    }
    for (int i = shadowAt; i < to; i++) {
      shadow.apply(all.get(i), 0);
      int n = i + 1;
      if (n % checkpointEvery == 0) {
        TreeModel.Frozen f = shadow.freeze(checkpointPool);
        if (f != null) {
          checkpoints.put(n, f);
          if (checkpoints.size() > MAX_CHECKPOINTS && checkpointEvery < MAX_SPACING) {
            checkpointEvery *= 2;
            int every = checkpointEvery;
            checkpoints.keySet().removeIf(k -> k % every != 0);
          }
        }
      }
    }
    shadowAt = Math.max(shadowAt, to);
  }

  /** The heap the seek's checkpoints take, in bytes (the bench's memory figure). */
  public long checkpointBytes() {
    long b = checkpointPool.bytes();
    for (TreeModel.Frozen f : checkpoints.values()) {
      b += f.bytes();
    }
    return b;
  }

  /**
   * The tree folded from the session's first {@code events} events, from the nearest checkpoint.
   */
  private TreeModel foldTo(int events) {
    List<TraceEvent> all = session.log().all();
    int upTo = Math.min(events, all.size());
    followShadow(upTo);
    var cp = checkpoints.floorEntry(upTo);
    TreeModel t =
        cp == null
            ? new TreeModel(scenario.get().tree(), checkpointPool.restarts())
            : TreeModel.thaw(cp.getValue());
    for (int i = cp == null ? 0 : cp.getKey(); i < upTo; i++) {
      t.apply(all.get(i), 0);
    }
    return t;
  }

  private void rebuild(int events) {
    lookedEvents = events;
    TreeModel t = foldTo(events);
    t.skipAhead(Long.MAX_VALUE / 4); // no highlight or fade is half-way in a sought picture
    tree.set(t);
    revision.set(revision.get() + 1);
    dropStaleSelection();
  }

  private static MarkKind kindOf(TraceEvent e) {
    if (e instanceof TraceEvent.Exited) {
      return MarkKind.DEATH;
    } else if (e instanceof TraceEvent.Started) {
      return MarkKind.START;
    } else if (e instanceof TraceEvent.GaveUp) {
      return MarkKind.GIVE_UP;
    } else if (e instanceof TraceEvent.ExitSignalSent
        || e instanceof TraceEvent.ExitSignalHandled) {
      return MarkKind.SIGNAL;
    }
    return MarkKind.DECISION;
  }

  /** Shows {@code s} (from {@code file}, may be null for a bundled one) and starts its tree. */
  public void load(Scenario s, Path file) {
    load(s, file, false);
  }

  /**
   * Shows {@code s}, read from the text {@code text} of a file named {@code fileName} (a bundled
   * scenario: a saved run keeps that text), and starts its tree.
   */
  public void load(Scenario s, String fileName, String text) {
    load(s, null, false);
    scenarioFileName = fileName;
    scenarioText = text;
  }

  private void load(Scenario s, Path file, boolean empty) {
    emptyWorld = empty;
    error.set("");
    scenarioText = null;
    scenarioFileName = null;
    scenario.set(s);
    scenarioPath.set(file);
    logLines.clear();
    forgetUnshownWords();
    start();
    markSaved();
  }

  /** The label of the console's shell in an empty world: the tree grows under it. */
  public static final String SHELL = "iex";

  private boolean emptyWorld;

  /**
   * Shows {@code world} with nothing running (a lesson, as the course starts from iex): what the
   * console starts is drawn under the shell ({@link #SHELL}), its first process.
   */
  public void loadEmpty(Scenario world) {
    load(world, null, true);
  }

  /**
   * As {@link #loadEmpty(Scenario)}, {@code world} read from the text {@code text} of a file named
   * {@code fileName} (a lesson's world: a saved run keeps that text, and replays with its tree not
   * started).
   */
  public void loadEmpty(Scenario world, String fileName, String text) {
    load(world, null, true);
    scenarioFileName = fileName;
    scenarioText = text;
  }

  /**
   * The console's modules become {@code world}'s ({@code file}, read from {@code text}): a recorded
   * {@link Command.Recompile} (a lesson's step that changes its world), so a replay has the same
   * modules from the same place. Nothing while looking back (the next line forks the run, and its
   * new console is brought to the world again) or without a shell.
   */
  public void recompile(String file, String text, Scenario world) {
    if (session == null || playhead.get() >= 0 || session.sim().shell().isEmpty()) {
      return;
    }
    session.sim().run(new Command.Recompile(file, text, world), r -> {});
  }

  /** The shell's label when the world started empty ({@link #loadEmpty}), else empty. */
  public Optional<String> shellLabel() {
    return emptyWorld ? Optional.of(SHELL) : Optional.empty();
  }

  /**
   * Reset: goes to the start of the run (the tree as it was up and running, before the first
   * command), paused, as a seek that Ctrl+Z ({@link #undo()}) takes back. Nothing is discarded:
   * acting there forks the run (after {@link #setForkConfirmation asking}).
   */
  public void reset() {
    if (session == null || marks.isEmpty()) {
      return;
    }
    long firstCommand = Long.MAX_VALUE;
    for (dev.kaboom.scenario.Simulation.Recorded r : session.sim().recorded()) {
      if (Command.isUserAction(r.command())) {
        firstCommand = r.eventIndex();
        break;
      }
    }
    int k = 0;
    while (k + 1 < marks.size() && marks.get(k + 1).eventIndex() < firstCommand) {
      k++;
    }
    undos.push(new Undo(null, null, null, playhead.get(), folded));
    paused.set(true);
    seekMark(k);
  }

  // ---- forks and undo ----

  /**
   * What Ctrl+Z brings back: the commands (null for a plain seek), the log and the marks as they
   * were, the playhead, how many events the picture had taken (the scenario's next step follows
   * from the commands).
   */
  private record Undo(
      List<dev.kaboom.scenario.Simulation.Recorded> commands,
      List<String> log,
      List<Mark> marks,
      int playhead,
      int folded) {}

  private final java.util.ArrayDeque<Undo> undos = new java.util.ArrayDeque<>();
  private java.util.function.BooleanSupplier forkConfirmation = () -> true;

  /** Forks or seeks since the last save or open (a run with them is unsaved). */
  private int changesSinceSave;

  /** How many user commands (not sleeps) the run had when it was last saved or opened. */
  private long savedCommands;

  /**
   * What acting while stepped back asks first (the window: a dialog); true forks the run at the
   * playhead. By default it forks without asking (tests, tools).
   */
  public void setForkConfirmation(java.util.function.BooleanSupplier confirm) {
    this.forkConfirmation = confirm;
  }

  /** Whether there is something {@link #undo()} can take back. */
  public boolean canUndo() {
    return !undos.isEmpty();
  }

  /**
   * Acting while stepped back: asks ({@link #setForkConfirmation}), then drops the steps after the
   * playhead and continues from there. False when the user declined (the command is not given).
   */
  private boolean forkIfBehind() {
    if (playhead.get() < 0) {
      return true;
    }
    if (!forkConfirmation.getAsBoolean()) {
      return false;
    }
    forkAt(playhead.get());
    return true;
  }

  /**
   * Forks the run just after visible event {@code k}: the commands given after it are dropped (and
   * what they set off), the engine runs the kept ones again to that point, and the picture is live
   * there. {@link #undo()} brings the dropped part back.
   */
  public void forkAt(int k) {
    if (session == null || k < 0 || k >= marks.size()) {
      return;
    }
    Mark m = marks.get(k);
    long until = m.eventIndex() + 1L;
    undos.push(
        new Undo(
            session.sim().recorded(),
            new ArrayList<>(logLines),
            copyOf(marks),
            playhead.get(),
            folded));
    List<dev.kaboom.scenario.Simulation.Recorded> keep =
        session.sim().recorded().stream().filter(c -> c.eventIndex() < until).toList();
    EngineSession next = freshSession();
    try {
      next.sim().replayUntil(keep, until);
    } catch (dev.kaboom.engine.RunawayException e) {
      // reported by its RunawayStopped event
    }
    MarkList kept = marks.copy();
    kept.subList(k + 1, kept.size()).clear();
    adopt(next, (int) until, kept, logLines.subList(0, Math.min(logLines.size(), m.logLines())));
    changesSinceSave++;
    notice(
        new Notice(
            "notify.forked", MessageFormat.format("{0}/{1}", k + 1, undos.peek().marks().size())));
  }

  /**
   * Ctrl+Z: takes back the last fork (the dropped part of the run comes back, the picture where it
   * was) or the last Reset (the playhead where it was). False when there is nothing to undo.
   */
  public boolean undo() {
    Undo u = undos.poll();
    if (u == null || session == null) {
      return false;
    }
    if (u.commands() != null) {
      EngineSession next = freshSession();
      try {
        next.sim().replay(u.commands());
      } catch (dev.kaboom.engine.RunawayException e) {
        // reported by its RunawayStopped event
      }
      adopt(next, u.folded(), u.marks(), u.log());
      changesSinceSave++;
    }
    if (u.playhead() >= 0 && u.playhead() < marks.size()) {
      seekMark(u.playhead());
    } else {
      goLive();
    }
    return true;
  }

  /**
   * Takes {@code next} as the session: the picture is the fold of its first {@code foldedTo} events
   * (the rest plays as the engine's backlog), with {@code keptMarks} and {@code keptLog}.
   */
  private void adopt(EngineSession next, int foldedTo, List<Mark> keptMarks, List<String> keptLog) {
    MarkList markCopy = copyOf(keptMarks);
    List<String> logCopy = new ArrayList<>(keptLog);
    session = next;
    dropCheckpoints();
    List<TraceEvent> all = next.log().all();
    folded = Math.min(foldedTo, all.size());
    pendingClicks.clear();
    TreeModel t = foldTo(folded);
    t.skipAhead(Long.MAX_VALUE / 4);
    narration.replay(all.subList(0, folded), logCopy);
    marks.copyFrom(markCopy);
    pendingLines.clear();
    logLines.setAll(logCopy);
    forgetUnshownWords();
    playhead.set(-1);
    pacer.reset(next);
    backlogWait = 0;
    tree.set(t);
    revision.set(revision.get() + 1);
    clock.set(clockText(next.scheduler().nowMillis()));
    dropStaleSelection();
    showConsole();
  }

  private final ReadOnlyObjectWrapper<dev.kaboom.console.Console> console =
      new ReadOnlyObjectWrapper<>();

  /**
   * The console on the session's engine (null while its shell has not started: a run opened without
   * one gets it at the first typed line). A new session (open, fork, undo) has a new one, made by
   * replaying the run's {@code shell_start} and console lines: the window's console pane follows
   * this property.
   */
  public ReadOnlyObjectProperty<dev.kaboom.console.Console> consoleProperty() {
    return console.getReadOnlyProperty();
  }

  private void showConsole() {
    console.set(session == null ? null : session.console().orElse(null));
  }

  /** A new session of the scenario, its start-up run to idle. */
  private EngineSession freshSession() {
    EngineSession s = new EngineSession(scenario.get(), SEED, !emptyWorld);
    try {
      s.scheduler().runUntilIdleGuarded();
    } catch (dev.kaboom.engine.RunawayException e) {
      // reported by its RunawayStopped event
    }
    return s;
  }

  /** Starts the console's shell (a recorded command) unless the session has one. */
  private void ensureShell() {
    if (session.sim().shell().isEmpty()) {
      session.sim().run(new Command.ShellStart(shellLabel().orElse(null)), r -> {});
      showConsole();
    }
  }

  /**
   * A line typed at the console: one recorded {@link Command.ConsoleLine}, run to completion on the
   * engine (the picture follows at its pace), so a replay (a saved run, a fork, an undo, the CLI's
   * {@code replay}) types it again and gets the same pids and the same answer. While looking back
   * it forks the run there first, as a click does (after the same question; not for a blank line).
   * A blank line runs too: iex 1.14 answers it {@code nil} and counts it. Starts the shell first
   * when the run has none. Returns what the console printed; empty when the fork was declined
   * (nothing ran).
   */
  public Optional<String> consoleLine(String line) {
    if (session == null) {
      return Optional.empty();
    }
    if (line.isBlank() && playhead.get() >= 0) {
      return Optional.of(""); // a blank line is not worth a fork
    }
    if (!forkIfBehind()) {
      return Optional.empty();
    }
    ensureShell();
    session.sim().run(new Command.ConsoleLine(line), r -> {});
    runAhead();
    return Optional.of(session.sim().shellOutput());
  }

  // ---- the console's output, paced with the picture ----

  /**
   * How much of the console's transcript ({@code transcriptLength} characters now) the pane shows:
   * the transcript as of the picture ({@link dev.kaboom.console.Console#transcriptLengthAt}): a
   * line at once, each server's printed line when the picture reaches its {@code
   * TraceEvent.Printed} (also between two lines: a click's restart), a line's value once the
   * picture has folded the events it ran through; looking back, as of the playhead, so the pane
   * goes back and forth with the timeline (a run opened, forked or undone too).
   */
  public int consoleShownLength(int transcriptLength) {
    var c = console.get();
    if (c == null || session == null) {
      return transcriptLength;
    }
    return Math.min(transcriptLength, c.transcriptLengthAt(seenEvents()));
  }

  /** The console's prompt as of the picture (see {@link #consoleShownLength}). */
  public String consolePrompt() {
    var c = console.get();
    if (c == null) {
      return "iex(1)> ";
    }
    return session == null ? c.prompt() : c.promptAt(seenEvents());
  }

  /** How many of the session's events the picture shows: the playhead's, else what it folded. */
  private int seenEvents() {
    return playhead.get() >= 0 ? lookedEvents : folded;
  }

  /** Whether some of the console's transcript still waits for the picture. */
  public boolean consoleOutputPending() {
    var c = console.get();
    return c != null && consoleShownLength(c.transcriptLength()) < c.transcriptLength();
  }

  /** How many events the picture shows while looking back (the last {@link #rebuild}'s). */
  private int lookedEvents;

  /**
   * Shows a line done another way (a click) at the console as the iex line it equals, with its
   * answer: a recorded {@link Command.ConsoleEcho}, so a replay shows it (and numbers the prompts)
   * the same. Nothing when the session has no shell.
   */
  public void consoleEcho(String line, String answer) {
    if (session != null && session.sim().shell().isPresent() && playhead.get() < 0) {
      session.sim().run(new Command.ConsoleEcho(line, answer), r -> {});
    }
  }

  /**
   * Whether the run has something a save would keep that is not saved: commands given (or a fork or
   * undo) since it was last saved or opened.
   */
  public boolean hasUnsavedRun() {
    return session != null && (userCommands() != savedCommands || changesSinceSave > 0);
  }

  private long userCommands() {
    return session.sim().recorded().stream().filter(r -> Command.isUserAction(r.command())).count();
  }

  private void markSaved() {
    savedCommands = session == null ? 0 : userCommands();
    changesSinceSave = 0;
  }

  /** Starts the scenario's tree and, once it is up, the console's shell (a recorded command). */
  private void start() {
    start(List.of(), true);
  }

  /**
   * Starts the scenario's tree, replaying {@code commands} (a recorded run, with its own {@code
   * shell_start} if it had a console) at once; {@code shell}: start the console's shell once the
   * tree is up (a new run).
   */
  private void start(List<dev.kaboom.scenario.Simulation.Recorded> commands, boolean shell) {
    Scenario s = scenario.get();
    session = freshSession();
    if (shell) {
      ensureShell();
    }
    folded = 0;
    pendingClicks.clear();
    marks.clear();
    undos.clear();
    dropCheckpoints();
    playhead.set(-1);
    if (!commands.isEmpty()) {
      try {
        session.sim().replay(commands);
      } catch (dev.kaboom.engine.RunawayException e) {
        // reported by its RunawayStopped event
      }
    }
    TreeModel t;
    if (emptyWorld) {
      t = new TreeModel(dev.kaboom.scenario.TreeNode.worker(SHELL), checkpointPool.restarts());
    } else {
      pendingLines.add("> start_link " + s.tree().id());
      t = new TreeModel(s.tree(), checkpointPool.restarts());
    }
    // the first start is not animated: the tree appears up and running
    runGuarded();
    pacer.reset(session);
    narration.reset();
    narration.setCaptioning(false);
    applyEvents(t, new ArrayList<>(session.log().all()));
    narration.setCaptioning(true);
    tree.set(t);
    if (selectedPath.get() != null && t.node(selectedPath.get()).isEmpty()) {
      selectedPath.set(null);
    }
    showConsole();
  }

  // ---- time ----

  /**
   * One animation frame: advance the engine by the pacer, drain its events once, fade highlights.
   */
  public void frame(long deltaNanos) {
    if (session == null) {
      return;
    }
    frames++;
    frameClock += deltaNanos;
    int before = folded;
    inFrame = true;
    try {
      frameFolding(deltaNanos);
    } finally {
      inFrame = false;
    }
    if (folded == before && shadowAt < folded) {
      // the seek's shadow fold follows the picture in the frames that fold nothing, a slice at a
      // time (a beat in a storm folds hundreds of events; the shadow doing the same in that frame
      // made it the longest); a seek brings it up to date first (foldTo)
      followShadow(Math.min(folded, shadowAt + SHADOW_SLICE));
    }
  }

  /** While {@link #frame} folds: the shadow fold waits for a frame that folds nothing. */
  private boolean inFrame;

  /** At most this many events the shadow fold takes in one frame. */
  private static final int SHADOW_SLICE = 1024;

  /** How many of the session's events the picture has folded (its present, not the playhead). */
  public int foldedEvents() {
    return folded;
  }

  private void frameFolding(long deltaNanos) {
    if (playhead.get() >= 0) {
      // behind the engine (stepped back): play the recorded events forward, a mark per beat
      if (!paused.get() && !holdAnimation.get()) {
        behindNanos += deltaNanos;
        if (behindNanos >= (long) (Pacer.BEAT_NANOS / pacer.speed())) {
          behindNanos = 0;
          stepForward();
        }
      }
      if (tree.get().advance(deltaNanos)) {
        revision.set(revision.get() + 1);
      }
      return;
    }
    List<TraceEvent> all = session.log().all();
    if (folded < all.size() && pacer.isQuiescentWork(session)) {
      // the engine ran ahead (a command): the picture follows, a visible event per beat
      if (!paused.get() && !holdAnimation.get()) {
        playBacklog(deltaNanos);
      }
    } else {
      if (!holdAnimation.get()) {
        pacer.tick(session, deltaNanos);
      }
      applyEvents(new ArrayList<>(all.subList(folded, all.size())));
    }
    if (tree.get().advance(deltaNanos)) {
      revision.set(revision.get() + 1);
      dropStaleSelection();
    }
  }

  private void dropStaleSelection() {
    if (selectedPath.get() != null && tree.get().node(selectedPath.get()).isEmpty()) {
      selectedPath.set(null);
    }
  }

  /** Shows the notice {@code key} of the bundle with {@code argument} (the window's own news). */
  public void tell(String key, String argument) {
    notice(new Notice(key, argument));
  }

  private void notice(Notice n) {
    notices.add(n);
    if (notices.size() > 50) {
      notices.remove(0, notices.size() - 50);
    }
  }

  /** The "step" button: run to the next visible event, even when paused. */
  public void step() {
    if (stepForward()) {
      return;
    }
    if (session != null) {
      List<TraceEvent> all = session.log().all();
      if (folded < all.size()) {
        backlogWait = 0;
        playBacklog(0);
        return;
      }
      pacer.stepVisible(session);
      applyEvents(new ArrayList<>(all.subList(folded, all.size())));
    }
  }

  /** Runs everything the engine has to do now, at once (tests; "finish" without animation). */
  public void runToIdle() {
    if (session != null) {
      runGuarded();
      pacer.reset(session);
      List<TraceEvent> all = session.log().all();
      applyEvents(new ArrayList<>(all.subList(folded, all.size())));
      catchingUp.set(false);
    }
  }

  /** Runs the engine to idle; a runaway stops it (its event becomes a notice, the run pauses). */
  private void runGuarded() {
    try {
      session.scheduler().runUntilIdleGuarded();
    } catch (dev.kaboom.engine.RunawayException e) {
      // reported by its RunawayStopped event
    }
  }

  /** One speed preset faster (+1) or slower (-1). */
  public void changeSpeed(int direction) {
    double now = speed.get();
    int i = 0;
    while (i < SPEEDS.size() - 1 && SPEEDS.get(i) < now - 1e-9) {
      i++;
    }
    int j = Math.max(0, Math.min(SPEEDS.size() - 1, i + direction));
    speed.set(SPEEDS.get(j));
  }

  private void applyEvents(List<TraceEvent> events) {
    applyEvents(tree.get(), events);
    if (!pendingClicks.isEmpty() && pendingClicks.removeIf(c -> c.firstStep() < folded)) {
      revision.set(revision.get() + 1); // the marker goes: the picture shows the click now
    }
  }

  private void applyEvents(TreeModel t, List<TraceEvent> events) {
    boolean changed = false;
    double highlight = 3.0 * Pacer.BEAT_NANOS / pacer.speed();
    List<String> lines = new ArrayList<>(pendingLines);
    pendingLines.clear();
    for (TraceEvent e : events) {
      int index = folded++;
      changed |= t.apply(e, highlight);
      if (session.isVisible(index)) {
        MarkKind kind = kindOf(e);
        if (e instanceof TraceEvent.Started s
            && t.node(s.label()).map(n -> n.restartCount() > 0).orElse(false)) {
          kind = MarkKind.RESTART;
        }
        marks.add(new Mark(index, e.timeMillis(), kind, logLines.size() + lines.size() + 1));
      }
      ReportFormatter.text(e, t, true).ifPresent(l -> lines.add(word(l)));
      lines.addAll(narration.apply(e));
      if (e instanceof TraceEvent.RunawayStopped r) {
        paused.set(true);
        notice(
            new Notice(
                "notify.runaway",
                dev.kaboom.engine.RunawayException.involved(r.pids(), r.labels())));
      }
      if (e instanceof TraceEvent.GaveUp g) {
        notice(
            new Notice(
                "notify.gaveUp", t.pathOf(g.supervisor()).orElse(g.supervisor().toString())));
      }
    }
    if (!lines.isEmpty()) {
      logLines.addAll(lines);
      if (logLines.size() > MAX_LOG_LINES) {
        // a tenth at a time: removing lines from the front shifts every line the log view shows,
        // which in a storm would happen every frame
        List<String> dropped =
            logLines.subList(0, logLines.size() - MAX_LOG_LINES + MAX_LOG_LINES / 10);
        narration.forget(dropped);
        dropped.forEach(worded::remove);
        dropped.clear();
      }
    }
    if (!inFrame) {
      followShadow(folded);
    }
    if (changed || !events.isEmpty()) {
      clock.set(clockText(session.scheduler().nowMillis()));
    }
    if (changed) {
      revision.set(revision.get() + 1);
    }
  }

  /** Log lines in Kaboom's own words, by identity: the language may change under them. */
  private final java.util.Map<String, LogText> worded = new java.util.IdentityHashMap<>();

  /** Forgets the wording of lines no longer in the log (a fork, an undo, a new run). */
  private void forgetUnshownWords() {
    java.util.Set<String> shown =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    shown.addAll(logLines);
    shown.addAll(pendingLines);
    worded.keySet().retainAll(shown);
  }

  /** {@code l} in the window's language; remembered when it is in Kaboom's words. */
  private String word(LogText l) {
    String line =
        l.render(
            java.util.ResourceBundle.getBundle(
                ReportFormatter.BUNDLE, narration.localeProperty().get()));
    if (l.key() != null) {
      worded.put(line, l);
    }
    return line;
  }

  /** Renders every log line in Kaboom's own words again (the language changed). */
  private void rewordLog() {
    for (int i = 0; i < logLines.size(); i++) {
      LogText l = worded.remove(logLines.get(i));
      if (l != null) {
        logLines.set(i, word(l));
      }
    }
  }

  private void say(String line) {
    pendingLines.add(line);
  }

  // ---- actions on processes ----

  /** A click on a node: {@code Process.exit(pid, :kaboom)}. */
  public boolean kaboom(String path) {
    return exit(path, "kaboom");
  }

  /**
   * A click on the box at {@code path}: {@code Process.exit(pid, :kaboom)}, shown at the console
   * first as the iex line it equals with its answer ({@code true}: iex answers at once, and the
   * restart's printed lines follow as the picture reaches them). While looking back it forks the
   * run first (after asking), so the pid is the one at the fork. False when nothing ran.
   */
  public boolean kaboomClicked(String path) {
    if (session == null || !forkIfBehind()) {
      return false;
    }
    session
        .sim()
        .pidAt(path)
        .ifPresent(
            p -> consoleEcho("Process.exit(pid(\"0." + p.serial() + ".0\"), :kaboom)", "true"));
    int before = session.log().size();
    if (!kaboom(path)) {
      return false;
    }
    answerNow(before, path);
    return true;
  }

  /**
   * A click is answered at once; how depends on whether a learner is watching a cascade or a storm
   * is raging (the rule is in docs/runs.md, "A click while the picture is behind"):
   *
   * <ul>
   *   <li>The picture shows everything the engine did ({@code before}: the session's event count
   *       when the click reached the engine): the click's own first visible step (the clicked
   *       process's death) is drawn in the next frame; what it set off plays beat by beat.
   *   <li>A cascade is still playing, and no storm: not {@link #isStorm}, not catching up, and the
   *       steps still owed together with the click's stay within {@link #WATCHED_BEHIND_EVENTS}:
   *       nothing is skipped. The click's steps queue behind the cascade and play after it, as the
   *       engine ran them; the click is acknowledged in the next frame by its log line and a marker
   *       on the clicked box ({@link #pendingClicks}), gone when its death is drawn.
   *   <li>Otherwise (a storm, or far behind): the steps before the click are merged into the
   *       picture at once, as catching up merges them, and so is the click's first visible step, so
   *       the click is drawn in the next frame (issue 13); the rest plays beat by beat.
   * </ul>
   */
  private void answerNow(int before, String path) {
    List<TraceEvent> all = session.log().all();
    if (playhead.get() >= 0 || folded >= all.size()) {
      return;
    }
    int owed = visibleSteps(folded, before, WATCHED_BEHIND_EVENTS + 1);
    int firstStep = -1; // the click's first visible step (its process's death)
    for (int i = before; i < all.size(); i++) {
      if (session.isVisible(i)) {
        firstStep = i;
        break;
      }
    }
    if (owed > 0 && firstStep >= 0 && !isStorm() && !catchingUp.get()) {
      int clickSteps = visibleSteps(firstStep, all.size(), WATCHED_BEHIND_EVENTS + 1 - owed);
      if (owed + clickSteps <= WATCHED_BEHIND_EVENTS) {
        // a learner watching a cascade: it plays on at its pace, the click's steps after it
        pendingClicks.add(new PendingClick(path, firstStep));
        applyEvents(List.of()); // its log line, now
        revision.set(revision.get() + 1); // its marker
        return;
      }
    }
    int upTo = firstStep < 0 ? all.size() : firstStep + 1;
    applyEvents(new ArrayList<>(all.subList(folded, upTo)));
    backlogWait = (long) (Pacer.BEAT_NANOS / pacer.speed());
    if (folded >= all.size()) {
      catchingUp.set(false);
      pacer.markSeen(session);
    }
  }

  /**
   * How many of the session's events {@code from} to {@code to} are visible, counting to {@code
   * max}.
   */
  private int visibleSteps(int from, int to, int max) {
    int n = 0;
    for (int i = from; i < to && n < max; i++) {
      if (session.isVisible(i)) {
        n++;
      }
    }
    return n;
  }

  /** A click queued behind a cascade: its path and the index of its first visible event. */
  private record PendingClick(String path, int firstStep) {}

  /** Clicks whose steps wait behind a cascade the picture still plays (in click order). */
  private final List<PendingClick> pendingClicks = new ArrayList<>();

  /**
   * The paths of the clicks the picture has not reached yet: each was queued behind a cascade still
   * playing (the box shows a marker until the clicked process is drawn dead). Usually empty; never
   * empty in a storm, where a click is drawn at once. A change bumps {@link #revisionProperty}.
   */
  public List<String> pendingClicks() {
    if (pendingClicks.isEmpty()) {
      return List.of(); // (the status bar asks every frame)
    }
    List<String> paths = new ArrayList<>(pendingClicks.size());
    for (PendingClick c : pendingClicks) {
      paths.add(c.path());
    }
    return paths;
  }

  /** {@code Process.exit(pid, :reason)} from outside the tree. */
  public boolean exit(String path, String reason) {
    if (session == null) {
      return false;
    }
    if (!forkIfBehind()) {
      return false;
    }
    Optional<Pid> pid = session.sim().pidAt(path);
    say("> Process.exit(" + pid.map(Pid::toString).orElse(path) + ", :" + reason + ")");
    if (!session.sim().exit(path, reason)) {
      say(word(LogText.of("", "log.noproc", path)));
      say(narration.noproc(path));
      return false;
    }
    runAhead();
    return true;
  }

  /**
   * {@code Process.exit(pid, reason)} with any term ({@code {:shutdown, :done}}); a transient child
   * that ends with {@code {:shutdown, _}} is not restarted.
   */
  public boolean exit(String path, Term reason) {
    if (session == null) {
      return false;
    }
    if (!forkIfBehind()) {
      return false;
    }
    return runOn(path, "Process.exit", reason, new Command.Exit(Command.Target.path(path), reason));
  }

  /**
   * A worker returns {@code {:stop, reason, state}}; on a supervisor it is {@code
   * Supervisor.stop(pid, reason)}: it stops its children, then exits with the reason.
   */
  public boolean stop(String path, Term reason) {
    if (session == null) {
      return false;
    }
    if (!forkIfBehind()) {
      return false;
    }
    boolean sup = session.sim().pidAt(path).map(session.sim()::isSupervisor).orElse(false);
    return runOn(
        path,
        sup ? "Supervisor.stop" : "GenServer.stop",
        reason,
        new Command.Stop(Command.Target.path(path), reason));
  }

  /**
   * Logs {@code > function(pid, reason)} as iex would write it, then runs {@code command}; a path
   * with no live process is logged as {@code noproc}, with its narration.
   */
  private boolean runOn(String path, String function, Term reason, Command command) {
    Optional<Pid> pid = session.sim().pidAt(path);
    say(
        "> "
            + function
            + "("
            + pid.map(Pid::toString).orElse(path)
            + ", "
            + TermSyntax.formatElixir(reason)
            + ")");
    if (!session.sim().run(command, r -> {})) {
      say(word(LogText.of("", "log.noproc", path)));
      say(narration.noproc(path));
      return false;
    }
    return true;
  }

  /** Makes the worker at {@code path} return {@code {:stop, reason, state}}. */
  public boolean stop(String path, String reason) {
    if (session == null) {
      return false;
    }
    if (!forkIfBehind()) {
      return false;
    }
    say("> GenServer.stop(" + path + ", :" + reason + ")");
    if (!session.sim().stop(path, reason)) {
      say(word(LogText.of("", "log.noproc", path)));
      say(narration.noproc(path));
      return false;
    }
    runAhead();
    return true;
  }

  /** Calls the supervisor at {@code path}; the reply goes to the log. */
  public boolean call(String path, SupervisorRequest request) {
    if (session == null) {
      return false;
    }
    if (!forkIfBehind()) {
      return false;
    }
    String echo = "> Supervisor." + describe(request) + " on " + path;
    say(echo);
    boolean found =
        session
            .sim()
            .call(
                path,
                request,
                r -> {
                  if (r instanceof Client.CallResult.Replied rep) {
                    say("= " + elixirPids(rep.value().format()));
                  } else if (r instanceof Client.CallResult.Failed f) {
                    say("= exit " + elixirPids(f.reason().format()));
                  }
                });
    if (!found) {
      say(word(LogText.of("", "log.noproc", path)));
      say(narration.noproc(path));
    } else {
      runAhead();
    }
    return found;
  }

  /**
   * In a storm, at most this many visible steps the picture may be behind the engine after a beat:
   * 8 beats, 2.8 s of animation at 1x (0.7 s at 4x, 11.2 s at 0.25x). Beyond it the picture merges
   * the older steps into one beat to catch up, and the status bar says so, so a storm of 100
   * kabooms a second (bench U1: about 300 visible steps a second, against the picture's 2.9) stays
   * live.
   */
  public static final int MAX_BEHIND_EVENTS = 8;

  /**
   * While a learner watches (no {@link #isStorm storm}), at most this many visible steps the
   * picture may be behind the engine: 30 beats, 10.5 s of animation at 1x. Long enough to play a
   * lesson step's Run in full (the strategies lesson's one_for_all step stops the lab supervisor,
   * starts it again and crashes the cache: 22 steps, the last 10 of them the one_for_all restart of
   * three workers: the death, the signal up the link, the decision, each sibling's shutdown and
   * exit, three starts) and a click's cascade of that size after its restart, so a click during a
   * cascade skips none of it; the learner sees the click acknowledged at once meanwhile. Counted in
   * beats, not seconds, so a learner who slows the pace to watch a cascade sees the same steps,
   * only slower. A command that sets off more (a one_for_all over 100 children, 300 steps) is
   * caught up with.
   */
  public static final int WATCHED_BEHIND_EVENTS = 30;

  /**
   * A storm: more than this many frames within {@link #STORM_WINDOW_NANOS} in which a command
   * reached the engine (a click, a console line, a kaboom from the bench). The picture shows a step
   * a beat (350 ms at 1x, 2.9 steps a second) and a kaboom is at least two steps (the death, the
   * restart), so it can show about 1.4 kabooms a second: two commands a second are a learner
   * clicking one node and then another while the first cascade plays, which the picture queues; a
   * third within the same second is more than the picture can show, and it answers at once instead
   * (bench U1 sends 100 a second). Commands in one frame count once (a lesson's Run sends its lines
   * together). Not scaled with the speed: at 0.25x two clicks a second would otherwise already be a
   * storm.
   */
  public static final int STORM_COMMANDS_PER_SECOND = 2;

  /** The window over which {@link #STORM_COMMANDS_PER_SECOND} is counted: one second of frames. */
  public static final long STORM_WINDOW_NANOS = 1_000_000_000L;

  /**
   * The frames {@link #frame} has had, and their deltas summed (ns): the time clicks are told by.
   */
  private long frames;

  private long frameClock;

  /** The frame clock of the last frames a command ran in, a ring (the oldest at {@code next}). */
  private final long[] commandFrames = new long[STORM_COMMANDS_PER_SECOND + 1];

  private int commandFramesNext;
  private long lastCommandFrame = -1;

  {
    java.util.Arrays.fill(commandFrames, Long.MIN_VALUE);
  }

  /** Notes that a command reached the engine in this frame (for {@link #isStorm}). */
  private void noteCommand() {
    if (frames != lastCommandFrame) {
      lastCommandFrame = frames;
      commandFrames[commandFramesNext] = frameClock;
      commandFramesNext = (commandFramesNext + 1) % commandFrames.length;
    }
  }

  /**
   * True while commands come faster than the picture can show them: more than {@link
   * #STORM_COMMANDS_PER_SECOND} frames with a command in the last {@link #STORM_WINDOW_NANOS} of
   * frames. Then a click is answered at once and the picture keeps within {@link
   * #MAX_BEHIND_EVENTS}; otherwise a click waits behind the cascade playing, and the picture may be
   * {@link #WATCHED_BEHIND_EVENTS} behind.
   */
  public boolean isStorm() {
    long oldest = commandFrames[commandFramesNext];
    return oldest != Long.MIN_VALUE && frameClock - oldest < STORM_WINDOW_NANOS;
  }

  /** How many visible steps the picture may be behind now (the status bar's "catching up"). */
  public int behindLimit() {
    return isStorm() ? MAX_BEHIND_EVENTS : WATCHED_BEHIND_EVENTS;
  }

  /**
   * The engine acts on a command at once, as iex does (the next click targets the process that is
   * at that path now): it runs the work the command set off until no process is ready (timers fire
   * as the clock reaches them). The picture follows at its pace ({@link #frame}).
   */
  private void runAhead() {
    noteCommand();
    var sch = session.scheduler();
    for (int i = 0; i < 1_000_000 && !sch.isQuiescent(); i++) {
      sch.runReady();
    }
  }

  /** True while the picture merges steps to catch up with the engine (the status bar says so). */
  public javafx.beans.property.ReadOnlyBooleanProperty catchingUpProperty() {
    return catchingUp.getReadOnlyProperty();
  }

  /** How many visible events the picture is behind the engine. */
  public int behindEvents() {
    if (session == null) {
      return 0;
    }
    int size = session.log().size();
    int n = 0;
    for (int i = folded; i < size; i++) {
      if (session.isVisible(i)) {
        n++;
      }
    }
    return n;
  }

  /** One beat of the picture following the engine: up to the next visible event, then a beat. */
  private void playBacklog(long deltaNanos) {
    backlogWait -= deltaNanos;
    if (backlogWait > 0) {
      return;
    }
    List<TraceEvent> all = session.log().all();
    List<Integer> visible = new ArrayList<>();
    for (int i = folded; i < all.size(); i++) {
      if (session.isVisible(i)) {
        visible.add(i);
      }
    }
    int next = 0; // which visible event is shown next
    int limit = behindLimit();
    if (visible.size() > limit) {
      // too far behind: the older steps are merged into one, so the picture stays live
      catchingUp.set(true);
      next = visible.size() - limit;
    } else {
      // within the lag again (a lesson's Run merged its first steps): the rest plays, and a
      // click queues behind it
      catchingUp.set(false);
    }
    // the last visible step takes the invisible ones after it along (reports, ...)
    int upTo = next >= visible.size() - 1 ? all.size() : visible.get(next) + 1;
    applyEvents(new ArrayList<>(all.subList(folded, upTo)));
    if (visible.size() - next <= 1) {
      catchingUp.set(false); // the picture has caught up with the last visible step
    }
    backlogWait = (long) (Pacer.BEAT_NANOS / pacer.speed());
    if (folded >= all.size()) {
      catchingUp.set(false);
      pacer.markSeen(session);
    }
  }

  /**
   * Pids in a formatted term written the Elixir way: {@code <0.105.0>} as {@code #PID<0.105.0>}.
   */
  static String elixirPids(String formatted) {
    return formatted.replaceAll("(?<!#PID)<0\\.(\\d+)\\.0>", "#PID<0.$1.0>");
  }

  /**
   * {@code Supervisor.start_child(sup, spec)}: starts {@code spec} under the supervisor at {@code
   * path}; once started it is drawn last among that supervisor's children.
   */
  public boolean startChild(String path, dev.kaboom.scenario.TreeNode spec) {
    if (session == null) {
      return false;
    }
    return call(
        path, new SupervisorRequest.StartChild(dev.kaboom.scenario.TreeBuilder.childSpec(spec)));
  }

  /** The spec of a child made up in the window: a plain worker, or an empty supervisor. */
  public static dev.kaboom.scenario.TreeNode newChildSpec(
      String id, boolean supervisor, dev.kaboom.engine.RestartType restart) {
    return dev.kaboom.scenario.TreeNode.builder(id, supervisor).restart(restart).build();
  }

  /**
   * Changes one supervisor flag (an editable inspector row: {@link InspectorRow#STRATEGY}, {@link
   * InspectorRow#INTENSITY}, {@link InspectorRow#PERIOD}) with {@code SetFlags}, keeping the
   * others. Does nothing when the value is already the supervisor's.
   */
  public boolean setFlag(String path, String key, Object value) {
    Optional<ProcessNodeModel> n = tree.get() == null ? Optional.empty() : tree.get().node(path);
    if (n.isEmpty() || !n.get().isSupervisor() || value == null) {
      return false;
    }
    ProcessNodeModel m = n.get();
    Strategy s = m.strategy();
    int intensity = m.intensity();
    int period = (int) Math.max(1, m.periodMillis() / 1000);
    switch (key) {
      case InspectorRow.STRATEGY ->
          s = value instanceof Strategy v ? v : Strategy.parse(value.toString()).orElse(s);
      case InspectorRow.INTENSITY -> intensity = ((Number) value).intValue();
      case InspectorRow.PERIOD -> period = ((Number) value).intValue();
      default -> {
        return false;
      }
    }
    if (s == m.strategy() && intensity == m.intensity() && period * 1000L == m.periodMillis()) {
      return false;
    }
    return setFlags(path, s, intensity, period);
  }

  /** Switches a supervisor's strategy and restart intensity at run time. */
  public boolean setFlags(String path, Strategy strategy, int intensity, int periodSeconds) {
    return call(
        path,
        new SupervisorRequest.SetFlags(
            new SupFlags(strategy, Math.max(0, intensity), Math.max(1, periodSeconds) * 1000L)));
  }

  static String describe(SupervisorRequest r) {
    if (r instanceof SupervisorRequest.WhichChildren) {
      return "which_children";
    } else if (r instanceof SupervisorRequest.CountChildren) {
      return "count_children";
    } else if (r instanceof SupervisorRequest.TerminateChild t) {
      return "terminate_child(" + t.id() + ")";
    } else if (r instanceof SupervisorRequest.RestartChild t) {
      return "restart_child(" + t.id() + ")";
    } else if (r instanceof SupervisorRequest.DeleteChild t) {
      return "delete_child(" + t.id() + ")";
    } else if (r instanceof SupervisorRequest.StartChild t) {
      return "start_child(" + t.spec().id() + ")";
    } else if (r instanceof SupervisorRequest.SetFlags f) {
      return "set_flags({"
          + f.flags().strategy()
          + ", "
          + f.flags().intensity()
          + ", "
          + f.flags().periodMillis() / 1000
          + "})";
    }
    return "get_flags";
  }

  // ---- the scenario's own steps ----

  /** How many of the scenario's steps are still to run at the playhead (the present when live). */
  public int scriptRemaining() {
    Scenario s = scenario.get();
    // (no steps: nothing to count; the window asks every frame, and a storm records thousands
    // of commands a minute)
    return s == null || s.steps().isEmpty()
        ? 0
        : Math.max(0, s.steps().size() - scriptPosition(s.steps().size()));
  }

  /**
   * How many of the scenario's steps the run had given at the playhead (the present when live): the
   * commands recorded as steps before it, so a seek, a fork or an undo moves it with the timeline.
   */
  public int scriptPosition() {
    return scriptPosition(Integer.MAX_VALUE);
  }

  /** {@link #scriptPosition()}, but at most {@code cap} (the count stops there). */
  private int scriptPosition(int cap) {
    if (session == null) {
      return 0;
    }
    long until = playhead.get() < 0 ? Long.MAX_VALUE : marks.get(playhead.get()).eventIndex() + 1L;
    int n = 0;
    for (dev.kaboom.scenario.Simulation.Recorded r : session.sim().recordedView()) {
      if (r.eventIndex() >= until) {
        break;
      }
      if (r.step() && ++n >= cap) {
        break;
      }
    }
    return n;
  }

  /** Runs the scenario file's next step (exit, stop, a child API call, a sleep). */
  public boolean runNextScriptStep() {
    Scenario s = scenario.get();
    if (s == null || scriptRemaining() == 0 || !forkIfBehind()) {
      return false;
    }
    dev.kaboom.scenario.Step step = s.steps().get(scriptPosition());
    int count = session.sim().recordedCount();
    runStep(step);
    session.sim().markStep(count);
    return true;
  }

  private void runStep(dev.kaboom.scenario.Step step) {
    if (step instanceof dev.kaboom.scenario.Step.Exit e) {
      exit(e.path(), e.reason());
    } else if (step instanceof dev.kaboom.scenario.Step.Stop st) {
      stop(st.path(), st.reason());
    } else if (step instanceof dev.kaboom.scenario.Step.WhichChildren w) {
      call(w.path(), new SupervisorRequest.WhichChildren());
    } else if (step instanceof dev.kaboom.scenario.Step.CountChildren c) {
      call(c.path(), new SupervisorRequest.CountChildren());
    } else if (step instanceof dev.kaboom.scenario.Step.TerminateChild t) {
      call(t.path(), new SupervisorRequest.TerminateChild(t.id()));
    } else if (step instanceof dev.kaboom.scenario.Step.RestartChild r) {
      call(r.path(), new SupervisorRequest.RestartChild(r.id()));
    } else if (step instanceof dev.kaboom.scenario.Step.DeleteChild d) {
      call(d.path(), new SupervisorRequest.DeleteChild(d.id()));
    } else if (step instanceof dev.kaboom.scenario.Step.StartChild sc) {
      startChild(sc.path(), sc.spec());
    } else if (step instanceof dev.kaboom.scenario.Step.Sleep sl) {
      say("> :timer.sleep(" + sl.millis() + ")");
      session.sim().sleep(sl.millis());
    }
  }

  // ---- inspector ----

  /** The inspector's rows for the node at {@code path} (bundle keys and values). */
  public List<InspectorRow> inspect(String path) {
    List<InspectorRow> rows = new ArrayList<>();
    if (path == null || tree.get() == null || session == null) {
      return rows;
    }
    Optional<ProcessNodeModel> found = tree.get().node(path);
    if (found.isEmpty()) {
      return rows;
    }
    ProcessNodeModel n = found.get();
    Optional<ProcessNodeModel> proc =
        n.pid().filter(p -> n.status() == NodeStatus.RUNNING).map(p -> n);
    rows.add(new InspectorRow("inspector.path", n.path()));
    rows.add(new InspectorRow("inspector.pid", n.pid().map(Pid::toString).orElse("-")));
    String name = n.registeredName().orElse(null);
    rows.add(new InspectorRow("inspector.registered", name == null ? "-" : name));
    rows.add(
        new InspectorRow(
            "inspector.status",
            n.status().pseudoClass()
                + (n.deleted() ? " (deleted)" : "")
                + (n.ignored() ? " (ignored)" : "")
                + (n.gaveUp() ? " (gave up)" : "")));
    rows.add(
        new InspectorRow(
            "inspector.kind",
            n.isSupervisor()
                ? (n.dynamic() ? "supervisor (DynamicSupervisor)" : "supervisor")
                : "worker"));
    rows.add(new InspectorRow("inspector.restart", n.spec().restart().otpName()));
    rows.add(new InspectorRow("inspector.shutdown", n.spec().shutdown().toString()));
    if (n.significant()) {
      rows.add(new InspectorRow("inspector.significant", "true"));
    }
    if (n.isSupervisor() && !n.autoShutdown().equals("never")) {
      rows.add(new InspectorRow("inspector.autoShutdown", n.autoShutdown()));
    }
    if (n.isSupervisor() && n.dynamic()) {
      InspectorRow.Limit limit =
          new InspectorRow.Limit(n.maxChildren(), n.dynamicChildCount(), n.full());
      rows.add(new InspectorRow(InspectorRow.MAX_CHILDREN, limit.toString(), limit, false));
    }
    if (n.isSupervisor()) {
      rows.add(new InspectorRow(InspectorRow.STRATEGY, n.strategy().otpName(), n.strategy(), true));
      rows.add(
          new InspectorRow(
              InspectorRow.INTENSITY, Integer.toString(n.intensity()), n.intensity(), true));
      int period = (int) Math.max(1, n.periodMillis() / 1000);
      rows.add(
          new InspectorRow(
              InspectorRow.PERIOD, ReportFormatter.seconds(n.periodMillis()), period, true));
      rows.add(
          new InspectorRow(
              "inspector.window", n.gaveUp() ? "-" : n.restartsInWindow() + " / " + n.intensity()));
    }
    rows.add(
        new InspectorRow(
            "inspector.trapExit", proc.map(p -> Boolean.toString(p.trapsExits())).orElse("-")));
    rows.add(new InspectorRow("inspector.links", proc.map(p -> pids(p.links())).orElse("-")));
    rows.add(new InspectorRow("inspector.monitors", proc.map(p -> pids(p.monitors())).orElse("-")));
    rows.add(
        new InspectorRow(
            "inspector.mailbox", proc.map(p -> Integer.toString(p.mailboxLength())).orElse("-")));
    rows.add(new InspectorRow("inspector.restarts", Integer.toString(n.restartCount())));
    rows.add(
        new InspectorRow("inspector.lastReason", n.lastReason().isEmpty() ? "-" : n.lastReason()));
    StringBuilder h = new StringBuilder();
    for (RestartRecord r : n.history()) {
      if (h.length() > 0) {
        h.append('\n');
      }
      h.append(ReportFormatter.time(r.timeMillis()))
          .append(r.oldPid() == null ? "-" : r.oldPid().toString())
          .append(" \u2192 ")
          .append(r.newPid().toString())
          .append(" (")
          .append(r.reason())
          .append(')');
      narration
          .whyStarted(r.newPid())
          .ifPresent(why -> h.append("\n    ").append(narration.render(why)));
    }
    rows.add(new InspectorRow("inspector.history", h.length() == 0 ? "-" : h.toString()));
    return rows;
  }

  private String pids(List<Pid> pids) {
    if (pids.isEmpty()) {
      return "[]";
    }
    return pids.stream()
        .map(p -> tree.get().pathOf(p).map(path -> p + " " + path).orElse(p.toString()))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
