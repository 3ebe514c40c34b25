package dev.kaboom.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine stays headless and deterministic: no JavaFX, no UI, no clocks, no hidden randomness.
 */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kaboom");
  }

  @Test
  void engineOtpAndScenarioNeverDependOnJavaFxOrTheUi() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage("dev.kaboom.engine..", "dev.kaboom.otp..", "dev.kaboom.scenario..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "dev.kaboom.ui..")
            .because("the engine runs headless (CLI, tests) and the window only observes it");
    rule.check(classes);
  }

  @Test
  void theWindowsModelIsAFoldOfEventsAndReadsNoEngineObject() {
    noClasses()
        .that()
        .resideInAPackage("dev.kaboom.ui.model..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            dev.kaboom.engine.Node.class,
            dev.kaboom.engine.Proc.class,
            dev.kaboom.engine.Behavior.class,
            dev.kaboom.otp.SupervisorBehavior.class,
            dev.kaboom.otp.DynamicSupervisorBehavior.class,
            dev.kaboom.otp.GenServerBehavior.class)
        .because(
            "the tree, log and inspector models are folds of the event stream (issue 11):"
                + " the same events give the same picture, live, replayed or sought")
        .check(classes);
  }

  @Test
  void theTimelinesMarksAreAFoldOfEvents() {
    noClasses()
        .that()
        .belongToAnyOf(dev.kaboom.ui.sim.Visibility.class)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            dev.kaboom.engine.Node.class,
            dev.kaboom.engine.Proc.class,
            dev.kaboom.engine.VirtualScheduler.class,
            dev.kaboom.engine.Behavior.class,
            dev.kaboom.scenario.Simulation.class,
            dev.kaboom.ui.sim.EngineSession.class)
        .because(
            "which events get a beat and a timeline mark is worked out from the events alone"
                + " (issue 11), so marks are the same live, replayed or sought")
        .check(classes);
  }

  @Test
  void theSequenceChartIsExportedWithoutJavaFx() {
    noClasses()
        .that()
        .belongToAnyOf(
            dev.kaboom.ui.model.SequenceModel.class,
            dev.kaboom.ui.model.SequenceExport.class,
            dev.kaboom.cli.ExportCommand.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..")
        .because("export writes the chart as text from the pure model, with no display")
        .check(classes);
  }

  @Test
  void theConsoleRunsWithoutJavaFx() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.kaboom.console..", "dev.kaboom.lesson..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "dev.kaboom.ui..")
        .because(
            "the console is a terminal program on the engine, like iex, and a lesson runs in the"
                + " terminal as in the window")
        .check(classes);
  }

  @Test
  void engineAndOtpReadNoClockAndUseNoHiddenRandomness() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage("dev.kaboom.engine..", "dev.kaboom.otp..")
            .should()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(Math.class, "random")
            .orShould()
            .callMethod(UUID.class, "randomUUID")
            .orShould()
            .callMethod(Thread.class, "sleep", long.class)
            .orShould()
            .callMethod(Thread.class, "sleep", long.class, int.class)
            .because("time comes only from the Scheduler and randomness only from the node's seed");
    rule.check(classes);
  }

  @Test
  void packagesFormNoCycles() {
    slices()
        .matching("dev.kaboom.(**)")
        .should()
        .beFreeOfCycles()
        .because("each package can then be read, tested and changed from the bottom up")
        .check(classes);
  }
}
