package dev.kaboom.scenario;

import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import dev.kaboom.engine.Strategy;
import dev.kaboom.engine.Term;
import dev.kaboom.otp.AutoShutdown;
import dev.kaboom.otp.InitOutcome;
import java.util.List;
import java.util.Optional;

/**
 * One node of a scenario's tree: a supervisor (it has a strategy or children) or a worker. All
 * defaults are already applied. {@code name} is the name its process registers (Kaboom's extension
 * of the format, like {@code name: __MODULE__} in Elixir). {@code builtin} names the built-in code
 * a worker runs ({@link Builtin}; none: a plain worker that does nothing).
 */
public record TreeNode(
    String id,
    boolean supervisor,
    RestartType restart,
    Shutdown shutdown,
    Strategy strategy,
    int intensity,
    int periodSeconds,
    List<TreeNode> children,
    boolean trapExit,
    long stopMillis,
    Optional<String> name,
    Optional<Builtin> builtin,
    Options options) {

  /**
   * Code a node runs instead of the plain worker (or, for a supervisor, what it prints): a built-in
   * behaviour named in the file ({@code "behavior": "pledge_server"}), the line its start prints
   * ({@code "prints"}, {@code {arg}} standing for the argument) and the argument its {@code
   * start_link} takes ({@code "arg"}; absent: {@code start_link/0}).
   */
  public record Builtin(String behavior, Optional<String> prints, java.util.OptionalLong arg) {}

  /**
   * What SPEC section 5 adds to a node: a worker's {@code init} outcomes per start and its {@code
   * exit_after}; a child's {@code significant}; a supervisor's {@code auto_shutdown}; a dynamic
   * supervisor ({@code DynamicSupervisor}) and its {@code max_children} (-1: infinity).
   */
  public record Options(
      List<InitOutcome> init,
      long exitAfterMillis,
      Term exitAfterReason,
      boolean significant,
      AutoShutdown autoShutdown,
      boolean dynamic,
      int maxChildren) {
    public static final Options DEFAULT =
        new Options(List.of(InitOutcome.OK), -1, null, false, AutoShutdown.NEVER, false, -1);

    public Options {
      init = init == null || init.isEmpty() ? List.of(InitOutcome.OK) : List.copyOf(init);
      autoShutdown = autoShutdown == null ? AutoShutdown.NEVER : autoShutdown;
    }
  }

  public TreeNode {
    children = List.copyOf(children);
    name = name == null ? Optional.empty() : name;
    builtin = builtin == null ? Optional.empty() : builtin;
    options = options == null ? Options.DEFAULT : options;
  }

  /** A permanent worker with OTP's defaults (shutdown 5000 ms, no trap_exit, no name). */
  public static TreeNode worker(String id) {
    return new TreeNode(
        id,
        false,
        RestartType.PERMANENT,
        Shutdown.WORKER_DEFAULT,
        Strategy.ONE_FOR_ONE,
        3,
        5,
        List.of(),
        false,
        0,
        Optional.empty(),
        Optional.empty(),
        Options.DEFAULT);
  }

  /** A permanent supervisor with OTP's defaults (3 restarts in 5 s, shutdown infinity). */
  public static TreeNode supervisor(String id, Strategy strategy, List<TreeNode> children) {
    return worker(id).toBuilder()
        .supervisor(true)
        .shutdown(Shutdown.INFINITY)
        .strategy(strategy)
        .children(children)
        .build();
  }

  /**
   * A builder for a worker ({@code supervisor} false) or a one_for_one supervisor with no children,
   * with OTP's defaults: set what differs, then {@link Builder#build()}.
   */
  public static Builder builder(String id, boolean supervisor) {
    return (supervisor ? supervisor(id, Strategy.ONE_FOR_ONE, List.of()) : worker(id)).toBuilder();
  }

  public TreeNode withChildren(List<TreeNode> newChildren) {
    return toBuilder().children(newChildren).build();
  }

  public TreeNode withStrategy(Strategy s) {
    return toBuilder().strategy(s).build();
  }

  public TreeNode withIntensity(int newIntensity, int newPeriodSeconds) {
    return toBuilder().intensity(newIntensity, newPeriodSeconds).build();
  }

  /** A builder that starts as this node: set what differs, then {@link Builder#build()}. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Builds a node from another ({@link #toBuilder()}, {@code TreeNode.worker(id).toBuilder()}):
   * each setter changes one field and returns the builder.
   */
  public static final class Builder {
    private final String id;
    private boolean supervisor;
    private RestartType restart;
    private Shutdown shutdown;
    private Strategy strategy;
    private int intensity;
    private int periodSeconds;
    private List<TreeNode> children;
    private boolean trapExit;
    private long stopMillis;
    private Optional<String> name;
    private Optional<Builtin> builtin;
    private Options options;

    private Builder(TreeNode n) {
      id = n.id;
      supervisor = n.supervisor;
      restart = n.restart;
      shutdown = n.shutdown;
      strategy = n.strategy;
      intensity = n.intensity;
      periodSeconds = n.periodSeconds;
      children = n.children;
      trapExit = n.trapExit;
      stopMillis = n.stopMillis;
      name = n.name;
      builtin = n.builtin;
      options = n.options;
    }

    /** A supervisor (true) or a worker. */
    public Builder supervisor(boolean isSupervisor) {
      supervisor = isSupervisor;
      return this;
    }

    public Builder restart(RestartType r) {
      restart = r;
      return this;
    }

    public Builder shutdown(Shutdown s) {
      shutdown = s;
      return this;
    }

    public Builder strategy(Strategy s) {
      strategy = s;
      return this;
    }

    /** {@code intensity} restarts within {@code periodSeconds}. */
    public Builder intensity(int max, int seconds) {
      intensity = max;
      periodSeconds = seconds;
      return this;
    }

    public Builder children(List<TreeNode> c) {
      children = c;
      return this;
    }

    /** Traps exits; a trapping worker takes {@code millis} to stop when asked to. */
    public Builder trapExit(boolean trap, long millis) {
      trapExit = trap;
      stopMillis = millis;
      return this;
    }

    /** The name its process registers. */
    public Builder name(String registered) {
      name = Optional.ofNullable(registered);
      return this;
    }

    /** The name its process registers, if any. */
    public Builder name(Optional<String> registered) {
      name = registered;
      return this;
    }

    /** The built-in code it runs, if any. */
    public Builder builtin(Optional<Builtin> code) {
      builtin = code;
      return this;
    }

    public Builder options(Options o) {
      options = o;
      return this;
    }

    /** What its {@code init} returns at each start (the last one from then on). */
    public Builder init(InitOutcome... outcomes) {
      options =
          new Options(
              List.of(outcomes),
              options.exitAfterMillis(),
              options.exitAfterReason(),
              options.significant(),
              options.autoShutdown(),
              options.dynamic(),
              options.maxChildren());
      return this;
    }

    public TreeNode build() {
      return new TreeNode(
          id,
          supervisor,
          restart,
          shutdown,
          strategy,
          intensity,
          periodSeconds,
          children,
          trapExit,
          stopMillis,
          name,
          builtin,
          options);
    }
  }

  /** Number of nodes in this subtree, this one included. */
  public int size() {
    int n = 1;
    for (TreeNode c : children) {
      n += c.size();
    }
    return n;
  }
}
