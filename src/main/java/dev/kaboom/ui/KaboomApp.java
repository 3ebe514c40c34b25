package dev.kaboom.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: opens the main window (on a scenario file given as first argument). */
public final class KaboomApp extends Application {
  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getUnnamed();
    Optional<Path> file = args.isEmpty() ? Optional.empty() : Optional.of(Path.of(args.get(0)));
    AppPrefs prefs =
        "memory".equals(System.getProperty("kaboom.prefs")) ? AppPrefs.inMemory() : AppPrefs.user();
    String lang = System.getProperty("kaboom.lang");
    if (lang != null) {
      prefs.put("language", lang);
    }
    MainWindow.open(stage, prefs, file);
  }

  public static void main(String[] args) {
    launch(KaboomApp.class, args);
  }
}
