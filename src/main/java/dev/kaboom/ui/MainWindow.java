package dev.kaboom.ui;

import dev.kaboom.lesson.Lesson;
import dev.kaboom.lesson.LessonRun;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.settings.AppPrefs;
import dev.kaboom.ui.view.LessonPane;
import dev.kaboom.ui.view.MainController;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The main window on a stage: loads the FXML view in the chosen language, runs the one
 * AnimationTimer that drives the engine (through the view model) and redraws, and remembers the
 * window's layout and presentation settings.
 */
public final class MainWindow implements MainController.Shell {
  /** The scenario shown when nothing else is asked for. */
  public static final String BUNDLED_SERVY = "/scenarios/servy.json";

  private static final long MAX_FRAME_NANOS = 100_000_000L;

  private final Stage stage;
  private final AppPrefs prefs;
  private final MainViewModel vm = new MainViewModel();
  private final String fontFamily;
  private Locale locale;
  private MainController controller;
  private Scene scene;
  private AnimationTimer timer;
  private LessonPane lessonPane;

  private MainWindow(Stage stage, AppPrefs prefs, Locale locale) {
    this.stage = stage;
    this.prefs = prefs;
    this.locale = locale;
    this.fontFamily = Fonts.load();
  }

  /**
   * Opens the window on {@code stage}: on {@code file} if given, else the last opened scenario,
   * else the bundled Servy scenario.
   */
  public static MainWindow open(Stage stage, AppPrefs prefs, Optional<Path> file) {
    Locale locale = Locale.forLanguageTag(prefs.get("language", defaultLocale().getLanguage()));
    MainWindow w = new MainWindow(stage, prefs, locale);
    w.build();
    boolean loaded = false;
    if (file.isPresent()) {
      loaded = w.controller.open(file.get());
    } else {
      String last = prefs.get("lastScenario", "");
      if (!last.isEmpty() && Files.isRegularFile(Path.of(last))) {
        loaded = w.vm.open(Path.of(last));
        if (!loaded) {
          w.vm.clearError();
        }
      }
    }
    if (!loaded) {
      String error = w.vm.errorProperty().get();
      w.vm.load(bundledServy(), null);
      if (!error.isEmpty()) {
        w.vm.open(file.get()); // show why the asked-for file did not load, over Servy
      }
    }
    w.restoreGeometry();
    stage.setOnHiding(e -> w.saveGeometry()); // the close button and File > Quit alike
    stage.show();
    w.restoreGeometry(); // again: some window managers (openbox) ignore a size set before show
    // Remembered as they change too, so a window ended by a signal (SIGTERM, logging out) keeps
    // them: the settings store writes its pending changes out when the JVM shuts down.
    javafx.beans.InvalidationListener save = o -> w.saveGeometry();
    stage.xProperty().addListener(save);
    stage.yProperty().addListener(save);
    stage.widthProperty().addListener(save);
    stage.heightProperty().addListener(save);
    stage.maximizedProperty().addListener(save);
    w.timer.start();
    return w;
  }

  /** Korean on a Korean system, else English. */
  private static Locale defaultLocale() {
    return dev.kaboom.scenario.ErrorText.koreanSystem() ? Locale.KOREAN : Locale.ENGLISH;
  }

  /** The Servy scenario shipped in the jar. */
  public static Scenario bundledServy() {
    try (InputStream in = MainWindow.class.getResourceAsStream(BUNDLED_SERVY)) {
      if (in == null) {
        throw new IllegalStateException("bundled scenario missing: " + BUNDLED_SERVY);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      ScenarioLoader.Result r = ScenarioLoader.parse("servy.json", text);
      if (r instanceof ScenarioLoader.Result.Loaded l) {
        return l.scenario();
      }
      throw new IllegalStateException("bundled scenario invalid: " + r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens {@code lesson} in the window: its world starts empty (the tree grows under the console's
   * shell as lines start it), the lesson pane shows the step where the learner left off (the
   * settings remember it), and the step's setup lines run.
   */
  public void openLesson(Lesson lesson) {
    String key = "lesson." + lesson.name();
    LessonRun run = new LessonRun(lesson, (int) prefs.getDouble(key, 0));
    String world = lesson.worldAt(run.index());
    vm.loadEmpty(
        lesson.worlds().get(world),
        Lesson.worldFile(world),
        lesson.worldTexts().getOrDefault(world, null));
    vm.session().ifPresent(s -> s.listen(run::seeEvent));
    vm.treeProperty()
        .addListener((o, a, t) -> vm.session().ifPresent(s -> s.listen(run::seeEvent)));
    lessonPane =
        new LessonPane(run, locale.getLanguage(), i -> prefs.put(key, Integer.toString(i)));
    // a step is said done once the picture has drawn the cascade that did it, not while it plays
    lessonPane.setWhenDrawn(
        r -> {
          if (vm.behindEvents() == 0) {
            r.run();
            return;
          }
          javafx.beans.value.ChangeListener<Number> wait =
              new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(
                    javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                  if (vm.behindEvents() == 0) {
                    vm.revisionProperty().removeListener(this);
                    r.run();
                  }
                }
              };
          vm.revisionProperty().addListener(wait);
        });
    controller.showLesson(lessonPane);
    lessonPane.arrive();
  }

  /** The lesson pane, when a lesson is open. */
  public Optional<LessonPane> lessonPane() {
    return Optional.ofNullable(lessonPane);
  }

  public MainViewModel viewModel() {
    return vm;
  }

  public MainController controller() {
    return controller;
  }

  /**
   * Makes every frame advance the run by {@code nanos} of time, however long it really took (0: the
   * time that passed, as usual). The bench's load-independent mode: a frame's work no longer grows
   * when the machine is busy, so CPU per frame can be compared between loaded runs.
   */
  public void fixFrameTime(long nanos) {
    fixedFrameNanos = nanos;
    fixedClock = System.nanoTime();
  }

  private long fixedFrameNanos;
  private long fixedClock;

  /** Stops the frame loop (tests that want to drive time only through the engine). */
  public void stopTimer() {
    timer.stop();
  }

  @Override
  public Locale locale() {
    return locale;
  }

  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle("dev.kaboom.ui.messages", locale);
  }

  private void build() {
    Parent root = loadView();
    scene = new Scene(root, 1280, 820);
    scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> controller.handleKey(e));
    applyLook();
    timer =
        new AnimationTimer() {
          private long last = -1;

          @Override
          public void handle(long now) {
            long delta =
                last < 0
                    ? 0
                    : fixedFrameNanos > 0 ? fixedFrameNanos : Math.min(MAX_FRAME_NANOS, now - last);
            last = now;
            vm.frame(delta);
            if (fixedFrameNanos > 0) {
              fixedClock += fixedFrameNanos;
              controller.render(fixedClock);
            } else {
              controller.render();
            }
          }
        };
    stage.setScene(scene);
  }

  private Parent loadView() {
    ResourceBundle bundle = bundle(locale);
    FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainView.fxml"), bundle);
    MainController c = new MainController(vm, stage, prefs, bundle, this);
    loader.setControllerFactory(type -> c);
    loader.setController(c);
    try {
      Parent root = loader.load();
      controller = c;
      if (scene != null) {
        scene.setRoot(root);
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void switchLanguage(Locale newLocale) {
    controller.saveLayout();
    prefs.put("language", newLocale.getLanguage());
    reloadView(newLocale);
  }

  @Override
  public void resetSettings() {
    prefs.clear();
    reloadView(defaultLocale());
    stage.setFullScreen(false); // the window keeps its size and place until it is closed
  }

  /** Builds the view again in {@code newLocale} from the settings; the scenario stays. */
  private void reloadView(Locale newLocale) {
    controller.dispose();
    locale = newLocale;
    loadView();
    if (lessonPane != null) {
      lessonPane.setLanguage(newLocale.getLanguage());
      controller.showLesson(lessonPane);
    }
    applyLook();
    controller.render();
  }

  @Override
  public void applyLook() {
    double scale = prefs.getDouble("fontScale", 1.0);
    scene
        .getRoot()
        .setStyle(
            String.format(
                Locale.ROOT,
                "-fx-font-family: '%s'; -fx-font-size: %.1fpx;",
                fontFamily,
                13 * MainController.chromeScale(scale)));
    controller.setFontScale(scale); // the tree's boxes grow with the font
    boolean dark = prefs.get("theme", "light").equals("dark");
    Application.setUserAgentStylesheet(themeStylesheet(dark));
    scene.getStylesheets().setAll(MainWindow.class.getResource("kaboom.css").toExternalForm());
    if (dark) {
      scene.getStylesheets().add(MainWindow.class.getResource("kaboom-dark.css").toExternalForm());
    }
    if (prefs.getBoolean("highContrast", false)) {
      scene
          .getStylesheets()
          .add(MainWindow.class.getResource("high-contrast.css").toExternalForm());
    }
  }

  /**
   * The AtlantaFX theme under our own sheets (View > Theme): Primer Light, or Primer Dark for a
   * dark projector room. Our CSS (kaboom.css, then kaboom-dark.css, then high-contrast.css) goes on
   * top of it for the tree's node states.
   */
  public static String themeStylesheet(boolean dark) {
    atlantafx.base.theme.Theme t =
        dark ? new atlantafx.base.theme.PrimerDark() : new atlantafx.base.theme.PrimerLight();
    java.net.URL url = atlantafx.base.theme.Theme.class.getResource(t.getUserAgentStylesheet());
    return url == null ? t.getUserAgentStylesheet() : url.toExternalForm();
  }

  private void restoreGeometry() {
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    double w = prefs.getDouble("window.width", Math.min(1280, screen.getWidth()));
    double h = prefs.getDouble("window.height", Math.min(820, screen.getHeight()));
    stage.setWidth(Math.max(640, w));
    stage.setHeight(Math.max(480, h));
    double x = prefs.getDouble("window.x", Double.NaN);
    double y = prefs.getDouble("window.y", Double.NaN);
    if (!Double.isNaN(x) && !Double.isNaN(y)) {
      stage.setX(x);
      stage.setY(y);
    }
    stage.setMaximized(prefs.getBoolean("window.maximized", false));
  }

  /** Remembers the window's place, size and split positions. */
  public void saveGeometry() {
    if (!stage.isFullScreen()) {
      prefs.put("window.maximized", Boolean.toString(stage.isMaximized()));
      if (!stage.isMaximized()) {
        prefs.putDouble("window.width", stage.getWidth());
        prefs.putDouble("window.height", stage.getHeight());
        prefs.putDouble("window.x", stage.getX());
        prefs.putDouble("window.y", stage.getY());
      }
    }
    controller.saveLayout();
  }
}
