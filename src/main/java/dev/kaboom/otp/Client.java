package dev.kaboom.otp;

import dev.kaboom.engine.Behavior;
import dev.kaboom.engine.Down;
import dev.kaboom.engine.Node;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.Ref;
import dev.kaboom.engine.Term;
import java.util.HashMap;
import java.util.function.Consumer;

/**
 * A process outside the tree that code outside the engine speaks through: a scenario driver, a
 * console shell, the window. It starts trees, makes calls and sends exit signals, all as messages
 * and signals through the scheduler.
 */
public final class Client {
  /**
   * How a call ended: with a reply, or with the server gone ({@code noproc}, or its exit reason).
   */
  public sealed interface CallResult {
    record Replied(Term value) implements CallResult {}

    record Failed(Term reason) implements CallResult {}
  }

  private final Node node;
  private final Pid pid;
  private final HashMap<Ref, Pending> pending = new HashMap<>();
  private Consumer<Object> other = m -> {};

  private record Pending(Ref monitor, Consumer<CallResult> onResult) {}

  public Client(Node node, String label, boolean trapExit) {
    this.node = node;
    this.pid = node.spawnExternal(label, trapExit, this::onMessage);
  }

  public Pid pid() {
    return pid;
  }

  public Node node() {
    return node;
  }

  /** Where messages other than call replies go ({@code 'EXIT'}s, acks, ...). */
  public void onOtherMessage(Consumer<Object> handler) {
    this.other = handler;
  }

  private Proc proc() {
    return node.process(pid).orElseThrow(() -> new IllegalStateException("client is gone"));
  }

  /** Spawns {@code behavior} linked to this client (a {@code start_link}); returns at once. */
  public Pid startLink(Behavior behavior, String label) {
    return proc().spawnLink(behavior, label);
  }

  /** {@code gen_server:call(Server, Request)}; {@code onResult} runs on the engine thread. */
  public void call(Pid server, Object request, Consumer<CallResult> onResult) {
    Proc me = proc();
    Ref mon = me.monitor(server);
    Ref tag = mon;
    pending.put(tag, new Pending(mon, onResult));
    me.send(server, new Messages.Call(pid, tag, request));
  }

  /** {@code gen_server:cast(Server, Request)}. */
  public void cast(Pid server, Object request) {
    proc().send(server, new Messages.Cast(request));
  }

  /** {@code exit(Target, Reason)} sent by this client. */
  public void exit(Pid target, Term reason) {
    proc().exit(target, reason);
  }

  public void send(Pid target, Object message) {
    proc().send(target, message);
  }

  private void onMessage(Object message) {
    if (message instanceof Messages.Reply r) {
      Pending p = pending.remove(r.ref());
      if (p != null) {
        proc().demonitor(p.monitor());
        p.onResult().accept(new CallResult.Replied(r.value()));
        return;
      }
    } else if (message instanceof Down d) {
      Pending p = pending.remove(d.ref());
      if (p != null) {
        p.onResult().accept(new CallResult.Failed(d.reason()));
        return;
      }
    }
    other.accept(message);
  }
}
