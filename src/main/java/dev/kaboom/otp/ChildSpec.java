package dev.kaboom.otp;

import dev.kaboom.engine.Behavior;
import dev.kaboom.engine.ChildType;
import dev.kaboom.engine.RestartType;
import dev.kaboom.engine.Shutdown;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A child specification: its id, how to start it (a fresh {@link Behavior} per start), its restart
 * type, its shutdown and its type, and the name its process registers, if any (the {@code {local,
 * Name}} of its start function: the supervisor checks it before starting, as {@code gen:start}).
 */
public record ChildSpec(
    String id,
    Supplier<Behavior> start,
    RestartType restart,
    Shutdown shutdown,
    ChildType type,
    Optional<String> name,
    boolean significant) {

  /** A child that is not significant. */
  public ChildSpec(
      String id,
      Supplier<Behavior> start,
      RestartType restart,
      Shutdown shutdown,
      ChildType type,
      Optional<String> name) {
    this(id, start, restart, shutdown, type, name, false);
  }

  /**
   * The id as the atom OTP sees: a module name ({@code Servy.Sensor}) is the Elixir module atom
   * {@code 'Elixir.Servy.Sensor'}, any other id the atom of that name.
   */
  public dev.kaboom.engine.Atom idAtom() {
    return idAtom(id);
  }

  /** {@link #idAtom()} for any id. */
  public static dev.kaboom.engine.Atom idAtom(String id) {
    return Character.isUpperCase(id.charAt(0))
        ? dev.kaboom.engine.TermSyntax.moduleAtom(id)
        : dev.kaboom.engine.Atom.of(id);
  }

  public ChildSpec {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a child spec needs an id");
    }
    if (start == null || restart == null || shutdown == null || type == null) {
      throw new IllegalArgumentException("incomplete child spec " + id);
    }
    name = name == null ? Optional.empty() : name;
  }

  /** A child whose process registers no name. */
  public ChildSpec(
      String id, Supplier<Behavior> start, RestartType restart, Shutdown shutdown, ChildType type) {
    this(id, start, restart, shutdown, type, Optional.empty());
  }

  /** A permanent worker with OTP's defaults (shutdown 5000). */
  public static ChildSpec worker(String id, Supplier<Behavior> start) {
    return new ChildSpec(
        id, start, RestartType.PERMANENT, Shutdown.WORKER_DEFAULT, ChildType.WORKER);
  }

  /** A permanent supervisor child with OTP's defaults (shutdown infinity). */
  public static ChildSpec supervisor(String id, SupervisorSpec spec) {
    return new ChildSpec(
        id,
        () -> new SupervisorBehavior(spec),
        RestartType.PERMANENT,
        Shutdown.INFINITY,
        ChildType.SUPERVISOR);
  }

  public ChildSpec withRestart(RestartType r) {
    return new ChildSpec(id, start, r, shutdown, type, name, significant);
  }

  public ChildSpec withShutdown(Shutdown s) {
    return new ChildSpec(id, start, restart, s, type, name, significant);
  }
}
