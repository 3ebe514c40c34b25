package dev.kaboom.scenario;

import dev.kaboom.engine.Behavior;
import dev.kaboom.otp.ChildSpec;
import dev.kaboom.otp.ChildType;
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
    return new SupFlags(n.strategy(), n.intensity(), n.periodSeconds() * 1000L);
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
        n.name());
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
    if (n.supervisor()) {
      return new SupervisorBehavior(supervisorSpec(n), n.name());
    }
    return new GenServerBehavior<>(new SimpleWorker(n.trapExit(), n.stopMillis()), n.name());
  }
}
