package dev.kaboom.engine;

/** Receives the engine's trace events, on the engine thread, in order. */
@FunctionalInterface
public interface EventSink {
  EventSink NONE = event -> {};

  void accept(TraceEvent event);
}
