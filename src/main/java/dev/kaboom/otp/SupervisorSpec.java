package dev.kaboom.otp;

import java.util.List;

/** What a supervisor's {@code init/1} returns: its flags and its child specs in start order. */
public record SupervisorSpec(SupFlags flags, List<ChildSpec> children) {
  public SupervisorSpec {
    children = List.copyOf(children);
  }
}
