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

  /** A console and what it printed so far: kept with the run, shown by whichever pane is up. */
  public static final class Transcript {
    private final Console console;
    private final StringBuilder text = new StringBuilder(Console.BANNER + "\n");
    private final List<String> history = new ArrayList<>();

    public Transcript(Console console) {
      this.console = console;
    }
  }

  private Transcript transcript;

  /** A console (a new session: open, reset; or this run's again in a rebuilt view). */
  public void attach(Transcript t) {
    this.transcript = t;
    this.console = t.console;
    history.clear();
    history.addAll(t.history);
    historyAt = history.size();
    attachListeners.forEach(l -> l.accept(t.console));
    output.setText(t.text.toString());
    output.positionCaret(output.getLength());
    prompt.setText(console.prompt());
  }

  private void append(String s) {
    transcript.text.append(s);
    output.appendText(s);
  }

  /** Runs {@code line} as if typed. */
  public void run(String line) {
    if (console == null) {
      return;
    }
    if (!line.isBlank()) {
      history.add(line);
      transcript.history.add(line);
    }
    historyAt = history.size();
    String shown = console.prompt() + line + "\n";
    String answer = console.eval(line);
    append(shown + answer);
    input.clear();
    prompt.setText(console.prompt());
    for (LineListener l : List.copyOf(lineListeners)) {
      l.ran(line, answer, console.lastRaised());
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
      append(String.join("  ", found) + "\n");
    }
  }

  /** Shows a line done another way (a click in the tree) as the iex line it equals. */
  public void echo(String line, String answer) {
    if (console != null) {
      append(console.echo(line, answer));
      prompt.setText(console.prompt());
    }
  }

  public String text() {
    return output.getText();
  }
}
