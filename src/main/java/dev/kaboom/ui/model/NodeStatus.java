package dev.kaboom.ui.model;

/** What a node of the drawn tree looks like now; each is a CSS pseudo-class of the same name. */
public enum NodeStatus {
  RUNNING("running"),
  CRASHED("crashed"),
  RESTARTING("restarting"),
  STOPPED("stopped");

  private final String pseudoClass;

  NodeStatus(String pseudoClass) {
    this.pseudoClass = pseudoClass;
  }

  public String pseudoClass() {
    return pseudoClass;
  }
}
