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
 * a click in the tree appears here as the iex line it equals (a recorded echo, {@code
 * MainViewModel.kaboomClicked}).
 */
public final class ConsolePane {
  private final VBox box = new VBox();
  private final TextArea output = new TextArea();
  private final Label prompt = new Label();
  private final TextField input = new TextField();

  /** Says that the console dropped its oldest lines (its scrollback is full). */
  private final Label dropped = new Label();

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

  /** The pane's title (hidden under the tree of a lesson at a big font scale). */
  private final Label title;

  /** The banner in the window's language ({@link Console#BANNER} in the transcript). */
  private final String banner;

  public ConsolePane(ResourceBundle bundle) {
    banner = bundle.getString("console.banner");
    title = new Label(bundle.getString("console.title"));
    title.setStyle("-fx-padding: 2 6 2 6; -fx-font-weight: bold;");
    title.managedProperty().bind(title.visibleProperty());
    output.setEditable(false);
    // long lines wrap, as iex's do in a terminal (no sideways scrolling); the font stays
    // monospace (the bundled NanumGothicCoding, Hangul two cells wide), so the columns of a
    // multi-line inspect stay aligned
    output.setWrapText(true);
    output.setId("consoleOutput");
    output.getStyleClass().add("console-output");
    output.setStyle(dev.kaboom.ui.Fonts.MONO_STYLE);
    input.setId("consoleInput");
    input.setPromptText(bundle.getString("console.hint"));
    input.setStyle(dev.kaboom.ui.Fonts.MONO_STYLE);
    prompt.setStyle(dev.kaboom.ui.Fonts.MONO_STYLE + " -fx-padding: 4 2 0 6;");
    HBox line = new HBox(prompt, input);
    HBox.setHgrow(input, Priority.ALWAYS);
    VBox.setVgrow(output, Priority.ALWAYS);
    dropped.setId("consoleDropped");
    dropped.setText(
        java.text.MessageFormat.format(
            bundle.getString("console.dropped"), String.format("%,d", Console.SCROLLBACK_LINES)));
    dropped.setStyle("-fx-padding: 0 6 2 6; -fx-opacity: 0.75;");
    dropped.setWrapText(true);
    dropped.setVisible(false);
    dropped.managedProperty().bind(dropped.visibleProperty());
    box.getChildren().addAll(title, dropped, output, line);
    input.setOnAction(e -> run(input.getText()));
    // Tab completes modules and functions (before focus traversal takes the key); on an empty
    // line it moves the focus on, as Tab does elsewhere (it was a trap: the keyboard could not
    // leave the console)
    input.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            onEscape.run(); // the keyboard back to the tree (it was trapped here)
            e.consume();
          } else if (e.getCode() == KeyCode.TAB
              && !e.isShiftDown()
              && !e.isControlDown()
              && !input.getText().isBlank()) {
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

  private Runnable onEscape = () -> {};

  /** What Escape in the input does (the window: gives the keyboard focus back to the tree). */
  public void setOnEscape(Runnable onEscape) {
    this.onEscape = onEscape;
  }

  /** The input line's prompt as shown ({@code iex(3)> }, {@code ...(3)> }; tests). */
  public String promptText() {
    return prompt.getText();
  }

  public Node node() {
    return box;
  }

  /**
   * Shows or hides the pane's title ("Console (iex)"): a lesson at a big font scale leaves it out
   * under the tree, where the prompt says what the pane is and every row counts.
   */
  public void setTitleShown(boolean shown) {
    title.setVisible(shown);
  }

  private final List<java.util.function.Consumer<Console>> attachListeners = new ArrayList<>();

  /** Also tells {@code l} of every new console attached here (a new session: open, reset). */
  public void onAttach(java.util.function.Consumer<Console> l) {
    attachListeners.add(l);
  }

  /** Up to where in the console's transcript the output shows (an offset into it). */
  private int shown;

  /** Where in the console's transcript the output starts (after lines the scrollback dropped). */
  private int start;

  private java.util.function.Function<String, java.util.Optional<String>> runner =
      line -> java.util.Optional.empty();

  /**
   * Who runs a typed line (the view model: a recorded console command, which may fork the run first
   * and so attach another console): returns what the console printed, or empty when nothing ran (a
   * declined fork; the line then stays in the input).
   */
  public void setRunner(java.util.function.Function<String, java.util.Optional<String>> runner) {
    this.runner = runner;
  }

  /**
   * Shows {@code c}, the console of the run's engine (a new session: open, fork, undo; or the same
   * one again in a rebuilt view): its transcript, history and prompt belong to it, so they are the
   * replayed run's. Null while the run has no shell yet: the banner and a first prompt.
   */
  public void attach(Console c) {
    this.console = c;
    output.setText(c == null ? banner + "\n" : "");
    bannersShown.clear();
    start = c == null ? 0 : c.transcriptStart();
    shown = start;
    dropped.setVisible(start > 0);
    prompt.setText("iex(1)> ");
    sync();
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
  private java.util.function.Supplier<String> shownPrompt = () -> null;

  /**
   * How much of the console's transcript the pane shows, given its length, and the prompt then: the
   * window's view model paces them with the picture and, looking back, with the timeline.
   */
  public void setShownLength(
      java.util.function.IntUnaryOperator shownLength,
      java.util.function.Supplier<String> shownPrompt) {
    this.shownLength = shownLength;
    this.shownPrompt = shownPrompt;
  }

  /**
   * Shows the transcript as the picture stands (the window calls it every frame); returns whether
   * that changed what the pane shows.
   */
  public boolean catchUp() {
    if (console == null) {
      return false;
    }
    int before = output.getLength();
    String prompted = prompt.getText();
    sync();
    return output.getLength() != before || !prompted.equals(prompt.getText());
  }

  /**
   * Shows as much of the transcript as the picture has reached: what it showed since, appended;
   * looking back, cut back to what it was then.
   */
  private void sync() {
    if (console == null) {
      return;
    }
    int kept = console.transcriptStart();
    if (kept > start) {
      // the console's scrollback dropped its oldest lines: so does the output
      if (shown <= kept) {
        output.clear();
        bannersShown.clear();
        shown = kept;
      } else {
        int gone = kept - start;
        while (!bannersShown.isEmpty() && bannersShown.get(0) < kept) {
          bannersShown.remove(0);
          gone += banner.length() - Console.BANNER.length();
        }
        output.deleteText(0, Math.min(gone, output.getLength()));
      }
      start = kept;
      dropped.setVisible(true);
    }
    // (looking back before the oldest line kept: nothing of it)
    int upTo =
        Math.max(
            kept,
            Math.min(
                console.transcriptLength(), shownLength.applyAsInt(console.transcriptLength())));
    if (upTo > shown) {
      output.appendText(
          localized(
              console.transcriptFrom(shown).substring(0, upTo - shown),
              shown,
              lastCharShownIsNewline()));
    } else if (upTo < shown) {
      bannersShown.clear();
      // (drops a Tab's listing)
      output.setText(localized(console.transcript().substring(0, upTo - kept), kept, true));
      output.positionCaret(output.getLength());
    }
    shown = upTo;
    String p = shownPrompt.get();
    String want = p == null ? console.prompt() : p;
    if (!want.equals(prompt.getText())) {
      prompt.setText(want);
    }
    if (history.size() != console.history().size()) {
      history.clear();
      history.addAll(console.history());
      historyAt = history.size();
    }
  }

  /** Where in the transcript the banners the output shows in the window's language start. */
  private final List<Integer> bannersShown = new ArrayList<>();

  /**
   * {@code text}, the transcript from offset {@code at}, with its banner lines (the first line, and
   * again after the shell died) in the window's language; notes where they were. {@code lineStart}:
   * whether {@code text} starts a line.
   */
  private String localized(String text, int at, boolean lineStart) {
    if (banner.equals(Console.BANNER)) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    int from = 0;
    int i;
    while ((i = text.indexOf(Console.BANNER + "\n", from)) >= 0) {
      if (i == 0 ? lineStart : text.charAt(i - 1) == '\n') {
        sb.append(text, from, i).append(banner);
        bannersShown.add(at + i);
      } else {
        sb.append(text, from, i + Console.BANNER.length());
      }
      from = i + Console.BANNER.length();
    }
    return sb.append(text, from, text.length()).toString();
  }

  private boolean lastCharShownIsNewline() {
    int n = output.getLength();
    return n == 0 || output.getText(n - 1, n).equals("\n");
  }

  private dev.kaboom.lesson.LessonConsole.Recompiler recompiler =
      (file, text, world) -> {
        if (console != null) {
          console.recompile(world);
        }
      };

  /**
   * Who changes the console's modules (the view model: a recorded command, so a saved run replays
   * it).
   */
  public void setRecompiler(dev.kaboom.lesson.LessonConsole.Recompiler recompiler) {
    this.recompiler = recompiler;
  }

  /** The console's modules become {@code world}'s (a lesson's step on another world). */
  public void recompile(String file, String text, dev.kaboom.scenario.Scenario world) {
    recompiler.recompile(file, text, world);
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

  public String text() {
    return output.getText();
  }
}
