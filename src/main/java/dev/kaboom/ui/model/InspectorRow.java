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
}
