package dev.kaboom.engine;

/** The message {@code {'DOWN', Ref, process, Pid, Reason}} a monitor delivers. */
public record Down(Ref ref, Pid pid, Term reason) {}
