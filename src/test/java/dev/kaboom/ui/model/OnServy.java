package dev.kaboom.ui.model;

import dev.kaboom.engine.Pid;
import dev.kaboom.ui.MainWindow;
import org.junit.jupiter.api.BeforeEach;

/**
 * The view-model tests' common start: a fresh {@link MainViewModel} on the bundled Servy scenario
 * before each test (no window), and its drawn nodes by path.
 */
abstract class OnServy {
  protected MainViewModel vm;

  @BeforeEach
  void openServy() {
    vm = new MainViewModel();
    vm.load(MainWindow.bundledServy(), null);
  }

  /** The drawn node at {@code path} (fails when there is none). */
  protected ProcessNodeModel node(String path) {
    return vm.tree().node(path).orElseThrow();
  }

  /** The pid of the process at {@code path} now (fails when none runs there). */
  protected Pid pid(String path) {
    return node(path).pid().orElseThrow();
  }
}
