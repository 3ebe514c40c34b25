package dev.kaboom.engine;

/** The type column of {@code which_children}. */
public enum ChildType {
  WORKER,
  SUPERVISOR;

  public Atom atom() {
    return this == WORKER ? Atom.WORKER : Atom.SUPERVISOR;
  }

  @Override
  public String toString() {
    return atom().name();
  }
}
