package dev.kaboom.ui.model;

/**
 * One line of the inspector: a bundle key for its name, its value as text, the value itself (a
 * {@link dev.kaboom.engine.Strategy} or an Integer for the supervisor flags, else the text), and
 * whether it can be changed at run time (a supervisor's strategy, intensity and period).
 */
public record InspectorRow(String key, String value, Object raw, boolean editable) {
  public InspectorRow(String key, String value) {
    this(key, value, value, false);
  }

  /** The supervisor flags: the rows that apply {@code SetFlags} when edited. */
  public static final String STRATEGY = "inspector.strategy";

  public static final String INTENSITY = "inspector.intensity";
  public static final String PERIOD = "inspector.period";

  /** A DynamicSupervisor's {@code max_children}: its value is a {@link Limit}. */
  public static final String MAX_CHILDREN = "inspector.maxChildren";

  /**
   * A DynamicSupervisor's {@code max_children} ({@code -1}: {@code :infinity}), how many children
   * it has now, and whether that is the limit ({@code start_child} answers {@code {:error,
   * :max_children}}). {@link #toString()}: {@code "2 (1 running)"}, {@code "2 (2 running) (full)"},
   * {@code ":infinity (3 running)"} (the window says it in its language).
   */
  public record Limit(int max, int count, boolean full) {
    @Override
    public String toString() {
      return (max < 0 ? ":infinity" : Integer.toString(max))
          + " ("
          + count
          + " running)"
          + (full ? " (full)" : "");
    }
  }
}
