package dev.kaboom.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/scenario-format.md's examples load and run as the page says. */
class ScenarioFormatDocTest {
  static List<String> codeBlocks(String markdown, String after) {
    String text = markdown.substring(markdown.indexOf(after));
    List<String> blocks = new ArrayList<>();
    int at = 0;
    while ((at = text.indexOf("```", at)) >= 0) {
      int start = text.indexOf('\n', at) + 1;
      int end = text.indexOf("```", start);
      blocks.add(text.substring(start, end));
      at = end + 3;
    }
    return blocks;
  }

  static String doc() throws Exception {
    return Files.readString(Path.of("docs", "scenario-format.md"));
  }

  @Test
  void theJsonAndYamlScenariosOfSectionOneAreTheSame() throws Exception {
    List<String> blocks = codeBlocks(doc(), "## 1. Scenario files");
    Scenario json = ScenarioLoaderTest.loaded("one_for_all.json", blocks.get(0));
    Scenario yaml = ScenarioLoaderTest.loaded("one_for_all.yaml", blocks.get(1));
    assertThat(yaml).isEqualTo(json);
  }

  @Test
  void theExampleTraceIsWhatKaboomPrints() throws Exception {
    List<String> blocks = codeBlocks(doc(), "### Example");
    assertThat(Given.trace(Given.scenario(blocks.get(0))))
        .isEqualTo(blocks.get(1).lines().toList());
  }
}
