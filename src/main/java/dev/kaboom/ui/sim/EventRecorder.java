package dev.kaboom.ui.sim;

import dev.kaboom.engine.EventSink;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.run.EventStore;
import java.util.BitSet;

/**
 * What a session records of the engine's events, as they come: every event (its {@link EventStore},
 * compact), and whether each is visible ({@link Visibility}, one bit per event). The window's
 * session records through it, and the bench's {@code T2_record_overhead} measures its cost on the
 * engine.
 */
public final class EventRecorder implements EventSink {
  private final EventStore log = new EventStore();
  private final Visibility visibility = new Visibility();

  /** Bit i: event i is visible. */
  private final BitSet visible = new BitSet();

  @Override
  public void accept(TraceEvent e) {
    if (visibility.apply(e)) {
      visible.set(log.size());
    }
    log.accept(e);
  }

  /** Every event so far. */
  public EventStore log() {
    return log;
  }

  /** Whether event {@code index} is worth a beat (a timeline mark). */
  public boolean isVisible(int index) {
    return visible.get(index);
  }

  /** The tree path {@code pid} was started at (also after it died), or null. */
  public String pathOf(dev.kaboom.engine.Pid pid) {
    return visibility.pathOf(pid);
  }
}
