package dev.kaboom.otp;

/** The calls a supervisor answers: OTP's child API, plus run-time flag changes (Kaboom's own). */
public sealed interface SupervisorRequest {
  record WhichChildren() implements SupervisorRequest {}

  record CountChildren() implements SupervisorRequest {}

  record TerminateChild(String id) implements SupervisorRequest {}

  record RestartChild(String id) implements SupervisorRequest {}

  record DeleteChild(String id) implements SupervisorRequest {}

  record StartChild(ChildSpec spec) implements SupervisorRequest {}

  /** Replace the strategy and intensity at run time (what a teacher flips between two kabooms). */
  record SetFlags(SupFlags flags) implements SupervisorRequest {}

  /** {@code {Strategy, Intensity, PeriodSeconds}}. */
  record GetFlags() implements SupervisorRequest {}
}
