package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.explain.Narration;
import dev.kaboom.explain.Narrator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's narration: the {@link Narrator} fed with the events the window shows, each sentence
 * rendered in the window's language for the event log (as a line starting with {@code # }) and
 * queued as a caption. A log line keeps its {@link Narration}, so switching the language re-renders
 * it, and clicking it shows its explanation again.
 */
public final class NarrationFeed {
  /** The prefix of a narration line in the event log (the trace's comment mark). */
  public static final String PREFIX = "# ";

  static final int MAX_CAPTIONS = 200;

  private Narrator narrator = new Narrator();
  private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(Locale.ENGLISH);
  private ResourceBundle bundle = Narration.bundle(Locale.ENGLISH);
  private final Map<String, Narration> lines = new IdentityHashMap<>();
  private final ObservableList<Narration> captions = FXCollections.observableArrayList();

  /** By pid serial: 1 + the index of the event that started it, when it was narrated. */
  private int[] startedAt = new int[256];

  private boolean captioning = true;

  /** Events applied since the last reset: the index of the next event in the session's log. */
  private int applied;

  /** The first sentence each narrated event got, by its index in the session's event log. */
  private final dev.kaboom.explain.NarrationStore byEvent = new dev.kaboom.explain.NarrationStore();

  NarrationFeed() {
    locale.addListener((o, a, b) -> bundle = Narration.bundle(b == null ? Locale.ENGLISH : b));
  }

  /** The language of the sentences (the window's). */
  public ObjectProperty<Locale> localeProperty() {
    return locale;
  }

  /** Sentences for the caption strip, oldest first (the view takes them as they come). */
  public ObservableList<Narration> captions() {
    return captions;
  }

  /** Starts over (a new run): nothing is known about any process. */
  void reset() {
    narrator = new Narrator();
    lines.clear();
    java.util.Arrays.fill(startedAt, 0);
    byEvent.clear();
    applied = 0;
  }

  /** Whether new sentences also become captions (not while the tree first appears). */
  void setCaptioning(boolean on) {
    captioning = on;
  }

  /** The log lines for {@code e} (the sentences, rendered), in order; queues them as captions. */
  List<String> apply(TraceEvent e) {
    int index = applied++;
    List<Narration> said = narrator.apply(e);
    if (said.isEmpty()) {
      return List.of();
    }
    byEvent.add(index, said.get(0));
    if (e instanceof TraceEvent.Started s && s.pid().node() == 0 && s.pid().creation() == 0) {
      int serial = s.pid().serial();
      if (serial >= startedAt.length) {
        startedAt = java.util.Arrays.copyOf(startedAt, Math.max(serial + 1, startedAt.length * 2));
      }
      startedAt[serial] = index + 1;
    }
    String[] out = new String[said.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = line(said.get(i));
      if (captioning) {
        captions.add(said.get(i));
      }
    }
    if (captions.size() > MAX_CAPTIONS) {
      captions.remove(0, captions.size() - MAX_CAPTIONS);
    }
    return List.of(out);
  }

  /**
   * The first sentence said of event {@code eventIndex} of the session's log, or null (the sequence
   * chart's tooltips: it folds the events in order right after this feed, and the store keeps the
   * block being filled and the last one read decoded, so each is decoded once).
   */
  public Narration saidAt(int eventIndex) {
    if (eventIndex >= applied || eventIndex < 0) {
      return null;
    }
    return byEvent.at(eventIndex).orElse(null);
  }

  /** The log line of a step that found no live process. */
  String noproc(String path) {
    Narration n = Narrator.noproc(path);
    if (captioning) {
      captions.add(n);
    }
    return line(n);
  }

  private String line(Narration n) {
    String line = PREFIX + n.render(bundle);
    lines.put(line, n);
    return line;
  }

  /**
   * The sentence that explains the step of the events {@code from} (inclusive) to {@code to}
   * (exclusive), by their indices in the session's event log (a timeline mark and the events up to
   * the next one): the first sentence said in that range (a death's rule, a restart's, a signal's
   * effect on its receiver), else the last one said before it (a supervisor's plan is explained by
   * the decision that made it). Empty when nothing was said yet.
   */
  public java.util.Optional<Narration> explain(int from, int to) {
    return byEvent.explain(from, to);
  }

  /** The narration a log line shows (the very string the log holds), if it is one. */
  public java.util.Optional<Narration> narrationOf(String logLine) {
    return java.util.Optional.ofNullable(lines.get(logLine));
  }

  /** The sentence of {@code n} in the current language. */
  public String render(Narration n) {
    return n.render(bundle);
  }

  /** Why the process {@code pid} started (the rule of its restart), if it was narrated. */
  public java.util.Optional<Narration> whyStarted(Pid pid) {
    int serial = pid.serial();
    if (pid.node() != 0 || pid.creation() != 0 || serial < 0 || serial >= startedAt.length) {
      return java.util.Optional.empty();
    }
    int at = startedAt[serial];
    return at == 0 ? java.util.Optional.empty() : byEvent.at(at - 1);
  }

  /** Renders every narration line of {@code log} again in the current language. */
  void rerender(ObservableList<String> log) {
    for (int i = 0; i < log.size(); i++) {
      Narration n = lines.remove(log.get(i));
      if (n != null) {
        log.set(i, line(n));
      }
    }
  }

  /**
   * Starts over and takes {@code events} in silently (no captions, no lines): the narrator then
   * knows what it knew after them (a fork, an undo). The lines of {@code keptLog} that were
   * narrations stay explained.
   */
  void replay(List<TraceEvent> events, List<String> keptLog) {
    Map<String, Narration> old = new IdentityHashMap<>(lines);
    reset();
    boolean was = captioning;
    captioning = false;
    for (TraceEvent e : events) {
      apply(e);
    }
    captioning = was;
    lines.clear();
    for (String l : keptLog) {
      Narration n = old.get(l);
      if (n != null) {
        lines.put(l, n);
      }
    }
  }

  /** Forgets lines the log dropped. */
  void forget(List<String> dropped) {
    for (String s : dropped) {
      lines.remove(s);
    }
  }
}
