package dev.kaboom.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** File > Save run: a name typed without an ending is saved as JSON, so File > Open lists it. */
class RunFileNameTest {
  @Test
  void aNameWithoutAnEndingGetsJson() {
    assertThat(MainController.runFileName(Path.of("/tmp/x/myrun")))
        .isEqualTo(Path.of("/tmp/x/myrun.json"));
    assertThat(MainController.runFileName(Path.of("/tmp/x/myrun.json")))
        .isEqualTo(Path.of("/tmp/x/myrun.json"));
    assertThat(MainController.runFileName(Path.of("class.run.txt")))
        .isEqualTo(Path.of("class.run.txt"));
  }
}
