package dev.kaboom.ui.view;

import dev.kaboom.engine.Strategy;
import dev.kaboom.ui.model.InspectorRow;
import dev.kaboom.ui.model.MainViewModel;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The inspector: a ControlsFX {@link PropertySheet} of the selected process (its items carry a
 * category: process, supervisor flags, restarts). Everything is read-only except a supervisor's
 * strategy, intensity and period, which apply {@code SetFlags} when changed. Items are built once
 * per selection; {@link #refresh} only updates their values, so an editor being used keeps its
 * focus.
 */
public final class InspectorSheet {
  private final MainViewModel vm;
  private final ResourceBundle bundle;
  private final PropertySheet sheet = new PropertySheet();
  private final Map<String, Row> rows = new HashMap<>();
  private String path;
  private String shape = "";

  public InspectorSheet(MainViewModel vm, ResourceBundle bundle) {
    this.vm = vm;
    this.bundle = bundle;
    sheet.setId("inspector-sheet");
    sheet.getStyleClass().add("inspector-sheet");
    // NAME mode: one grid in the view model's order (CATEGORY mode would fold all but one
    // category away in an accordion)
    sheet.setMode(PropertySheet.Mode.NAME);
    sheet.setModeSwitcherVisible(false);
    sheet.setSearchBoxVisible(false);
    sheet.setPropertyEditorFactory(this::editorFor);
  }

  public PropertySheet sheet() {
    return sheet;
  }

  /** The value shown for a row (its bundle key), for tests. */
  public Optional<Object> value(String key) {
    return Optional.ofNullable(rows.get(key)).map(r -> r.value.get());
  }

  /** Shows the process at {@code path} (null: nothing), or brings the shown one up to date. */
  public void show(String newPath) {
    List<InspectorRow> data = vm.inspect(newPath);
    // another process with the same rows keeps the sheet's items and editors, only their values
    // change: building the sheet again (its labels, editors and tooltips, each matched against the
    // whole stylesheet) cost a click during a storm 10-20 ms
    String newShape =
        (newPath == null ? "-" : "+")
            + data.stream().map(InspectorRow::key).reduce("", String::concat);
    path = newPath;
    if (!newShape.equals(shape)) {
      shape = newShape;
      rows.clear();
      List<PropertySheet.Item> items = new ArrayList<>();
      for (InspectorRow r : data) {
        Row row = new Row(r);
        rows.put(r.key(), row);
        items.add(row);
      }
      sheet.getItems().setAll(items);
      javafx.application.Platform.runLater(this::keepNamesWhole);
    } else {
      for (InspectorRow r : data) {
        Row row = rows.get(r.key());
        if (row != null) {
          row.update(r);
        }
      }
    }
  }

  /**
   * The rows' names are never cut ("Restart t..."): the sheet's name labels keep their whole width
   * and the values give way (they wrap or end in an ellipsis).
   */
  private void keepNamesWhole() {
    java.util.Set<String> names = new java.util.HashSet<>();
    rows.values().forEach(r -> names.add(r.getName()));
    for (javafx.scene.Node n : sheet.lookupAll(".label")) {
      if (n instanceof javafx.scene.control.Label l
          && !l.getStyleClass().contains("inspector-value")
          && names.contains(l.getText())) {
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      }
    }
  }

  /**
   * A DynamicSupervisor's {@code max_children} row in the window's language: the limit, how many
   * children it has, and when full what {@code start_child} answers.
   */
  static String limitText(ResourceBundle bundle, InspectorRow.Limit l) {
    return MessageFormat.format(
        bundle.getString(l.full() ? "value.maxChildrenFull" : "value.maxChildren"),
        l.max() < 0 ? ":infinity" : Integer.toString(l.max()),
        l.count());
  }

  /** Status and kind in the window's language (the rest are OTP terms, pids and reasons). */
  private String localized(String key, String value) {
    if (!key.equals("inspector.status") && !key.equals("inspector.kind")) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    String[] parts = value.split(" \\(");
    out.append(word(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].replace(")", "");
      out.append(' ')
          .append(
              p.equals("deleted")
                  ? bundle.getString("value.deleted")
                  : p.equals("gave up")
                      ? bundle.getString("value.gaveUp")
                      : p.equals("ignored") ? bundle.getString("value.ignored") : "(" + p + ")");
    }
    return out.toString();
  }

  private String word(String w) {
    return bundle.containsKey("value." + w) ? bundle.getString("value." + w) : w;
  }

  private static String category(String key) {
    if (key.equals(InspectorRow.STRATEGY)
        || key.equals(InspectorRow.INTENSITY)
        || key.equals(InspectorRow.PERIOD)
        || key.equals(InspectorRow.MAX_CHILDREN)
        || key.equals("inspector.window")) {
      return "inspector.cat.supervisor";
    }
    if (key.equals("inspector.restarts")
        || key.equals("inspector.lastReason")
        || key.equals("inspector.history")) {
      return "inspector.cat.restarts";
    }
    return "inspector.cat.process";
  }

  /** One row: its value follows the model; an edit goes to the engine as SetFlags. */
  private final class Row implements PropertySheet.Item {
    final String key;
    final boolean editable;
    final SimpleObjectProperty<Object> value = new SimpleObjectProperty<>();
    Object modelValue;

    Row(InspectorRow r) {
      this.key = r.key();
      this.editable = r.editable();
      this.modelValue = shown(r);
      value.set(modelValue);
    }

    private Object shown(InspectorRow r) {
      if (r.raw() instanceof InspectorRow.Limit l) {
        return limitText(bundle, l);
      }
      return editable ? r.raw() : localized(r.key(), r.value());
    }

    /** Follows the model only when the model's value changed, so a pending edit is not undone. */
    void update(InspectorRow r) {
      Object v = shown(r);
      if (!Objects.equals(v, modelValue)) {
        modelValue = v;
        value.set(v);
      }
    }

    @Override
    public Class<?> getType() {
      return editable ? modelValue.getClass() : String.class;
    }

    @Override
    public String getCategory() {
      return bundle.getString(category(key));
    }

    @Override
    public String getName() {
      return bundle.getString(key);
    }

    @Override
    public String getDescription() {
      // the tooltip: the whole name (the name column may cut it at big font sizes)
      return editable ? getName() + ": " + bundle.getString("inspector.editable") : getName();
    }

    @Override
    public Object getValue() {
      return value.get();
    }

    @Override
    public void setValue(Object v) {
      if (!editable || v == null || Objects.equals(v, value.get())) {
        return;
      }
      value.set(v);
      if (path != null) {
        vm.setFlag(path, key, v);
      }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
      return Optional.of(value);
    }

    /** Always "editable" for the sheet (it would grey a read-only editor out); see the factory. */
    @Override
    public boolean isEditable() {
      return true;
    }
  }

  private PropertyEditor<?> editorFor(PropertySheet.Item item) {
    Row row = (Row) item;
    if (!row.editable) {
      Label l = new Label();
      l.setWrapText(true);
      l.setMnemonicParsing(false);
      l.setId("inspector-" + row.key.substring("inspector.".length()));
      l.getStyleClass().add("inspector-value");
      return new AbstractPropertyEditor<Object, Label>(item, l, true) {
        @Override
        protected ObservableValue<Object> getObservableValue() {
          return row.value;
        }

        @Override
        public void setValue(Object v) {
          getEditor().setText(v == null ? "" : v.toString());
        }
      };
    }
    if (row.key.equals(InspectorRow.STRATEGY)) {
      ComboBox<Strategy> box = new ComboBox<>();
      box.getItems().setAll(Strategy.values());
      box.setId("inspector-strategy");
      box.setConverter(
          new StringConverter<>() {
            @Override
            public String toString(Strategy s) {
              return s == null ? "" : s.otpName();
            }

            @Override
            public Strategy fromString(String s) {
              return Strategy.parse(s).orElse(null);
            }
          });
      box.setMaxWidth(Double.MAX_VALUE);
      return new AbstractPropertyEditor<Strategy, ComboBox<Strategy>>(item, box) {
        @Override
        protected ObservableValue<Strategy> getObservableValue() {
          return getEditor().valueProperty();
        }

        @Override
        public void setValue(Strategy v) {
          getEditor().setValue(v);
        }
      };
    }
    int max = row.key.equals(InspectorRow.PERIOD) ? 3600 : 100;
    int min = row.key.equals(InspectorRow.PERIOD) ? 1 : 0;
    Spinner<Integer> spinner = new Spinner<>();
    SpinnerValueFactory.IntegerSpinnerValueFactory factory =
        new SpinnerValueFactory.IntegerSpinnerValueFactory(
            min, max, ((Number) row.modelValue).intValue());
    spinner.setValueFactory(factory);
    spinner.setEditable(true);
    String id = row.key.substring("inspector.".length());
    spinner.setId("inspector-" + id);
    spinner.setMaxWidth(Double.MAX_VALUE);
    // what is wrong with the typed text, next to the field; the old value stays
    Label problem = new Label();
    problem.setId("inspector-" + id + "-error");
    problem.getStyleClass().add("field-error");
    problem.setWrapText(true);
    problem.setMnemonicParsing(false);
    problem.setVisible(false);
    problem.managedProperty().bind(problem.visibleProperty());
    factory.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Integer v) {
            return v == null ? "" : v.toString();
          }

          @Override
          public Integer fromString(String text) {
            Integer v = parse(text, min, max);
            return v == null ? factory.getValue() : v; // bad text: keep the value (no exception)
          }
        });
    spinner
        .getEditor()
        .textProperty()
        .addListener(
            (o, a, text) -> {
              boolean bad = parse(text, min, max) == null;
              problem.setVisible(bad);
              spinner.pseudoClassStateChanged(ERROR, bad);
              if (bad) {
                problem.setText(
                    java.text.MessageFormat.format(
                        bundle.getString("inspector.error.number"),
                        text.isBlank() ? "\"\"" : text.strip(),
                        String.valueOf(min),
                        String.valueOf(max),
                        String.valueOf(factory.getValue())));
              }
            });
    spinner
        .focusedProperty()
        .addListener(
            (o, was, now) -> {
              if (!now) {
                // leaving the field: bad text goes back to the value it keeps
                if (parse(spinner.getEditor().getText(), min, max) == null) {
                  spinner.getEditor().setText(String.valueOf(factory.getValue()));
                }
              }
            });
    javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(2, spinner, problem);
    box.setMaxWidth(Double.MAX_VALUE);
    return new AbstractPropertyEditor<Integer, javafx.scene.layout.VBox>(item, box) {
      @Override
      protected ObservableValue<Integer> getObservableValue() {
        return spinner.valueProperty();
      }

      @Override
      public void setValue(Integer v) {
        factory.setValue(v);
      }
    };
  }

  private static final javafx.css.PseudoClass ERROR =
      javafx.css.PseudoClass.getPseudoClass("error");

  /** A whole number from {@code min} to {@code max}, or null. */
  static Integer parse(String text, int min, int max) {
    String t = text == null ? "" : text.strip();
    if (!t.matches("-?\\d{1,9}")) {
      return null;
    }
    int v = Integer.parseInt(t);
    return v < min || v > max ? null : v;
  }
}
