package dev.kaboom.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** A test process: optionally traps exits, records every message it handles, may react to them. */
final class Recorder implements Behavior {
  final boolean trapExit;
  final List<Object> messages = new ArrayList<>();
  BiConsumer<Proc, Object> onMessage = (self, m) -> {};
  boolean initRan;

  Recorder(boolean trapExit) {
    this.trapExit = trapExit;
  }

  static Recorder plain() {
    return new Recorder(false);
  }

  static Recorder trapping() {
    return new Recorder(true);
  }

  @Override
  public void init(Proc self) {
    initRan = true;
    if (trapExit) {
      self.trapExit(true);
    }
  }

  @Override
  public void handle(Proc self, Object message) {
    messages.add(message);
    onMessage.accept(self, message);
  }
}
