package dev.kaboom.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.ui.model.InspectorRow;
import dev.kaboom.ui.model.MainViewModel;
import dev.kaboom.ui.model.ProcessNodeModel;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * A DynamicSupervisor's {@code max_children} in the window's words, English and Korean: the
 * inspector's row, and the box's kind line when the supervisor is full. No window: the texts come
 * from the same static functions the views call.
 */
class MaxChildrenTextTest {
  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle("dev.kaboom.ui.messages", locale);
  }

  /**
   * The Korean particle after the answer is {@code 을}: it is read {@code ... 맥스 칠드런}, which ends in
   * a consonant (it said {@code 를}; seen in the Korean window's inspector, 1280x720).
   */
  @Test
  void theInspectorRowSaysTheLimitTheCountAndWhatAFullOneAnswers() {
    ResourceBundle en = bundle(Locale.ENGLISH);
    ResourceBundle ko = bundle(Locale.KOREAN);
    assertThat(en.getString(InspectorRow.MAX_CHILDREN)).isEqualTo("max_children");
    assertThat(InspectorSheet.limitText(en, new InspectorRow.Limit(2, 1, false)))
        .isEqualTo("2 (1 running)");
    assertThat(InspectorSheet.limitText(en, new InspectorRow.Limit(-1, 3, false)))
        .isEqualTo(":infinity (3 running)");
    assertThat(InspectorSheet.limitText(en, new InspectorRow.Limit(2, 2, true)))
        .isEqualTo("2: full (2 running), start_child answers {:error, :max_children}");
    assertThat(InspectorSheet.limitText(ko, new InspectorRow.Limit(2, 1, false)))
        .isEqualTo("2 (실행 중 1개)");
    assertThat(InspectorSheet.limitText(ko, new InspectorRow.Limit(2, 2, true)))
        .isEqualTo("2: 가득 참 (실행 중 2개), start_child는 {:error, :max_children}을 돌려줘요");
  }

  @Test
  void aFullDynamicSupervisorsBoxSaysSo() {
    var loaded =
        (ScenarioLoader.Result.Loaded)
            ScenarioLoader.parse(
                "max.json",
                """
                {"name": "max", "tree": {"id": "root", "children": [
                  {"id": "Pool", "dynamic": true, "max_children": 1, "children": []},
                  {"id": "Conn"}]},
                 "steps": []}
                """);
    MainViewModel vm = new MainViewModel();
    vm.load(loaded.scenario(), null);
    vm.runToIdle();
    ProcessNodeModel pool = vm.tree().node("root/Pool").orElseThrow();
    assertThat(ProcessNodeView.tagText(bundle(Locale.ENGLISH), pool))
        .isEqualTo("DynamicSupervisor");
    // the tree's own worker spec, started under the pool (as the window's Start child does)
    assertThat(vm.startChild("root/Pool", loaded.scenario().tree().children().get(1))).isTrue();
    vm.runToIdle();
    assertThat(ProcessNodeView.tagText(bundle(Locale.ENGLISH), pool))
        .isEqualTo("DynamicSupervisor \u00b7 full (1)");
    assertThat(ProcessNodeView.tagText(bundle(Locale.KOREAN), pool))
        .isEqualTo("DynamicSupervisor \u00b7 가득 참 (1)");
  }
}
