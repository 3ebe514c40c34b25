package dev.kaboom.ui;

import dev.kaboom.ui.settings.AppPrefs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: opens the main window (on a scenario file given as first argument). */
public final class KaboomApp extends Application {
  /** The system property {@code kaboom open RUN --at N} passes N in. */
  public static final String AT_PROPERTY = "kaboom.at";

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getUnnamed();
    Optional<Path> file = args.isEmpty() ? Optional.empty() : Optional.of(Path.of(args.get(0)));
    AppPrefs prefs = AppPrefs.forThisCopy();
    String lang = System.getProperty("kaboom.lang");
    if (lang != null) {
      prefs.put("language", lang);
    }
    MainWindow window = MainWindow.open(stage, prefs, file);
    String at = System.getProperty(AT_PROPERTY);
    if (at != null
        && file.isPresent()
        && dev.kaboom.run.RunFile.read(file.get())
            instanceof dev.kaboom.run.RunFile.Result.Loaded l) {
      window.viewModel().seekTraceLine(l.run(), Long.parseLong(at));
    }
    String lesson = getParameters().getNamed().get("lesson");
    if (lesson != null
        && dev.kaboom.lesson.LessonLoader.load(lesson)
            instanceof dev.kaboom.lesson.LessonLoader.Result.Loaded loaded) {
      window.openLesson(loaded.lesson());
    }
  }

  /** {@code mvn javafx:run} and the app image start here (through {@link Launcher}). */
  public static void main(String[] args) {
    int status = launchWindow(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Opens the window and returns when it is closed: 0, or 1 after one line on stderr saying why the
   * window could not be opened (no display, a bad {@code KABOOM_SETTINGS} name, a display that does
   * not answer).
   */
  public static int launchWindow(String[] args) {
    Optional<String> problem = Startup.problem();
    if (problem.isPresent()) {
      System.err.println(problem.get());
      return 1;
    }
    try {
      launch(KaboomApp.class, args);
      return 0;
    } catch (UnsupportedOperationException e) { // JavaFX: "Unable to open DISPLAY"
      System.err.println(Startup.cannotOpen(e));
      return 1;
    }
  }
}
