package dev.kaboom.scenario;

import dev.kaboom.engine.Behavior;
import dev.kaboom.engine.ChildType;
import dev.kaboom.otp.Builtins;
import dev.kaboom.otp.ChildSpec;
import dev.kaboom.otp.GenServerBehavior;
import dev.kaboom.otp.SimpleWorker;
import dev.kaboom.otp.SupFlags;
import dev.kaboom.otp.SupervisorBehavior;
import dev.kaboom.otp.SupervisorSpec;
import java.util.ArrayList;
import java.util.List;

/** Turns scenario tree nodes into OTP child specs and behaviours. */
public final class TreeBuilder {
  private TreeBuilder() {}

  public static SupFlags flags(TreeNode n) {
    return new SupFlags(
        n.strategy(), n.intensity(), n.periodSeconds() * 1000L, n.options().autoShutdown());
  }

  public static SupervisorSpec supervisorSpec(TreeNode n) {
    List<ChildSpec> specs = new ArrayList<>(n.children().size());
    for (TreeNode c : n.children()) {
      specs.add(childSpec(c));
    }
    return new SupervisorSpec(flags(n), specs);
  }

  public static ChildSpec childSpec(TreeNode n) {
    return new ChildSpec(
        n.id(),
        new StartTree(n),
        n.restart(),
        n.shutdown(),
        n.supervisor() ? ChildType.SUPERVISOR : ChildType.WORKER,
        n.name(),
        n.options().significant());
  }

  /**
   * How a child spec made from a tree node starts (its {@code {M, F, A}}): data, not a closure, so
   * specs compare by value and a {@code start_child} can be recorded and replayed.
   */
  public record StartTree(TreeNode node) implements java.util.function.Supplier<Behavior> {
    @Override
    public Behavior get() {
      return behavior(node);
    }
  }

  /** A fresh behaviour for one start of {@code n}. */
  public static Behavior behavior(TreeNode n) {
    return behavior(n, n.builtin().map(b -> b.arg().orElse(0)).orElse(0L));
  }

  /**
   * A fresh behaviour for one start of {@code n} with {@code arg} as its start argument (the
   * console's {@code Servy.SensorServer.start_link(30)}); it prints the node's {@code prints} line.
   */
  public static Behavior behavior(TreeNode n, long arg) {
    String line =
        n.builtin()
            .flatMap(TreeNode.Builtin::prints)
            .map(p -> p.replace("{arg}", Long.toString(arg)))
            .orElse(null);
    TreeNode.Options o = n.options();
    if (n.supervisor() && o.dynamic()) {
      return new dev.kaboom.otp.DynamicSupervisorBehavior(
          n.intensity(), n.periodSeconds() * 1000L, o.maxChildren(), n.name());
    }
    if (n.supervisor()) {
      return new SupervisorBehavior(supervisorSpec(n), n.name()).printingOnStart(line);
    }
    if (n.builtin().isPresent()) {
      Behavior b =
          Builtins.worker(
              n.builtin().get().behavior(), n.name(), arg, n.trapExit(), n.stopMillis());
      return ((GenServerBehavior<?>) b).printingOnStart(line);
    }
    SimpleWorker.Plan plan =
        new SimpleWorker.Plan(o.init(), o.exitAfterMillis(), o.exitAfterReason());
    SimpleWorker module = new SimpleWorker(n.trapExit(), n.stopMillis(), plan);
    // most workers are plain: they share one module (a record, immutable)
    return new GenServerBehavior<>(
        module.equals(SimpleWorker.PLAIN) ? SimpleWorker.PLAIN : module, n.name());
  }
}
