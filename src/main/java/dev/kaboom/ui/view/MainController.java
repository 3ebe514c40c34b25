package dev.kaboom.ui.view;

import dev.kaboom.engine.RestartType;
import dev.kaboom.otp.SupervisorRequest;
import dev.kaboom.scenario.TreeNode;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.model.ProcessNodeModel;
import dev.kaboom.ui.model.TreeModel;
import dev.kaboom.ui.settings.AppPrefs;
import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;

/**
 * The main window's controller: wires the FXML view to the {@link MainViewModel}, builds the tree
 * pane, the context menus and the inspector, and handles the keyboard shortcuts. It holds no state
 * about the simulation itself.
 */
public final class MainController {
  /** Font scales of presentation mode. */
  public static final List<Integer> FONT_SCALES = List.of(100, 125, 150, 175, 200, 250);

  /** What the controller asks of the application (things that outlive one window's content). */
  public interface Shell {
    void switchLanguage(Locale locale);

    void applyLook();

    Locale locale();

    /** Forgets every setting and shows the window with the defaults (View > Reset settings). */
    void resetSettings();
  }

  private final MainViewModel vm;
  private final Stage stage;
  private final AppPrefs prefs;
  private final ResourceBundle bundle;
  private final Shell shell;
  private TreePane treePane;
  private InspectorSheet inspector;
  private CaptionStrip captions;
  private TimelineStrip timeline;
  private SequenceChartPane sequenceChart;

  /** The tree and the sequence chart, side by side or one over the other, while it is shown. */
  private SplitPane treeSplit;

  /** The log got new lines since the last frame: show its newest line. */
  private boolean logGrew = true;

  private int scrollFrames;

  /**
   * The log's lines as the list shows them: the view model's, taken in by {@link #syncLog} (in a
   * storm in a frame of their own, not the one that folds a beat: the list's relayout and the
   * repaint of its every line were a third of that frame).
   */
  private final javafx.collections.ObservableList<String> logShown =
      javafx.collections.FXCollections.observableArrayList();

  /** The view model's log changed since {@link #syncLog}. */
  private boolean logBehind = true;

  /** The log grew in this frame: scroll it to its newest line again after the layout pass. */
  private boolean scrollAfterLayout;

  private final Runnable scrollLog = this::scrollLogAfterLayout;
  private long renderedRevision = -1;

  /** The inspector is updated from the run at most this often (ns) while it changes. */
  private static final long INSPECTOR_NANOS = 100_000_000L;

  private boolean inspectorStale;

  /** A new selection made in a storm, for the inspector to show in a frame of its own. */
  private boolean inspectorSelected;

  private long inspectedAt = Long.MIN_VALUE / 2;
  private String lastNotification = "";
  private ContextMenu openMenu;

  /** The chrome's font size in px (13 px times {@link #chromeScale}), for the context menu. */
  private double chromePx = 13;

  private final ListChangeListener<MainViewModel.Notice> noticeListener =
      c -> {
        while (c.next()) {
          if (c.wasAdded()) {
            c.getAddedSubList().forEach(this::notify);
            if (c.getAddedSubList().stream().anyMatch(n -> n.key().equals("notify.forked"))
                && !this.typingBeforeFork) {
              // the fork rebuilt the tree, and the focused box's going moved the focus on, into
              // the console: back to the tree, where the Ctrl+Z the notice offers works
              focusTreeAfterFork = true;
              treePane.focusTree();
            }
          }
        }
      };

  /** Whether a text field had the focus when a fork was asked for (a line typed: it keeps it). */
  private boolean typingBeforeFork;

  /** The next frame gives the tree the focus again (a fork rebuilt it). */
  private boolean focusTreeAfterFork;

  @FXML private BorderPane root;
  @FXML private StackPane treeHost;
  @FXML private BorderPane centerArea;
  @FXML private ListView<String> logList;
  @FXML private VBox consoleBox;
  @FXML private ToggleButton pauseButton;
  @FXML private Button stepButton;
  @FXML private Button scriptButton;
  @FXML private SegmentedButton speedButtons;
  @FXML private HBox errorBar;
  @FXML private Label errorLabel;
  @FXML private VBox inspectorBox;
  @FXML private Label inspectorHint;
  @FXML private StatusBar statusBar;
  @FXML private SplitPane mainSplit;
  @FXML private SplitPane sideSplit;
  @FXML private Menu fontScaleMenu;
  @FXML private CheckMenuItem highContrastItem;
  @FXML private RadioMenuItem lightThemeItem;
  @FXML private RadioMenuItem darkThemeItem;
  @FXML private CheckMenuItem fullScreenItem;
  @FXML private RadioMenuItem englishItem;
  @FXML private RadioMenuItem koreanItem;
  @FXML private ToggleButton waitButton;
  @FXML private MenuItem pauseItem;
  @FXML private VBox logBox;
  @FXML private CheckMenuItem waitItem;
  @FXML private CheckMenuItem sequenceItem;
  @FXML private RadioMenuItem sequenceUnderItem;
  @FXML private RadioMenuItem sequenceBesideItem;
  @FXML private javafx.scene.control.ToolBar toolBar;
  @FXML private Button resetButton;
  @FXML private Label speedLabel;
  @FXML private Button fitButton;
  @FXML private Button zoomOutButton;
  @FXML private Button zoomInButton;
  @FXML private Label logTitle;
  @FXML private SplitPane bottomSplit;
  @FXML private ToggleButton panelsButton;
  @FXML private CheckMenuItem panelsItem;

  /** The panels' column beside the tree in the side layout (inspector, log, console). */
  private final SplitPane panelSplit = new SplitPane();

  /** The tree's split and the timeline under it. */
  private VBox treeColumn;

  /** Whether the inspector, the log and the console are shown (View > Panels, P). */
  private final javafx.beans.property.BooleanProperty panelsShown =
      new javafx.beans.property.SimpleBooleanProperty(true);

  /** The side layout (big font scales): the panels in one column to the right of the tree. */
  private boolean sideLayout;

  /** The splits are being rearranged: their divider moves are not the user's. */
  private boolean arranging;

  /** From this font scale on, the panels stand beside the tree ({@link #arrangePanels}). */
  public static final double SIDE_LAYOUT_SCALE = 1.75;

  public MainController(
      MainViewModel vm, Stage stage, AppPrefs prefs, ResourceBundle bundle, Shell shell) {
    this.vm = vm;
    this.stage = stage;
    this.prefs = prefs;
    this.bundle = bundle;
    this.shell = shell;
  }

  public BorderPane root() {
    return root;
  }

  public TreePane treePane() {
    return treePane;
  }

  public InspectorSheet inspector() {
    return inspector;
  }

  /** The timeline under the tree. */
  public TimelineStrip timeline() {
    return timeline;
  }

  /** The sequence chart (shown or not, from the View menu). */
  public SequenceChartPane sequenceChart() {
    return sequenceChart;
  }

  /** The caption strip over the tree. */
  public CaptionStrip captions() {
    return captions;
  }

  private ConsolePane consolePane;

  /** The console pane, on the current session's engine. */
  public ConsolePane consolePane() {
    return consolePane;
  }

  /** The lesson pane's node while a lesson is shown, else null. */
  private Node lessonNode;

  /**
   * The tree over the console, right of the lesson column in the side layout ({@link
   * #arrangePanels}), whose tabs are the lesson, the inspector and the log.
   */
  private final SplitPane lessonSplit = new SplitPane();

  private final javafx.scene.control.TabPane lessonTabs = new javafx.scene.control.TabPane();

  /**
   * Shows a lesson on this view's console pane: at the window's left up to 150 %; from {@link
   * #SIDE_LAYOUT_SCALE} on as the first tab of one column left of the tree ({@link
   * #arrangePanels}).
   */
  public void showLesson(LessonPane pane) {
    lessonNode = pane.node();
    pane.useConsole(consolePane);
    arrangePanels();
  }

  /**
   * Whether the lesson, the inspector and the log are tabs in one column of the window's height,
   * left of the tree and the console (a lesson at a big font scale).
   */
  public boolean lessonColumn() {
    return lessonNode != null && sideLayout() && lessonSplit.getParent() != null;
  }

  /** The lesson column's tabs: the lesson, the inspector, the event log. */
  public javafx.scene.control.TabPane lessonTabs() {
    return lessonTabs;
  }

  private void buildLessonColumn() {
    lessonSplit.setId("lessonSplit");
    lessonSplit.setOrientation(javafx.geometry.Orientation.VERTICAL);
    lessonSplit.setMinWidth(260);
    lessonTabs.setId("lessonTabs");
    lessonTabs.setMinWidth(260);
    lessonTabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
    lessonTabs.setMinHeight(0);
    for (String key : List.of("lesson.tab", "inspector.title", "log.title")) {
      javafx.scene.control.Tab t = new javafx.scene.control.Tab(bundle.getString(key));
      t.setId(key.replace('.', '-'));
      lessonTabs.getTabs().add(t);
    }
    lessonSplit.addEventFilter(
        javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::saveLayout));
  }

  @FXML
  private void initialize() {
    inspector = new InspectorSheet(vm, bundle); // first: showing a tree refreshes it
    statusBar.setFocusTraversable(false); // (a Tab stop that did nothing)
    VBox.setVgrow(inspector.sheet(), javafx.scene.layout.Priority.ALWAYS);
    inspectorBox.getChildren().add(inspector.sheet());
    inspector.sheet().setMinHeight(0); // it scrolls; it must not push the log off the window
    mainSplit.setMinHeight(0);
    sideSplit.setMinHeight(0);
    treePane = new TreePane(bundle);
    treeHost.getChildren().add(treePane);
    vm.narration().localeProperty().set(shell.locale());
    captions = new CaptionStrip(vm);
    captions.setHint(bundle.getString("caption.hint"));
    centerArea.setTop(captions.node());
    // the red bar floats just under the caption strip (over the tree's top edge), so both read
    errorBar
        .translateYProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () ->
                    centerArea.getTop() == null
                        ? 0.0
                        : centerArea.getTop().getBoundsInParent().getMaxY(),
                captions.node().boundsInParentProperty(),
                centerArea.topProperty()));
    captions.waitForMeProperty().set(prefs.getBoolean("waitForMe", false));
    waitButton.selectedProperty().bindBidirectional(captions.waitForMeProperty());
    waitItem.selectedProperty().bindBidirectional(captions.waitForMeProperty());
    captions
        .waitForMeProperty()
        .addListener((o, a, b) -> prefs.put("waitForMe", Boolean.toString(b)));
    timeline = new TimelineStrip(vm, bundle);
    placeUnderTree(timeline.node());
    sequenceChart = new SequenceChartPane(vm, bundle);
    ToggleGroup docks = new ToggleGroup();
    sequenceUnderItem.setToggleGroup(docks);
    sequenceBesideItem.setToggleGroup(docks);
    (prefs.get("sequenceDock", "beside").equals("under") ? sequenceUnderItem : sequenceBesideItem)
        .setSelected(true);
    sequenceItem.setSelected(prefs.getBoolean("sequenceChart", false));
    sequenceItem
        .selectedProperty()
        .addListener(
            (o, a, b) -> {
              prefs.put("sequenceChart", Boolean.toString(b));
              dockSequenceChart();
              arrangePanels();
              sequenceChart.refresh();
            });
    docks
        .selectedToggleProperty()
        .addListener(
            (o, a, b) -> {
              prefs.put("sequenceDock", b == sequenceBesideItem ? "beside" : "under");
              dockSequenceChart();
              arrangePanels();
              sequenceChart.refresh();
            });
    dockSequenceChart();
    buildLessonColumn();
    panelSplit.setOrientation(javafx.geometry.Orientation.VERTICAL);
    panelSplit.setId("panelSplit");
    panelSplit.setMinWidth(220);
    panelsShown.set(prefs.getBoolean("panels", true));
    panelsButton.selectedProperty().bindBidirectional(panelsShown);
    panelsItem.selectedProperty().bindBidirectional(panelsShown);
    panelsShown.addListener(
        (o, a, b) -> {
          prefs.put("panels", Boolean.toString(b));
          arrangePanels();
        });
    consolePane = new ConsolePane(bundle);
    VBox.setVgrow(consolePane.node(), javafx.scene.layout.Priority.ALWAYS);
    consoleBox.getChildren().add(consolePane.node());
    treePane.setOnNodeClicked(
        path -> {
          vm.selectedPathProperty().set(path);
          vm.kaboomClicked(path); // (nothing when the fork is declined or nothing runs there)
        });
    treePane.setOnNodeFocused(path -> vm.selectedPathProperty().set(path));
    treePane.setOnNodeContextMenu(
        (path, x, y) -> {
          vm.selectedPathProperty().set(path);
          if (lessonColumn()) {
            lessonTabs.getSelectionModel().select(1); // right-click inspects: show the inspector
          }
          if (openMenu != null) {
            openMenu.hide();
          }
          openMenu = contextMenuFor(path);
          openMenu.show(treePane.viewOf(path), x, y);
        });
    vm.treeProperty().addListener((o, a, t) -> showTree(t));
    // the console belongs to the run: typed lines and clicks' echoes are recorded commands, and a
    // new session (open, fork, undo) brings its own console, made by replaying them
    consolePane.setRunner(vm::consoleLine);
    consolePane.setOnEscape(treePane::focusTree);
    consolePane.setRecompiler(vm::recompile);
    consolePane.setShownLength(vm::consoleShownLength, vm::consolePrompt);
    vm.consoleProperty().addListener((o, a, c) -> consolePane.attach(c));
    consolePane.attach(vm.consoleProperty().get());
    if (vm.tree() != null) {
      showTree(vm.tree());
    }

    // controls
    pauseButton.selectedProperty().bindBidirectional(vm.pausedProperty());
    pauseButton
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(vm.pausedProperty())
                .then(bundle.getString("toolbar.resume"))
                .otherwise(bundle.getString("toolbar.pause")));
    // Resume is wider than Pause: at 100 % in 1280 px it pushed Panels into the overflow menu
    pauseButton.textProperty().addListener((o, a, b) -> Platform.runLater(this::fitToolbar));
    pauseItem
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(vm.pausedProperty())
                .then(bundle.getString("menu.run.resume"))
                .otherwise(bundle.getString("menu.run.pause")));
    decorateToolbar();
    ToggleGroup speeds = new ToggleGroup();
    for (double s : MainViewModel.SPEEDS) {
      ToggleButton b = new ToggleButton(formatSpeed(s) + "x");
      b.setMnemonicParsing(false);
      b.setUserData(s);
      b.setId("speed-" + formatSpeed(s));
      b.setToggleGroup(speeds);
      speedButtons.getButtons().add(b);
    }
    speedButtons.setToggleGroup(speeds);
    speeds
        .selectedToggleProperty()
        .addListener(
            (o, a, t) -> {
              if (t == null) {
                a.setSelected(true); // one speed is always chosen
              } else {
                vm.speedProperty().set((Double) t.getUserData());
              }
            });
    vm.speedProperty().addListener((o, a, b) -> selectSpeed(speeds, b.doubleValue()));
    selectSpeed(speeds, vm.speedProperty().get());

    // log: clicking a line shows its explanation in the caption strip
    logList.setItems(logShown);
    logList.setCellFactory(lv -> new LogCell());
    logList
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener((o, a, b) -> explainShownLine(b.intValue()));
    vm.logLines().addListener((ListChangeListener<String>) c -> logBehind = true);
    logShown.addListener((ListChangeListener<String>) c -> logGrew = true);
    syncLog();
    // the list takes in new lines in the layout pass, at the lines it showed before (the scroll in
    // render cannot reach a line it does not have yet): scrolled again right after that pass, the
    // newest line is shown in the frame that added it, where the next frame scrolled and repainted
    // the whole log a second time (in a storm, the frame that draws the sequence chart)
    logList
        .sceneProperty()
        .addListener(
            (o, a, b) -> {
              if (a != null) {
                a.removePostLayoutPulseListener(scrollLog);
              }
              if (b != null) {
                b.addPostLayoutPulseListener(scrollLog);
              }
            });
    vm.playheadProperty()
        .addListener(
            (o, a, b) -> {
              highlightLogAt(b.intValue());
              // the step the playhead is on is explained: its own sentence, its rule; back at the
              // present (End), the latest step's (not the one last looked at)
              int k = b.intValue() >= 0 ? b.intValue() : vm.marks().size() - 1;
              vm.explainMark(k).ifPresent(captions::show);
            });
    vm.setForkConfirmation(this::confirmFork);
    if (stage != null) {
      stage.setOnCloseRequest(
          e -> {
            if (!mayDropRun()) {
              e.consume();
            }
          });
    }

    // errors
    vm.errorProperty().addListener((o, a, b) -> showError(vm.errorIn(shell.locale())));
    showError(vm.errorIn(shell.locale()));

    // inspector (a ControlsFX PropertySheet; a supervisor's flags are editable there)
    vm.selectedPathProperty()
        .addListener(
            (o, a, b) -> {
              if (storming()) {
                inspectorSelected = true; // shown in a frame of its own (render)
              } else {
                refreshInspector(true);
              }
            });
    refreshInspector(true);

    // transient messages: ControlsFX notifications (the error bar stays for file:line:column)
    vm.notices().addListener(noticeListener);

    // presentation settings
    ToggleGroup scales = new ToggleGroup();
    int current = (int) Math.round(prefs.getDouble("fontScale", 1.0) * 100);
    for (int pct : FONT_SCALES) {
      RadioMenuItem item = new RadioMenuItem(pct + "%");
      item.setMnemonicParsing(false);
      item.setToggleGroup(scales);
      item.setSelected(pct == current);
      item.setOnAction(
          e -> {
            prefs.putDouble("fontScale", pct / 100.0);
            shell.applyLook();
          });
      fontScaleMenu.getItems().add(item);
    }
    ToggleGroup themes = new ToggleGroup();
    lightThemeItem.setToggleGroup(themes);
    darkThemeItem.setToggleGroup(themes);
    (prefs.get("theme", "light").equals("dark") ? darkThemeItem : lightThemeItem).setSelected(true);
    lightThemeItem.setOnAction(
        e -> {
          prefs.put("theme", "light");
          shell.applyLook();
        });
    darkThemeItem.setOnAction(
        e -> {
          prefs.put("theme", "dark");
          shell.applyLook();
        });
    highContrastItem.setSelected(prefs.getBoolean("highContrast", false));
    highContrastItem.setOnAction(
        e -> {
          prefs.put("highContrast", Boolean.toString(highContrastItem.isSelected()));
          shell.applyLook();
        });
    if (stage != null) {
      // (JavaFX's own hint is English: "Press ESC to exit full-screen mode.")
      stage.setFullScreenExitHint(bundle.getString("fullScreen.hint"));
      fullScreenItem.setSelected(stage.isFullScreen());
      fullScreenItem.setOnAction(e -> stage.setFullScreen(fullScreenItem.isSelected()));
      stage.fullScreenProperty().addListener((o, a, b) -> fullScreenItem.setSelected(b));
    }
    ToggleGroup langs = new ToggleGroup();
    englishItem.setToggleGroup(langs);
    koreanItem.setToggleGroup(langs);
    boolean korean = shell.locale().getLanguage().equals("ko");
    (korean ? koreanItem : englishItem).setSelected(true);
    englishItem.setOnAction(e -> shell.switchLanguage(Locale.ENGLISH));
    koreanItem.setOnAction(e -> shell.switchLanguage(Locale.KOREAN));

    // layout memory: the dividers are saved when the user has moved one (as well as on quit and
    // as the window is resized), so a window ended by a signal keeps them; not as they move, since
    // they also move while the panels are rearranged
    for (SplitPane split : List.of(mainSplit, sideSplit, panelSplit, bottomSplit)) {
      split.addEventFilter(
          javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::saveLayout));
    }
    arrangePanels();
  }

  /**
   * Puts the panels where the font scale wants them. Up to 150 %: the inspector right of the tree,
   * the log and the console under both (the tree has the width, the log its lines' length). From
   * {@link #SIDE_LAYOUT_SCALE} on: the inspector, the log and the console in one column right of
   * the tree, so the tree (with the caption over it and the timeline under it) has the window's
   * whole height: at 1280x720 and 250 % it was a strip of one and a half rows under the log. Hidden
   * panels (P) leave the tree the whole window at any scale. Each layout keeps its own divider
   * positions.
   */
  private void arrangePanels() {
    arranging = true;
    try {
      boolean shown = panelsShown.get();
      boolean lessonColumn = lessonNode != null && shown && sideLayout;
      arrangedLessonColumn = lessonColumn;
      // every panel leaves its place first: a node has one parent
      for (javafx.scene.control.Tab t : lessonTabs.getTabs()) {
        t.setContent(null);
      }
      lessonSplit.getItems().clear();
      if (lessonNode != null) {
        centerArea.setLeft(lessonColumn ? null : lessonNode);
      }
      List<Node> side =
          !shown ? List.of(treeArea()) : sideLayout ? List.of(treeArea(), panelSplit) : null;
      if (lessonColumn) {
        // a lesson at a big scale: the lesson, the inspector and the log as tabs of one column
        // of the whole height left of the tree, the console (where the lesson types its lines)
        // under the tree. The lesson's text is what the room reads: over the console in the
        // same column it had about 130 px at 250 % in 1280x720; two columns left the tree 620 px
        mainSplit.getItems().setAll(treeColumn);
        bottomSplit.getItems().clear();
        panelSplit.getItems().clear();
        List<Node> tabbed = List.of(lessonNode, inspectorBox, logBox);
        for (int i = 0; i < tabbed.size(); i++) {
          lessonTabs.getTabs().get(i).setContent(tabbed.get(i));
        }
        lessonSplit.getItems().setAll(treeArea(), consoleBox);
        sideSplit.getItems().setAll(lessonTabs, lessonSplit);
      } else if (side == null) {
        panelSplit.getItems().clear();
        bottomSplit.getItems().setAll(logBox, consoleBox);
        sideSplit.getItems().setAll(treeArea(), inspectorBox);
        mainSplit.getItems().setAll(treeColumn, bottomSplit);
      } else {
        mainSplit.getItems().setAll(treeColumn);
        bottomSplit.getItems().clear();
        sideSplit.getItems().setAll(side);
        if (shown) {
          panelSplit.getItems().setAll(inspectorBox, logBox, consoleBox);
        }
      }
      for (Node n : List.of(inspectorBox, logBox, consoleBox)) {
        n.setVisible(shown);
      }
      // under a lesson's tree the console goes without its title and keeps two rows, so the tree
      // over it has about 300 px at 250 % in 1280x720 (it had about 255)
      consolePane.setTitleShown(!lessonColumn);
      consoleBox.setMinHeight(consoleMinHeight(fontScale, lessonColumn));
      placeDividers();
    } finally {
      arranging = false;
    }
    // and again once the new arrangement has been laid out: set in the same pulse as a change of
    // font scale, a split pane could take them against its contents' old sizes (at 100 % after
    // 250 % the tree kept no height, and the log a sliver when a lesson came in at the left)
    javafx.scene.Scene scene = root.getScene();
    if (scene != null) {
      Runnable[] once = new Runnable[1];
      once[0] =
          () -> {
            Platform.runLater(() -> scene.removePostLayoutPulseListener(once[0]));
            if (!placedAfterLayout) {
              placedAfterLayout = true;
              arranging = true;
              try {
                placeDividers();
              } finally {
                arranging = false;
              }
            }
          };
      placedAfterLayout = false;
      scene.addPostLayoutPulseListener(once[0]);
    }
  }

  private boolean placedAfterLayout;
  private boolean arrangedLessonColumn;

  /** Puts the dividers of the current arrangement where they were last left (or the defaults). */
  private void placeDividers() {
    if (arrangedLessonColumn) {
      sideSplit.setDividerPositions(prefs.getDouble("lesson.tabsDivider", 0.36));
      lessonSplit.setDividerPositions(prefs.getDouble("lesson.treeShare", LESSON_TREE_SHARE));
    } else if (!panelsShown.get()) {
      return;
    } else if (sideLayout) {
      sideSplit.setDividerPositions(prefs.getDouble("side.treeDivider", 0.64));
      panelSplit.setDividerPositions(
          prefs.getDouble("side.inspectorDivider", 0.27), prefs.getDouble("side.logDivider", 0.6));
    } else {
      mainSplit.setDividerPositions(prefs.getDouble("mainDivider", 0.68));
      sideSplit.setDividerPositions(prefs.getDouble("sideDivider", 0.72));
      bottomSplit.setDividerPositions(prefs.getDouble("bottomDivider", 0.55));
    }
  }

  /** Whether the panels stand in one column beside the tree (the side layout of big scales). */
  public boolean sideLayout() {
    return sideLayout && panelsShown.get();
  }

  /** Whether the inspector, the log and the console are shown (View > Panels, P). */
  public javafx.beans.property.BooleanProperty panelsShownProperty() {
    return panelsShown;
  }

  /**
   * Gives every toolbar item an Ikonli icon (Material Design 2), a tooltip and an accessible name
   * from the bundle; the labels fold away when the toolbar gets too narrow for them ({@link
   * #fitToolbar}).
   */
  private void decorateToolbar() {
    icon(pauseButton, "mdi2p-pause", "toolbar.pause.tooltip");
    vm.pausedProperty().addListener((o, a, paused) -> iconOfPause(paused));
    iconOfPause(vm.pausedProperty().get());
    icon(stepButton, "mdi2s-step-forward", "toolbar.step.tooltip");
    icon(resetButton, "mdi2r-restart", "toolbar.reset.tooltip");
    icon(speedLabel, "mdi2s-speedometer", "toolbar.speed.tooltip");
    icon(scriptButton, "mdi2s-script-text-outline", "toolbar.script.tooltip");
    icon(waitButton, "mdi2t-timer-sand", "toolbar.wait.tooltip");
    icon(fitButton, "mdi2f-fit-to-page-outline", "toolbar.fit.tooltip");
    icon(zoomOutButton, "mdi2m-magnify-minus-outline", "toolbar.zoomOut.tooltip");
    icon(zoomInButton, "mdi2m-magnify-plus-outline", "toolbar.zoomIn.tooltip");
    icon(panelsButton, "mdi2p-page-layout-sidebar-right", "toolbar.panels.tooltip");
    toolBar.widthProperty().addListener((o, a, b) -> fitToolbar());
  }

  private void iconOfPause(boolean paused) {
    pauseButton.getGraphic().setUserData(paused ? "mdi2p-play" : "mdi2p-pause");
    styleIcon(pauseButton);
    String tip = bundle.getString(paused ? "toolbar.resume.tooltip" : "toolbar.pause.tooltip");
    pauseButton.getTooltip().setText(tip);
    pauseButton.setAccessibleText(tip);
  }

  private void icon(javafx.scene.control.Labeled item, String literal, String tooltipKey) {
    org.kordamp.ikonli.javafx.FontIcon icon = new org.kordamp.ikonli.javafx.FontIcon(literal);
    icon.getStyleClass().add("toolbar-icon");
    icon.setUserData(literal);
    icon.getStyleClass().remove("ikonli-font-icon"); // sized by styleIcon, not the theme
    item.setGraphic(icon);
    String tip = bundle.getString(tooltipKey);
    item.setTooltip(new javafx.scene.control.Tooltip(tip));
    item.setAccessibleText(tip);
    item.setMnemonicParsing(false);
  }

  private double iconPx = 16;

  /**
   * Shows a toolbar icon at the toolbar's size. The icon is not an {@code .ikonli-font-icon} to the
   * theme (whose sheet would size it back to 18 px): kaboom.css gives it the theme's text colour.
   */
  private void styleIcon(javafx.scene.control.Labeled l) {
    org.kordamp.ikonli.javafx.FontIcon icon = (org.kordamp.ikonli.javafx.FontIcon) l.getGraphic();
    icon.getStyleClass().remove("ikonli-font-icon");
    String literal = (String) icon.getUserData();
    if (!literal.equals(icon.getIconLiteral())) {
      icon.setIconLiteral(literal);
    }
    icon.setIconSize((int) iconPx);
  }

  private List<javafx.scene.control.Labeled> toolbarLabeled() {
    return List.of(
        pauseButton,
        stepButton,
        resetButton,
        speedLabel,
        scriptButton,
        waitButton,
        fitButton,
        zoomOutButton,
        zoomInButton,
        panelsButton);
  }

  /**
   * Shows the toolbar's labels next to their icons when they all fit in its width, else only the
   * icons (the tooltips and accessible names keep the words): the toolbar never overflows into its
   * "more" menu at 1280 px, even at 250 % or in Korean.
   */
  public void fitToolbar() {
    double available = toolBar.getWidth();
    if (available <= 0) {
      return;
    }
    showToolbarLabels(true);
    toolBar.applyCss();
    toolBar.layout(); // (the skin puts what does not fit into its overflow menu)
    Node more = toolBar.lookup(".tool-bar-overflow-button");
    if (toolBar.prefWidth(-1) > available || more != null && more.isVisible()) {
      showToolbarLabels(false);
    }
  }

  private void showToolbarLabels(boolean labels) {
    for (javafx.scene.control.Labeled l : toolbarLabeled()) {
      // the speedometer before 0.1x ... 4x says it (and its tooltip): its word made the toolbar
      // 1280 px wide at 100 %, so Resume (wider than Pause) folded every label away
      l.setContentDisplay(
          labels && l != speedLabel
              ? javafx.scene.control.ContentDisplay.LEFT
              : javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    }
  }

  /** Whether the toolbar shows its labels (false: icons only). */
  public boolean toolbarLabelsShown() {
    return pauseButton.getContentDisplay() != javafx.scene.control.ContentDisplay.GRAPHIC_ONLY;
  }

  /**
   * Presentation mode's font scale reaches the tree: its boxes and texts grow with it. At big
   * scales the tree also gets more of the window's height (the log gives way), since the projector
   * shows the tree first of all, and the inspector a little more width.
   */
  public void setFontScale(double scale) {
    treePane.setFontScale(scale);
    captions.setFontScale(scale);
    timeline.setFontScale(scale);
    sequenceChart.setFontScale(scale);
    // the event log keeps at least three rows (and its title) at any font size; its text grows
    // less than the tree's (the tree is what the room reads); long lines end in an ellipsis (the
    // tooltip and a click show them whole), so no horizontal scroll bar hides the newest line
    chromePx = 13 * chromeScale(scale);
    double logPx = logFontPixels(scale);
    logList.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", logPx));
    logTitle.setStyle(
        String.format(
            Locale.ROOT,
            "-fx-padding: 2 6 2 6; -fx-font-weight: bold; -fx-font-size: %.1fpx;",
            logPx));
    double row = Math.ceil(logPx * 1.8); // a sentence line (1.1 em) fits whole
    logList.setFixedCellSize(row); // one line a row: scrolling to the newest line is exact
    logBox.setMinHeight(row * 3 + Math.ceil(logPx * 1.5) + 4 + 8);
    fontScale = scale;
    consoleBox.setMinHeight(consoleMinHeight(scale, arrangedLessonColumn));
    // the inspector's title and two lines (its hint) stay in sight over them in the side column
    inspectorBox.setMinHeight(Math.ceil(13 * chromeScale(scale) * 1.34) * 3 + 12);
    iconPx = Math.round(16 * chromeScale(scale));
    for (javafx.scene.control.Labeled l : toolbarLabeled()) {
      styleIcon(l);
    }
    boolean side = scale >= SIDE_LAYOUT_SCALE;
    if (side != sideLayout) {
      sideLayout = side;
      dockSequenceChart();
      arrangePanels();
    }
    Platform.runLater(this::fitToolbar);
  }

  /**
   * The scale of the window's chrome (menus, toolbar, inspector, console, status bar) for a font
   * scale: it follows up to 150 %, then stays (at 250 % the room reads the tree, the caption and
   * the log; the chrome keeps the space for them).
   */
  public static double chromeScale(double scale) {
    return Math.min(scale, 1.5);
  }

  /**
   * Shows the sequence chart under or beside the tree (View > Sequence chart, and its position), in
   * a split pane that takes the tree's place; hidden, the tree has its place back. From {@link
   * #SIDE_LAYOUT_SCALE} the panels already stand in a column beside the tree, so a chart docked
   * beside goes under the tree (a third column left the chart and the tree a sliver each at 250 %),
   * and the tree is fitted into what is left; the choice is kept for smaller fonts.
   */
  private void dockSequenceChart() {
    boolean show = sequenceItem.isSelected();
    if (treeSplit == null) {
      treeSplit = new SplitPane();
      treeSplit.setId("tree-chart-split");
    }
    treeSplit.getItems().clear();
    sideSplit.getItems().remove(treeHost); // arrangePanels puts the tree (area) back
    if (show) {
      boolean beside = sequenceBesideItem.isSelected() && !sideLayout;
      treeSplit.setOrientation(
          beside ? javafx.geometry.Orientation.HORIZONTAL : javafx.geometry.Orientation.VERTICAL);
      treeSplit.getItems().setAll(treeHost, sequenceChart.node());
      treeSplit.setDividerPositions(beside ? 0.55 : 0.58);
    }
    sequenceChart.node().setVisible(show);
    if (sideLayout) {
      // over the chart the tree has about a third of the window's height: the whole tree, fitted
      // (its boxes smaller than the readable view's), rather than its root alone
      if (show) {
        treePane.fit();
      } else {
        treePane.readable();
      }
    }
  }

  /** The tree, or the tree and the sequence chart in their split pane while the chart is shown. */
  private Node treeArea() {
    return sequenceItem.isSelected() ? treeSplit : treeHost;
  }

  /** Puts {@code strip} under the tree and the inspector, across the window (the timeline). */
  private void placeUnderTree(Node strip) {
    int at = mainSplit.getItems().indexOf(sideSplit);
    mainSplit.getItems().remove(at);
    treeColumn = new VBox(sideSplit, strip);
    treeColumn.setMinHeight(0);
    VBox.setVgrow(sideSplit, javafx.scene.layout.Priority.ALWAYS);
    mainSplit.getItems().add(at, treeColumn);
  }

  /** The console pane's output rows that stay in sight at any font scale, over its input line. */
  public static final int CONSOLE_ROWS = 3;

  /**
   * The console pane's least height at {@code scale}: its title, {@link #CONSOLE_ROWS} rows of
   * output and the input line in the chrome's font (13 px times {@link #chromeScale}), with the
   * controls' padding: about 115 px at 100 %, 165 px at 250 % (at 250 % the side column gave it one
   * row).
   */
  static double consoleMinHeight(double scale) {
    return consoleMinHeight(scale, false);
  }

  /**
   * The console's least height, under the tree of a lesson at a big scale ({@code
   * underLessonTree}): without its title and with {@link #LESSON_CONSOLE_ROWS} rows, so the tree
   * over it keeps a sensible share of a 720 px window's height.
   */
  static double consoleMinHeight(double scale, boolean underLessonTree) {
    double px = 13 * chromeScale(scale);
    double row = Math.ceil(px * 1.34);
    double title = underLessonTree ? 0 : Math.ceil(px * 1.3) + 4;
    double input = row + 14;
    return title + (underLessonTree ? LESSON_CONSOLE_ROWS : CONSOLE_ROWS) * row + 14 + input;
  }

  /** The console's output rows kept in sight under the tree of a lesson at a big scale. */
  public static final int LESSON_CONSOLE_ROWS = 2;

  /**
   * The tree's default share of the height it shares with the console under it in a lesson at a big
   * scale (the console gets the rest: about its two rows at 250 % in 1280x720).
   */
  static final double LESSON_TREE_SHARE = 0.72;

  /** The font scale last set (View > Font size). */
  private double fontScale = 1.0;

  /** The event log's text size: 12 px at 100 %, 18 px at 250 %. */
  static double logFontPixels(double scale) {
    return 12 + 4 * (Math.max(1, scale) - 1);
  }

  /** This view is being replaced (another language): stop showing the view model's notices. */
  public void dispose() {
    vm.notices().removeListener(noticeListener);
    captions.dispose();
    if (openMenu != null) {
      openMenu.hide();
    }
  }

  /** Saves what the window should look like next time. */
  public void saveLayout() {
    if (arranging || !panelsShown.get()) {
      return;
    }
    if (lessonColumn()) {
      if (sideSplit.getDividerPositions().length == 1
          && lessonSplit.getDividerPositions().length == 1) {
        prefs.putDouble("lesson.tabsDivider", sideSplit.getDividerPositions()[0]);
        prefs.putDouble("lesson.treeShare", lessonSplit.getDividerPositions()[0]);
      }
    } else if (sideLayout) {
      double[] p = panelSplit.getDividerPositions();
      if (p.length == 2 && sideSplit.getDividerPositions().length == 1) {
        prefs.putDouble("side.treeDivider", sideSplit.getDividerPositions()[0]);
        prefs.putDouble("side.inspectorDivider", p[0]);
        prefs.putDouble("side.logDivider", p[1]);
      }
    } else if (mainSplit.getDividerPositions().length == 1
        && sideSplit.getDividerPositions().length == 1) {
      prefs.putDouble("mainDivider", mainSplit.getDividerPositions()[0]);
      prefs.putDouble("sideDivider", sideSplit.getDividerPositions()[0]);
      if (bottomSplit.getDividerPositions().length == 1) {
        prefs.putDouble("bottomDivider", bottomSplit.getDividerPositions()[0]);
      }
    }
  }

  /**
   * Whether {@code focus} takes typed text: a text field, a spinner or an editable combo box (or
   * something inside one). While it does, no single-key shortcut fires.
   */
  static boolean isTyping(Node focus) {
    for (Node n = focus; n != null; n = n.getParent()) {
      if (n instanceof TextInputControl
          || n instanceof Spinner<?>
          || n instanceof javafx.scene.control.ComboBox<?> c && c.isEditable()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The keyboard shortcuts (space, S / right, left, Home, End, + / -, R, N, F, Shift+F, F11,
   * Alt+Left / Alt+Right); a scene key filter calls it. While a text field or spinner has the focus
   * the single-key shortcuts do nothing (the key press is consumed so no menu accelerator fires;
   * the typed character still reaches the field).
   */
  public void handleKey(KeyEvent e) {
    Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
    KeyCode k = e.getCode();
    if (e.isAltDown()
        && !e.isControlDown()
        && !e.isMetaDown()
        && (k == KeyCode.LEFT || k == KeyCode.RIGHT)) {
      // time steps, also while a tree node has the keyboard focus
      if (k == KeyCode.LEFT) {
        vm.stepBack();
      } else {
        vm.step();
      }
      e.consume();
      return;
    }
    if (e.isShortcutDown()
        && !e.isAltDown()
        && k == KeyCode.Z
        && (!isTyping(focus) || focus instanceof TextInputControl t && t.getText().isEmpty())) {
      // the last fork or Reset (a text field with text keeps its own Ctrl+Z; an empty one, the
      // console's input after a line ran, has nothing to undo)
      vm.undo();
      e.consume();
      return;
    }
    if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
      return;
    }
    if (focus instanceof ProcessNodeView && TREE_KEYS.contains(k)) {
      return; // a tree node has the focus: the arrows move between nodes, Enter sends :kaboom
    }
    if (isTyping(focus)) {
      if (SINGLE_KEYS.contains(k)) {
        e.consume(); // the menu accelerators must not fire; KEY_TYPED still types the character
      }
      return;
    }
    switch (k) {
      case SPACE -> vm.pausedProperty().set(!vm.pausedProperty().get());
      case S, RIGHT -> vm.step();
      case LEFT -> vm.stepBack();
      case HOME -> vm.seekStart();
      case END -> vm.goLive();
      case PLUS, ADD, EQUALS -> vm.changeSpeed(+1);
      case MINUS, SUBTRACT -> vm.changeSpeed(-1);
      case R -> vm.reset();
      case N -> vm.runNextScriptStep();
      case P -> panelsShown.set(!panelsShown.get());
      case F -> {
        if (e.isShiftDown()) {
          treePane.readable();
        } else {
          treePane.fit();
        }
      }
      case F11 -> {
        if (stage != null) {
          stage.setFullScreen(!stage.isFullScreen());
        }
      }
      default -> {
        return;
      }
    }
    e.consume();
  }

  /** The keys a focused tree node handles itself (TreePane). */
  private static final java.util.Set<KeyCode> TREE_KEYS =
      java.util.EnumSet.of(KeyCode.LEFT, KeyCode.RIGHT, KeyCode.UP, KeyCode.DOWN, KeyCode.ENTER);

  /** The shortcuts without a modifier (shown as the menus' accelerators). */
  private static final java.util.Set<KeyCode> SINGLE_KEYS =
      java.util.EnumSet.of(
          KeyCode.SPACE,
          KeyCode.S,
          KeyCode.PLUS,
          KeyCode.ADD,
          KeyCode.EQUALS,
          KeyCode.MINUS,
          KeyCode.SUBTRACT,
          KeyCode.R,
          KeyCode.N,
          KeyCode.P,
          KeyCode.F);

  private static void selectSpeed(ToggleGroup speeds, double s) {
    speeds.getToggles().stream()
        .filter(t -> Math.abs((Double) t.getUserData() - s) < 1e-9)
        .findFirst()
        .ifPresent(t -> t.setSelected(true));
  }

  static String formatSpeed(double s) {
    return s == Math.rint(s) ? Integer.toString((int) s) : Double.toString(s);
  }

  private void showTree(TreeModel t) {
    treePane.setModel(t);
    renderedRevision = -1;
    if (stage != null && vm.scenarioProperty().get() != null) {
      stage.setTitle(
          MessageFormat.format(bundle.getString("app.title"), vm.scenarioProperty().get().name()));
    }
    refreshInspector(true);
  }

  /** Called once per frame after the view model's frame: redraws what changed. */
  public void render() {
    render(System.nanoTime());
  }

  /** {@link #render()} at the frame time {@code nowNanos} (the caption strip's clock). */
  public void render(long nowNanos) {
    captions.tick(nowNanos);
    if (focusTreeAfterFork) {
      focusTreeAfterFork = false;
      treePane.focusTree();
    }
    int shownEvents = vm.foldedEvents();
    boolean folding = shownEvents != renderedEvents;
    renderedEvents = shownEvents;
    boolean storm = storming();
    // in a storm (the picture catching up, a beat merging many steps) the frame that folds a beat
    // or a click's answer lays out and repaints the tree: the log, the sequence chart, the
    // inspector, the console and the timeline follow in the next frames, one a frame, so no frame
    // folds or repaints much more than one of them (the p99 frame at 2,000 nodes; the software
    // renderer repainted the tree, the log, the inspector and the console at once, 470,000 pixels,
    // for each click); a storm that folds in every frame (a fast speed) still gets them every
    // fifth frame
    boolean slot = storm && (!folding || ++foldingFrames > 4);
    if (slot) {
      foldingFrames = 0;
    }
    boolean done = (!storm || slot) && syncLog() && storm;
    if (logGrew) {
      logGrew = false;
      scrollFrames = 3; // again for a few frames: a relayout (new font size) may move it back
      scrollAfterLayout = true;
    }
    if (scrollFrames > 0) {
      scrollFrames--;
      scrollLogToEnd();
    }
    long rev = vm.revisionProperty().get();
    if (rev != renderedRevision) {
      renderedRevision = rev;
      treePane.refresh();
      treePane.markPending(vm.pendingClicks());
      inspectorStale = true;
    }
    if (!storm) {
      refreshInspector(nowNanos);
      timeline.refresh(nowNanos);
      sequenceChart.refresh();
      consolePane.catchUp(); // a line's answer, once the tree has shown what it set off
    } else if (slot && !done) {
      done = sequenceChart.refresh() || refreshInspector(nowNanos);
      if (!done) {
        done = consolePane.catchUp();
      }
      if (!done) {
        timeline.refresh(nowNanos);
      }
    }
    scriptButton.setDisable(vm.scriptRemaining() == 0);
    String status =
        MessageFormat.format(bundle.getString("status.time"), vm.shownClock())
            + "   \u00b7   "
            + MessageFormat.format(
                bundle.getString("status.speed"), formatSpeed(vm.speedProperty().get()))
            + "   \u00b7   "
            + bundle.getString(vm.pausedProperty().get() ? "status.paused" : "status.running")
            + (vm.tree() == null
                ? ""
                : "   \u00b7   "
                    + MessageFormat.format(bundle.getString("status.nodes"), liveInTree()))
            + (vm.playheadProperty().get() >= 0
                ? "   \u00b7   "
                    + MessageFormat.format(
                        bundle.getString("status.past"),
                        vm.playheadProperty().get() + 1,
                        vm.marks().size())
                : "")
            + (vm.catchingUpProperty().get()
                ? "   \u00b7   "
                    + MessageFormat.format(bundle.getString("status.catchingUp"), vm.behindLimit())
                : "")
            + (vm.pendingClicks().isEmpty()
                ? ""
                : "   \u00b7   "
                    + MessageFormat.format(
                        bundle.getString("status.clickQueued"), vm.pendingClicks().size()));
    if (!status.equals(statusBar.getText())) {
      statusBar.setText(status);
    }
  }

  /**
   * Brings the lines the log shows up to the view model's; returns whether they changed. A storm
   * drops the oldest lines and appends new ones: the shown list does the same (its cells for the
   * lines still shown are kept), anything else replaces all of it.
   */
  private boolean syncLog() {
    if (!logBehind) {
      return false;
    }
    logBehind = false;
    List<String> now = vm.logLines();
    int shown = logShown.size();
    if (shown == 0 || now.isEmpty()) {
      logShown.setAll(now);
      return true;
    }
    // the shown list's last line in the view model's (the same object), from the end
    String last = logShown.get(shown - 1);
    int at = -1;
    for (int i = now.size() - 1; i >= 0 && i >= now.size() - 4096; i--) {
      if (now.get(i) == last) {
        at = i;
        break;
      }
    }
    int dropped = shown - 1 - at;
    if (at < 0 || dropped < 0 || now.get(0) != logShown.get(dropped)) {
      logShown.setAll(now);
      return true;
    }
    if (dropped > 0) {
      logShown.remove(0, dropped);
    }
    if (at + 1 < now.size()) {
      logShown.addAll(now.subList(at + 1, now.size()));
    }
    return true;
  }

  private void scrollLogAfterLayout() {
    if (scrollAfterLayout) {
      scrollAfterLayout = false;
      scrollLogToEnd();
      logList.layout();
    }
  }

  /** Brings the log's newest line into view. */
  private void scrollLogToEnd() {
    if (logShown.isEmpty()) {
      return;
    }
    int last = logShown.size() - 1;
    // VirtualFlow.scrollTo brings the line into view at the bottom (ListView.scrollTo would put
    // it at the top, or leave it below when the list cannot scroll that far yet)
    if (logList.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
      flow.scrollTo(last);
    } else {
      logList.scrollTo(last);
    }
  }

  /**
   * The log line of the step the playhead is on is selected and in view (its explanation in the
   * caption strip); back at the present, no line is.
   */
  private void highlightLogAt(int mark) {
    if (mark < 0 || mark >= vm.marks().size()) {
      logList.getSelectionModel().clearSelection();
      return;
    }
    syncLog(); // (the line's index is the view model's)
    int line = Math.min(logShown.size(), vm.marks().get(mark).logLines()) - 1;
    if (line >= 0) {
      logList.getSelectionModel().select(line);
      if (logList.lookup(".virtual-flow")
          instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
        flow.scrollTo(line);
      } else {
        logList.scrollTo(line);
      }
    }
  }

  /** The view model's folded events at the last {@link #render}. */
  private int renderedEvents = -1;

  /** Frames in a row that folded in a storm (and so left the chart and the others waiting). */
  private int foldingFrames;

  /** The processes of the tree that are alive now (what the status bar counts). */
  private long liveCounted = -1;

  private long liveCount;
  private Object liveTree;

  /** Live processes in the tree (counted again only when the model changed). */
  private long liveInTree() {
    long rev = vm.revisionProperty().get();
    if (rev != liveCounted || liveTree != vm.tree() || vm.tree().size() < 100) {
      liveCounted = rev;
      liveTree = vm.tree();
      liveCount = countLive();
    }
    return liveCount;
  }

  private long countLive() {
    return vm.tree().liveCount();
  }

  /**
   * Shows a file's problem in the red bar, which floats over the top of the tree, under the caption
   * strip (the tree keeps its size and place as it comes and goes): the loader's one line ({@code
   * file:line:column: what}) in the window's language (the command line prints it in English),
   * after a lead-in (Korean: that the file could not be opened or saved; English: none, the line
   * says it).
   */
  private void showError(String message) {
    boolean show = message != null && !message.isEmpty();
    errorLabel.setText(show ? bundle.getString("error.lead") + message : "");
    errorBar.setVisible(show); // under the caption strip, over the tree: nothing under it moves
  }

  /**
   * Shows the explanation of log line {@code index} in the caption strip: the line itself when it
   * is a sentence, else the first sentence below it (the one that explains its step).
   */
  public void explainLogLine(int index) {
    syncLog(); // (the index is the view model's)
    explainShownLine(index);
  }

  /** {@link #explainLogLine} for line {@code index} of the list as it is shown. */
  private void explainShownLine(int index) {
    List<String> log = logShown;
    for (int i = Math.max(0, index); i >= 0 && i < log.size() && i <= index + 8; i++) {
      var n = vm.narration().narrationOf(log.get(i));
      if (n.isPresent()) {
        captions.show(n.get());
        return;
      }
    }
  }

  // ---- inspector ----

  /**
   * True while the picture catches up with a storm: the frames that fold a beat or a click's answer
   * leave the chart, the inspector, the console and the timeline to the frames after.
   */
  private boolean storming() {
    return vm.catchingUpProperty().get();
  }

  /**
   * Brings the inspector up to date at frame time {@code nowNanos}: a new selection at once, the
   * selected process's values at most every {@link #INSPECTOR_NANOS} while the run goes on live (in
   * a storm every frame changes the model, and updating its rows each frame cost the window 8-15 ms
   * of CPU a frame, bench U1 with a click twice a second), and every change while paused or looking
   * back. Returns whether it updated anything.
   */
  private boolean refreshInspector(long nowNanos) {
    boolean live = !vm.pausedProperty().get() && vm.playheadProperty().get() < 0;
    boolean selection = inspectorSelected;
    if (!selection && (!inspectorStale || (live && nowNanos - inspectedAt < INSPECTOR_NANOS))) {
      return false;
    }
    inspectorSelected = false;
    inspectorStale = false;
    inspectedAt = nowNanos;
    refreshInspector(selection);
    return true;
  }

  private void refreshInspector(boolean selectionChanged) {
    String path = vm.selectedPathProperty().get();
    if (!selectionChanged && path == null) {
      return;
    }
    inspector.show(path);
    boolean none = inspector.sheet().getItems().isEmpty();
    inspectorHint.setVisible(none);
    inspectorHint.setManaged(none);
    inspector.sheet().setVisible(!none);
    // (an empty sheet kept its place and squeezed the hint to one line and an ellipsis at 250 %)
    inspector.sheet().setManaged(!none);
  }

  // ---- notifications ----

  /** Shows a notice as a ControlsFX notification at the window's bottom right. */
  private void notify(MainViewModel.Notice n) {
    String text = MessageFormat.format(bundle.getString(n.key()), n.argument());
    lastNotification = text;
    if (stage == null || !stage.isShowing()) {
      return;
    }
    Notifications note =
        Notifications.create()
            .title(bundle.getString(n.key() + ".title"))
            .text(text)
            .owner(stage)
            .position(Pos.BOTTOM_RIGHT)
            .hideAfter(Duration.seconds(5));
    if (n.key().equals("notify.openFailed")) {
      note.showError();
    } else if (n.key().equals("notify.saved")) {
      note.showInformation();
    } else {
      note.showWarning();
    }
  }

  /** The text of the last notification shown (tests). */
  public String lastNotification() {
    return lastNotification;
  }

  // ---- context menu ----

  /** The right-click menu of the node at {@code path}. */
  public ContextMenu contextMenuFor(String path) {
    ContextMenu menu = new ContextMenu();
    // in the chrome's font: shown on a box, the menu took the tree's (32.5 px at 250 %, and the
    // supervisor's menu nearly filled a 720 px screen); its submenus inherit it
    menu.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", chromePx));
    ProcessNodeModel n = vm.tree().node(path).orElseThrow();
    Menu exit = new Menu(bundle.getString("ctx.exit"));
    exit.setMnemonicParsing(false);
    exit.setId("ctx-exit");
    for (String reason : List.of("kaboom", "kill", "normal", "shutdown")) {
      exit.getItems().add(item(":" + reason, "ctx-exit-" + reason, () -> vm.exit(path, reason)));
    }
    exit.getItems()
        .add(
            item(
                bundle.getString("ctx.exit.custom"),
                "ctx-exit-custom",
                () -> askReason().ifPresent(r -> vm.exit(path, r))));
    menu.getItems().add(exit);
    if (n.isSupervisor()) {
      // Supervisor.stop/2: it stops its children and exits with the reason
      Menu stop = new Menu(bundle.getString("ctx.supervisorStop"));
      stop.setMnemonicParsing(false);
      stop.setId("ctx-sup-stop");
      for (String reason : List.of("normal", "shutdown")) {
        stop.getItems()
            .add(
                item(
                    ":" + reason,
                    "ctx-sup-stop-" + reason,
                    () -> vm.stop(path, dev.kaboom.engine.Atom.of(reason))));
      }
      stop.getItems()
          .add(
              item(
                  bundle.getString("ctx.exit.custom"),
                  "ctx-sup-stop-custom",
                  () -> askReason().ifPresent(r -> vm.stop(path, r))));
      menu.getItems().add(stop);
    }
    if (!n.isSupervisor()) {
      Menu stop = new Menu(bundle.getString("ctx.stop"));
      stop.setMnemonicParsing(false);
      stop.setId("ctx-stop");
      for (String reason : List.of("normal", "shutdown", "kaboom")) {
        stop.getItems().add(item(":" + reason, "ctx-stop-" + reason, () -> vm.stop(path, reason)));
      }
      stop.getItems()
          .add(
              item(
                  bundle.getString("ctx.exit.custom"),
                  "ctx-stop-custom",
                  () -> askReason().ifPresent(r -> vm.stop(path, r))));
      menu.getItems().add(stop);
    } else {
      List<MenuItem> calls = new java.util.ArrayList<>();
      calls.add(
          item(
              bundle.getString("ctx.which"),
              "ctx-which",
              () -> vm.call(path, new SupervisorRequest.WhichChildren())));
      calls.add(
          item(
              bundle.getString("ctx.count"),
              "ctx-count",
              () -> vm.call(path, new SupervisorRequest.CountChildren())));
      calls.add(
          childMenu(
              "ctx.terminate", n, id -> vm.call(path, new SupervisorRequest.TerminateChild(id))));
      calls.add(
          childMenu("ctx.restart", n, id -> vm.call(path, new SupervisorRequest.RestartChild(id))));
      calls.add(
          childMenu("ctx.delete", n, id -> vm.call(path, new SupervisorRequest.DeleteChild(id))));
      calls.add(new SeparatorMenuItem());
      calls.add(
          item(
              bundle.getString("ctx.startChild"),
              "ctx-start-child",
              () -> askChildSpec(n).ifPresent(spec -> vm.startChild(path, spec))));
      menu.getItems().add(new SeparatorMenuItem());
      if (chromePx >= 13 * 1.5) {
        // large fonts: the supervisor's calls in one submenu, so the menu stays short
        Menu group = new Menu(bundle.getString("ctx.calls"));
        group.setMnemonicParsing(false);
        group.setId("ctx-calls");
        group.getItems().addAll(calls);
        menu.getItems().add(group);
      } else {
        menu.getItems().addAll(calls);
      }
    }
    return menu;
  }

  private Menu childMenu(String key, ProcessNodeModel sup, Consumer<String> action) {
    Menu m = new Menu(bundle.getString(key));
    m.setMnemonicParsing(false);
    m.setId(key.replace('.', '-'));
    for (ProcessNodeModel c : sup.children()) {
      m.getItems()
          .add(item(c.id(), key.replace('.', '-') + "-" + c.id(), () -> action.accept(c.id())));
    }
    return m;
  }

  private static MenuItem item(String text, String id, Runnable action) {
    MenuItem i = new MenuItem(text);
    i.setMnemonicParsing(false);
    i.setId(id);
    i.setOnAction(e -> action.run());
    return i;
  }

  /**
   * Asks for a new child's id, kind (worker / supervisor) and restart type. Returns the spec, or
   * empty when cancelled.
   */
  private Optional<TreeNode> askChildSpec(ProcessNodeModel sup) {
    Dialog<TreeNode> d = new Dialog<>();
    d.setTitle(bundle.getString("startChild.title"));
    d.setHeaderText(MessageFormat.format(bundle.getString("startChild.header"), sup.path()));
    if (stage != null) {
      d.initOwner(stage);
    }
    int n = sup.children().size() + 1;
    String suggestion = "worker" + n;
    while (!validChildId(sup, suggestion)) {
      suggestion = "worker" + ++n;
    }
    TextField id = new TextField(suggestion);
    id.setId("start-child-id");
    ChoiceBox<String> kind = new ChoiceBox<>();
    kind.getItems()
        .setAll(bundle.getString("startChild.worker"), bundle.getString("startChild.supervisor"));
    kind.getSelectionModel().select(0);
    kind.setId("start-child-kind");
    ChoiceBox<RestartType> restart = new ChoiceBox<>();
    restart.getItems().setAll(RestartType.values());
    restart.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(RestartType r) {
            return r == null ? "" : r.otpName();
          }

          @Override
          public RestartType fromString(String s) {
            return null;
          }
        });
    restart.getSelectionModel().select(RestartType.PERMANENT);
    restart.setId("start-child-restart");
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label(bundle.getString("startChild.id")), id);
    grid.addRow(1, new Label(bundle.getString("startChild.kind")), kind);
    grid.addRow(2, new Label(bundle.getString("startChild.restart")), restart);
    d.getDialogPane().setContent(grid);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    sayButtons(d.getDialogPane());
    Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
    ok.disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !validChildId(sup, id.getText()), id.textProperty()));
    d.setResultConverter(
        b ->
            b == ButtonType.OK
                ? MainViewModel.newChildSpec(
                    id.getText().trim(),
                    kind.getSelectionModel().getSelectedIndex() == 1,
                    restart.getValue())
                : null);
    Platform.runLater(id::requestFocus);
    return d.showAndWait();
  }

  /**
   * Says a dialog's OK and Cancel in the window's language (JavaFX says them in the JVM's: English
   * buttons under a Korean question).
   */
  private void sayButtons(javafx.scene.control.DialogPane pane) {
    if (pane.lookupButton(ButtonType.OK) instanceof Button ok) {
      ok.setText(bundle.getString("dialog.ok"));
    }
    if (pane.lookupButton(ButtonType.CANCEL) instanceof Button cancel) {
      cancel.setText(bundle.getString("dialog.cancel"));
    }
  }

  /** A child id: an atom-like word, not used by a sibling that is still there. */
  public static boolean validChildId(ProcessNodeModel sup, String id) {
    String t = id == null ? "" : id.trim();
    return t.matches("[A-Za-z_][A-Za-z0-9_.@]*")
        && sup.children().stream().noneMatch(c -> c.id().equals(t) && !c.leaving());
  }

  /**
   * Asks for a reason in Elixir syntax ({@code :timeout}, {@code {:shutdown, :done}}): while the
   * text is no term, the dialog says what is wrong and where, and OK stays disabled.
   */
  private Optional<dev.kaboom.engine.Term> askReason() {
    TextInputDialog d = new TextInputDialog("{:shutdown, :done}");
    d.setTitle(bundle.getString("ctx.custom.title"));
    d.setHeaderText(bundle.getString("ctx.custom.header"));
    Label error = new Label();
    error.setId("reason-error");
    error.setWrapText(true);
    d.getDialogPane().setExpandableContent(null);
    javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(6, d.getEditor(), error);
    d.getDialogPane().setContent(box);
    sayButtons(d.getDialogPane());
    javafx.scene.Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
    Runnable check =
        () -> {
          try {
            dev.kaboom.engine.TermSyntax.parseElixir(d.getEditor().getText());
            error.setText("");
            ok.setDisable(false);
          } catch (dev.kaboom.engine.TermSyntax.ParseError e) {
            error.setText(bundle.getString("ctx.custom.bad") + " " + e.getMessage());
            ok.setDisable(true);
          }
        };
    d.getEditor().textProperty().addListener((o, a, b) -> check.run());
    check.run();
    return d.showAndWait()
        .flatMap(
            s -> {
              try {
                return Optional.of(dev.kaboom.engine.TermSyntax.parseElixir(s));
              } catch (dev.kaboom.engine.TermSyntax.ParseError e) {
                return Optional.empty();
              }
            });
  }

  // ---- menu and toolbar actions ----

  /**
   * Acting while looking back forks the run: asks first, saying how many later steps go (Ctrl+Z
   * brings them back). True: fork. Without a window on screen (tests of the model) it forks.
   */
  private boolean confirmFork() {
    Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
    typingBeforeFork = isTyping(focus);
    if (stage == null || !stage.isShowing()) {
      return true;
    }
    int k = vm.playheadProperty().get();
    int total = vm.marks().size();
    Alert a =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            MessageFormat.format(bundle.getString("fork.text"), k + 1, total, total - k - 1));
    a.setHeaderText(MessageFormat.format(bundle.getString("fork.header"), k + 1, total));
    a.setTitle(bundle.getString("fork.title"));
    ButtonType fork =
        new ButtonType(
            bundle.getString("fork.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
    ButtonType cancel =
        new ButtonType(
            bundle.getString("dialog.cancel"),
            javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
    a.getButtonTypes().setAll(fork, cancel);
    a.getDialogPane().setId("fork-dialog");
    a.getDialogPane().lookupButton(fork).setId("fork-ok");
    a.getDialogPane().lookupButton(cancel).setId("fork-cancel");
    a.initOwner(stage);
    return a.showAndWait().filter(b -> b == fork).isPresent();
  }

  /**
   * Before the run is dropped (open, reload, quit): when it has unsaved commands, asks whether to
   * save it first. True: go on (saved, or not wanted); false: cancelled.
   */
  public boolean mayDropRun() {
    if (!vm.hasUnsavedRun() || stage == null || !stage.isShowing()) {
      return true;
    }
    Alert a = new Alert(Alert.AlertType.CONFIRMATION, bundle.getString("unsaved.text"));
    a.setHeaderText(bundle.getString("unsaved.header"));
    a.setTitle(bundle.getString("unsaved.title"));
    ButtonType save =
        new ButtonType(
            bundle.getString("unsaved.save"), javafx.scene.control.ButtonBar.ButtonData.YES);
    ButtonType drop =
        new ButtonType(
            bundle.getString("unsaved.drop"), javafx.scene.control.ButtonBar.ButtonData.NO);
    ButtonType cancel =
        new ButtonType(
            bundle.getString("dialog.cancel"),
            javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
    a.getButtonTypes().setAll(save, drop, cancel);
    a.getDialogPane().setId("unsaved-dialog");
    a.initOwner(stage);
    ButtonType answer = a.showAndWait().orElse(cancel);
    if (answer == save) {
      return saveRunAs();
    }
    return answer == drop;
  }

  @FXML
  private void onOpen() {
    if (!mayDropRun()) {
      return;
    }
    FileChooser fc = new FileChooser();
    fc.setTitle(bundle.getString("file.chooser.title"));
    fc.getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                bundle.getString("file.chooser.filter"), "*.json", "*.yaml", "*.yml"));
    Path last = vm.scenarioPathProperty().get();
    if (last != null && last.toAbsolutePath().getParent() != null) {
      fc.setInitialDirectory(last.toAbsolutePath().getParent().toFile());
    }
    File f = fc.showOpenDialog(stage);
    if (f != null) {
      open(f.toPath());
    }
  }

  /** Opens {@code file}; remembers it when it loaded. */
  public boolean open(Path file) {
    boolean ok = vm.open(file);
    if (ok) {
      prefs.put("lastScenario", file.toAbsolutePath().toString());
    }
    return ok;
  }

  @FXML
  private void onSaveRun() {
    saveRunAs();
  }

  /** Asks where, and saves the run there; false when cancelled or not written. */
  private boolean saveRunAs() {
    FileChooser fc = new FileChooser();
    fc.setTitle(bundle.getString("file.saveRun.title"));
    fc.getExtensionFilters()
        .add(new FileChooser.ExtensionFilter(bundle.getString("file.saveRun.filter"), "*.json"));
    var shown = vm.scenarioProperty().get();
    String base = shown == null ? "kaboom" : shown.name();
    fc.setInitialFileName(base.endsWith("-run") ? base + ".json" : base + "-run.json");
    File f = fc.showSaveDialog(stage);
    if (f == null) {
      return false;
    }
    Path to = runFileName(f.toPath());
    if (!vm.saveRun(to)) {
      return false;
    }
    String where = to.getFileName().toString();
    vm.tell("notify.saved", where);
    return true;
  }

  /**
   * {@code chosen} with {@code .json} added when it has no ending (a name typed into the save
   * dialog: GTK's adds none, and File > Open lists JSON and YAML files only).
   */
  static Path runFileName(Path chosen) {
    String name = chosen.getFileName().toString();
    return name.contains(".") ? chosen : chosen.resolveSibling(name + ".json");
  }

  @FXML
  private void onUndo() {
    vm.undo();
  }

  @FXML
  private void onStepBack() {
    vm.stepBack();
  }

  @FXML
  private void onStepForward() {
    vm.stepForward();
  }

  @FXML
  private void onReload() {
    if (!mayDropRun()) {
      return;
    }
    Path p = vm.scenarioPathProperty().get();
    if (p != null) {
      open(p);
    } else {
      vm.reset();
    }
  }

  @FXML
  private void onQuit() {
    if (!mayDropRun()) {
      return;
    }
    if (stage != null) {
      stage.close();
    } else {
      Platform.exit();
    }
  }

  @FXML
  private void onTogglePause() {
    vm.pausedProperty().set(!vm.pausedProperty().get());
  }

  @FXML
  private void onStep() {
    vm.step();
  }

  @FXML
  private void onFaster() {
    vm.changeSpeed(+1);
  }

  @FXML
  private void onSlower() {
    vm.changeSpeed(-1);
  }

  @FXML
  private void onReset() {
    vm.reset();
  }

  @FXML
  private void onScriptStep() {
    vm.runNextScriptStep();
  }

  @FXML
  private void onFinish() {
    vm.runToIdle();
  }

  @FXML
  private void onResetSettings() {
    shell.resetSettings();
  }

  @FXML
  private void onFit() {
    treePane.fit();
  }

  @FXML
  private void onReadable() {
    treePane.readable();
  }

  @FXML
  private void onZoomIn() {
    treePane.zoomIn();
  }

  @FXML
  private void onZoomOut() {
    treePane.zoomOut();
  }

  @FXML
  private void onCloseError() {
    vm.clearError();
  }

  @FXML
  private void onShortcuts() {
    Alert a = new Alert(Alert.AlertType.INFORMATION, bundle.getString("help.shortcuts"));
    a.setHeaderText(bundle.getString("menu.help.shortcuts"));
    a.setTitle(bundle.getString("menu.help.shortcuts")); // (JavaFX's is "Information")
    sayButtons(a.getDialogPane());
    a.initOwner(stage);
    a.show();
  }

  /** Log lines styled by kind (supervisor, progress and crash reports, commands). */
  /**
   * A line of the event log. Its kind is a pseudo-class ({@code :crash-report :supervisor-report
   * :progress-report :command :narration-line}), not a style class: in a storm the cells show new
   * lines every frame, and a style class changed would look its CSS up again each time; its one
   * tooltip is kept and given the new line.
   */
  private static final class LogCell extends ListCell<String> {
    private static final String[] KINDS = {
      "narration-line", "supervisor-report", "progress-report", "crash-report", "command"
    };
    private static final javafx.css.PseudoClass[] STATES =
        java.util.Arrays.stream(KINDS)
            .map(javafx.css.PseudoClass::getPseudoClass)
            .toArray(javafx.css.PseudoClass[]::new);

    private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
    private int shownKind = -1;

    LogCell() {
      setMnemonicParsing(false);
      setPrefWidth(0); // as wide as the list: long lines end in an ellipsis, no scroll bar
      setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
    }

    @Override
    protected void updateItem(String line, boolean empty) {
      super.updateItem(line, empty);
      boolean none = empty || line == null;
      setText(none ? null : line);
      if (none || line.length() < 40) {
        setTooltip(null);
      } else {
        tip.setText(line);
        setTooltip(tip);
      }
      int kind = none ? -1 : kindOf(line);
      if (kind != shownKind) {
        for (int i = 0; i < STATES.length; i++) {
          pseudoClassStateChanged(STATES[i], i == kind);
        }
        shownKind = kind;
      }
    }

    /** The index in {@link #KINDS} of a line's kind, or -1 for a plain line. */
    static int kindOf(String line) {
      if (line.startsWith(dev.kaboom.ui.model.NarrationFeed.PREFIX)) {
        return 0;
      } else if (line.contains("=SUPERVISOR REPORT")) {
        return 1;
      } else if (line.contains("=PROGRESS REPORT")) {
        return 2;
      } else if (line.contains("=CRASH REPORT")) {
        return 3;
      } else if (line.startsWith(">")) {
        return 4;
      }
      return -1;
    }
  }
}
