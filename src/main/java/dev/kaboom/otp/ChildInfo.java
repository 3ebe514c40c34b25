package dev.kaboom.otp;

import dev.kaboom.engine.ChildType;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import java.util.Optional;

/** A snapshot of one child of a supervisor, for inspectors and consoles. */
public record ChildInfo(
    String id,
    Optional<Pid> pid,
    boolean restarting,
    RestartType restart,
    Shutdown shutdown,
    ChildType type) {}
