package dev.kaboom.ui.view;

import dev.kaboom.lesson.Highlight;
import dev.kaboom.lesson.LessonConsole;
import dev.kaboom.lesson.LessonRun;
import dev.kaboom.lesson.Step;
import dev.kaboom.lesson.Text;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextFlow;

/**
 * The window's lesson pane: the current step of a {@link LessonRun} (narration, the Elixir code
 * highlighted, the iex lines, each a link that types it in the console pane, what to watch, a hint)
 * and the lesson's buttons. The run hears the engine's events and the console pane's lines, so a
 * step completes however the learner did it (the run button, a typed line, a click in the tree);
 * then the pane says so and shows the next step. It outlives a rebuilt view (a language switch):
 * {@link #useConsole} puts it on the new console pane, {@link #setLanguage} redraws it.
 */
public final class LessonPane {
  private static final Color[] KIND_COLOURS = {
    null, // PLAIN: the text colour
    Color.web("#6a737d"), // COMMENT
    Color.web("#22863a"), // STRING
    Color.web("#a626a4"), // KEYWORD
    Color.web("#005cc5"), // MODULE
    Color.web("#0b7285"), // ATOM
    Color.web("#e36209"), // ATTRIBUTE
    Color.web("#b08800") // NUMBER
  };

  private final LessonRun run;
  private final IntConsumer remember;
  private final VBox content = new VBox(6);
  private final ScrollPane scroll = new ScrollPane(content);
  private final VBox box = new VBox();
  private final HBox buttons = new HBox(6);
  private ResourceBundle words;
  private String language;
  private ConsolePane console;
  private LessonConsole lesson;
  private String lastDone = "";
  private boolean hintShown;

  /**
   * A pane on {@code run} in {@code language} ({@code en}, {@code ko}); {@code remember} hears the
   * current step whenever it changes (the window remembers it).
   */
  public LessonPane(LessonRun run, String language, IntConsumer remember) {
    this.run = run;
    this.remember = remember;
    box.setId("lessonPane");
    box.getStyleClass().add("lesson-pane");
    box.setPrefWidth(380);
    box.setMinWidth(240);
    content.setPadding(new Insets(8));
    content.setFillWidth(true);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    buttons.setPadding(new Insets(6, 8, 6, 8));
    box.getChildren().addAll(scroll, buttons); // the buttons stay in sight under a long step
    run.listen(this::changed);
    setLanguage(language);
  }

  public Node node() {
    return box;
  }

  public LessonRun run() {
    return run;
  }

  /**
   * Puts the lesson on the window's console pane: the lesson types its lines there, hears the lines
   * run there, and follows each new console (a reset, a rebuilt view) to the step's world.
   */
  public void useConsole(ConsolePane pane) {
    console = pane;
    pane.onLine(run::seeLine);
    pane.onAttach(c -> follow());
    follow();
  }

  private void follow() {
    if (console.console() != null) {
      lesson = new LessonConsole(run, console.console(), console::run, console::recompile);
      lesson.followWorld();
    }
  }

  /** The learner arrives at the current step (the lesson opens, or they chose a step). */
  public void arrive() {
    hintShown = false;
    if (lesson != null) {
      lesson.arrive();
    }
    refresh();
  }

  /** Redraws the pane in {@code lang} ({@code en}, {@code ko}). */
  public void setLanguage(String lang) {
    language = lang;
    words = ResourceBundle.getBundle("dev.kaboom.lesson.lesson", Locale.forLanguageTag(lang));
    refresh();
  }

  /**
   * Runs its argument once the picture shows what the engine did (at once when nothing waits): a
   * step is said done, and the lesson moves on, only after the cascade that did it is drawn.
   */
  private java.util.function.Consumer<Runnable> whenDrawn = Runnable::run;

  /** How the pane waits for the picture to catch up with the engine (see {@link #whenDrawn}). */
  public void setWhenDrawn(java.util.function.Consumer<Runnable> whenDrawn) {
    this.whenDrawn = whenDrawn;
  }

  private void changed(LessonRun.Change c) {
    if (!Platform.isFxApplicationThread()) {
      // the console's deep stack runs the engine on a thread of its own while this one waits
      Platform.runLater(() -> changed(c));
      return;
    }
    if (c == LessonRun.Change.DONE) {
      int step = run.index();
      whenDrawn.accept(
          () -> {
            if (run.index() == step && run.stepDone()) {
              stepDone();
            }
          });
      return;
    }
    refresh();
  }

  /** The step is done and drawn: say so, then move on after the line that did it has finished. */
  private void stepDone() {
    lastDone = "✓ " + word("lesson.done") + doneText(run.step());
    // after the line that did it has finished: the next step's world and check start afresh
    Platform.runLater(
        () -> {
          if (run.stepDone() && run.advance()) {
            hintShown = false;
            remember.accept(run.index());
            if (lesson != null) {
              lesson.followWorld();
            }
          }
          refresh();
        });
    refresh();
  }

  private String doneText(Step s) {
    return s.done().isEmpty() ? "" : ": " + text(s.done());
  }

  private void goTo(int i) {
    lastDone = "";
    run.goTo(i);
    remember.accept(i);
    arrive();
  }

  private String word(String key, Object... args) {
    return MessageFormat.format(words.getString(key), args);
  }

  private String text(Text t) {
    return t.in(language);
  }

  /** Draws the current step. */
  public void refresh() {
    Step s = run.step();
    int n = run.lesson().steps().size();
    content.getChildren().clear();
    Label title = wrapped(text(run.lesson().title()));
    title.setStyle("-fx-font-weight: bold;"); // a set Font would not grow with View > Font size
    title.setId("lessonTitle");
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < n; i++) {
      dots.append(run.isDone(i) ? "✓" : i == run.index() ? "▶" : "·").append(' ');
    }
    Label progress = new Label(dots.toString().strip());
    progress.setId("lessonProgress");
    content.getChildren().addAll(title, progress);
    if (!lastDone.isEmpty()) {
      Label done = wrapped(lastDone);
      done.setId("lessonDone");
      done.setStyle("-fx-text-fill: #1a7f37; -fx-font-weight: bold;");
      content.getChildren().add(done);
    }
    Label header = wrapped(word("lesson.step", run.index() + 1, n, text(s.title())));
    header.setId("lessonStep");
    header.setStyle("-fx-font-weight: bold; -fx-font-size: 1.15em;");
    content.getChildren().addAll(header, wrapped(text(s.say())));
    if (!s.code().isEmpty()) {
      content.getChildren().add(code(s.code()));
    }
    if (!s.iex().isEmpty()) {
      content.getChildren().add(wrapped(word("lesson.try") + ":"));
      for (String line : s.iex()) {
        Hyperlink link = new Hyperlink(line);
        link.setWrapText(true);
        link.setStyle(dev.kaboom.ui.Fonts.MONO_STYLE);
        link.setOnAction(e -> type(line));
        content.getChildren().add(link);
      }
    }
    if (!s.watch().isEmpty()) {
      content.getChildren().add(wrapped(word("lesson.watch") + ": " + text(s.watch())));
    }
    if (run.partCount() > 1 && run.partsHeld() > 0 && !run.stepDone()) {
      Label parts = wrapped(word("lesson.parts", run.partsHeld(), run.partCount()));
      parts.setId("lessonParts");
      content.getChildren().add(parts);
    }
    if (hintShown && !s.hint().isEmpty()) {
      Label hint = wrapped(word("lesson.hint") + ": " + text(s.hint()));
      hint.setId("lessonHint");
      hint.setStyle("-fx-font-style: italic;");
      content.getChildren().add(hint);
    }
    if (run.finished() && run.index() == n - 1 && run.stepDone()) {
      Label end = wrapped(word("lesson.finished"));
      end.setStyle("-fx-font-weight: bold;");
      content.getChildren().add(end);
    }
    Button runLines = button("lessonRun", word("button.run"), () -> lesson.typeStepLines());
    runLines.setDefaultButton(false);
    runLines.setDisable(s.iex().isEmpty() || lesson == null);
    Button hint = button("lessonHintButton", word("button.hint"), this::showHint);
    hint.setDisable(s.hint().isEmpty());
    Button back = button("lessonBack", word("button.back"), () -> goTo(run.index() - 1));
    back.setDisable(run.index() == 0);
    Button next = button("lessonNext", word("button.next"), () -> goTo(run.index() + 1));
    next.setDisable(run.index() == n - 1);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    buttons.getChildren().setAll(runLines, hint, gap, back, next);
  }

  private void showHint() {
    hintShown = true;
    refresh();
  }

  private void type(String line) {
    if (console != null) {
      console.run(line);
    }
  }

  private static Button button(String id, String text, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setMnemonicParsing(false);
    b.setOnAction(e -> action.run());
    return b;
  }

  private static Label wrapped(String s) {
    Label l = new Label(s);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.setMaxWidth(Double.MAX_VALUE);
    return l;
  }

  /** The step's Elixir code, coloured by {@link Highlight}. */
  private static Node code(String code) {
    TextFlow flow = new TextFlow();
    flow.setId("lessonCode");
    for (Highlight.Run r : Highlight.runs(code)) {
      javafx.scene.text.Text t = new javafx.scene.text.Text(code.substring(r.start(), r.end()));
      t.setStyle(dev.kaboom.ui.Fonts.MONO_STYLE + " -fx-font-size: 0.9em;");
      Color c = KIND_COLOURS[r.kind().ordinal()];
      if (c != null) {
        t.setFill(c);
      } else {
        t.getStyleClass().add("lesson-code-text");
      }
      flow.getChildren().add(t);
    }
    flow.setPadding(new Insets(6));
    flow.setStyle("-fx-background-color: rgba(127,127,127,0.12); -fx-background-radius: 4;");
    return flow;
  }
}
