package dev.kaboom.ui.view;

import dev.kaboom.console.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The window's console: an iex on the same engine as the tree ({@link Console} over the session's
 * simulation). A typed line runs at Enter and what it does shows in the tree; ↑/↓ walk the history;
 * a click in the tree appears here as the iex line it equals ({@link #echo}).
 */
public final class ConsolePane {
  private final VBox box = new VBox();
  private final TextArea output = new TextArea();
  private final Label prompt = new Label();
  private final TextField input = new TextField();
  private final List<String> history = new ArrayList<>();
  private int historyAt;
  private Console console;
  private final List<LineListener> lineListeners = new ArrayList<>();

  /** Hears every line the pane ran: the line, what the console printed, whether it raised. */
  public interface LineListener {
    void ran(String line, String output, boolean raised);
  }

  /** Also tells {@code l} of every line run here (a lesson's checks). */
  public void onLine(LineListener l) {
    lineListeners.add(l);
  }

  /** The console on the current session's engine (null before a session). */
  public Console console() {
    return console;
  }

  public ConsolePane(ResourceBundle bundle) {
    Label title = new Label(bundle.getString("console.title"));
    title.setStyle("-fx-padding: 2 6 2 6; -fx-font-weight: bold;");
    output.setEditable(false);
    output.setWrapText(false);
    output.setId("consoleOutput");
    output.getStyleClass().add("console-output");
    output.setStyle("-fx-font-family: monospace;");
    input.setId("consoleInput");
    input.setPromptText(bundle.getString("console.hint"));
    input.setStyle("-fx-font-family: monospace;");
    prompt.setStyle("-fx-font-family: monospace; -fx-padding: 4 2 0 6;");
    HBox line = new HBox(prompt, input);
    HBox.setHgrow(input, Priority.ALWAYS);
    VBox.setVgrow(output, Priority.ALWAYS);
    box.getChildren().addAll(title, output, line);
    input.setOnAction(e -> run(input.getText()));
    // Tab completes modules and functions (before focus traversal takes the key)
    input.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.TAB && !e.isShiftDown() && !e.isControlDown()) {
            complete();
            e.consume();
          }
        });
    input.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.UP && historyAt > 0) {
            input.setText(history.get(--historyAt));
            input.end();
            e.consume();
          } else if (e.getCode() == KeyCode.DOWN && historyAt < history.size()) {
            historyAt++;
            input.setText(historyAt == history.size() ? "" : history.get(historyAt));
            input.end();
            e.consume();
          }
        });
  }

  public Node node() {
    return box;
  }

  private final List<java.util.function.Consumer<Console>> attachListeners = new ArrayList<>();

  /** Also tells {@code l} of every new console attached here (a new session: open, reset). */
  public void onAttach(java.util.function.Consumer<Console> l) {
    attachListeners.add(l);
  }

  /** How many characters of the console's transcript the output shows. */
  private int shown;

  private java.util.function.Function<String, java.util.Optional<String>> runner =
      line -> java.util.Optional.empty();
  private java.util.function.BiConsumer<String, String> echoer = (line, answer) -> {};

  /**
   * Who runs a typed line (the view model: a recorded console command, which may fork the run first
   * and so attach another console): returns what the console printed, or empty when nothing ran (a
   * declined fork; the line then stays in the input).
   */
  public void setRunner(java.util.function.Function<String, java.util.Optional<String>> runner) {
    this.runner = runner;
  }

  /** Who records a click's echo ({@link #echo}). */
  public void setEchoer(java.util.function.BiConsumer<String, String> echoer) {
    this.echoer = echoer;
  }

  /**
   * Shows {@code c}, the console of the run's engine (a new session: open, fork, undo; or the same
   * one again in a rebuilt view): its transcript, history and prompt belong to it, so they are the
   * replayed run's. Null while the run has no shell yet: the banner and a first prompt.
   */
  public void attach(Console c) {
    this.console = c;
    output.setText(c == null ? Console.BANNER + "\n" : c.transcript());
    shown = c == null ? 0 : c.transcriptLength();
    output.positionCaret(output.getLength());
    prompt.setText(c == null ? "iex(1)> " : c.prompt());
    history.clear();
    if (c != null) {
      history.addAll(c.history());
    }
    historyAt = history.size();
    if (c != null) {
      attachListeners.forEach(l -> l.accept(c));
    }
  }

  private java.util.function.IntUnaryOperator shownLength = length -> length;

  /**
   * How much of the console's transcript the pane may show, given its length: the window's view
   * model holds a line's answer back until the tree has shown what the line set off.
   */
  public void setShownLength(java.util.function.IntUnaryOperator shownLength) {
    this.shownLength = shownLength;
  }

  /** Shows what the picture has caught up with (the window calls it every frame). */
  public void catchUp() {
    if (console != null && shown < console.transcriptLength()) {
      sync();
    }
  }

  /** What the console showed since the output last caught up with it, appended. */
  private void sync() {
    if (console == null) {
      return;
    }
    int upTo = Math.max(shown, shownLength.applyAsInt(console.transcriptLength()));
    String more = console.transcriptFrom(shown);
    output.appendText(more.substring(0, Math.min(more.length(), upTo - shown)));
    shown = upTo;
    prompt.setText(console.prompt());
    history.clear();
    history.addAll(console.history());
    historyAt = history.size();
  }

  /** Runs {@code line} as if typed. */
  public void run(String line) {
    java.util.Optional<String> answer = runner.apply(line);
    if (answer.isEmpty()) {
      return;
    }
    sync();
    input.clear();
    for (LineListener l : List.copyOf(lineListeners)) {
      l.ran(line, answer.get(), console != null && console.lastRaised());
    }
  }

  /**
   * Tab: the word before the caret completed as far as the candidates agree; when they part, the
   * candidates are listed above the prompt, as iex lists them.
   */
  public void complete() {
    if (console == null) {
      return;
    }
    int caret = input.getCaretPosition();
    String before = input.getText().substring(0, caret);
    List<String> found = console.completions(before);
    if (found.isEmpty()) {
      return;
    }
    String word = Console.wordAtEnd(before);
    String common = found.get(0);
    for (String f : found) {
      int n = 0;
      while (n < common.length() && n < f.length() && common.charAt(n) == f.charAt(n)) {
        n++;
      }
      common = common.substring(0, n);
    }
    if (common.length() > word.length()) {
      input.replaceText(caret - word.length(), caret, common);
    } else if (found.size() > 1) {
      output.appendText(String.join("  ", found) + "\n"); // not the run's: a rebuilt view drops it
    }
  }

  /** Shows a line done another way (a click in the tree) as the iex line it equals. */
  public void echo(String line, String answer) {
    echoer.accept(line, answer);
    sync();
  }

  public String text() {
    return output.getText();
  }
}
