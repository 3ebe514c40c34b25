package dev.kaboom.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every event (for replay and time travel) and hands out the ones not yet drained (the UI
 * drains once per frame). Not thread-safe: touch it on the engine thread only.
 */
public final class EventLog implements EventSink {
  private final ArrayList<TraceEvent> events = new ArrayList<>();
  private int drained;

  @Override
  public void accept(TraceEvent event) {
    events.add(event);
  }

  /** All events recorded so far. */
  public List<TraceEvent> all() {
    return java.util.Collections.unmodifiableList(events);
  }

  public int size() {
    return events.size();
  }

  /** The events recorded since the last call. */
  public List<TraceEvent> drain() {
    List<TraceEvent> out = new ArrayList<>(events.subList(drained, events.size()));
    drained = events.size();
    return out;
  }
}
