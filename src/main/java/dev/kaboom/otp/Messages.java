package dev.kaboom.otp;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Ref;
import dev.kaboom.engine.Term;

/** The gen protocol's messages: calls, replies, casts and the start acknowledgement. */
public final class Messages {
  private Messages() {}

  /** {@code gen_server:call}: {@code request} from {@code from}, answered with a {@link Reply}. */
  public record Call(Pid from, Ref ref, Object request) {}

  /** The answer to the {@link Call} with the same ref. */
  public record Reply(Ref ref, Term value) {}

  /** {@code gen_server:cast}. */
  public record Cast(Object request) {}

  /** {@code proc_lib:init_ack}: a started process tells its starter how its init went. */
  public record Ack(Pid pid, Term result) {}

  /**
   * {@code sys:terminate(Pid, Reason)}, as {@code GenServer.stop/2} and {@code Supervisor.stop/2}
   * send it: the process terminates with {@code reason} (a supervisor stops its children first).
   */
  public record SysTerminate(Term reason) {}
}
