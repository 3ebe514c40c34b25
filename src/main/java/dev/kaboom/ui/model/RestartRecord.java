package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;

/** One restart of a node: when (virtual ms), the pid it had, the pid it got, and why it ended. */
public record RestartRecord(long timeMillis, Pid oldPid, Pid newPid, String reason) {}
