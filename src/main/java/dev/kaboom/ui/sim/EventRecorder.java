package dev.kaboom.ui.sim;

import dev.kaboom.engine.EventSink;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.run.EventStore;
import java.util.BitSet;

/**
 * What a session records of the engine's events: every event (its {@link EventStore}, compact), and
 * whether each is visible ({@link Visibility}, one bit per event). The window's session records
 * through it, and the bench's {@code T2_record_overhead} measures its cost on the engine: as an
 * event comes the engine's thread only hands it to the store (which encodes it on another thread);
 * visibility is folded when it is first asked for, of the events up to the one asked about (the
 * window asks of every event as the picture plays it), so the engine's run does not wait for it.
 */
public final class EventRecorder implements EventSink {
  private final EventStore log = new EventStore();
  private final Visibility visibility = new Visibility();

  /** Bit i: event i is visible. */
  private final BitSet visible = new BitSet();

  /** How many events {@link #visibility} has folded. */
  private int folded;

  @Override
  public void accept(TraceEvent e) {
    log.accept(e);
  }

  /** Folds visibility up to (not including) event {@code end}. */
  private void foldTo(int end) {
    while (folded < end) {
      if (visibility.apply(log.get(folded))) {
        visible.set(folded);
      }
      folded++;
    }
  }

  /** Every event so far. */
  public EventStore log() {
    return log;
  }

  /** Whether event {@code index} is worth a beat (a timeline mark). */
  public boolean isVisible(int index) {
    if (index >= folded) {
      foldTo(Math.min(index + 1, log.size()));
    }
    return visible.get(index);
  }

  /** The tree path {@code pid} was started at (also after it died), or null. */
  public String pathOf(dev.kaboom.engine.Pid pid) {
    foldTo(log.size());
    return visibility.pathOf(pid);
  }
}
